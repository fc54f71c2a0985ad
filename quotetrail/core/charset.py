"""Turn the bytes of a page into text, the way a browser would, and refuse what is not text.

Order of evidence, strongest first:

1. a byte-order mark — it cannot be there by accident, so (as in the WHATWG encoding
   standard) it outranks even the HTTP header;
2. the charset in the Content-Type header, if the body really decodes with it;
3. a `<meta charset>` / `<meta http-equiv="Content-Type">` in the first few KB;
4. strict UTF-8 (valid non-ASCII UTF-8 is almost never an accident);
5. a Cyrillic check between windows-1251, KOI8-R and friends: on short Russian pages
   charset-normalizer alone guesses wrong (it took a 20-byte KOI8-R text for Shift-JIS),
   and the case of the letters tells them apart reliably — the same bytes read in the
   wrong Cyrillic code page come out MOSTLY UPPER CASE;
6. charset-normalizer for everything else.

A wrong declared charset (say a header of utf-8 on a windows-1251 body) is ignored when
the body does not decode with it, instead of producing mojibake or an error.
"""

from __future__ import annotations

import codecs
import re

from quotetrail.errors import InputError

MAX_INPUT_BYTES = 10 * 1024 * 1024

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same 2 bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Signatures of common binary formats a URL may serve instead of a page.
_BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF"),
    (b"\x89PNG", "PNG image"),
    (b"GIF8", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x1f\x8b", "gzip data"),
    (b"RIFF", "RIFF media"),
    (b"\x7fELF", "executable"),
    (b"MZ", "executable"),
)

_CHARSET_PARAM = re.compile(r"""charset\s*=\s*["']?([\w.:-]+)""", re.I)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([\w.:-]+)""",
    re.I,
)
# Order matters on ties. mac-cyrillic and iso-8859-5 are left out: they read windows-1251
# capitals as lower-case letters and would win the case test on real windows-1251 pages.
_CYRILLIC_CODECS = ("cp1251", "koi8_r", "cp866")
_SNIFF_BYTES = 4096
_MIXED_SCRIPT = re.compile("[A-Za-z][\u0400-\u04ff]|[\u0400-\u04ff][A-Za-z]")


def decode_body(
    body: bytes, content_type: str | None = None, *, max_bytes: int = MAX_INPUT_BYTES
) -> str:
    """Decode a page body to text; raise InputError if it is empty, binary, too large or undecodable."""
    if not body or not body.strip():
        raise InputError("the input is empty")
    if len(body) > max_bytes:
        raise InputError(
            f"the input is too large ({_megabytes(len(body))}, limit {_megabytes(max_bytes)})"
        )
    for text in _candidates(body, content_type):
        if text is not None:
            _refuse_control_characters(text)
            return text
    raise InputError("the input could not be decoded as text in any known character set")


def charset_from_content_type(content_type: str | None) -> str | None:
    """The codec named by a Content-Type header, or None when absent or unknown."""
    if not content_type:
        return None
    match = _CHARSET_PARAM.search(content_type)
    return _codec_name(match.group(1)) if match else None


def charset_from_meta(body: bytes) -> str | None:
    """The codec a page declares in a <meta> tag within its first few KB."""
    match = _META_CHARSET.search(body[:_SNIFF_BYTES])
    return _codec_name(match.group(1).decode("ascii", "ignore")) if match else None


def _candidates(body: bytes, content_type: str | None):
    """Yield decodings in order of trust; None means 'this clue did not work'."""
    for bom, codec in _BOMS:
        if body.startswith(bom):
            yield _try_decode(body, codec)
    declared = charset_from_content_type(content_type)
    if declared and declared.startswith(("utf-16", "utf-32")):
        yield _try_decode(body, declared)
    _refuse_binary(body)
    if declared:
        yield _try_decode(body, declared)
    meta = charset_from_meta(body)
    if meta:
        # A page cannot really be UTF-16 if its meta tag was readable as ASCII.
        yield _try_decode(body, "utf-8" if meta.startswith(("utf-16", "utf-32")) else meta)
    yield _try_decode(body, "utf-8")
    yield _guess_cyrillic(body)
    yield _guess_with_charset_normalizer(body)


def _codec_name(label: str) -> str | None:
    """Normalise a charset label to a Python codec name, mapping labels as browsers do."""
    label = label.strip().lower()
    # Browsers read latin-1 and ascii labels as windows-1252 (WHATWG encoding standard).
    if label in {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "us-ascii", "ascii"}:
        label = "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _try_decode(body: bytes, codec: str) -> str | None:
    try:
        return body.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _guess_cyrillic(body: bytes) -> str | None:
    """Pick the Cyrillic code page whose reading gives mostly lower-case Russian letters."""
    high = sum(1 for b in body if b >= 0x80)
    if high == 0:
        return None
    best: tuple[float, str] | None = None
    for codec in _CYRILLIC_CODECS:
        text = _try_decode(body, codec)
        if text is None:
            continue
        letters = [ch for ch in text if "\u0400" <= ch <= "\u04ff"]
        if len(letters) < 0.8 * high or len(_MIXED_SCRIPT.findall(text)) > 0.1 * len(letters):
            continue  # not Cyrillic words: e.g. French "café" read as "cafй"
        lower = sum(1 for ch in letters if ch.islower())
        common = sum(1 for ch in letters if ch.lower() in "оеаинтсрвлкмдпу")
        score = (lower + common) / (2 * len(letters))
        if best is None or score > best[0]:
            best = (score, text)
    return best[1] if best and best[0] >= 0.6 else None


def _guess_with_charset_normalizer(body: bytes) -> str | None:
    from charset_normalizer import from_bytes  # the last resort: loaded only when needed

    match = from_bytes(body[: 256 * 1024]).best()
    if match is None:
        return None
    return _try_decode(body, match.encoding)


def _refuse_binary(body: bytes) -> None:
    for magic, kind in _BINARY_MAGIC:
        if body.startswith(magic):
            raise InputError(f"the input is binary ({kind}), not text or HTML")
    if b"\x00" in body[: _SNIFF_BYTES * 4]:
        raise InputError("the input is binary (it contains NUL bytes), not text or HTML")


def _refuse_control_characters(text: str) -> None:
    sample = text[: 64 * 1024]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if controls > max(8, len(sample) // 100):
        raise InputError("the input is binary (too many control characters), not text or HTML")


def _megabytes(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB"
