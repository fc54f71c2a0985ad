"""Decoding a response body incrementally, so a hostile page cannot exhaust memory.

    raw bytes off the wire ─► BodyDecoder.feed(chunk) ─► decoded bytes, at most `limit` in all
                                 │ one zlib stream, asked for ≤ `limit` bytes per call
                                 └─► refuses: stacked encodings, unknown encodings, a ratio
                                     decoded/wire beyond `max_ratio`, more than `limit` bytes

httpx decodes a whole chunk before the caller can count it: a 979-byte `gzip, gzip` body
grew a worker by a gigabyte. Here the decompressor is never asked for more than the bytes
still allowed, so memory stays bounded by the limit whatever the input.

What ends it: `finish()` returns the tail; any refusal raises a non-retryable FetchError
(`too_large` or `bad_encoding`) — the same page would be refused again.
"""

from __future__ import annotations

import zlib

from quotetrail.fetch.errors import BadEncoding, TooLarge

# What we offer in Accept-Encoding: only what this module decodes.
ACCEPT_ENCODING = "gzip, deflate"

_GZIP = frozenset({"gzip", "x-gzip"})
_DEFLATE = frozenset({"deflate"})
_IDENTITY = frozenset({"", "identity"})
# Below this many decoded bytes the ratio is not judged: tiny pages compress absurdly well.
_RATIO_FLOOR = 1024 * 1024


def encodings_of(header: str | None) -> list[str]:
    """'gzip, identity' → ['gzip']: the codings applied, identity dropped."""
    parts = [part.strip().lower() for part in (header or "").split(",")]
    return [part for part in parts if part not in _IDENTITY]


class BodyDecoder:
    """Feeds wire bytes in, gets at most `limit` decoded bytes out, or a refusal."""

    def __init__(
        self,
        content_encoding: str | None,
        *,
        limit: int,
        max_ratio: float,
        truncate: bool = False,
    ) -> None:
        codings = encodings_of(content_encoding)
        if len(codings) > 1:
            raise BadEncoding(
                f"the page is encoded {len(codings)} times ({', '.join(codings)}); "
                "at most one content-encoding is accepted"
            )
        coding = codings[0] if codings else ""
        if coding and coding not in _GZIP | _DEFLATE:
            raise BadEncoding(f"the page uses an unsupported content-encoding: {coding}")
        self._coding = coding
        self._limit = limit
        self._max_ratio = max_ratio
        self._truncate = truncate
        self._wire = 0
        self._out = 0
        self.truncated = False
        self._zlib: zlib._Decompress | None = self._new_stream() if coding else None
        self._deflate_probe = coding in _DEFLATE  # raw deflate or zlib-wrapped: decided once

    @property
    def done(self) -> bool:
        """True once a truncating decoder has all it will keep."""
        return self.truncated

    def feed(self, data: bytes) -> bytes:
        self._wire += len(data)
        if self._zlib is None:
            return self._take(data)
        out: list[bytes] = []
        pending = data
        while pending and not self.truncated:
            room = self._limit - self._out + 1  # one byte more than allowed reveals an overflow
            try:
                piece = self._zlib.decompress(pending, room)
            except zlib.error as exc:
                if self._deflate_probe and self._out == 0:
                    self._deflate_probe = False
                    self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)
                    continue
                raise BadEncoding(f"the page's {self._coding} data is corrupt") from exc
            self._deflate_probe = False
            out.append(self._take(piece))
            if self._zlib.unconsumed_tail:
                pending = self._zlib.unconsumed_tail
            elif self._zlib.eof and self._zlib.unused_data:
                pending = self._zlib.unused_data  # another gzip member follows
                self._zlib = self._new_stream()
            else:
                pending = b""
        return b"".join(out)

    def finish(self) -> bytes:
        if self._zlib is None or self.truncated:
            return b""
        return self._take(self._zlib.flush(self._limit - self._out + 1))

    def _take(self, piece: bytes) -> bytes:
        if not piece:
            return b""
        room = self._limit - self._out
        if len(piece) > room:
            if self._truncate:
                self.truncated = True
                self._out = self._limit
                return piece[:room]
            raise TooLarge(f"the page is larger than the {_mb(self._limit)} limit once decoded")
        self._out += len(piece)
        if self._coding and self._out > _RATIO_FLOOR and self._out > self._max_ratio * self._wire:
            raise BadEncoding(
                f"the page expands more than {self._max_ratio:g} times when decoded "
                "(a decompression bomb?)"
            )
        return piece

    def _new_stream(self) -> zlib._Decompress:
        if self._coding in _GZIP:
            return zlib.decompressobj(16 + zlib.MAX_WBITS)
        return zlib.decompressobj(zlib.MAX_WBITS)


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB"
