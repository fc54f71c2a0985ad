"""The pure evaluate step: every quote × every source, unreadable sources included."""

from __future__ import annotations

from dataclasses import dataclass

from quotetrail.core.models import Quote, SourceStatus
from quotetrail.core.report import all_matched, evaluate, verdict_counts

TEXT = 'The mayor said: "The library will stay open on Sundays." Nothing else was said.'


@dataclass(frozen=True)
class Read:
    status: SourceStatus
    text: str | None


def ok(source: str, text: str, outlet: str | None = None) -> Read:
    return Read(SourceStatus(source, "ok", outlet=outlet), text)


def broken(source: str, reason: str, outlet: str | None = None) -> Read:
    return Read(SourceStatus(source, "error", error=reason, outlet=outlet), None)


def test_every_source_gives_evidence_for_every_quote():
    quotes = [
        Quote("The library will stay open on Sundays"),
        Quote("The pool will close in winter"),
    ]
    sources = [ok("a", TEXT), broken("b", "HTTP 503"), ok("c", "Weather: rain.")]
    report = evaluate(quotes, sources, {"title": "t"})
    assert [s.source for s in report.sources] == ["a", "b", "c"]
    for result in report.quotes:
        assert sorted(e.source for e in result.evidence) == ["a", "b", "c"]
        by_source = {e.source: e for e in result.evidence}
        assert by_source["b"].verdict == "unverifiable"
        assert "HTTP 503" in by_source["b"].reasons
    assert [r.verdict for r in report.quotes] == ["matched", "not_found"]
    assert report.article == {"title": "t"}
    assert not all_matched(report)
    assert verdict_counts(report)["matched"] == 1


def test_a_source_with_empty_text_is_unverifiable_not_not_found():
    report = evaluate([Quote("anything at all here")], [ok("a", "   ")])
    assert report.quotes[0].evidence[0].verdict == "unverifiable"


def test_unreadable_credited_outlet_makes_a_missing_quote_unverifiable():
    quote = Quote("The pool will close in winter", cited_source="TASS")
    sources = [ok("other", TEXT, outlet="Gazeta.ru"), broken("tass", "HTTP 404", outlet="TASS")]
    [result] = evaluate([quote], sources).quotes
    assert result.verdict == "unverifiable"


def test_readable_credited_outlet_keeps_not_found():
    quote = Quote("The pool will close in winter", cited_source="TASS")
    [result] = evaluate([quote], [ok("tass", TEXT, outlet="TASS")]).quotes
    assert result.verdict == "not_found"


def test_the_rule_needs_a_credited_outlet():
    quote = Quote("The pool will close in winter")
    sources = [ok("other", TEXT), broken("tass", "HTTP 404", outlet="TASS")]
    [result] = evaluate([quote], sources).quotes
    assert result.verdict == "not_found"


def test_all_matched_when_every_quote_matched():
    report = evaluate([Quote("The library will stay open on Sundays")], [ok("a", TEXT)])
    assert all_matched(report)


def test_credited_outlet_never_checked_makes_a_missing_quote_unverifiable():
    # "— заявил Кольцов ТАСС": only another outlet's page was checked; "not found"
    # would accuse the article of a quote from a source nobody looked at.
    quote = Quote("The pool will close in winter", cited_source="TASS")
    [result] = evaluate([quote], [ok("other", TEXT, outlet="Gazeta.ru")]).quotes
    assert result.verdict == "unverifiable"
    assert result.evidence[0].verdict == "not_found"  # the evidence itself is unchanged


def test_credited_outlet_never_checked_does_not_hide_an_alteration():
    quote = Quote("The library will stay open on Mondays", cited_source="TASS")
    [result] = evaluate([quote], [ok("other", TEXT, outlet="Gazeta.ru")]).quotes
    assert result.verdict == "altered"


def test_text_report_says_the_credited_outlet_was_not_checked():
    from quotetrail.cli.render import render_text

    quote = Quote("The pool will close in winter", cited_source="TASS")
    report = evaluate([quote], [ok("other", TEXT, outlet="Gazeta.ru")])
    out = render_text(report)
    assert "TASS" in out and "not among the sources" in out
    from quotetrail.cli.render import render_markdown

    assert "not among the sources" in render_markdown(report)
