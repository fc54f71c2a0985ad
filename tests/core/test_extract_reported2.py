"""Reported speech in shapes the first rules missed: headlines in title case, relative
clauses ("a letter that he said was drafted …") and the question in "Asked whether …"."""

import pytest

from quotetrail.core.models import DEFAULT_MIN_CONFIDENCE
from tests.core.extract_helpers import quotes, summary


@pytest.mark.parametrize(
    ("article", "clause", "speaker"),
    [
        (
            "Velma Orlan Says Harbour Levy Was A Mistake\n\nThe mayor spoke on Monday.",
            "Harbour Levy Was A Mistake",
            "Velma Orlan",
        ),
        (
            "Senator Brandt Warns Port Strike Could Last Weeks\n\nTalks stalled again.",
            "Port Strike Could Last Weeks",
            "Brandt",
        ),
    ],
)
def test_title_case_headline_verb(article: str, clause: str, speaker: str) -> None:
    found = quotes(article)
    assert [(q.kind, q.text) for q in found] == [("reported", clause)]
    assert speaker in (found[0].speaker or "")


def test_capitalised_verb_in_running_text_is_still_a_name() -> None:
    # "Says" inside a sentence of running text is part of a title, not a cue
    assert quotes("Tomas Varga runs the Simon Says Club in Harbourton, a small town.") == []


@pytest.mark.parametrize(
    ("article", "clause", "speaker"),
    [
        (
            "Pell Varga met the auditors on Monday. He then signed a letter that Varga said was "
            "drafted by the firm's lawyers.",
            "was drafted by the firm's lawyers",
            "Pell Varga",
        ),
        (
            "The council, which Mayor Ilse Brandt said had misread the budget, resigned on Friday.",
            "had misread the budget",
            "Ilse Brandt",
        ),
    ],
)
def test_relative_clause_words(article: str, clause: str, speaker: str) -> None:
    found = [q for q in quotes(article) if q.kind == "reported"]
    assert [q.text for q in found] == [clause]
    assert speaker in (found[0].speaker or "")


def test_relative_clause_without_auxiliary_is_not_speech() -> None:
    found = quotes("Ilse Brandt read the report that Pell Varga wrote last year in Harbourton.")
    assert [q for q in found if q.kind == "reported"] == []


@pytest.mark.parametrize(
    ("article", "question"),
    [
        (
            "Asked whether the port would reopen by May, Ilse Brandt shrugged.",
            "whether the port would reopen by May",
        ),
        (
            "When asked at a briefing on Monday about the levy, the mayor left the room.",
            "about the levy",
        ),
    ],
)
def test_asked_question_has_no_speaker(article: str, question: str) -> None:
    found = quotes(article)
    assert summary(found) == [("reported", question, None)]
    # nobody is credited with the question: hidden at the default threshold
    assert found[0].confidence < DEFAULT_MIN_CONFIDENCE


def test_asked_question_and_the_answer_are_two_quotes() -> None:
    found = quotes("Asked about the harbour levy, Ilse Brandt said the council would vote in May.")
    assert summary(found) == [
        ("reported", "about the harbour levy", None),
        ("reported", "the council would vote in May", "Ilse Brandt"),
    ]


def test_asked_with_an_object_is_not_a_question() -> None:
    found = quotes("Asked to leave, Ilse Brandt walked out of the hearing in Harbourton.")
    assert found == []


@pytest.mark.parametrize(
    ("article", "clause", "speaker"),
    [
        (
            "Oskar Lindqvist, a ferry pilot from Harbourton who has worked the strait for twenty "
            "years, said the new berths were too narrow.",
            "the new berths were too narrow",
            "Oskar Lindqvist",
        ),
        (
            "Mira Tan, 52, a nurse who now runs the clinic, said the waiting list had doubled.",
            "the waiting list had doubled",
            "Mira Tan",
        ),
    ],
)
def test_long_appositive_between_name_and_verb(article: str, clause: str, speaker: str) -> None:
    # the appositive is not a trailing quote: the name that opens the sentence speaks
    assert summary(quotes(article)) == [("reported", clause, speaker)]


def test_appositive_after_the_source_is_not_a_second_fragment() -> None:
    found = quotes("The ferry will stop in May, according to Ilse Brandt, a former harbour master.")
    assert summary(found) == [("reported", "The ferry will stop in May", "Ilse Brandt")]


def test_medial_attribution_still_splits_a_clause() -> None:
    found = quotes("The ferry, Ilse Brandt said, was a disaster for the island.")
    assert [q.text for q in found] == ["The ferry", "was a disaster for the island"]


@pytest.mark.parametrize(
    ("article", "speaker"),
    [
        (
            "The ferry will stop in May, according to former Sen. Ilse Brandt, D-Maine.",
            "Ilse Brandt",
        ),
        (
            "The ferry will stop in May, according to two local television networks.",
            "two local television networks",
        ),
    ],
)
def test_according_to_a_source_with_party_tag_or_network(article: str, speaker: str) -> None:
    found = quotes(article)
    assert [(q.kind, q.text) for q in found] == [("reported", "The ferry will stop in May")]
    assert speaker in (found[0].speaker or "")


def test_according_to_records_is_still_nobody() -> None:
    assert quotes("Ferry traffic fell by a third, according to harbour records.") == []
