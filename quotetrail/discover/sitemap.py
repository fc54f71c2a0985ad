"""Sitemaps and sitemap indexes, parsed safely: gzip, huge files and XML bombs are capped.

    bytes ─► gunzip (capped) ─► refuse DTD/entities ─► lxml iterparse (streamed,
    resolve_entities=False, no network) ─► Sitemap(urls[], children[])

What ends it: MAX_ENTRIES <loc> entries, MAX_XML_BYTES of XML after gunzip, or a parse
error (what was read until then is kept). A document declaring a DTD or entities is
refused outright: a sitemap never needs one, and that is how billion-laughs bombs start.
"""

from __future__ import annotations

import io
import zlib
from dataclasses import dataclass, field
from datetime import date

from lxml import etree

from quotetrail.discover.dates import url_date
from quotetrail.discover.listed import Listed

MAX_XML_BYTES = 50 * 1024 * 1024  # the sitemaps protocol's own limit (uncompressed)
MAX_ENTRIES = 50_000  # likewise: 50,000 URLs per sitemap


class SitemapError(ValueError):
    """The bytes are not a sitemap that can be read safely."""


@dataclass
class Sitemap:
    urls: list[Listed] = field(default_factory=list)
    children: list[Listed] = field(default_factory=list)  # child sitemaps of an index
    truncated: bool = False


def gunzip_capped(body: bytes, cap: int = MAX_XML_BYTES) -> bytes:
    """Decompress gzip without ever holding more than `cap` bytes (a gzip bomb stops there)."""
    if not body.startswith(b"\x1f\x8b"):
        return body
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(body, cap + 1)
    except zlib.error as exc:
        raise SitemapError(f"broken gzip: {exc}") from None
    if len(out) > cap:
        raise SitemapError(f"sitemap larger than {cap // (1024 * 1024)} MB once unpacked")
    return out


def parse_sitemap(body: bytes, via: str, *, max_entries: int = MAX_ENTRIES) -> Sitemap:
    """The URLs (with lastmod / news:publication_date / news:title) or child sitemaps."""
    xml = gunzip_capped(body)
    head = xml[:4096].lower()
    if b"<!doctype" in head or b"<!entity" in xml.lower():
        raise SitemapError("sitemap declares a DTD or entities; refused")
    result = Sitemap()
    parser = etree.iterparse(
        io.BytesIO(xml),
        events=("end",),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        recover=False,
    )
    try:
        for _, element in parser:
            tag = etree.QName(element).localname if isinstance(element.tag, str) else ""
            if tag not in ("url", "sitemap"):
                continue
            entry = _entry(element, via, "sitemap")
            element.clear()
            if entry is None:
                continue
            (result.urls if tag == "url" else result.children).append(entry)
            if len(result.urls) + len(result.children) >= max_entries:
                result.truncated = True
                break
    except etree.XMLSyntaxError as exc:
        if not (result.urls or result.children):
            raise SitemapError(f"not a sitemap: {exc}") from None
        result.truncated = True
    return result


def _entry(element: etree._Element, via: str, found_by: str) -> Listed | None:
    loc, title, day = "", "", None
    for child in element.iter():
        if not isinstance(child.tag, str):
            continue
        name = etree.QName(child).localname
        text = (child.text or "").strip()
        if name == "loc" and not loc:
            loc = text
        elif name == "title" and not title:  # news:title
            title = text
        elif name in ("publication_date", "lastmod") and text:
            parsed = _iso_day(text)
            if parsed is not None and (day is None or name == "publication_date"):
                day = parsed
    if not loc.startswith(("http://", "https://")):
        return None
    return Listed(loc, title, day or url_date(loc), found_by, via)


def _iso_day(text: str) -> date | None:
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None
