"""Page facts that live outside the article body: title, language, base URL and links."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING
from urllib.parse import urldefrag, urljoin, urlsplit

if TYPE_CHECKING:  # callers pass a parsed page; resolving links needs no parser
    from bs4 import BeautifulSoup


def base_url(soup: BeautifulSoup, url: str | None) -> str | None:
    """Where relative links point: a `<base href>` (itself resolved against the page URL) or the URL."""
    base = soup.find("base", href=True)
    if base is not None:
        href = str(base["href"]).strip()
        return urljoin(url, href) if url else (href if _is_web_url(href) else None)
    return url


def page_lang(soup: BeautifulSoup) -> str | None:
    """Primary language subtag ("ru", "en") from <html lang>, Content-Language meta or og:locale."""
    candidates = []
    if soup.html is not None:
        candidates.append(soup.html.get("lang") or soup.html.get("xml:lang"))
    meta = soup.find("meta", attrs={"http-equiv": lambda v: v and v.lower() == "content-language"})
    if meta is not None:
        candidates.append(meta.get("content"))
    og = soup.find("meta", property="og:locale")
    if og is not None:
        candidates.append(og.get("content"))
    for value in candidates:
        if value and str(value).strip():
            return str(value).strip().replace("_", "-").split("-")[0].lower() or None
    return None


def page_title(soup: BeautifulSoup) -> str | None:
    """The headline as the outlet states it: og:title, else <title>, else the first <h1>."""
    og = soup.find("meta", property="og:title")
    if og is not None and str(og.get("content", "")).strip():
        return " ".join(str(og["content"]).split())
    if soup.title is not None and soup.title.get_text(strip=True):
        return " ".join(soup.title.get_text().split())
    h1 = soup.find("h1")
    return " ".join(h1.get_text(" ").split()) if h1 is not None else None


def resolve_links(hrefs: Iterable[object], base: str | None) -> tuple[str, ...]:
    """Absolute http(s) URLs, fragments dropped, first occurrence kept."""
    seen: dict[str, None] = {}
    for href in hrefs:
        if not href:
            continue
        raw = str(href).strip()
        absolute = urljoin(base, raw) if base else raw
        absolute = urldefrag(absolute)[0]
        if _is_web_url(absolute):
            seen.setdefault(absolute, None)
    return tuple(seen)


def _is_web_url(url: str) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc)
