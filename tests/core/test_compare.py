"""summarize(): overall verdict, evidence order and wording groups across sources."""

from __future__ import annotations

from quotetrail.core.compare import summarize
from quotetrail.core.models import Evidence, Quote
from quotetrail.core.verdict import judge, unverifiable

QUOTE = Quote(text="We will not raise taxes this year", speaker="Okafor")
WORDING_A = "Okafor said: «We will not raise taxes this year», adding that the budget was tight."
WORDING_A2 = "“We will not raise taxes this year,” Okafor said. The budget was tight."
WORDING_B = "Okafor told reporters: «We will raise taxes this year»."
PARAPHRASE = "Okafor promised that taxes would not be raised this year."


def ev(source: str, verdict: str, score: float, passage: str = "") -> Evidence:
    return Evidence(source=source, verdict=verdict, score=score, passage=passage)  # type: ignore[arg-type]


def test_overall_is_best_verdict_then_score() -> None:
    result = summarize(
        QUOTE,
        [
            ev("c", "paraphrased", 90, "p"),
            ev("a", "not_found", 40),
            ev("b", "matched", 100, "m"),
            ev("d", "altered", 80, "x"),
        ],
    )
    assert result.verdict == "matched"
    assert result.score == 100
    assert [e.source for e in result.evidence] == ["b", "d", "c", "a"]


def test_altered_outranks_paraphrased() -> None:
    result = summarize(QUOTE, [ev("p", "paraphrased", 95, "p"), ev("x", "altered", 70, "x")])
    assert result.verdict == "altered"


def test_same_verdict_higher_score_first() -> None:
    result = summarize(
        QUOTE, [ev("low", "paraphrased", 61, "p1"), ev("high", "paraphrased", 88, "p2 other")]
    )
    assert [e.source for e in result.evidence] == ["high", "low"]


def test_no_evidence_is_unverifiable() -> None:
    result = summarize(QUOTE, [])
    assert result.verdict == "unverifiable"
    assert result.evidence == () and result.comparison == ()


def test_only_unreadable_sources() -> None:
    result = summarize(QUOTE, [unverifiable("s1", "timeout"), ev("s2", "not_found", 10)])
    assert result.verdict == "not_found"
    assert result.comparison == ()


def test_wording_groups_from_real_judgements() -> None:
    sources = {
        "tass": WORDING_A,
        "ria": WORDING_A2,
        "blog": WORDING_B,
        "gazeta": PARAPHRASE,
        "down": None,
    }
    evidence = [
        judge(QUOTE.text, text, name) if text is not None else unverifiable(name, "HTTP 503")
        for name, text in sources.items()
    ]
    by_source = {e.source: e.verdict for e in evidence}
    assert by_source == {
        "tass": "matched",
        "ria": "matched",
        "blog": "altered",
        "gazeta": "paraphrased",
        "down": "unverifiable",
    }
    result = summarize(QUOTE, evidence)
    assert result.verdict == "matched"
    groups = [(g.verdict, g.sources) for g in result.comparison]
    assert groups == [
        ("matched", ("ria", "tass")),
        ("altered", ("blog",)),
        ("paraphrased", ("gazeta",)),
    ]
    assert result.comparison[0].wording == "We will not raise taxes this year"
    assert "down" not in {s for g in result.comparison for s in g.sources}


def test_near_identical_passages_share_a_group() -> None:
    a = ev("a", "matched", 100, "The bridge will open in October.")
    b = ev("b", "paraphrased", 90, "the bridge will open in october")
    c = ev("c", "paraphrased", 80, "The bridge opens in autumn")
    result = summarize(QUOTE, [c, b, a])
    assert [(g.verdict, g.sources) for g in result.comparison] == [
        ("matched", ("a", "b")),
        ("paraphrased", ("c",)),
    ]
    assert result.comparison[0].wording == "The bridge will open in October."


def test_result_serialises() -> None:
    result = summarize(QUOTE, [judge(QUOTE.text, WORDING_B, "blog")])
    data = result.to_dict()
    assert data["verdict"] == "altered"
    assert data["evidence"][0]["reasons"] == ["negation added: not"]
    assert data["comparison"][0]["sources"] == ["blog"]


def test_wordings_differing_in_a_number_are_not_grouped() -> None:
    """A changed number is what a reader must see, even when the rest is identical."""
    quote = (
        "Prices for bread in the northern district will rise by 5 percent before the winter season"
    )
    five = f"The mayor said: {quote}."
    fifty = five.replace("5 percent", "50 percent")
    evidence = [judge(quote, five, "a"), judge(quote, five, "b"), judge(quote, fifty, "c")]
    groups = summarize(Quote(quote), evidence).comparison
    by_source = {s: g.wording for g in groups for s in g.sources}
    assert by_source["a"] == by_source["b"]
    assert by_source["c"] != by_source["a"]
    assert "50 percent" in by_source["c"]
