"""Credited claims (kind "claim"): statements an article credits without quoting words.

Synthetic sentences (invented people and events), one per pattern of issue 8.
"""

from __future__ import annotations

import pytest

from quotetrail.core.compare import judge_claim, summarize
from quotetrail.core.models import DEFAULT_MIN_CONFIDENCE, Evidence, Quote
from tests.core.extract_helpers import quotes


def claims(text: str) -> list[Quote]:
    return [q for q in quotes(text) if q.kind == "claim"]


def test_seed_thanked_then_this_was_reported_by() -> None:
    text = (
        "Prime Minister Arvid Sollen publicly thanked the neighbouring states and President "
        "Mara Quist personally for the support in the border talks. This was reported by Gazeta.ru."
    )
    [claim] = claims(text)
    assert claim.speaker == "Arvid Sollen"
    assert claim.cue == "thanked"
    assert claim.cited_source == "Gazeta.ru"
    assert claim.text.startswith("Arvid Sollen publicly thanked")
    assert claim.text.endswith("in the border talks")


def test_seed_on_facebook_he_thanked() -> None:
    text = (
        "Prime Minister Arvid Sollen spoke to the parliament on Monday.\n\n"
        "On Facebook, he thanked Mara Quist for helping restore calm on the border."
    )
    [claim] = claims(text)
    assert claim.speaker == "Arvid Sollen"
    assert claim.cited_source == "Facebook"
    assert claim.text == "he thanked Mara Quist for helping restore calm on the border"


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "outlet"),
    [
        ("Mayor Lena Dorn urged residents to stay indoors during the storm.", "Lena Dorn", "urged", None),
        ("Senator Hal Wyse accused the governor of hiding the audit report.", "Hal Wyse", "accused", None),
        ("Governor Ray Poll denied the allegations of fraud, as RIA Novosti reported.", "Ray Poll", "denied", "RIA Novosti"),
        ("Minister Ida Venn called for calm after the vote in the northern towns.", "Ida Venn", "called for", None),
        ("Никол Пашинян поблагодарил Владимира Путина за поддержку. Об этом сообщает «Газета.Ru».", "Никол Пашинян", "поблагодарил", "Gazeta.ru"),
        ("Министр Олег Дронов призвал стороны к сдержанности, пишет «Коммерсантъ».", "Олег Дронов", "призвал", "Kommersant"),
        ("Глава района Анна Лесная опровергла сообщения о закрытии школы, сообщает «Интерфакс».", "Анна Лесная", "опровергла", "Interfax"),
    ],
)  # fmt: skip
def test_speech_acts_are_claims(text: str, speaker: str, cue: str, outlet: str | None) -> None:
    [claim] = claims(text)
    assert (claim.speaker, claim.cue, claim.cited_source) == (speaker, cue, outlet)
    assert text[claim.start : claim.end] == claim.text
    assert 0.5 <= claim.confidence <= 1.0


def test_outlet_credited_sentence_without_a_speech_act_is_a_claim() -> None:
    text = "The northern bridge will stay closed until the spring, as RIA Novosti reported."
    [claim] = claims(text)
    assert claim.text == "The northern bridge will stay closed until the spring"
    assert claim.speaker is None and claim.cited_source == "RIA Novosti"
    assert claim.confidence < DEFAULT_MIN_CONFIDENCE + 0.1


def test_a_sentence_with_a_quote_is_not_also_a_claim() -> None:
    text = 'Mayor Lena Dorn warned residents: "Stay indoors until the storm passes."'
    found = quotes(text)
    assert [q.kind for q in found] == ["direct"]


def test_headlines_and_questions_are_not_claims() -> None:
    assert claims("Mayor Lena Dorn urges residents to stay indoors\n\nThe storm came.") == []
    assert claims("Did Mayor Lena Dorn urge residents to stay indoors?") == []


def test_generic_subjects_are_not_claims() -> None:
    assert claims("Local businesses urged the council to reopen the market.") == []


def test_claim_is_never_matched_unless_the_source_has_its_words() -> None:
    claim = Quote(
        text="Arvid Sollen thanked Mara Quist for the support",
        kind="claim",
        speaker="Arvid Sollen",
        cue="thanked",
    )
    reworded = "Sollen said he was grateful to Mara Quist for the support she gave."
    ev = judge_claim(claim, reworded, "s1")
    assert ev.verdict in ("paraphrased", "not_found")
    verbatim = "On Monday Arvid Sollen thanked Mara Quist for the support at the summit."
    assert judge_claim(claim, verbatim, "s2").verdict == "matched"
    # summarize keeps the rule even for evidence judged elsewhere
    near = Evidence("s3", "matched", 96.0, "Arvid Sollen thanked Mara Quist for her support")
    assert summarize(claim, [near]).verdict == "paraphrased"
