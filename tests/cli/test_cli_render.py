"""Renderers on a hand-built report: what a person, a newsroom and a program each get."""

from __future__ import annotations

import io
import json
import re
import unicodedata

from quotetrail.cli.render import (
    best_evidence,
    diff_text,
    render_extract,
    render_json,
    render_markdown,
    render_text,
    use_color,
)
from quotetrail.core.models import (
    DiffOp,
    Evidence,
    Quote,
    QuoteResult,
    Report,
    SourceStatus,
    WordingGroup,
)

SRC_A = "https://example.test/a?x=1"
SRC_B = "pages/b.html"


def _report() -> Report:
    quote = Quote("It will cost 4 billion", "direct", 10, 32, "Orlov", "said", "TASS")
    altered = Evidence(
        SRC_A,
        "altered",
        91.0,
        "It will cost 40 billion",
        5,
        28,
        (
            DiffOp("equal", "It will cost", "It will cost"),
            DiffOp("replace", "4", "40"),
            DiffOp("equal", "billion", "billion"),
        ),
        ("number changed: 40 → 4",),
    )
    gone = Evidence(SRC_B, "unverifiable", 0.0, reasons=("HTTP 404",))
    result = QuoteResult(
        quote,
        "altered",
        91.0,
        (altered, gone),
        (WordingGroup("It will cost 40 billion", "altered", (SRC_A,)),),
    )
    return Report(
        (result,),
        (
            SourceStatus(SRC_A, "ok", outlet="TASS"),
            SourceStatus(SRC_B, "error", error="HTTP 404 | gone"),
        ),
        {"source": "article.html", "title": "Bridge *news*"},
    )


def test_text_shows_verdict_attribution_passage_and_marked_diff():
    out = render_text(_report(), color=False)
    assert "ALTERED" in out
    assert "speaker: Orlov" in out and "cited outlet: TASS" in out
    assert "“It will cost 40 billion”" in out
    assert "[-40-]{+4+}" in out
    assert "number changed: 40 → 4" in out
    # the unreadable source is listed with its reason, not dropped
    assert f"{SRC_B}" in out and "HTTP 404 | gone" in out
    assert "\033[" not in out


def test_text_colours_only_when_asked():
    assert "\033[" in render_text(_report(), color=True)


def test_colour_needs_a_tty_and_no_NO_COLOR():
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    assert use_color(Tty(), env={}) is True
    assert use_color(Tty(), env={"NO_COLOR": "1"}) is False
    assert use_color(Tty(), env={"TERM": "dumb"}) is False
    assert use_color(io.StringIO(), env={}) is False


def test_diff_markers_read_from_source_to_quote():
    ops = (
        DiffOp("equal", "we", "we"),
        DiffOp("delete", "", "do not"),
        DiffOp("equal", "plan", "plan"),
        DiffOp("insert", "really", ""),
    )
    assert diff_text(ops) == "we [-do not-] plan {+really+}"


def test_markdown_has_table_details_and_escapes_pipes():
    out = render_markdown(_report())
    assert out.startswith("# Quote check: Bridge \\*news\\*")
    assert "| # | Quote | Speaker | Cited outlet | Verdict | Score | Best source |" in out
    assert "| 1 | It will cost 4 billion | Orlov | TASS | **altered** | 91 |" in out
    assert "~~40~~ **4**" in out
    # a '|' inside a cell must not break the table
    assert "HTTP 404 \\| gone" in out


def test_json_is_report_to_dict():
    report = _report()
    assert json.loads(render_json(report)) == json.loads(json.dumps(report.to_dict()))


def test_best_evidence_prefers_the_overall_verdict_then_score():
    result = _report().quotes[0]
    best = best_evidence(result)
    assert best is not None and best.source == SRC_A


def test_progress_draws_only_on_a_terminal():
    from quotetrail.cli.check import _progress
    from quotetrail.pipeline import SourceText, source_spec

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    read = SourceText(source_spec("https://a.test/x"), SourceStatus("https://a.test/x", "ok"))
    tty = Tty()
    with _progress(tty) as bar:
        assert bar.callback is not None
        bar.callback(1, 2, read)
    assert "reading sources 1/2" in tty.getvalue() and tty.getvalue().endswith("\r\033[K")
    plain = io.StringIO()
    with _progress(plain) as bar:
        assert bar.callback is None
        bar.note("fetching")
    assert plain.getvalue() == ""


def _hostile_report() -> Report:
    """Text from a fetched page may carry terminal escapes and bidi overrides."""
    evil = "We will \x1b[2J\x1b]0;pwned\x07win\u202e now"
    quote = Quote(evil, "direct", 0, len(evil), "Or\x1b[Hlov", "said", None)
    ev = Evidence(SRC_A, "matched", 100.0, evil + "\r\nnext line", 0, len(evil))
    return Report(
        (QuoteResult(quote, "matched", 100.0, (ev,)),),
        (SourceStatus(SRC_A, "ok", outlet="Evil\x1bOutlet"),),
        {"source": "a.html", "title": "Title\x1b[?25l"},
    )


_OUR_COLOURS = re.compile(r"\x1b\[[0-9;]*m")


def _unsafe(out: str) -> list[str]:
    out = _OUR_COLOURS.sub("", out)
    return [c for c in out if c != "\n" and (unicodedata.category(c) == "Cc" or c == "\u202e")]


def test_text_and_markdown_never_pass_control_characters_from_pages():
    report = _hostile_report()
    outputs = [
        render_text(report, color=False),
        render_text(report, color=True),
        render_markdown(report),
        render_extract([report.quotes[0].quote], {"title": "T\x1b[2J"}, "text"),
    ]
    for out in outputs:
        assert _unsafe(out) == [], repr(out)
    assert "win" in outputs[0] and "next line" in outputs[0]


def test_json_keeps_the_text_exactly():
    data = json.loads(render_json(_hostile_report()))
    assert data["quotes"][0]["text"] == _hostile_report().quotes[0].quote.text


def test_markdown_escapes_emphasis_underscores_but_keeps_urls_readable():
    from quotetrail.cli.render import _md

    assert _md("the so-called _reform_ is") == r"the so-called \_reform\_ is"
    assert _md("https://example.test/a_b/c_d") == "https://example.test/a_b/c_d"
