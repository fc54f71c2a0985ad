"""Read an article or a source into a `Document`: its main text, and where that text came from.

Entry points: `document_from_bytes` (a fetched body + its Content-Type), `document_from_html`
and `document_from_text`. Bad input raises `InputError` with a one-line message.

Paragraphs are separated by a blank line ("\\n\\n"), a `<br>` inside a paragraph is a single
"\\n", and other whitespace runs (including no-break spaces) become one space. Quotation
marks and all other characters are kept as the page has them.

Choice of extractor — measured by bench/compare_extractors.py: token precision/recall
and share of expected paragraphs found verbatim, against hand-written main text of 12
synthetic pages (news agency, Russian news site with a "most read" sidebar, wire story,
social-network post, blog with comments, interview, windows-1251 table layout, KOI8-R
without a charset, div-only layouts, a news feed beside the article, a React-style page):

    pages                extractor     P     R     F1    paragraphs kept
    all 12               bs4           0.96  1.00  0.98  1.00
    all 12               trafilatura   0.93  0.96  0.94  0.88
    2 untouched held-out bs4           0.87  1.00  0.93  1.00
    2 untouched held-out trafilatura   0.90  0.94  0.91  0.80

trafilatura drops headlines outside its main node and splits or drops paragraphs more
often; the bs4 extractor was tuned on 8 of the pages, so its margin is partly self-fit
(on the first 2 held-out pages, div-only layouts, it scored F1 0.22 before one generic fix).
bs4 also knows the element and HTML offsets of every paragraph, which trafilatura loses.

So "auto" (the default) uses the BeautifulSoup extractor, and asks trafilatura only when
bs4 finds next to no text (under 200 characters), taking its answer if it holds more than
twice as much text. trafilatura needs the `lxml_html_clean` package to import;
without it "auto" silently stays with bs4.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, NamedTuple

from quotetrail.core.charset import MAX_INPUT_BYTES, decode_body
from quotetrail.core.html_meta import resolve_links
from quotetrail.errors import InputError

if TYPE_CHECKING:  # the HTML readers load BeautifulSoup and lxml: only HTML needs them
    from quotetrail.core import html_main

Extractor = Literal["auto", "bs4", "trafilatura"]

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain", "text/markdown", "text/x-markdown", "text/csv"})
# Below this many characters of bs4 main text, ask trafilatura for a second opinion.
_TOO_LITTLE_TEXT = 200

_HTML_SNIFF = re.compile(
    r"^\s*(<!--.*?-->\s*)*(<!doctype\s+html|<html|<head|<body|<meta|<title|<p[\s>]|<div[\s>]|<article)",
    re.I | re.S,
)
_BLANK_LINES = re.compile(r"\n[ \t\r\f\v]*\n\s*")


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph of `Document.text` and the element a reader saw it in.

    `start`/`end` are offsets into `Document.text`; `source_start`/`source_end` are
    offsets into the HTML given to `document_from_html` (-1 when unknown, e.g. for plain
    text); `path` is a CSS-ish path to the element ("" for plain text).
    """

    start: int
    end: int
    tag: str
    path: str = ""
    source_start: int = -1
    source_end: int = -1


@dataclass(frozen=True, slots=True)
class Document:
    text: str
    title: str | None
    links: tuple[str, ...]
    lang: str | None
    blocks: tuple[Block, ...]

    def block_at(self, offset: int) -> Block | None:
        """The block holding text offset `offset` (None between blocks or out of range)."""
        starts = [b.start for b in self.blocks]
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and self.blocks[i].start <= offset < self.blocks[i].end:
            return self.blocks[i]
        return None


def document_from_bytes(
    body: bytes,
    content_type: str | None,
    url: str | None = None,
    *,
    max_bytes: int = MAX_INPUT_BYTES,
) -> Document:
    """Decode a body and read it as HTML or plain text according to its type (sniffed if absent)."""
    media_type = (content_type or "").split(";", 1)[0].strip().lower()
    if media_type and media_type not in HTML_TYPES | TEXT_TYPES:
        raise InputError(f"the input is not an HTML or text page (content type {media_type})")
    text = decode_body(body, content_type, max_bytes=max_bytes)
    if media_type in HTML_TYPES or (not media_type and looks_like_html(text)):
        return document_from_html(text, url, max_bytes=max_bytes)
    return document_from_text(text, max_bytes=max_bytes)


def document_from_html(
    html: str,
    url: str | None = None,
    *,
    extractor: Extractor = "auto",
    max_bytes: int = MAX_INPUT_BYTES,
) -> Document:
    """Main text of an HTML page, with title, language, body links and a map back to the HTML."""
    from quotetrail.core import html_main

    _check_text_input(html, max_bytes)
    soup = html_main.parse(html)
    extraction = html_main.extract_main(html, url, soup=soup)
    raw = list(extraction.blocks)
    if extractor == "trafilatura":
        raw = _trafilatura_blocks(html, url, extraction) or raw
    elif extractor == "auto" and _length(raw) < _TOO_LITTLE_TEXT:
        second = _trafilatura_blocks(html, url, extraction) or []
        if _length(second) > 2 * _length(raw):
            raw = second
    if not raw:
        raise InputError("the page has no readable text")
    text, blocks = _assemble(raw)
    links = resolve_links([href for b in raw for href in b.hrefs], extraction.base_url)
    return Document(text, extraction.title, links, extraction.lang, blocks)


def document_from_text(text: str, *, max_bytes: int = MAX_INPUT_BYTES) -> Document:
    """A plain-text article: paragraphs are runs of lines separated by blank lines."""
    _check_text_input(text, max_bytes)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    raw = [_TextBlock(_tidy_paragraph(p)) for p in _BLANK_LINES.split(text) if p.strip()]
    joined, blocks = _assemble(raw)
    title = raw[0].text.split("\n", 1)[0] if raw else None
    return Document(joined, title, (), None, blocks)


class _TextBlock(NamedTuple):
    """A plain-text paragraph, shaped like html_main.RawBlock for `_assemble`."""

    text: str
    tag: str = "p"
    path: str = ""
    source_start: int = -1
    source_end: int = -1


def looks_like_html(text: str) -> bool:
    return bool(_HTML_SNIFF.match(text[:4096].lstrip("\ufeff")))


def _trafilatura_blocks(
    html: str, url: str | None, extraction: html_main.Extraction
) -> list[html_main.RawBlock] | None:
    """trafilatura's paragraphs, each tied back to the bs4 element with the same text."""
    from quotetrail.core import html_main, html_trafilatura

    paragraphs = html_trafilatura.extract_paragraphs(html, url)
    if not paragraphs:
        return None
    by_text = {_key(b.text): b for b in _all_blocks(html)}
    out = []
    headline = extraction.title
    if headline and not any(_key(headline) == _key(text) for _, text in paragraphs):
        source = by_text.get(_key(headline))
        if source is not None and source.tag == "h1":
            out.append(source)
    for tag, text in paragraphs:
        source = by_text.get(_key(text))
        if source is not None:
            out.append(
                html_main.RawBlock(
                    text,
                    source.tag,
                    source.path,
                    source.source_start,
                    source.source_end,
                    source.hrefs,
                )
            )
        else:
            out.append(html_main.RawBlock(text, tag, "", -1, -1))
    return out


def _all_blocks(html: str) -> list[html_main.RawBlock]:
    from quotetrail.core import html_main

    soup = html_main.parse(html)
    root = soup.body or soup
    return html_main.paragraphs(root, html, html_main.LineOffsets(html))


def _assemble(raw: list[html_main.RawBlock] | list[_TextBlock]) -> tuple[str, tuple[Block, ...]]:
    pieces: list[str] = []
    blocks: list[Block] = []
    offset = 0
    for b in raw:
        if pieces:
            pieces.append("\n\n")
            offset += 2
        pieces.append(b.text)
        blocks.append(
            Block(offset, offset + len(b.text), b.tag, b.path, b.source_start, b.source_end)
        )
        offset += len(b.text)
    return "".join(pieces), tuple(blocks)


def _check_text_input(text: str, max_bytes: int) -> None:
    if len(text) > max_bytes:
        raise InputError(
            f"the input is too large ({len(text) / 1048576:.1f} MB, limit {max_bytes / 1048576:.1f} MB)"
        )
    if not text.strip():
        raise InputError("the input is empty")
    if "\x00" in text[:65536]:
        raise InputError("the input is binary (it contains NUL characters), not text or HTML")


def _tidy_paragraph(paragraph: str) -> str:
    lines = (" ".join(line.split()) for line in paragraph.split("\n"))
    return "\n".join(line for line in lines if line)


def _length(blocks: list[html_main.RawBlock]) -> int:
    return sum(len(b.text) for b in blocks)


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()
