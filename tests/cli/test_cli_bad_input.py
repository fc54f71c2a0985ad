"""Bad input gets one clear line on stderr and exit status 2 — never a traceback."""

from __future__ import annotations

import io
import sys

import pytest

from quotetrail.cli import main
from tests.cli.conftest import MATCHED_QUOTE
from tests.support.local_server import Route, serving

LOOPBACK = ["--allow-network", "127.0.0.1/32"]


def usage_error(capsys, *argv: str) -> str:
    code = main(list(argv))
    captured = capsys.readouterr()
    assert code == 2, captured
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith("quotetrail: error: ")
    assert "Traceback" not in captured.err
    return lines[0]


@pytest.mark.parametrize("command", ["extract", "verify"])
def test_missing_file(capsys, tmp_path, command):
    line = usage_error(capsys, command, str(tmp_path / "nope.html"))
    assert "no such file" in line


def test_empty_file(capsys, tmp_path, statement_file):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"  \n")
    assert "empty" in usage_error(capsys, "verify", str(empty), "-s", str(statement_file))


def test_binary_file(capsys, tmp_path):
    png = tmp_path / "photo.html"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    assert "binary" in usage_error(capsys, "extract", str(png))


def test_undecodable_control_bytes(capsys, tmp_path):
    junk = tmp_path / "junk.txt"
    junk.write_bytes(bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16, 17]) * 500)
    line = usage_error(capsys, "extract", str(junk))
    assert "binary" in line or "decoded" in line


def test_too_large_article(capsys, tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * (2 * 1024 * 1024 + 10))  # just over 10 MB
    assert "too large" in usage_error(capsys, "extract", str(big))


def test_directory_as_article(capsys, tmp_path):
    assert "directory" in usage_error(capsys, "extract", str(tmp_path))


def test_nothing_to_check(capsys):
    assert "--quote" in usage_error(capsys, "verify")


def test_quotes_but_no_sources(capsys):
    assert "no sources" in usage_error(capsys, "verify", "-q", MATCHED_QUOTE)


def test_missing_source_file_is_a_usage_error(capsys, tmp_path):
    line = usage_error(capsys, "verify", "-q", MATCHED_QUOTE, "-s", str(tmp_path / "missing.html"))
    assert "missing.html" in line


def test_unsupported_scheme(capsys):
    assert "http" in usage_error(capsys, "verify", "-q", MATCHED_QUOTE, "-s", "ftp://127.0.0.1/x")


def test_article_without_quotes(capsys, tmp_path, statement_file):
    article = tmp_path / "plain.txt"
    article.write_text("The pier is closed. Boats use the southern quay.\n", encoding="utf-8")
    assert "no quotations" in usage_error(capsys, "verify", str(article), "-s", str(statement_file))


def test_article_url_that_is_not_a_page(capsys):
    routes = {"/doc.pdf": Route(b"%PDF-1.7 ...", headers={"Content-Type": "application/pdf"})}
    with serving(routes) as server:
        line = usage_error(capsys, "extract", *LOOPBACK, server.url("/doc.pdf"))
    assert "application/pdf" in line and "not a web page" in line


def test_unreachable_article_url(capsys, closed_port):
    line = usage_error(capsys, "extract", *LOOPBACK, f"http://127.0.0.1:{closed_port}/a")
    assert "cannot fetch" in line


def test_empty_stdin(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    assert "empty" in usage_error(capsys, "extract", "-")


def test_unknown_format_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["verify", "-q", "x", "--format", "yaml"])
    assert exc.value.code == 2


def test_bad_cidr(capsys):
    line = usage_error(
        capsys,
        "verify",
        "-q",
        MATCHED_QUOTE,
        "-s",
        "http://127.0.0.1:9/x",
        "--allow-network",
        "nope",
    )
    assert "nope" in line


def test_source_that_is_not_a_page_is_unverifiable(capsys):
    routes = {"/img": Route(b"\x89PNG\r\n\x1a\n....", headers={"Content-Type": "image/png"})}
    with serving(routes) as server:
        code = main(
            ["verify", *LOOPBACK, "-q", MATCHED_QUOTE, "-s", server.url("/img"), "-f", "json"]
        )
    out = capsys.readouterr().out
    assert code == 1
    assert '"unverifiable"' in out and "image/png" in out


def test_too_large_stdin(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"a" * (10 * 1024 * 1024 + 1))))
    assert "too large" in usage_error(capsys, "extract", "-")


@pytest.mark.parametrize("url", ["http://", "https:///path/only"])
def test_url_without_host_says_so(capsys, url):
    line = usage_error(capsys, "verify", "-q", MATCHED_QUOTE, "-s", url)
    assert "no host" in line and "not http" not in line
    line = usage_error(capsys, "verify", url, "-s", "whatever.html")
    assert "no host" in line


def test_empty_source_is_named(capsys):
    line = usage_error(capsys, "verify", "-q", MATCHED_QUOTE, "-s", " ")
    assert "--source" in line and "empty" in line


def test_error_line_carries_no_terminal_escapes(capsys, tmp_path):
    line = usage_error(capsys, "extract", str(tmp_path / "evil\x1b[2Jname.html"))
    assert "\x1b" not in line


def test_missing_source_name_carries_no_terminal_escapes(capsys, tmp_path):
    line = usage_error(capsys, "verify", "-q", MATCHED_QUOTE, "-s", str(tmp_path / "a\x1b[2J"))
    assert "\x1b" not in line and "no such file" in line


def test_the_same_source_twice_is_a_usage_error_naming_it(capsys, tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<p>The minister said nothing.</p>", encoding="utf-8")
    line = usage_error(capsys, "verify", "-q", MATCHED_QUOTE, "-s", str(page), "-s", str(page))
    assert "same name" in line and "page.html" in line
