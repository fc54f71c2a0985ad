"""The article: from what the user pointed at to a Document, its links and its report object.

    ArticleInput ─► load_article ─► LoadedArticle (raw bytes or text, type, address)
                                      ├─► document_of ─► Document (main text, links, date)
                                      ├─► link_outlets ─► {link: outlet} by anchor text
                                      └─► article_meta ─► the report's `article` object

The raw content is kept beside the Document because two answers need the HTML
itself: which links are named after an outlet ("told <a>TASS</a>"), and where a saved
page's relative links point (its canonical address). An article that cannot be read
raises InputError: without it there is nothing to check.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape as html_unescape
from typing import TYPE_CHECKING, Any

from quotetrail.core.charset import decode_body
from quotetrail.core.document import (
    HTML_TYPES,
    Document,
    document_from_bytes,
    document_from_html,
    document_from_text,
    looks_like_html,
)
from quotetrail.core.html_meta import base_url, resolve_links
from quotetrail.core.outlets import OutletRegistry
from quotetrail.errors import InputError
from quotetrail.fetch.errors import FetchError
from quotetrail.pipeline.inputs import (
    ArticleInput,
    error_reason,
    guess_content_type,
    is_web_url,
    read_file_bytes,
)

if TYPE_CHECKING:  # httpx (the fetcher's client) loads only when something is fetched
    from quotetrail.fetch import Fetcher, FetchResult

# a page's own address, as a saved copy declares it (also how a mirror names its outlet)
CANONICAL_LINK = re.compile(
    r"""<link\b[^>]*\brel=["']?canonical["']?[^>]*\bhref=["']([^"'>\s]+)"""
    r"""|<meta\b[^>]*\bproperty=["']og:url["'][^>]*\bcontent=["']([^"'>\s]+)""",
    re.I,
)


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
    for match in CANONICAL_LINK.finditer(head):
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


def relative_links(loaded: LoadedArticle) -> int:
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
        raise InputError(f"cannot fetch the article: {error_reason(exc)}") from None
