"""Main text by trafilatura, kept as paragraphs.

trafilatura's plain-text output writes both a paragraph end and a `<br>` as one newline,
which would lose exactly the paragraph breaks quote matching needs; its XML output keeps
them apart (`<p>` vs `<lb/>`), so that is what is read here.

trafilatura 2.x imports jusText, which needs `lxml.html.clean` — since lxml 5.2 a separate
package, `lxml_html_clean`. Without it the import fails; this module then reports itself
unavailable and the caller falls back to the BeautifulSoup extractor.
"""

from __future__ import annotations

import re
from functools import cache

from lxml import etree

_BLOCKS = frozenset({"p", "head", "item", "quote", "cell", "code", "list", "row", "table"})
_SPACE = re.compile(r"[ \t\r\n\f\v\u00a0\u2009\u202f]+")


@cache
def available() -> bool:
    try:
        import trafilatura  # noqa: F401
    except ImportError:
        return False
    return True


def extract_paragraphs(html: str, url: str | None = None) -> list[tuple[str, str]] | None:
    """(tag, text) paragraphs of the main content, or None when trafilatura finds nothing."""
    if not available():
        return None
    import trafilatura

    xml = trafilatura.extract(
        html,
        url=url,
        output_format="xml",
        include_comments=False,
        include_tables=True,
        include_formatting=False,
        include_links=False,
        include_images=False,
        deduplicate=False,
        with_metadata=False,
    )
    if not xml:
        return None
    root = etree.fromstring(xml.encode("utf-8"))
    main = root.find("main")
    if main is None:
        return None
    out: list[tuple[str, str]] = []
    for element in main.iter():
        if element.tag not in _BLOCKS or _has_block_child(element):
            continue
        text = _text_of(element)
        if text:
            out.append(("h" if element.tag == "head" else element.tag, text))
    return out or None


def _has_block_child(element: etree._Element) -> bool:
    return any(child.tag in _BLOCKS for child in element)


def _text_of(element: etree._Element) -> str:
    """Text with <lb/> as a line break and all other whitespace collapsed."""
    pieces: list[str] = [element.text or ""]
    for child in element:
        pieces.append("\n" if child.tag == "lb" else _inline_text(child))
        pieces.append(child.tail or "")
    lines = (_SPACE.sub(" ", line).strip() for line in "".join(pieces).split("\n"))
    return "\n".join(line for line in lines if line)


def _inline_text(element: etree._Element) -> str:
    return "".join(("\n" if part is None else part) for part in _inline_parts(element))


def _inline_parts(element: etree._Element):
    yield element.text or ""
    for child in element:
        if child.tag == "lb":
            yield None
        else:
            yield from _inline_parts(child)
        yield child.tail or ""
