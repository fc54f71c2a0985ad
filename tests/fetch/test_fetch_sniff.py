"""Pages served as application/octet-stream or untyped are judged by their first bytes."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from quotetrail.fetch import UnsupportedContentType
from quotetrail.fetch.sniff import sniff_media_type
from quotetrail.pipeline import SourceSpec, read_source
from tests.support.local_server import Route, serving

PAGE = (
    "<!doctype html><html><head><title>Pier</title></head><body><article>"
    "<p>The harbour master said the northern pier will reopen in March.</p>"
    "</article></body></html>"
)


@pytest.mark.parametrize(
    "head",
    [
        b"<!DOCTYPE html><html>",
        b"  \r\n\t<!doctype HTML>",
        b"\xef\xbb\xbf<html lang='en'>",
        b"<HEAD><title>x</title>",
        b"<body>",
        b"<p>Hello</p>",
        b"<p\n class='x'>",
        b"<!-- saved page --><div>",
        b"<div>text</div>",
        b"<?xml version='1.0'?><html xmlns='http://www.w3.org/1999/xhtml'>",
    ],
)
def test_html_openings_sniff_as_html(head: bytes) -> None:
    assert sniff_media_type(head + b"<p>x</p>") in ("text/html", "application/xhtml+xml")


@pytest.mark.parametrize(
    "body",
    [
        b"The harbour master said the pier will reopen.",
        "«Мы готовы к диалогу», — сказал он.".encode(),
        "«Мы готовы к диалогу», — сказал он.".encode("cp1251"),  # legacy, still text
        b"<pre>not an opening tag we know</pre>",  # <pre is not in the list
        b"<brand new> day",  # <br must be followed by a tag end
        "\ufeffText with a BOM".encode("utf-16-le"),
        b"",
    ],
)
def test_text_sniffs_as_plain_text(body: bytes) -> None:
    assert sniff_media_type(body) == "text/plain"


def test_utf16_html_with_a_bom_sniffs_as_html() -> None:
    assert sniff_media_type("\ufeff<html><p>Пирс</p>".encode("utf-16-le")) == "text/html"


@pytest.mark.parametrize(
    "body",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",  # readable at first: the signature decides
        b"PK\x03\x04\x14\x00\x06\x00",
        b"GIF89a\x01\x00",
        b"\xff\xd8\xff\xe0\x00\x10JFIF",
        b"\x1f\x8b\x08\x00",
        b"plain words\x00then a NUL",
        b"<html>\x01\x02 control bytes</html>",
    ],
)
def test_binaries_are_not_text(body: bytes) -> None:
    assert sniff_media_type(body) is None


@pytest.mark.parametrize(
    ("headers", "body", "expected"),
    [
        ({"Content-Type": "application/octet-stream"}, PAGE, "text/html"),
        ({}, PAGE, "text/html"),
        ({}, "Just words, said the harbour master.", "text/plain"),
        ({"Content-Type": "binary/octet-stream"}, "Plain words.", "text/plain"),
    ],
)
def test_untyped_pages_are_fetched_with_their_sniffed_type(
    make_fetcher, headers: dict, body: str, expected: str
) -> None:
    with serving({"/p": Route(body, headers=headers)}) as server:
        result = make_fetcher(obey_robots=False).fetch(server.url("/p"))
    assert result.content_type == expected
    assert result.body == body.encode()


@pytest.mark.parametrize("headers", [{"Content-Type": "application/octet-stream"}, {}])
def test_untyped_binaries_are_still_refused(make_fetcher, headers: dict) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"
    refused = pytest.raises(UnsupportedContentType, match="binary, not a web page or text")
    with serving({"/p": Route(png, headers=headers)}) as server, refused:
        make_fetcher(obey_robots=False).fetch(server.url("/p"))


def test_a_declared_type_is_not_second_guessed(make_fetcher) -> None:
    """A page really served as image/png is refused even if it looks like HTML."""
    routes = {"/p": Route(PAGE, headers={"Content-Type": "image/png"})}
    with serving(routes) as server, pytest.raises(UnsupportedContentType, match="image/png"):
        make_fetcher(obey_robots=False).fetch(server.url("/p"))


@contextmanager
def _static_files(folder: Path) -> Iterator[str]:
    """Python's own http.server: it serves a file without an extension as octet-stream."""
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(folder))
    handler.log_message = lambda *args: None  # type: ignore[method-assign]
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_a_page_from_python_http_server_is_read_as_a_source(make_fetcher, tmp_path) -> None:
    (tmp_path / "statement").write_text(PAGE, encoding="utf-8")
    (tmp_path / "scan").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    with _static_files(tmp_path) as base:
        fetcher = make_fetcher(obey_robots=False)
        page = read_source(SourceSpec(f"{base}/statement", "url", f"{base}/statement"), fetcher)
        scan = read_source(SourceSpec(f"{base}/scan", "url", f"{base}/scan"), fetcher)
    assert page.status.status == "ok", page.status
    assert "northern pier will reopen in March" in (page.text or "")
    assert scan.status.status == "error"
    assert "application/octet-stream" in (scan.status.error or "")
