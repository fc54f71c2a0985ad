"""An outlet's daily HTML list of articles (`/news/2020/11/14`), with its next pages.

    HTML ─► links (CSS selector, or every same-site link outside nav/header/footer)
         ─► Listed(url, anchor text, day of the page, "archive_page")
         └► next page URL (rel=next, or a "next"/«далее» link), followed by the caller

The page's own day dates its links: a daily archive lists that day's articles.
"""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urldefrag, urljoin, urlsplit

from bs4 import BeautifulSoup

from quotetrail.discover.dates import url_date
from quotetrail.discover.listed import Listed

MAX_LINKS = 2000
_NEXT_TEXT = re.compile(
    r"^\s*(next|next page|more|older|далее|следующая|ещё|еще|показать ещё|›|»|→)\s*$", re.I
)
_FURNITURE = ("nav", "header", "footer", "aside", "script", "style", "form")


def parse_archive_page(
    html: str, page_url: str, day: date | None, selector: str | None
) -> tuple[list[Listed], str | None]:
    """The article links of one archive page, and the URL of its next page (or None)."""
    soup = BeautifulSoup(html, "lxml")
    next_url = _next_page(soup, page_url)
    for tag in soup.find_all(_FURNITURE):
        tag.decompose()
    anchors = soup.select(selector) if selector else soup.find_all("a", href=True)
    host = urlsplit(page_url).netloc.lower()
    seen: set[str] = set()
    items: list[Listed] = []
    for anchor in anchors:
        href = anchor.get("href") if anchor.name == "a" else None
        if not href:
            inner = anchor.find("a", href=True)
            href = inner.get("href") if inner else None
        if not href:
            continue
        url = urldefrag(urljoin(page_url, href.strip()))[0]
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or url in seen or url == page_url:
            continue
        if not selector and (parts.netloc.lower() != host or parts.path in ("", "/")):
            continue
        if next_url and url == next_url:
            continue
        seen.add(url)
        title = " ".join(anchor.get_text(" ", strip=True).split())
        items.append(Listed(url, title, url_date(url) or day, "archive_page", page_url))
        if len(items) >= MAX_LINKS:
            break
    return items, next_url


def _next_page(soup: BeautifulSoup, page_url: str) -> str | None:
    link = soup.find(["a", "link"], rel="next", href=True)
    if link is None:
        link = next(
            (a for a in soup.find_all("a", href=True) if _NEXT_TEXT.match(a.get_text())), None
        )
    if link is None:
        return None
    url = urldefrag(urljoin(page_url, link["href"].strip()))[0]
    return url if url != page_url and url.startswith(("http://", "https://")) else None
