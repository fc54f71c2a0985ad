"""Request and response bodies of the HTTP API (pydantic), which also make the OpenAPI.

Requests are strict: unknown fields, empty strings, NUL characters and lone
surrogates (which PostgreSQL cannot store) are refused with 422 rather than stored.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

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
Url = Annotated[
    str,
    Field(min_length=1, max_length=MAX_URL_CHARS, examples=["https://news.example/2026/bridges"]),
    AfterValidator(_storable),
]
QuoteText = _text(MAX_QUOTE_CHARS)
Name = _text(MAX_NAME_CHARS)


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

    @model_validator(mode="after")
    def _something_to_check(self) -> JobIn:
        if self.article is None and not self.quotes:
            raise ValueError("give an article, or at least one quote")
        return self

    def to_request(self) -> dict[str, Any]:
        """What the store keeps and the workers read."""
        return self.model_dump(exclude_none=True)


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
