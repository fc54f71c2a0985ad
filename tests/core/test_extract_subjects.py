"""Reported speech whose subject the name and short-phrase rules pass over (issue 8, round 3):
long noun phrases, subjects after a subordinator, quantities, asides, fused pronouns.

All sentences are made up for these tests.
"""

import pytest

from tests.core.extract_helpers import quotes


def reported(article: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in quotes(article) if q.kind == "reported"]


@pytest.mark.parametrize(
    ("article", "clause", "speaker_word"),
    [
        (  # a prepositional phrase after the head
            "People with knowledge of the harbour talks said the levy would be dropped.",
            "the levy would be dropped",
            "People",
        ),
        (  # a subject opening a subordinate clause
            "While critics argue that the levy hurts fishermen, the council has kept it.",
            "the levy hurts fishermen",
            "critics",
        ),
        (  # more than ten words, with an of-phrase inside the prepositional phrase
            "Other former port officials with no role in the dispute said the dredging was overdue.",
            "the dredging was overdue",
            "officials",
        ),
        (  # a relative clause with an auxiliary of its own, closed by a comma
            "Ilse Brandt's office, which has rarely commented on the port, said the mayor had no "
            "part in the deal.",
            "the mayor had no part in the deal",
            "Brandt",
        ),
        (  # an aside in brackets holding a verb
            "Sen. Tomas Varga (a Marren Democrat though rarely in the news) says he will vote "
            "against the levy.",
            "he will vote against the levy",
            "Varga",
        ),
        (  # an opening adverb, then a participle phrase, then "have said"
            "Nonetheless, fishermen opposing the crane have said the harbour needs it.",
            "the harbour needs it",
            "fishermen",
        ),
        (  # a time phrase between the auxiliary and the verb
            "The pilots' guild has in the past said the channel was too shallow.",
            "the channel was too shallow",
            "guild",
        ),
        (  # any noun after a determiner ("movement", "union")
            "The dockworkers' union has long argued that the levy should be scrapped.",
            "the levy should be scrapped",
            "union",
        ),
        (  # an outlet's employee
            "The Marren Gazette fact checker wrote that the claim was false.",
            "the claim was false",
            "checker",
        ),
    ],
)
def test_long_subject(article: str, clause: str, speaker_word: str) -> None:
    found = reported(article)
    assert [text for text, _ in found if text.startswith(clause)], found
    speaker = next(s for text, s in found if text.startswith(clause))
    assert speaker_word.lower() in (speaker or "").lower()


@pytest.mark.parametrize(
    ("article", "speaker"),
    [
        (
            "About half of the dockworkers said the new crane was unsafe.",
            "about half of the dockworkers",
        ),
        (
            "Only 31 percent of Marren fishermen said the levy was fair.",
            "percent of Marren fishermen",
        ),
        ("A third of the pilots, 31%, say the fee is too high.", "a third of the pilots"),
    ],
)
def test_a_quantity_keeps_its_of_phrase(article: str, speaker: str) -> None:
    found = reported(article)
    assert len(found) == 1
    assert speaker in (found[0][1] or "")


def test_antecedent_of_who_may_be_a_coordination() -> None:
    found = reported(
        "The levy has drawn anger from fishermen, shopkeepers and harbour pilots who say the "
        "fee is unfair."
    )
    assert found == [("the fee is unfair", "harbour pilots")]


def test_fused_pronoun_and_auxiliary() -> None:
    found = reported("Mayor Ilse Brandt spoke on Monday. She's said she expects the levy to fail.")
    assert [text for text, _ in found] == ["she expects the levy to fail"]
    assert "Brandt" in (found[0][1] or "")


@pytest.mark.parametrize(
    "article",
    [
        "Editor's note: Orlan Port is a client of the publisher.",  # a noun and a colon
        "The crane will be moved to Lisle and Marren, states that border the harbour.",
        "Marren's remarks also drew boos from the dockworkers.",  # "remarks" is a noun
    ],
)
def test_nouns_that_look_like_cues_have_no_subject(article: str) -> None:
    assert reported(article) == []


def test_inverted_attribution_keeps_the_name_after_the_verb() -> None:
    found = reported("Those fees were low in 2010, said Ann Roe, a port economist.")
    assert [speaker for _, speaker in found] == ["Ann Roe"]


@pytest.mark.parametrize(
    ("article", "clause", "speaker"),
    [
        (
            "Several dockworkers walked out on Monday, saying night shifts had become unsafe.",
            "night shifts had become unsafe",
            "several dockworkers",
        ),
        (
            "Ilse Brandt criticised the harbour board on Friday, claiming the levy would "
            "cost the town jobs.",
            "the levy would cost the town jobs",
            "Ilse Brandt",
        ),
    ],
)
def test_bare_clause_after_a_participle(article: str, clause: str, speaker: str) -> None:
    assert reported(article) == [(clause, speaker)]


def test_participle_with_an_object_is_no_clause() -> None:
    assert reported("Ann Roe left the meeting early, citing the harbour report.") == []


def test_that_s_opens_a_clause_it_is_not_the_complementiser() -> None:
    assert reported("Ann Roe said that's what the harbour board wanted.") == [
        ("that's what the harbour board wanted", "Ann Roe")
    ]


@pytest.mark.parametrize(
    ("article", "speaker"),
    [
        ("About three in 10 dockworkers said the new crane was unsafe.", "about three"),
        ("Nearly nine out of 10 pilots say the harbour is too crowded.", "nearly nine"),
    ],
)
def test_a_count_of_people_speaks(article: str, speaker: str) -> None:
    assert [s for _, s in reported(article)] == [speaker]


@pytest.mark.parametrize(
    ("article", "clause", "speaker"),
    [
        (
            "As the Marren Gazette first reported, the levy was dropped in May.",
            "the levy was dropped in May",
            "the Marren Gazette",
        ),
        (
            "As an earlier harbour study noted, most pilots retire before 60.",
            "most pilots retire before 60",
            "an earlier harbour study",
        ),
    ],
)
def test_as_x_reported_opens_the_sentence(article: str, clause: str, speaker: str) -> None:
    assert reported(article) == [(clause, speaker)]


def test_as_with_a_clause_of_its_own_is_not_an_attribution() -> None:
    assert reported("As the levy rose, prices fell across the harbour.") == []


def test_an_earlier_clause_before_a_second_subject_is_speech_too() -> None:
    found = reported(
        "The harbour master explained that the levy would end in May - but she insisted "
        "that dredging would continue."
    )
    assert [text for text, _ in found] == ["the levy would end in May", "dredging would continue"]
    assert found[0][1] == "the harbour master"


def test_a_second_subject_after_but_ends_the_first_clause() -> None:
    assert reported("Ann Roe said the levy was fair, but Tom Lund said it was a scandal.") == [
        ("the levy was fair", "Ann Roe"),
        ("it was a scandal", "Tom Lund"),
    ]


def test_a_relative_clause_inside_the_first_clause_is_no_second_subject() -> None:
    found = reported("Ann Roe said the levy, which Tom Lund said was unfair, would stay.")
    assert found[0] == ("the levy, which Tom Lund said was unfair, would stay", "Ann Roe")


@pytest.mark.parametrize(
    ("article", "clause"),
    [
        ("Ann Roe is quietly telling allies that she hopes the levy fails.", "she hopes"),
        ("Mayor Roe spoke. She's telling allies that the levy will fail.", "the levy will fail"),
    ],
)
def test_progressive_with_an_adverb_or_a_fused_auxiliary(article: str, clause: str) -> None:
    found = reported(article)
    assert [text for text, _ in found if text.startswith(clause)], found
    assert "Roe" in (found[0][1] or "")
