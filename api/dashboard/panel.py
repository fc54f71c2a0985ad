"""What a quote's panel shows: the deciding source first, the others folded.

    quote.evidence[] + report.sources[] + stored sources
        └─► SourceView per source: outlet display name (registry, name_ru in Russian),
            host, verdict, score, passage diff, reasons in plain words, how it was found
            (found_by/found_via), archived copy (archived_at), cross-language fields
        └─► deciding = the evidence behind the quote's verdict (same verdict, best
            score; rank order otherwise), others = the rest, best first

Pure data for the templates and the exports; no web objects. Fields other helpers add
to the report (found_by, archived_at, lang, aligned, anchors, translation) are read with
.get() so older reports draw the same panel without them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any
from urllib.parse import urlsplit

from api.dashboard.article import DiffPiece, diff_pieces
from api.dashboard.reasons import Reason, explain_all
from quotetrail.core.models import VERDICT_RANK

FOUND_BY = ("link", "given", "sitemap", "feed", "archive_page", "search", "wayback")


@cache
def _registry():
    from quotetrail.core.outlets import OutletRegistry

    try:
        return OutletRegistry.load()
    except Exception:  # a broken $QUOTETRAIL_OUTLETS file must not take the pages down
        return OutletRegistry.default()


def outlet_record(name: str | None):
    if not name:
        return None
    return _registry().resolve(name) or _registry().get(str(name).lower())


def outlet_display(name: str | None, lang: str) -> str | None:
    """The outlet's name for a reader of `lang`: name_ru in Russian when the registry has it."""
    if not name:
        return None
    outlet = outlet_record(name)
    if outlet is None:
        return name
    if lang == "ru":
        return getattr(outlet, "name_ru", None) or outlet.name
    return outlet.name


def outlet_terms(name: str | None) -> list[str]:
    """Every way of naming the outlet (name, Russian name, aliases, domains), for search."""
    outlet = outlet_record(name)
    if outlet is None:
        return [name] if name else []
    terms = [outlet.name, getattr(outlet, "name_ru", None) or "", *outlet.aliases, *outlet.domains]
    return [t for t in terms if t]


def host_of(value: str | None) -> str | None:
    if not value or "://" not in value:
        return None
    try:
        host = urlsplit(value).hostname
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None


@dataclass
class SourceView:
    source: str
    outlet: str | None
    name: str  # outlet display name, else host, else the source string
    host: str | None
    verdict: str
    score: Any
    passage: str
    diff: list[DiffPiece]
    reasons: list[Reason]
    status: str | None = None
    error: str | None = None
    live: str | None = None
    viewer: str | None = None
    found_by: str | None = None
    found_via: str | None = None
    archived_at: str | None = None
    lang: str | None = None
    translation: str | None = None
    aligned: list[dict[str, Any]] = field(default_factory=list)
    anchors: list[dict[str, Any]] = field(default_factory=list)

    @property
    def archived(self) -> bool:
        return bool(self.archived_at) or self.found_by == "wayback"

    @property
    def discovered(self) -> bool:
        return self.found_by not in (None, "link", "given")


def source_view(
    evidence: dict[str, Any],
    status: dict[str, Any] | None,
    links: dict[str, Any] | None,
    lang: str,
) -> SourceView:
    status = status or {}
    links = links or {}
    source = str(evidence.get("source") or status.get("source") or "")
    outlet = status.get("outlet") or None
    host = host_of(status.get("final_url")) or host_of(source)
    name = outlet_display(outlet, lang) or host or source
    return SourceView(
        source=source,
        outlet=outlet,
        name=name,
        host=host,
        verdict=evidence.get("verdict") or "unverifiable",
        score=evidence.get("score", 0),
        passage=evidence.get("passage") or "",
        diff=diff_pieces(evidence.get("diff") or []),
        reasons=explain_all(evidence.get("reasons"), lang),
        status=status.get("status"),
        error=status.get("error"),
        live=links.get("live"),
        viewer=links.get("viewer"),
        found_by=status.get("found_by"),
        found_via=status.get("found_via"),
        archived_at=status.get("archived_at"),
        lang=evidence.get("lang"),
        translation=evidence.get("translation"),
        aligned=list(evidence.get("aligned") or []),
        anchors=list(evidence.get("anchors") or []),
    )


def _rank(verdict: str) -> int:
    return VERDICT_RANK.get(verdict, 9)


def split_sources(
    quote: dict[str, Any],
    statuses: dict[str, dict[str, Any]],
    links: dict[str, dict[str, Any]],
    lang: str,
) -> tuple[SourceView | None, list[SourceView]]:
    """(deciding source, the others best first) for one quote."""
    views = [
        source_view(e, statuses.get(str(e.get("source"))), links.get(str(e.get("source"))), lang)
        for e in quote.get("evidence") or []
    ]
    if not views:
        return None, []
    verdict = quote.get("verdict")

    def order(v: SourceView) -> tuple:
        score = v.score if isinstance(v.score, int | float) else 0
        return (v.verdict != verdict, _rank(v.verdict), -score)

    views.sort(key=order)
    return views[0], views[1:]


def is_cross_language(view: SourceView, quote_lang: str | None) -> bool:
    return bool(view.lang and quote_lang and view.lang != quote_lang) or bool(view.aligned)
