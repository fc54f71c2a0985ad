"""Request and response bodies of the HTTP API (pydantic), which also make the OpenAPI.

Requests are strict: unknown fields, empty strings, NUL characters and lone
surrogates (which PostgreSQL cannot store) are refused with 422 rather than stored.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any
from urllib.parse import urlsplit, urlunsplit

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from quotetrail.core.models import Verdict
from quotetrail.store.records import JobStatus

MAX_TEXT_CHARS = 1_000_000
MAX_URL_CHARS = 2048
MAX_QUOTE_CHARS = 2000
MAX_QUOTES = 100
MAX_SOURCES = 50
MAX_NAME_CHARS = 200

JobStatusName = JobStatus  # the store's statuses and the pipeline's verdicts, spelled once
VerdictName = Verdict


def _storable(value: str) -> str:
    if "\x00" in value:
        raise ValueError("NUL characters are not allowed")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ValueError("text must be valid Unicode (no lone surrogates)") from exc
    if not value.strip():
        raise ValueError("must not be blank")
    return value


def _text(max_length: int) -> Any:
    return Annotated[str, Field(min_length=1, max_length=max_length), AfterValidator(_storable)]


Text = _text(MAX_TEXT_CHARS)


def _without_credentials(value: str) -> str:
    """`https://user:pw@host/x` → `https://host/x`: credentials are never stored, echoed in
    `source` or `final_url`, nor sent by the fetcher."""
    try:
        parts = urlsplit(value.strip())
    except ValueError:
        return value  # check_urls says why it is not a URL
    if "@" not in parts.netloc:
        return value
    host = parts.netloc.rsplit("@", 1)[1]
    return urlunsplit(parts._replace(netloc=host))


Url = Annotated[
    str,
    Field(min_length=1, max_length=MAX_URL_CHARS, examples=["https://news.example/2026/bridges"]),
    AfterValidator(_storable),
    AfterValidator(_without_credentials),
]
QuoteText = _text(MAX_QUOTE_CHARS)
Name = _text(MAX_NAME_CHARS)


def _iso_date(value: str) -> str:
    from quotetrail.discover.dates import parse_date
    from quotetrail.errors import InputError

    try:
        return parse_date(value).isoformat()
    except InputError as exc:
        raise ValueError(str(exc)) from None


def _window(value: str) -> str:
    from datetime import date

    from quotetrail.discover.dates import parse_window
    from quotetrail.errors import InputError

    try:
        parse_window(value, date.today())
    except InputError as exc:
        raise ValueError(str(exc).replace("--window", "window")) from None
    return value.strip()


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


def _exactly_one(model: BaseModel, fields: tuple[str, ...]) -> None:
    given = [name for name in fields if getattr(model, name) is not None]
    if len(given) != 1:
        raise ValueError(f"give exactly one of {', '.join(fields)} (got {len(given) or 'none'})")


class ArticleIn(_Strict):
    """The article to check: its text, its HTML, or a URL to fetch it from."""

    text: Text | None = None
    html: Text | None = None
    url: Url | None = None

    @model_validator(mode="after")
    def _one_form(self) -> ArticleIn:
        _exactly_one(self, ("text", "html", "url"))
        return self


class SourceIn(_Strict):
    """A source to check quotes against: a URL to fetch, or named text/HTML you already have."""

    url: Url | None = None
    name: Name | None = None
    text: Text | None = None
    html: Text | None = None

    @model_validator(mode="after")
    def _one_form(self) -> SourceIn:
        _exactly_one(self, ("url", "text", "html"))
        if self.url is None and self.name is None:
            raise ValueError("a text or html source needs a name")
        return self


class JobIn(_Strict):
    article: ArticleIn | None = None
    quotes: list[QuoteText] | None = Field(default=None, max_length=MAX_QUOTES)
    sources: list[SourceIn] = Field(default_factory=list, max_length=MAX_SOURCES)
    callback_url: Url | None = None
    # leave out the article's items extracted with less confidence than this (0..1);
    # quotetrail.core.extract.DEFAULT_MIN_CONFIDENCE is the documented "hide low" value
    min_confidence: float | None = Field(default=None, ge=0.0, le=1.0)
    # discovery (quotetrail/discover): look for the credited outlets' pages by itself
    discover: bool = Field(
        default=True, description="search the credited outlets' listings for their pages"
    )
    date: Annotated[str, AfterValidator(_iso_date)] | None = Field(
        default=None, description="the article's date, YYYY-MM-DD (default: read from the page)"
    )
    window: Annotated[str, AfterValidator(_window)] | None = Field(
        default=None,
        description="days searched around the article date: BEFORE:AFTER (default 7:1) "
        "or YYYY-MM-DD..YYYY-MM-DD",
        max_length=40,
    )

    @model_validator(mode="after")
    def _something_to_check(self) -> JobIn:
        if self.article is None and not self.quotes:
            raise ValueError("give an article, or at least one quote")
        return self

    @model_validator(mode="after")
    def _distinct_source_names(self) -> JobIn:
        """A source's name (its URL, or the name of pasted text) keys its evidence: two
        sources with one name would be merged and one silently dropped."""
        seen: dict[str, int] = {}
        clashes = []
        for i, source in enumerate(self.sources):
            label = source.url if source.url is not None else source.name
            if label in seen:
                clashes.append(f"{label!r} (sources {seen[label]} and {i})")
            else:
                seen[str(label)] = i
        if clashes:
            raise ValueError("each source needs its own name; given twice: " + ", ".join(clashes))
        return self

    def to_request(self) -> dict[str, Any]:
        """What the store keeps and the workers read (`discover` only when turned off:
        the workers treat a missing `discover` as on)."""
        request = self.model_dump(exclude_none=True)
        if request.get("discover") is True:
            del request["discover"]
        return request


class Progress(BaseModel):
    sources_done: int
    sources_total: int
    quotes_done: int
    quotes_total: int


class JobAccepted(BaseModel):
    id: str
    status: JobStatusName
    created_at: datetime
    links: dict[str, str] = Field(description="self, sources and the list of jobs")


class JobSummary(BaseModel):
    id: str
    status: JobStatusName
    created_at: datetime
    updated_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    title: str | None
    progress: Progress
    cited_outlets: list[str]
    verdict_counts: dict[str, int]
    error: str | None
    links: dict[str, str]


class JobDetail(JobSummary):
    result: dict[str, Any] | None = Field(
        description=(
            "When succeeded: the report, the same JSON as `quotetrail verify --format json`."
            " Each quotes[].evidence[] entry has lang (the passage's language), aligned[]"
            " ({quote, source, score}), anchors[] ({kind: number|name|date|negation, quote,"
            " source, agree}) and translation (display-only, or null); verdicts include"
            " `translated`."
        )
    )


class JobList(BaseModel):
    items: list[JobSummary]
    next: str | None = Field(description="URL of the next page, absent on the last page")
    links: dict[str, str]


class SourceView(BaseModel):
    index: int
    source: str
    status: str
    error: str | None
    final_url: str | None
    http_status: int | None
    content_type: str | None
    fetched_at: datetime | None
    sha256: str | None
    body_size: int | None
    links: dict[str, str]


class SourceList(BaseModel):
    items: list[SourceView]


class ProblemError(BaseModel):
    pointer: str
    loc: list[str | int]
    message: str
    type: str


class Problem(BaseModel):
    """RFC 9457 problem details."""

    model_config = ConfigDict(extra="allow")

    type: str = "about:blank"
    title: str
    status: int
    detail: str | None = None
    instance: str | None = None
    errors: list[ProblemError] | None = None


class Health(BaseModel):
    status: str
    checks: dict[str, str] = Field(default_factory=dict)
