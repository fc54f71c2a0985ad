"""Speakers that are no names (issue 8, round 5): a capitalised word that opens a sentence
or a dateline is not a person, and the real subject after it is found instead.

All sentences are made up for these tests.
"""

import pytest

from quotetrail.core.speakers.names import _is_name_part
from tests.core.extract_helpers import quotes


def speakers(article: str) -> list[tuple[str, str | None]]:
    return [(q.kind, q.speaker) for q in quotes(article)]


@pytest.mark.parametrize(
    ("article", "name"),
    [
        (  # a participle phrase opening the sentence, then a dash appositive
            "Reached by phone on Monday, Odile Varga — who runs a bakery in Tolven — told "
            "the Harbour Gazette she would not appeal the fine.",
            "Odile Varga",
        ),
        (  # a participle phrase opening the sentence
            "Contacted by email on Friday, Piet Lomar said the dredging would start soon.",
            "Piet Lomar",
        ),
        (  # a preposition that opens the sentence
            "Beyond the harbour dues, Piet Lomar said that the ferry fares would rise.",
            "Piet Lomar",
        ),
    ],
)
def test_an_opening_phrase_is_not_the_speaker(article: str, name: str) -> None:
    found = speakers(article)
    assert found, found
    assert found[0][1] == name, found


@pytest.mark.parametrize(
    "article",
    [
        "Why would anyone believe the claims that the ferry is safe?",
        "How could anyone pursue the claims that the ferry is late?",
        "Soon after, a column suggested that the ferry was unsafe.",
    ],
)
def test_an_interrogative_or_adverb_opener_is_no_name(article: str) -> None:
    opener = article.split()[0]
    for _kind, speaker in speakers(article):
        assert not (speaker or "").startswith(opener), (opener, speaker)


def test_a_dateline_month_is_no_name_but_a_first_name_is() -> None:
    text = "TOLVEN, Dec. 8 (Wire) — and Jan Horak spoke."
    dec = text.index("Dec")
    jan = text.index("Jan")
    assert not _is_name_part(text, (dec, dec + 3, "Dec"))
    assert _is_name_part(text, (jan, jan + 3, "Jan"))


def test_a_dateline_month_is_not_the_speaker() -> None:
    article = (
        "TOLVEN, Dec. 8 (Wire) — A close aide of Mayor Odile Varga rallied supporters, saying: "
        '"We have to be ready for the vote."'
    )
    found = speakers(article)
    assert found, found
    assert all(speaker != "Dec" for _kind, speaker in found), found


def test_a_show_title_after_told_is_not_the_speaker() -> None:
    article = (
        '"Nobody has looked at my record this hard," the harbour master told Meet the Fleet '
        "on Sunday, saying that rivals feared his rise."
    )
    found = speakers(article)
    assert ("direct", "the harbour master") in found, found
    assert ("reported", "the harbour master") in found, found


def test_words_after_a_quote_and_its_subject_are_no_reported_clause() -> None:
    article = (
        "''We admire the whole valley,'' the candidate said in an email message through an aide."
    )
    found = [(q.kind, q.text) for q in quotes(article)]
    assert [kind for kind, _text in found] == ["direct"], found


def test_an_auxiliary_after_an_aside_leaves_the_opening_phrase_as_speaker() -> None:
    article = (
        "The harbour board, in a plan that has drawn fire from local skippers, has said "
        "it would double the mooring fees."
    )
    found = speakers(article)
    assert found == [("reported", "the harbour board")], found


def test_a_cue_nouns_article_alone_is_no_speaker() -> None:
    found = speakers("The remarks suggest the mayor is planning a second bridge.")
    assert all(speaker not in ("the", "The") for _kind, speaker in found), found


def test_an_opening_time_phrase_leaves_the_pronoun_as_subject() -> None:
    article = (
        "Ann Roe spoke on Monday. This year, she rose to the defense of the ferry company, "
        "saying the fares were fair."
    )
    found = [(q.text, q.speaker) for q in quotes(article) if q.kind == "reported"]
    assert found and found[-1][0].startswith("the fares were fair"), found
    assert "Roe" in (found[-1][1] or ""), found


def test_the_one_told_after_telling_is_not_the_speaker() -> None:
    article = (
        "Odile Varga said she saw no need to change her plans, telling Piet Lomar that "
        "“the ferry will run on time.”"
    )
    found = speakers(article)
    assert found, found
    assert all(speaker != "Piet Lomar" for _kind, speaker in found), found
    assert all("Varga" in (speaker or "") for _kind, speaker in found), found
