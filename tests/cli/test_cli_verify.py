"""`quotetrail verify` in-process: exit codes, JSON shape, Markdown, stdin and link sources."""

from __future__ import annotations

import io
import json
import sys

from quotetrail.cli import main
from quotetrail.core.models import VERDICTS
from tests.cli.conftest import (
    ALTERED_QUOTE,
    ARTICLE_TEMPLATE,
    ARTICLE_TEXT,
    MATCHED_QUOTE,
    STATEMENT_HTML,
)
from tests.support.local_server import Route, serving

LOOPBACK = ["--allow-network", "127.0.0.1/32"]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def run_json(capsys, *argv: str) -> tuple[int, dict]:
    code, out, err = run(capsys, *argv, "--format", "json")
    assert out, err
    return code, json.loads(out)


def test_matched_quote_exits_0(capsys, statement_file):
    code, report = run_json(
        capsys, "verify", "--quote", MATCHED_QUOTE, "--source", str(statement_file)
    )
    assert code == 0
    [quote] = report["quotes"]
    assert quote["verdict"] == "matched"
    [evidence] = quote["evidence"]
    assert evidence["source"] == str(statement_file)
    assert MATCHED_QUOTE in evidence["passage"]


def test_changed_number_exits_1_and_says_why(capsys, statement_file):
    code, report = run_json(
        capsys, "verify", "--quote", ALTERED_QUOTE, "--source", str(statement_file)
    )
    assert code == 1
    [quote] = report["quotes"]
    assert quote["verdict"] == "altered"
    assert quote["evidence"][0]["reasons"]
    assert any(op["op"] != "equal" for op in quote["evidence"][0]["diff"])


def test_json_shape_every_source_has_evidence_for_every_quote(capsys, tmp_path, closed_port):
    (tmp_path / "st.html").write_text(STATEMENT_HTML, encoding="utf-8")
    text_source = tmp_path / "other.txt"
    text_source.write_text("Nothing about piers here, only about the weather.", encoding="utf-8")
    dead = f"http://127.0.0.1:{closed_port}/gone?id=1#frag"
    with serving({"/statement": Route(STATEMENT_HTML)}) as server:
        url = server.url("/statement?lang=en")
        given = [url, "./st.html", str(text_source), dead]
        argv = ["verify", *LOOPBACK, "-q", MATCHED_QUOTE, "-q", ALTERED_QUOTE]
        for source in given:
            argv += ["--source", source]
        import os

        cwd = os.getcwd()
        os.chdir(tmp_path)
        try:
            code, report = run_json(capsys, *argv)
        finally:
            os.chdir(cwd)
    assert code == 1
    assert set(report) == {"quotes", "sources", "article", "searches"}
    assert [s["source"] for s in report["sources"]] == given  # echoed exactly, in order
    statuses = {s["source"]: s for s in report["sources"]}
    assert statuses[url]["status"] == "ok" and statuses[url]["final_url"]
    assert statuses[dead]["status"] == "error" and statuses[dead]["error"]
    assert len(report["quotes"]) == 2
    for quote in report["quotes"]:
        assert set(quote) >= {
            "text",
            "kind",
            "speaker",
            "cue",
            "cited_source",
            "start",
            "end",
            "verdict",
            "score",
            "evidence",
            "comparison",
        }
        assert quote["verdict"] in VERDICTS
        assert sorted(e["source"] for e in quote["evidence"]) == sorted(given)
        for e in quote["evidence"]:
            assert set(e) == {
                "source",
                "verdict",
                "score",
                "passage",
                "start",
                "end",
                "diff",
                "reasons",
                "lang",
                "aligned",
                "anchors",
                "translation",
            }
        by_source = {e["source"]: e for e in quote["evidence"]}
        assert by_source[dead]["verdict"] == "unverifiable"
        assert by_source[str(text_source)]["verdict"] == "not_found"
    verdicts = [q["verdict"] for q in report["quotes"]]
    assert verdicts == ["matched", "altered"]


def test_unreachable_source_is_unverifiable_not_a_usage_error(capsys, closed_port):
    dead = f"http://127.0.0.1:{closed_port}/statement"
    code, report = run_json(capsys, "verify", *LOOPBACK, "-q", MATCHED_QUOTE, "-s", dead)
    assert code == 1
    [quote] = report["quotes"]
    assert quote["verdict"] == "unverifiable"
    assert quote["evidence"][0]["verdict"] == "unverifiable"
    assert report["sources"][0]["status"] == "error"


def test_links_in_an_html_article_become_sources(capsys):
    with serving({"/statement": Route(STATEMENT_HTML)}) as server:
        server.routes["/article"] = Route(ARTICLE_TEMPLATE.format(link="/statement"))
        code, report = run_json(capsys, "verify", *LOOPBACK, server.url("/article"))
        hits = list(server.hits)
    assert code == 1
    assert [s["source"] for s in report["sources"]] == [server.url("/statement")]
    assert "/statement" in hits
    verdicts = {q["text"]: q["verdict"] for q in report["quotes"]}
    assert verdicts[MATCHED_QUOTE] == "matched"
    assert verdicts[ALTERED_QUOTE] == "altered"
    matched = next(q for q in report["quotes"] if q["text"] == MATCHED_QUOTE)
    assert "Berg" in (matched["speaker"] or "")
    assert matched["start"] >= 0


def test_given_quote_is_located_in_the_article(capsys, tmp_path, statement_file):
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE_TEXT, encoding="utf-8")
    code, report = run_json(
        capsys, "verify", str(article), "-q", MATCHED_QUOTE, "-s", str(statement_file)
    )
    assert code == 0
    [quote] = report["quotes"]
    start, end = quote["start"], quote["end"]
    assert ARTICLE_TEXT.replace("\n\n", "\n\n")  # the text article keeps its paragraphs
    assert start >= 0 and end > start
    assert report["article"]["source"] == str(article)


def test_stdin_article(capsys, monkeypatch, statement_file):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLE_TEXT.encode("utf-8"))))
    code, report = run_json(capsys, "verify", "-", "-s", str(statement_file))
    assert code == 1
    assert report["article"]["source"] == "-"
    assert sorted(q["verdict"] for q in report["quotes"]) == ["altered", "matched"]


def test_markdown_report(capsys, statement_file):
    code, out, _ = run(
        capsys,
        "verify",
        "-q",
        MATCHED_QUOTE,
        "-q",
        ALTERED_QUOTE,
        "-s",
        str(statement_file),
        "--format",
        "markdown",
    )
    assert code == 1
    assert out.startswith("# Quote check:")
    assert "| # | Quote | Speaker | Cited outlet | Verdict | Score | Best source |" in out
    assert "**matched**" in out and "**altered**" in out
    assert "~~5~~ **50**" in out
    assert "## Sources" in out


def test_text_report_for_a_person(capsys, statement_file):
    code, out, err = run(
        capsys, "verify", "-q", ALTERED_QUOTE, "-s", str(statement_file), "--color", "never"
    )
    assert code == 1
    assert "ALTERED" in out
    assert "[-5-]{+50+}" in out
    assert str(statement_file) in out
    assert "\033[" not in out and "\033[" not in err  # not a terminal: no colour, no progress


def test_no_links_uses_only_given_sources(capsys, tmp_path, statement_file):
    article = tmp_path / "a.html"
    article.write_text(ARTICLE_TEMPLATE.format(link="http://127.0.0.1:9/never"), encoding="utf-8")
    code, report = run_json(capsys, "verify", str(article), "--no-links", "-s", str(statement_file))
    assert [s["source"] for s in report["sources"]] == [str(statement_file)]
    assert code == 1


def test_user_outlet_registry_labels_sources(capsys, tmp_path):
    outlets = tmp_path / "outlets.toml"
    outlets.write_text(
        '[[outlet]]\nid = "harbour"\nname = "Harbour Office"\ndomains = ["127.0.0.1"]\n',
        encoding="utf-8",
    )
    with serving({"/statement": Route(STATEMENT_HTML)}) as server:
        code, report = run_json(
            capsys,
            "verify",
            *LOOPBACK,
            "--outlets",
            str(outlets),
            "-q",
            MATCHED_QUOTE,
            "-s",
            server.url("/statement"),
        )
    assert code == 0
    assert report["sources"][0]["outlet"] == "Harbour Office"


def test_broken_outlet_registry_is_a_usage_error(capsys, tmp_path, statement_file):
    outlets = tmp_path / "outlets.toml"
    outlets.write_text("[[outlet]\nid=", encoding="utf-8")
    code, out, err = run(
        capsys, "verify", "--outlets", str(outlets), "-q", MATCHED_QUOTE, "-s", str(statement_file)
    )
    assert code == 2 and out == ""
    assert "outlet registry" in err
