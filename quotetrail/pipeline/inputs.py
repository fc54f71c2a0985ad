"""What the user hands a check, and the small readers that vet it before anything is fetched.

    ARTICLE  ─► ArticleInput (text | html | url | path | body)
    --source ─► source_spec ─► SourceSpec (url | file | text | html) ─► … ─► SourceText

`source_spec`, `url_problem` and `read_file_bytes` turn a bad value into an InputError
in words (a missing file, a directory, an oversized file, a URL that is not http(s)):
the user typed it, so the user is told, before any worker or fetcher is involved.
`SourceText` is what reading a source gives back, its evidence (body, type, status)
kept so a worker can store the page as it was when checked.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from quotetrail.core.charset import MAX_INPUT_BYTES
from quotetrail.core.document import Document
from quotetrail.core.models import SourceStatus
from quotetrail.errors import InputError

SourceKind = Literal["url", "file", "text", "html"]
SourceOrigin = Literal["user", "link", "outlet"]

# Links in an article beyond this many are not fetched (menus that slipped into the
# main text would otherwise turn one check into a crawl).
MAX_LINK_SOURCES = 25
DEFAULT_WORKERS = 4


@dataclass(frozen=True, slots=True)
class ArticleInput:
    """Where the article comes from: exactly one of the fields is expected.

    `body` (+ optional `content_type`) is for bytes already in hand, such as stdin
    or an upload; `source` is the string to report it by ("-" for stdin).
    """

    text: str | None = None
    html: str | None = None
    url: str | None = None
    path: str | None = None
    body: bytes | None = None
    content_type: str | None = None
    source: str | None = None

    @property
    def label(self) -> str:
        return self.source or self.url or self.path or ("-" if self.body is not None else "")


@dataclass(frozen=True, slots=True)
class SourceSpec:
    """One place to look for the quotes. `source` is the user's string, echoed in results."""

    source: str
    kind: SourceKind
    value: str
    name: str | None = None
    origin: SourceOrigin = "user"
    # provenance (the report's sources[].found_by / found_via / archived_at); None = from origin
    found_by: str | None = None
    found_via: str | None = None
    archived_at: str | None = None

    @property
    def how_found(self) -> str:
        """`found_by` of the report: given by the user, a link of the article, or discovery's."""
        return self.found_by or ("given" if self.origin == "user" else "link")


@dataclass(frozen=True, slots=True)
class SourceText:
    """A source after reading: its status, and its main text (None when unreadable).

    `body`, `content_type` and `http_status` are what was fetched or read, kept so a
    worker can store a snapshot of the page as it was when checked.
    """

    spec: SourceSpec
    status: SourceStatus
    text: str | None = None
    document: Document | None = field(default=None, compare=False, repr=False)
    body: bytes | None = field(default=None, compare=False, repr=False)
    content_type: str | None = None
    http_status: int | None = None


# Called after each source is read: (sources done, sources total, that source).
Progress = Callable[[int, int, SourceText], None]


def source_spec(value: str) -> SourceSpec:
    """What a `--source` string names: an http(s) URL, else a file path."""
    if is_web_url(value):
        return SourceSpec(source=value, kind="url", value=value)
    if not value.strip():
        raise InputError("--source was given an empty value")
    problem = url_problem(value)
    if problem:
        raise InputError(f"source {value!r}: {problem}")
    return SourceSpec(source=value, kind="file", value=value)


def read_file_bytes(path: str, *, max_bytes: int = MAX_INPUT_BYTES) -> bytes:
    """A local file's bytes, refusing directories, missing files and oversized files in words."""
    p = Path(path)
    try:
        if p.is_dir():
            raise InputError(f"{path} is a directory, not a file")
        size = p.stat().st_size
        if size > max_bytes:
            raise InputError(
                f"{path} is too large ({size / 1048576:.1f} MB, limit {max_bytes / 1048576:.1f} MB)"
            )
        with p.open("rb") as f:
            body = f.read(max_bytes + 1)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if len(body) > max_bytes:
        raise InputError(f"{path} is too large (limit {max_bytes / 1048576:.1f} MB)")
    return body


def guess_content_type(path: str, body: bytes) -> str | None:
    """HTML or text by file name; None (let the reader sniff) for unknown names."""
    guessed, _ = mimetypes.guess_type(path)
    if guessed in ("text/html", "application/xhtml+xml", "text/plain", "text/markdown"):
        return guessed
    return None


def url_problem(value: str) -> str | None:
    """Why a string that looks like a URL cannot be fetched; None for a fetchable URL or a path."""
    if "://" not in value or is_web_url(value):
        return None
    scheme = value.split("://", 1)[0].lower()
    if scheme in ("http", "https"):
        return "not a valid URL (no host)"
    return f"only http and https URLs can be fetched, not {scheme}"


def is_web_url(value: str) -> bool:
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def error_reason(exc: BaseException) -> str:
    """An exception as one line for a report or stderr (fetch errors carry newlines)."""
    return " ".join(str(exc).split()) or type(exc).__name__


def iso_or_none(value: object) -> str | None:
    """A fetch time as ISO text for the report (a datetime, or whatever a fake fetcher gives)."""
    if value is None:
        return None
    iso = getattr(value, "isoformat", None)
    return iso() if callable(iso) else str(value)
