"""The command line loads only what a command needs.

`--help`, and `verify` on local text files, must not import the HTTP client (httpx),
the HTML parsers (bs4, lxml) or trafilatura: together they cost more start-up time
than the whole run. Checked in a fresh interpreter, where sys.modules tells the truth.
An HTML article or a URL source still loads them (the last test keeps the guard honest).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

HEAVY = ("httpx", "httpcore", "bs4", "lxml", "trafilatura", "charset_normalizer")

_PROBE = """
import contextlib, io, json, sys
from quotetrail.cli import main
out = io.StringIO()
with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
    try:
        code = main(sys.argv[1:])
    except SystemExit as exc:
        code = exc.code
heavy = sorted(m for m in {heavy!r} if m in sys.modules)
print(json.dumps({{"code": code, "heavy": heavy, "out": out.getvalue()}}))
"""


def _run(*argv: str, cwd: Path) -> dict:
    probe = _PROBE.format(heavy=HEAVY)
    done = subprocess.run(
        [sys.executable, "-c", probe, *argv],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=60,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def _files(tmp_path: Path) -> tuple[Path, Path]:
    article = tmp_path / "article.txt"
    article.write_text('The mayor said: "We will open four new bridges this year."\n')
    source = tmp_path / "source.txt"
    source.write_text("We will open four new bridges this year, the mayor said.\n")
    return article, source


def test_help_imports_no_http_client_or_html_parser(tmp_path: Path) -> None:
    result = _run("--help", cwd=tmp_path)
    assert result["code"] == 0 and "verify" in result["out"]
    assert result["heavy"] == []


def test_verify_on_text_files_imports_no_http_client_or_html_parser(tmp_path: Path) -> None:
    article, source = _files(tmp_path)
    result = _run("verify", str(article), "--source", str(source), "--format", "json", cwd=tmp_path)
    assert result["code"] == 0
    report = json.loads(result["out"])
    assert report["quotes"][0]["verdict"] == "matched"
    assert result["heavy"] == []


def test_an_html_article_still_loads_the_html_parser(tmp_path: Path) -> None:
    _, source = _files(tmp_path)
    article = tmp_path / "article.html"
    article.write_text(
        '<html><body><p>The mayor said: "We will open four new bridges this year."</p></body></html>'
    )
    result = _run("verify", str(article), "--source", str(source), "--format", "json", cwd=tmp_path)
    assert result["code"] == 0
    assert "bs4" in result["heavy"]
