"""What a page with no useful Content-Type really is, from its first bytes.

Servers that do not know a file's type say `application/octet-stream` or nothing at all
(Python's http.server does so for a file without an extension), even for an article.
Following the WHATWG MIME Sniffing standard, in a reduced form: a known binary
signature or a control byte means binary; an HTML tag opening the document (after
whitespace and a BOM) means HTML; anything else that decodes as text is plain text.
"""

from __future__ import annotations

import re

__all__ = ["UNKNOWN_TYPES", "sniff_media_type"]

# Content-Types that tell nothing about the body: sniff it instead of trusting them.
UNKNOWN_TYPES = frozenset(
    {
        "",
        "application/octet-stream",
        "application/unknown",
        "binary/octet-stream",
        "unknown/unknown",
    }
)

# The WHATWG "resource header" length: enough to see what a document starts with.
SNIFF_BYTES = 1445

_BINARY_SIGNATURES = (
    b"%PDF-",
    b"%!PS-Adobe-",
    b"\x89PNG",
    b"GIF87a",
    b"GIF89a",
    b"\xff\xd8\xff",  # JPEG
    b"RIFF",  # WebP, WAV, AVI
    b"PK\x03\x04",  # ZIP, and so DOCX, EPUB, ODT
    b"PK\x05\x06",
    b"\x1f\x8b\x08",  # gzip
    b"BZh",
    b"7z\xbc\xaf\x27\x1c",
    b"Rar!\x1a\x07",
    b"\x7fELF",
    b"MZ",
    b"OggS",
    b"ID3",
    b"\x1a\x45\xdf\xa3",  # Matroska, WebM
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",  # old MS Office
    b"wOFF",
    b"wOF2",
)

# WHATWG "binary data bytes": control characters that text never holds (NUL among them).
_BINARY_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")

# Tags that open an HTML document, followed by a tag-terminating byte (WHATWG list).
_HTML_START = re.compile(
    rb"(?:<!doctype\s+html|<html|<head|<script|<iframe|<h1|<div|<font|<table|<a|<style"
    rb"|<title|<b|<body|<br|<p|<meta|<article|<section|<main|<header)(?=[\s>/])"
    rb"|<!--",
    re.I,
)
_XML_HTML = re.compile(rb"<html\b", re.I)

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def sniff_media_type(body: bytes) -> str | None:
    """ "text/html" or "text/plain" for a body that is a page or text; None for binary.

    Why not trust the bytes' decodability alone: a PDF starts with readable ASCII, so
    the known signatures are checked first.
    """
    head = body[:SNIFF_BYTES]
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return _sniff_text(head[len(bom) :].decode(encoding, "ignore").encode("utf-8"))
    if head.startswith(_BINARY_SIGNATURES):
        return None
    return _sniff_text(head)


def _sniff_text(head: bytes) -> str | None:
    """HTML if a tag opens it, text if no control byte is in it, else None (binary)."""
    if _BINARY_BYTES.search(head):
        return None
    start = head.lstrip(b"\t\n\x0c\r ")
    if _HTML_START.match(start):
        return "text/html"
    if start[:5].lower() == b"<?xml" and _XML_HTML.search(head):
        return "application/xhtml+xml"
    return "text/plain"
