"""What a job's stored request asks for, turned into the pipeline's inputs — and the
job's plan (quotes, sources, article summary) that travels with its task messages.

The plan rides in the messages instead of the store: it is small (quotes and source
addresses, no page text) and fully derived from the stored request, so any lost
message is recovered by re-running extraction, which derives the same plan again.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from functools import cache, lru_cache
from typing import Any

from quotetrail.core.models import Quote
from quotetrail.errors import InputError
from quotetrail.pipeline import ArticleInput, Hints, SourceSpec, plan_check

# A job never reads the worker's own disk: "file" sources are for the CLI only.
SERVICE_SOURCE_KINDS = ("url", "text", "html")

# The pipeline's errors, worded for an API request rather than CLI flags.
SERVICE_HINTS = Hints(
    nothing="give an article or at least one quote",
    quotes="give the quotes explicitly",
    sources="give sources, or an article that links to them",
    relative="give the pages as sources",
)


@dataclass(frozen=True)
class Plan:
    quotes: tuple[Quote, ...]
    specs: tuple[SourceSpec, ...]
    article: dict[str, Any]
    # The article's main text: stored once with the job (quote offsets point into it),
    # never sent along with task messages.
    text: str = ""
    discover: bool = False  # run the discovery stage (worker/discovery.py)
    # set by the discovery stage: it ran, and what it searched (the report's searches[])
    discovered: bool = False
    searches: tuple[dict[str, Any], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "quotes": [q.to_dict() for q in self.quotes],
            "specs": [asdict(s) for s in self.specs],
            "article": self.article,
            "discover": self.discover,
            "discovered": self.discovered,
            "searches": list(self.searches),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Plan:
        return cls(
            quotes=tuple(Quote(**q) for q in data["quotes"]),
            specs=tuple(SourceSpec(**s) for s in data["specs"]),
            article=dict(data.get("article") or {}),
            discover=bool(data.get("discover")),
            discovered=bool(data.get("discovered")),
            searches=tuple(dict(x) for x in data.get("searches") or ()),
        )


@cache
def service_registry() -> Any:
    """The packaged outlet registry extended by the QUOTETRAIL_OUTLETS files, as in the CLI
    (discovery needs the operator's `[[outlet.listing]]` entries).

    Built once per process and QUOTETRAIL_OUTLETS value, with `for_url` remembered: every
    task asks it about the same few source addresses several times (labels, outlets of
    stored pages), and each question is a scan of every registry domain (~1 ms)."""
    import os

    return _registry_for(os.environ.get("QUOTETRAIL_OUTLETS", ""))


@cache
def _registry_for(outlet_files: str) -> Any:
    from quotetrail.core.outlets import OutletRegistry

    class ServiceRegistry(OutletRegistry):
        """The registry with `for_url` answers kept (bounded): the registry never changes."""

        def __init__(self, outlets: Any) -> None:
            super().__init__(outlets)
            self._for_url = lru_cache(maxsize=4096)(super().for_url)

        def for_url(self, url: str) -> Any:
            return self._for_url(url)

    return ServiceRegistry(OutletRegistry.load().outlets)


def article_input(request: Mapping[str, Any]) -> ArticleInput | None:
    """The article part of a request: {"article": {"url"|"text"|"html": ...}} or a bare string."""
    article = request.get("article")
    if article is None:
        return None
    if isinstance(article, str):
        value = article.strip()
        if value.startswith(("http://", "https://")):
            return ArticleInput(url=value)
        return ArticleInput(text=article)
    if not isinstance(article, Mapping):
        raise InputError("article must be an object with one of url, text or html")
    for key in ("url", "html", "text"):
        value = article.get(key)
        if isinstance(value, str) and value.strip():
            return ArticleInput(**{key: value})
    raise InputError("article needs one of url, text or html")


def given_quotes(request: Mapping[str, Any]) -> list[str]:
    quotes = request.get("quotes") or []
    return [q if isinstance(q, str) else str(q.get("text", "")) for q in quotes]


def user_sources(request: Mapping[str, Any]) -> list[SourceSpec]:
    """The request's sources: URL strings, or objects with url / text / html (+ name)."""
    specs = []
    for item in request.get("sources") or []:
        if isinstance(item, str):
            specs.append(SourceSpec(source=item, kind="url", value=item))
            continue
        kind = next((k for k in SERVICE_SOURCE_KINDS if item.get(k)), None)
        if kind is None:
            raise InputError("each source needs one of url, text or html")
        value = item[kind]
        name = item.get("name")
        label = item.get("source") or (value if kind == "url" else name or f"{kind} source")
        specs.append(SourceSpec(source=label, kind=kind, value=value, name=name))
    return specs


def build_plan(request: Mapping[str, Any], fetcher: Any, registry: Any) -> Plan:
    """Read the article and pick quotes and labelled sources exactly as `quotetrail verify`
    does (one shared `plan_check`); InputError when there is nothing to check."""
    from worker.discovery import wanted  # discovery stage: its request fields

    discover = wanted(request)
    checked = plan_check(
        article_input(request),
        given_quotes(request),
        user_sources(request),
        fetcher=fetcher,
        registry=registry,
        hints=SERVICE_HINTS,
        min_confidence=float(request.get("min_confidence") or 0.0),
        discover=discover,
        date=request.get("date"),
        window=request.get("window"),
    )
    specs = [s for s in checked.specs if s.kind in SERVICE_SOURCE_KINDS]
    text = checked.document.text if checked.document is not None else ""
    return Plan(
        quotes=tuple(checked.quotes),
        specs=tuple(specs),
        article=checked.article,
        text=text,
        discover=discover,
    )
