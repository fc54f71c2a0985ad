"""From an article and its sources to a Report, one stage at a time.

    read_article ─► quotes_for ─┐
          │                     ├─► evaluate ─► Report
          └──► sources_for ─► read_source (each, in a small thread pool)

Each stage is usable alone so a worker can run them one by one (and store what
each produced); `verify` runs them all. `plan_check` is the left half — article to
quotes and outlet-labelled sources — and is the one place both the CLI (`verify`)
and the service's workers decide what to check, so both give the same report. The stages that touch the outside world
(files and the fetcher) live here; the judging is the pure `quotetrail.core.report`.

Source problems never raise: a source that cannot be fetched, decoded or read
becomes a `SourceStatus` with status "error" and later `unverifiable` evidence.
Article problems do raise `InputError`: without an article there is nothing to do.

The outlet an article credits is checked when the article links to it or the user
gives its page as a source; such sources are labelled with the outlet's name. When
none carries a quote, `verify(discovery=...)` runs quotetrail.discover (lazily imported:
discovery builds on this module) to find the outlet's page in its listings.
"""

from __future__ import annotations

import mimetypes
import os
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field, replace
from html import unescape as html_unescape
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import urldefrag, urlsplit

from rapidfuzz import fuzz

from quotetrail.core import semantic
from quotetrail.core.charset import MAX_INPUT_BYTES, decode_body
from quotetrail.core.document import (
    HTML_TYPES,
    Document,
    document_from_bytes,
    document_from_html,
    document_from_text,
    looks_like_html,
)
from quotetrail.core.extract import extract_quotes
from quotetrail.core.html_meta import base_url, resolve_links
from quotetrail.core.models import Quote, Report, SourceStatus
from quotetrail.core.outlets import OutletRegistry
from quotetrail.core.report import evaluate
from quotetrail.errors import InputError
from quotetrail.fetch.errors import FetchError
from quotetrail.fetch.settings import FetchSettings

if TYPE_CHECKING:  # httpx (the fetcher's client) loads only when something is fetched
    from quotetrail.fetch import Fetcher, FetchResult

__all__ = [
    "CLI_HINTS",
    "ArticleInput",
    "CheckPlan",
    "Hints",
    "LoadedArticle",
    "Progress",
    "SourceSpec",
    "SourceText",
    "article_meta",
    "build_fetcher",
    "document_of",
    "duplicate_sources",
    "fetch_settings",
    "is_web_url",
    "link_outlets",
    "load_article",
    "locate_quote",
    "page_outlet",
    "plan_check",
    "quotes_for",
    "read_article",
    "read_file_bytes",
    "read_source",
    "read_sources",
    "source_outlet",
    "source_spec",
    "sources_for",
    "url_problem",
    "verify",
]

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


# --- the article ---------------------------------------------------------------


def read_article(article: ArticleInput, fetcher: Fetcher | None = None) -> Document:
    """The article as a Document; InputError (one line, fit for stderr) if it cannot be read."""
    return document_of(load_article(article, fetcher))


@dataclass(frozen=True, slots=True)
class LoadedArticle:
    """The article's raw content, kept so its links' anchor texts can be read too.

    `base` is where its relative links point: its URL, or for a saved page (a file,
    stdin) the canonical URL the page declares — the address it was saved from.
    """

    content: bytes | str
    content_type: str | None
    url: str | None
    base: str | None = None

    @property
    def link_base(self) -> str | None:
        return self.url or self.base


def load_article(article: ArticleInput, fetcher: Fetcher | None = None) -> LoadedArticle:
    """The article's bytes (or text) and type, from wherever the user pointed."""
    if article.text is not None:
        return LoadedArticle(article.text, "text/plain", None)
    if article.html is not None:
        return _saved(article.html, "text/html", article.url)
    if article.body is not None:
        return _saved(article.body, article.content_type, article.url)
    if article.path is not None:
        body = read_file_bytes(article.path)
        return _saved(body, guess_content_type(article.path, body), None)
    if article.url is not None:
        if fetcher is None:
            raise InputError("fetching the article needs a fetcher")
        result = _fetch_or_input_error(fetcher, article.url)
        return LoadedArticle(result.body, result.content_type, result.final_url)
    raise InputError("no article given")


def _saved(content: bytes | str, content_type: str | None, url: str | None) -> LoadedArticle:
    """Content in hand; without a URL, its own canonical address (if any) resolves its links."""
    if url is not None:
        return LoadedArticle(content, content_type, url)
    head = content[:65536]
    head = head.decode("utf-8", "replace") if isinstance(head, bytes) else head
    for match in _CANONICAL.finditer(head):
        candidate = html_unescape(match.group(1) or match.group(2))
        if is_web_url(candidate):
            return LoadedArticle(content, content_type, None, candidate)
    return LoadedArticle(content, content_type, None)


def document_of(loaded: LoadedArticle) -> Document:
    if isinstance(loaded.content, bytes):
        return document_from_bytes(loaded.content, loaded.content_type, loaded.link_base)
    if loaded.content_type == "text/html":
        return document_from_html(loaded.content, loaded.link_base)
    return document_from_text(loaded.content)


def _relative_links(loaded: LoadedArticle) -> int:
    """How many of an HTML article's links could not be followed for want of an address."""
    if loaded.link_base is not None:
        return 0
    content = loaded.content
    text = content.decode("utf-8", "replace") if isinstance(content, bytes) else content
    hrefs = re.findall(r"""<a\b[^>]*\bhref\s*=\s*["']?([^"'\s>]+)""", text, re.I)
    return sum(1 for h in hrefs if not h.startswith("#") and "://" not in h and ":" not in h[:12])


def link_outlets(loaded: LoadedArticle, registry: OutletRegistry) -> dict[str, str]:
    """Links whose anchor text is an outlet's name ("told <a>TASS</a>"), as url -> outlet name.

    How a link to an outlet's page is recognised when its address does not tell
    (a mirror, an archive copy, a local test server).
    """
    if isinstance(loaded.content, bytes):
        try:
            html = decode_body(loaded.content, loaded.content_type)
        except InputError:
            return {}
    else:
        html = loaded.content
    media_type = (loaded.content_type or "").split(";", 1)[0].strip().lower()
    if media_type not in HTML_TYPES and not (not media_type and looks_like_html(html)):
        return {}
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")
    base = base_url(soup, loaded.link_base)
    labels: dict[str, str] = {}
    for anchor in soup.find_all("a", href=True):
        outlet = registry.resolve(anchor.get_text(" ", strip=True))
        if outlet is None:
            continue
        for url in resolve_links([anchor["href"]], base):
            labels.setdefault(url, outlet.name)
    return labels


def article_meta(
    article: ArticleInput, document: Document | None, quotes: int, *, url: str | None = None
) -> dict[str, Any]:
    """The `article` object of the report: what was read, so a reader can tell it was the right page.

    `url` is where a fetched article ended up after redirects.
    """
    if document is None:
        return {
            "source": None,
            "url": None,
            "title": None,
            "lang": None,
            "chars": 0,
            "links": 0,
            "quotes": quotes,
        }
    return {
        "source": article.label or None,
        "url": url or article.url,
        "title": document.title,
        "lang": document.lang,
        "chars": len(document.text),
        "links": len(document.links),
        "quotes": quotes,
    }


def _fetch_or_input_error(fetcher: Fetcher, url: str) -> FetchResult:
    try:
        return fetcher.fetch(url)
    except FetchError as exc:
        raise InputError(f"cannot fetch the article: {_reason(exc)}") from None


# --- the quotes ----------------------------------------------------------------


def quotes_for(
    document: Document | None,
    given: Sequence[str],
    registry: OutletRegistry,
    *,
    min_confidence: float = 0.0,
) -> list[Quote]:
    """The quotes to check: the user's (located in the article when possible) or the article's own.

    `min_confidence` hides the article's own low-confidence items; a quote the user gave
    is always checked.
    """
    found = (
        extract_quotes(document.text, registry, min_confidence=min_confidence)
        if document is not None
        else []
    )
    if not given:
        return found
    quotes = []
    for text in given:
        text = " ".join(text.split())
        if not text:
            raise InputError("--quote was given an empty text")
        quotes.append(locate_quote(text, document, found))
    return quotes


def locate_quote(text: str, document: Document | None, found: Sequence[Quote]) -> Quote:
    """A user-given quote, with offsets, speaker and outlet borrowed from the article if it is there."""
    if document is None:
        return Quote(text=text)
    key = _match_key(text)
    for quote in found:
        other = _match_key(quote.text)
        if key and (key == other or _contains(other, key) or _contains(key, other)):
            start, end = _find_span(text, document.text) or (quote.start, quote.end)
            return replace(quote, text=text, start=start, end=end)
    span = _find_span(text, document.text)
    if span is None:
        return Quote(text=text)
    return Quote(text=text, start=span[0], end=span[1])


_NON_WORD = re.compile(r"[\W_]+")
_MIN_PART = 15  # shorter fragments ("the", "we will") would borrow a stranger's speaker


def _contains(whole: str, part: str) -> bool:
    return len(part) >= _MIN_PART and f" {part} " in f" {whole} "


def _fold(text: str) -> str:
    return text.lower().replace("ё", "е")


def _match_key(text: str) -> str:
    return _NON_WORD.sub(" ", text.casefold().replace("ё", "е")).strip()


def _find_span(text: str, haystack: str) -> tuple[int, int] | None:
    """Where `text` stands in `haystack`: exactly, or nearly (rapidfuzz alignment, score ≥ 90).

    Case and ё/е are folded first when that keeps every offset in place, so a quote
    typed in capitals gets its own span rather than the whole quote around it.
    """
    at = haystack.find(text)
    if at >= 0:
        return at, at + len(text)
    folded, folded_hay = _fold(text), _fold(haystack)
    if len(folded) == len(text) and len(folded_hay) == len(haystack):
        text, haystack = folded, folded_hay
        at = haystack.find(text)
        if at >= 0:
            return at, at + len(text)
    alignment = fuzz.partial_ratio_alignment(text, haystack, score_cutoff=90)
    if alignment is None:
        return None
    return alignment.dest_start, alignment.dest_end


# --- the sources ---------------------------------------------------------------


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


def sources_for(
    document: Document | None,
    user_sources: Sequence[SourceSpec],
    registry: OutletRegistry,
    *,
    max_links: int = MAX_LINK_SOURCES,
    labels: Mapping[str, str] | None = None,
    article_urls: Sequence[str | None] = (),
) -> list[SourceSpec]:
    """The user's sources, then the article's links (deduplicated), labelled with their outlet.

    `labels` (from `link_outlets`) name the outlet of links whose address does not;
    links back to the article itself (`article_urls`: "#comments", share links) are skipped.
    """
    labels = labels or {}
    specs: list[SourceSpec] = []
    seen: set[str] = set()
    duplicates = duplicate_sources(user_sources)
    if duplicates:  # results are joined back on these strings: merging would lose one
        raise InputError(f"two sources have the same name: {', '.join(duplicates)}")
    for spec in user_sources:  # kept as typed
        seen.add(_dedupe_key(spec))
        specs.append(_with_outlet(spec, registry))
    links = document.links if document is not None else ()
    seen.update("url:" + urldefrag(u)[0] for u in article_urls if u)
    added = 0
    for link in links:
        name = labels.get(link)
        origin: SourceOrigin = "outlet" if name else "link"
        spec = SourceSpec(source=link, kind="url", value=link, name=name, origin=origin)
        key = _dedupe_key(spec)
        if key in seen or added >= max_links:
            continue
        seen.add(key)
        added += 1
        specs.append(_with_outlet(spec, registry))
    return specs


def duplicate_sources(user_sources: Sequence[SourceSpec]) -> list[str]:
    """Source names given more than once, in first-seen order (each evidence row is keyed
    by its name, so two pasted texts with one name would silently become one)."""
    counts = Counter(spec.source for spec in user_sources)
    return [name for name, count in counts.items() if count > 1]


def _with_outlet(spec: SourceSpec, registry: OutletRegistry) -> SourceSpec:
    if spec.name or spec.kind != "url":
        return spec
    outlet = registry.for_url(spec.value)
    if outlet is None:
        return spec
    origin: SourceOrigin = "outlet" if spec.origin == "link" else spec.origin
    return replace(spec, name=outlet.name, origin=origin)


def _dedupe_key(spec: SourceSpec) -> str:
    if spec.kind == "url":
        return "url:" + urldefrag(spec.value)[0]
    if spec.kind == "file":
        return "file:" + os.path.abspath(spec.value)
    return f"{spec.kind}:{spec.source}"


def read_source(
    spec: SourceSpec, fetcher: Fetcher | None = None, registry: OutletRegistry | None = None
) -> SourceText:
    """Read one source; problems come back as status "error" with a reason, never as exceptions."""
    base = SourceStatus(
        source=spec.source,
        status="ok",
        outlet=source_outlet(spec, registry),
        found_by=spec.how_found,
        found_via=spec.found_via,
        archived_at=spec.archived_at,
    )
    try:
        if spec.kind == "text":
            document = document_from_text(spec.value)
            return SourceText(spec, base, document.text, document)
        if spec.kind == "html":
            document = document_from_html(spec.value)
            return SourceText(spec, base, document.text, document)
        if spec.kind == "file":
            body = read_file_bytes(spec.value)
            content_type = guess_content_type(spec.value, body)
            status = replace(base, outlet=source_outlet(spec, registry, body=body))
            try:
                document = document_from_bytes(body, content_type)
            except InputError as exc:
                return _failed(spec, status, str(exc), body=body, content_type=content_type)
            return SourceText(spec, status, document.text, document, body, content_type)
        if fetcher is None:
            return _failed(spec, base, "fetching is not available here")
        result = fetcher.fetch(spec.value)
        status = replace(
            base,
            final_url=result.final_url,
            fetched_at=_iso(result.fetched_at),
            sha256=result.sha256,
        )
        outlet = source_outlet(spec, registry, final_url=result.final_url, body=result.body)
        status = replace(status, outlet=outlet)
        fetched = {
            "body": result.body,
            "content_type": result.content_type,
            "http_status": result.status,
        }
        try:
            document = document_from_bytes(result.body, result.content_type, result.final_url)
        except InputError as exc:
            return _failed(spec, status, str(exc), **fetched)
        return SourceText(spec, status, document.text, document, **fetched)
    except FetchError as exc:
        return _failed(spec, base, _reason(exc), http_status=getattr(exc, "status", None))
    except InputError as exc:
        return _failed(spec, base, str(exc))
    except Exception as exc:  # a broken page must not sink the other sources' results
        return _failed(spec, base, f"unexpected error: {type(exc).__name__}: {exc}")


def read_sources(
    specs: Sequence[SourceSpec],
    fetcher: Fetcher | None,
    registry: OutletRegistry | None = None,
    *,
    progress: Progress | None = None,
    workers: int = DEFAULT_WORKERS,
) -> list[SourceText]:
    """Read all sources concurrently (small pool: politeness is per host in the fetcher); keep order."""
    if not specs:
        return []
    results: list[SourceText | None] = [None] * len(specs)
    with ThreadPoolExecutor(max_workers=max(1, min(workers, len(specs)))) as pool:
        futures = {pool.submit(read_source, s, fetcher, registry): i for i, s in enumerate(specs)}
        for done, future in enumerate(as_completed(futures), 1):
            i = futures[future]
            results[i] = future.result()
            if progress is not None:
                progress(done, len(specs), results[i])
    return [r for r in results if r is not None]


def _failed(spec: SourceSpec, base: SourceStatus, reason: str, **fetched: Any) -> SourceText:
    return SourceText(spec, replace(base, status="error", error=reason), **fetched)


_CANONICAL = re.compile(
    r"""<link\b[^>]*\brel=["']?canonical["']?[^>]*\bhref=["']([^"'>\s]+)"""
    r"""|<meta\b[^>]*\bproperty=["']og:url["'][^>]*\bcontent=["']([^"'>\s]+)""",
    re.I,
)
_SITE_NAME = re.compile(
    r"""<meta\b[^>]*\bproperty=["']og:site_name["'][^>]*\bcontent=["']([^"'>]+)""", re.I
)


def source_outlet(
    spec: SourceSpec,
    registry: OutletRegistry | None,
    *,
    final_url: str | None = None,
    body: bytes | None = None,
) -> str | None:
    """The outlet a source is credited to: its label, its address, where it redirected to,
    or — for a copy of the page (a saved file, a mirror) — the page's own canonical URL or
    og:site_name. Shared by `read_source` and the workers, which label from stored records.
    """
    if spec.name is not None or registry is None:
        return spec.name
    for url in (spec.value if spec.kind == "url" else None, final_url):
        outlet = registry.for_url(url) if url else None
        if outlet is not None:
            return outlet.name
    return page_outlet(body, registry) if body is not None else None


def page_outlet(body: bytes, registry: OutletRegistry) -> str | None:
    """The outlet a page says it belongs to (canonical / og:url, else og:site_name)."""
    head = body[:65536].decode("utf-8", "replace")
    for match in _CANONICAL.finditer(head):
        outlet = registry.for_url(match.group(1) or match.group(2))
        if outlet is not None:
            return outlet.name
    site = _SITE_NAME.search(head)
    outlet = registry.resolve(site.group(1)) if site else None
    return outlet.name if outlet else None


# --- files ----------------------------------------------------------------------


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


# --- all of it --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Hints:
    """How an error tells the user to give what is missing: CLI flags, or an API request's fields."""

    nothing: str = "give an ARTICLE or at least one --quote"
    quotes: str = "give the quotes with --quote"
    sources: str = "give --source, or an HTML article that links to them"
    relative: str = "give the pages with --source"


CLI_HINTS = Hints()


@dataclass(frozen=True, slots=True)
class CheckPlan:
    """What one check will judge, decided before any source is read.

    The single answer to "article → quotes + labelled sources", shared by `verify`
    (the CLI) and the service's workers, so both find and label the same sources.
    """

    quotes: list[Quote]
    specs: list[SourceSpec]
    article: dict[str, Any]  # the report's `article` object (article_meta)
    document: Document | None = field(default=None, compare=False, repr=False)
    loaded: LoadedArticle | None = field(default=None, compare=False, repr=False)


def plan_check(
    article: ArticleInput | None,
    quotes: Sequence[str],
    sources: Sequence[SourceSpec],
    *,
    fetcher: Fetcher | None,
    registry: OutletRegistry | None = None,
    follow_links: bool = True,
    hints: Hints = CLI_HINTS,
    min_confidence: float = 0.0,
    discover: bool = False,
    date: str | None = None,
    window: str | None = None,
) -> CheckPlan:
    """Read the article, pick the quotes, and the sources with their outlet labels.

    Links are labelled by their anchor text (`link_outlets`), links back to the article
    are skipped, a saved page's relative links resolve against its canonical URL, and at
    most MAX_LINK_SOURCES links are kept. InputError when there is nothing to check
    (with `discover`, quotes crediting an outlet are something to check: discovery looks,
    and the article object gains its date, date_source and the `window` searched — from
    the user's `date` (YYYY-MM-DD) and `window` when given).
    """
    registry = registry or OutletRegistry.default()
    if article is None and not quotes:
        raise InputError(f"nothing to check: {hints.nothing}")
    document, labels, url = None, {}, None
    loaded: LoadedArticle | None = None
    if article is not None:
        loaded = load_article(article, fetcher)
        document = document_of(loaded)
        labels = link_outlets(loaded, registry) if follow_links else {}
        url = loaded.url
    checked = quotes_for(document, quotes, registry, min_confidence=min_confidence)
    if not checked:
        raise InputError(f"no quotations found in the article; {hints.quotes}")
    specs = sources_for(
        document if follow_links else None,
        sources,
        registry,
        labels=labels,
        article_urls=(url, article.url if article else None, loaded.base if loaded else None),
    )
    if not specs and not (discover and any(q.cited_source for q in checked)):
        relative = _relative_links(loaded) if loaded is not None and follow_links else 0
        if relative:
            raise InputError(
                f"no sources to check against: the article's {relative} link(s) are relative "
                f"and it gives no address to resolve them (no URL, no canonical link); "
                f"{hints.relative}"
            )
        raise InputError(f"no sources to check against: {hints.sources}")
    meta = article_meta(article or ArticleInput(), document, len(checked), url=url)
    if discover:
        from quotetrail.discover.stage import article_dating  # lazy: discovery uses this module

        meta.update(article_dating(loaded, date, window))
    return CheckPlan(checked, specs, meta, document, loaded)


def verify(
    article: ArticleInput | None,
    quotes: Sequence[str],
    sources: Sequence[SourceSpec],
    *,
    fetcher: Fetcher | None,
    registry: OutletRegistry | None = None,
    progress: Progress | None = None,
    workers: int = DEFAULT_WORKERS,
    follow_links: bool = True,
    min_confidence: float = 0.0,
    discovery: Any = None,
) -> Report:
    """Read the article, pick the quotes and sources, read the sources, judge everything.

    `discovery` (quotetrail.discover.DiscoveryOptions) turns on the search for credited
    outlets' pages. Raises InputError when the article cannot be read or there is nothing
    to check (no quotes, or no sources); source problems end up in the report instead.
    """
    registry = registry or OutletRegistry.default()
    plan = plan_check(
        article,
        quotes,
        sources,
        fetcher=fetcher,
        registry=registry,
        follow_links=follow_links,
        min_confidence=min_confidence,
        discover=discovery is not None and fetcher is not None,
        date=discovery.date.isoformat() if discovery is not None and discovery.date else None,
        window=discovery.window if discovery is not None else None,
    )
    read = read_sources(plan.specs, fetcher, registry, progress=progress, workers=workers)
    from quotetrail.discover.options import has_work  # light: no fetcher, no parsers

    if discovery is None or fetcher is None or not has_work(plan.quotes, read):
        return judge_all(plan.quotes, read, plan.article)
    from quotetrail.discover.stage import run_discovery  # lazy: discovery uses this module
    from quotetrail.embed import install

    install()  # candidates are judged during discovery, with the same models as the report
    read, meta, searches = run_discovery(plan, read, fetcher, registry, discovery)
    return judge_all(plan.quotes, read, meta, searches)


def judge_all(
    quotes: Sequence[Quote],
    read: Sequence[Any],
    article: Mapping[str, Any] | None,
    searches: Sequence[Mapping[str, Any]] = (),
    *,
    on_quote: Callable[[int, int], None] | None = None,
) -> Report:
    """evaluate() with this process's models: the embedder (loaded once, when a verdict
    first needs it; its absence is reported in the evidence) and the optional
    display-only passage translator."""
    from quotetrail.translate import add_translations, load_translator

    semantic.use_similarity_when_needed(_install_embedder)
    report = evaluate(quotes, read, article, searches, on_quote=on_quote)
    return add_translations(report, load_translator())


def _install_embedder() -> None:
    """Load the embedder and plug it into the core (imports numpy: only when needed)."""
    from quotetrail.embed import install

    install()


def build_fetcher(
    *,
    allow_networks: Sequence[str] = (),
    respect_robots: bool = True,
    min_interval: float | None = None,
    env: Mapping[str, str] | None = None,
) -> Fetcher:
    """A fetcher from the environment's settings, plus the networks the user allowed.

    A malformed CIDR is an InputError (the user typed it). QUOTETRAIL_HOST_INTERVAL (the
    workers' per-host spacing, seconds) sets the CLI's too when `min_interval` is not given.
    """
    from quotetrail.fetch import Fetcher

    return Fetcher(
        fetch_settings(
            allow_networks=allow_networks,
            respect_robots=respect_robots,
            min_interval=min_interval,
            env=env,
        )
    )


def fetch_settings(
    *,
    allow_networks: Sequence[str] = (),
    respect_robots: bool = True,
    min_interval: float | None = None,
    env: Mapping[str, str] | None = None,
) -> FetchSettings:
    """The fetcher's settings, checked without building its HTTP client (no httpx import).

    A malformed CIDR is an InputError (the user typed it).
    """
    overrides: dict[str, Any] = {"obey_robots": respect_robots}
    source_env = os.environ if env is None else env
    if min_interval is None and source_env.get("QUOTETRAIL_HOST_INTERVAL", "").strip():
        try:
            min_interval = max(0.0, float(source_env["QUOTETRAIL_HOST_INTERVAL"]))
        except ValueError:
            raise InputError("QUOTETRAIL_HOST_INTERVAL must be a number of seconds") from None
    if min_interval is not None:
        overrides["min_interval"] = min_interval
    try:
        settings = FetchSettings.from_env(dict(env) if env is not None else None, **overrides)
        return settings.with_allowed(*allow_networks)
    except ValueError as exc:
        raise InputError(str(exc)) from None


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


def _reason(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


def _iso(value: object) -> str | None:
    if value is None:
        return None
    iso = getattr(value, "isoformat", None)
    return iso() if callable(iso) else str(value)
