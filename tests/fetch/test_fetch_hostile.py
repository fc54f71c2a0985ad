"""Hostile responses cannot exhaust a fetching process: decompression bombs, stacked
encodings, drip feeds. Every server here is a raw socket on 127.0.0.1."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import textwrap
import time
import zlib
from pathlib import Path

import pytest

from quotetrail.fetch import BadEncoding, TooLarge, TooSlow
from quotetrail.fetch.decoding import BodyDecoder

ROOT = Path(__file__).resolve().parents[2]
PAGE = ("<html><body><article><p>" + "The minister said the bridge will open. " * 200).encode()


def _answer(body: bytes, encoding: str | None, content_type: str = "text/html"):
    def respond(head: bytes, send) -> None:
        extra = f"Content-Encoding: {encoding}\r\n" if encoding else ""
        send(
            (
                f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\n{extra}"
                f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
            ).encode()
            + body
        )

    return respond


def _bomb(decoded_mb: int, layers: int) -> bytes:
    data = b"\0" * (decoded_mb * 1024 * 1024)
    for _ in range(layers):
        data = gzip.compress(data, compresslevel=9)
    return data


def test_a_gzip_page_is_decoded_and_we_ask_only_for_what_we_decode(make_fetcher, raw) -> None:
    with raw(_answer(gzip.compress(PAGE), "gzip")) as server:
        result = make_fetcher(obey_robots=False).fetch(server.url("/"))
    assert result.body == PAGE
    assert b"accept-encoding: gzip, deflate\r\n" in server.heads[0].lower()


@pytest.mark.parametrize("wrap", [zlib.compress, lambda b: zlib.compress(b)[2:-4]])
def test_deflate_both_zlib_wrapped_and_raw_is_decoded(make_fetcher, raw, wrap) -> None:
    with raw(_answer(wrap(PAGE), "deflate")) as server:
        assert make_fetcher(obey_robots=False).fetch(server.url("/")).body == PAGE


def test_stacked_encodings_are_refused_as_final(make_fetcher, raw) -> None:
    body = gzip.compress(gzip.compress(PAGE))
    with raw(_answer(body, "gzip, gzip")) as server, pytest.raises(BadEncoding) as info:
        make_fetcher(obey_robots=False).fetch(server.url("/"))
    assert "encoded 2 times" in str(info.value) and not info.value.retryable


def test_unknown_encoding_is_refused(make_fetcher, raw) -> None:
    with raw(_answer(b"\x1b\x00abc", "br")) as server, pytest.raises(BadEncoding, match="br"):
        make_fetcher(obey_robots=False).fetch(server.url("/"))


def test_a_bomb_is_refused_on_its_decoded_size_not_its_wire_size(make_fetcher, raw) -> None:
    body = _bomb(50, 1)  # ~50 KB on the wire, 50 MB decoded
    assert len(body) < 100_000
    with raw(_answer(body, "gzip")) as server, pytest.raises((TooLarge, BadEncoding)) as info:
        make_fetcher(obey_robots=False, max_ratio=1e9).fetch(server.url("/"))
    assert isinstance(info.value, TooLarge) and "once decoded" in str(info.value)


def test_the_ratio_cap_stops_a_bomb_below_the_size_limit(make_fetcher, raw) -> None:
    body = _bomb(5, 1)  # 5 MB of zeros: ratio ~1000, under the 10 MB limit
    with raw(_answer(body, "gzip")) as server, pytest.raises(BadEncoding, match="expands"):
        make_fetcher(obey_robots=False).fetch(server.url("/"))


def test_the_decoder_never_holds_more_than_the_limit() -> None:
    decoder = BodyDecoder("gzip", limit=1000, max_ratio=1e9, truncate=True)
    out = decoder.feed(_bomb(2, 1))
    assert len(out) == 1000 and decoder.done


def test_a_drip_feed_is_final_not_retryable(make_fetcher, raw) -> None:
    def drip(head: bytes, send) -> None:
        send(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n")
        for _ in range(40):
            send(b"z")
            time.sleep(0.1)

    with raw(drip) as server, pytest.raises(TooSlow, match="longer than") as info:
        started = time.monotonic()
        make_fetcher(total_timeout=0.5, obey_robots=False).fetch(server.url("/"))
    assert not info.value.retryable
    assert time.monotonic() - started < 2


_CHILD = textwrap.dedent(
    """
    import json, resource, sys
    from quotetrail.fetch import Fetcher, FetchSettings, FetchError, HostPoliteness
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    settings = FetchSettings.from_env(obey_robots=False, min_interval=0.0)
    outcome = "fetched"
    with Fetcher(settings, politeness=HostPoliteness(min_interval=0.0)) as fetcher:
        try:
            fetcher.fetch(sys.argv[1])
        except FetchError as exc:
            outcome = exc.reason
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"before_kb": before, "peak_kb": after, "outcome": outcome}))
    """
)


@pytest.mark.parametrize(("encoding", "layers"), [("gzip, gzip", 2), ("gzip", 1)])
def test_a_process_fetching_a_bomb_keeps_its_peak_rss_bounded(raw, encoding, layers) -> None:
    """The issue's case: a ~1 KB `gzip, gzip` body that inflates to a gigabyte. Measured
    in a fresh process from its own peak RSS (ru_maxrss), with a generous bound."""
    body = _bomb(1024, layers)  # 1 GB of zeros once fully decoded
    with raw(_answer(body, encoding)) as server:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        done = subprocess.run(
            [sys.executable, "-c", _CHILD, server.url("/")],
            capture_output=True,
            text=True,
            timeout=60,
            env=env,
            check=True,
        )
    figures = json.loads(done.stdout)
    assert figures["outcome"] in {"bad_encoding", "too_large"}
    grown_mb = (figures["peak_kb"] - figures["before_kb"]) / 1024
    assert grown_mb < 64, f"peak RSS grew by {grown_mb:.0f} MB"


def test_url_credentials_are_neither_sent_nor_kept(make_fetcher, raw) -> None:
    with raw(_answer(PAGE, None)) as server:
        url = server.url("/p").replace("http://", "http://editor:hunter2@")
        result = make_fetcher(obey_robots=False).fetch(url)
    assert "hunter2" not in result.final_url + result.url and "editor" not in result.final_url
    assert b"authorization" not in server.heads[0].lower()


def test_only_the_authority_loses_its_credentials() -> None:
    from quotetrail.fetch.client import _without_credentials

    assert _without_credentials("http://h.example/?to=a@b") == "http://h.example/?to=a@b"
    assert _without_credentials("http://h.example?to=a@b") == "http://h.example?to=a@b"
    assert _without_credentials("http://u:p@h.example/x@y") == "http://h.example/x@y"
