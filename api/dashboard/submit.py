"""The submit form, turned into the same job request the HTTP API accepts.

The request shape is the API's (`{"article": {"text"|"html"|"url": …}, "sources":
[{"url": …}…], "quotes": [text…]}`), and the job goes through the API's own path:
its schema (JobIn), its URL policy (no private addresses), the store's create_job,
then the dispatcher's enqueue.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

MAX_ARTICLE_CHARS = 2_000_000
MODES = ("text", "html", "url")


@dataclass
class Submission:
    mode: str = "text"
    text: str = ""
    html: str = ""
    url: str = ""
    sources: str = ""
    quotes: str = ""
    errors: list[tuple[str, dict[str, Any]]] = field(default_factory=list)

    @classmethod
    def from_form(cls, form) -> Submission:
        def value(name: str) -> str:
            raw = form.get(name, "")
            return raw if isinstance(raw, str) else ""

        mode = value("mode")
        sub = cls(
            mode=mode if mode in MODES else "",
            text=value("text"),
            html=value("html"),
            url=value("url").strip(),
            sources=value("sources"),
            quotes=value("quotes"),
        )
        if not sub.mode:  # no JS, no radio chosen: take the one field that was filled
            sub.mode = next((m for m in MODES if getattr(sub, m).strip()), "text")
        return sub

    def request(self) -> dict[str, Any] | None:
        """The job request, or None with `errors` filled (message keys + values)."""
        self.errors = []
        article = getattr(self, self.mode).strip() if self.mode != "url" else self.url
        if not article:
            self.errors.append(("submit.need_article", {}))
        elif len(article) > MAX_ARTICLE_CHARS:
            self.errors.append(("submit.too_long", {}))
        elif self.mode == "url" and not is_web_url(article):
            self.errors.append(("submit.bad_url", {}))
        sources = _lines(self.sources)  # the API's schema refuses too many: never cut silently
        for number, line in enumerate(_lines(self.sources), start=1):
            if not is_web_url(line):
                self.errors.append(("submit.bad_source", {"line": number}))
                break
        if self.errors:
            return None
        body = self.text if self.mode == "text" else self.html
        request: dict[str, Any] = {"article": {self.mode: article if self.mode == "url" else body}}
        if sources:
            request["sources"] = [{"url": url} for url in sources]
        quotes = _lines(self.quotes)
        if quotes:
            request["quotes"] = quotes
        return request


def _lines(value: str) -> list[str]:
    return [line.strip() for line in value.splitlines() if line.strip()]


def is_web_url(value: str) -> bool:
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)


class SubmitRefused(Exception):
    """The API's validation refused the request; `messages` say why, one per problem."""

    def __init__(self, messages: list[str]):
        super().__init__("; ".join(messages))
        self.messages = messages


def create_job(dashboard, request: dict[str, Any], owner: str, audit: dict[str, Any] | None = None):
    """Create and enqueue the job as POST /v1/jobs does (through the API's context when
    the dashboard is mounted on the API app; store + dispatcher when it stands alone).

    `audit` (actor, action, before, after) is written in the job's own transaction, so a
    submitted job never stands without its "job.submitted" entry.
    """
    from pydantic import ValidationError

    from api.problems import ApiProblem
    from api.schemas import JobIn
    from api.submission import accept_job

    try:  # the API's schema in both cases: caps and duplicate names are refused alike
        body = JobIn.model_validate(request)
    except ValidationError as exc:
        raise SubmitRefused([_pydantic_message(e) for e in exc.errors()]) from None
    context = dashboard.api_context() if dashboard.api_context else None
    if context is None:
        job, _created = dashboard.store.create_job(request, owner=owner, audit=audit)
        dashboard.dispatcher().enqueue(job.id)
        return job
    try:
        job, _created = accept_job(body, context, owner=owner, audit=audit)
    except ApiProblem as exc:
        errors = exc.ext.get("errors") or []
        messages = [f"{e.get('pointer', '')}: {e.get('message', '')}" for e in errors]
        raise SubmitRefused(messages or [str(exc)]) from None
    return job


def _pydantic_message(error: dict[str, Any]) -> str:
    where = "/".join(str(part) for part in error.get("loc", ()))
    return f"{where}: {error.get('msg', 'invalid')}" if where else str(error.get("msg"))
