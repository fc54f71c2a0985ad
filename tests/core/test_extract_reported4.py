"""Reported speech, round 4: a speaker's second verb joined by "and"/"but" ends the first
clause, and starts a second quote of the same speaker when it has a clause of its own."""

import pytest

from tests.core.extract_helpers import quotes, summary


@pytest.mark.parametrize(
    ("article", "expected"),
    [
        (
            "Ann Orlan said the ferry was late again and said the council would pay for repairs.",
            [
                ("reported", "the ferry was late again", "Ann Orlan"),
                ("reported", "the council would pay for repairs", "Ann Orlan"),
            ],
        ),
        (
            "Tomas Varga said the pier was closed, but added that it would open in May.",
            [
                ("reported", "the pier was closed", "Tomas Varga"),
                ("reported", "it would open in May", "Tomas Varga"),
            ],
        ),
        (
            "The mayor rejected the plan, saying it cost too much and suggesting that the"
            " harbour board should try again.",
            [
                ("reported", "it cost too much", "The mayor"),
                ("reported", "the harbour board should try again", "The mayor"),
            ],
        ),
    ],
)
def test_second_verb_of_the_speaker_is_a_second_quote(article, expected) -> None:
    found = [s for s in summary(quotes(article)) if s[0] == "reported"]
    assert [(k, t) for k, t, _ in found] == [(k, t) for k, t, _ in expected]
    for (_, _, got), (_, _, want) in zip(found, expected, strict=True):
        assert got is not None and want.lower().split()[-1] in got.lower()


def test_second_verb_without_a_clause_only_ends_the_first() -> None:
    found = summary(quotes("Velma Brandt said the levy was too high and called for a new vote."))
    assert ("reported", "the levy was too high", "Velma Brandt") in found
    assert not any("called for" in text for _, text, _ in found)


def test_coordinated_verbs_inside_the_clause_are_kept() -> None:
    """ "the ferry stopped and the crew said …" has a subject of its own: no split."""
    found = summary(quotes("Ann Orlan said the ferry stopped and the crew said nothing at all."))
    assert any(text.startswith("the ferry stopped and the crew") for _, text, _ in found)


def test_the_speakers_next_act_after_a_comma_ends_the_clause() -> None:
    """ ", and has championed …": a past verb with no subject is the speaker's, not said."""
    found = summary(
        quotes("Ann Orlan insists the harbour must stay public, and has championed a new levy.")
    )
    assert ("reported", "the harbour must stay public", "Ann Orlan") in found


def test_second_speaker_written_as_a_phrase_opens_a_second_clause() -> None:
    """ "…; 26 percent of sailors say …": a later subject the name rules pass over."""
    found = summary(
        quotes(
            "Most ferry riders say the boats are late every week; 26 percent of sailors say"
            " they have not noticed any delay."
        )
    )
    texts = [text for kind, text, _ in found if kind == "reported"]
    assert texts == ["the boats are late every week", "they have not noticed any delay"]
    assert "sailors" in (found[-1][2] or "")


@pytest.mark.parametrize(
    "article",
    [
        "It rained. The port will close in May, Ann Orlan, a senior analyst at the institute,"
        " said.",
        "It rained. The port will close in May, Ann Orlan, 41, a farmer, said on Tuesday.",
    ],
)
def test_closing_name_with_appositives_before_the_verb(article: str) -> None:
    found = summary(quotes(article))
    assert ("reported", "The port will close in May", "Ann Orlan") in found


def test_relative_clause_with_an_appositive_is_not_a_closing_attribution() -> None:
    found = summary(quotes("The bank, which Ann Orlan, a trader, said was sound, failed."))
    assert not any(kind == "reported" and text.startswith("The bank") for kind, text, _ in found)


def test_a_finding_verb_is_not_part_of_the_speaker() -> None:
    """ "The survey shows sailors say …": the sailors speak, not "the survey shows sailors"."""
    found = summary(quotes("It rained. The survey shows voters say the harbour levy is too high."))
    assert ("reported", "the harbour levy is too high", "voters") in found


def test_belief_inside_an_added_clause_keeps_the_direct_quote() -> None:
    """`"…," Orlan said …, adding that she believed "…"`: two quotes, both Orlan's."""
    found = summary(
        quotes(
            "“We will fix the pier,” Ann Orlan said Tuesday at a meeting in Lisle, adding that"
            " she believed “the levy is wrong.”"
        )
    )
    assert ("direct", "We will fix the pier", "Ann Orlan") in found
    assert ("reported", "she believed “the levy is wrong.”", "Ann Orlan") in found


def test_a_letter_before_arguing_is_not_a_quote() -> None:
    found = summary(quotes("It rained. Orlan wrote a letter arguing that the levy was unfair."))
    assert [text for kind, text, _ in found if kind == "reported"] == ["the levy was unfair"]


def test_saying_without_that_after_a_comma_is_a_second_clause() -> None:
    found = summary(
        quotes("Orlan announced that she filed the harbour plan, saying it set a new benchmark.")
    )
    assert [text for kind, text, _ in found if kind == "reported"] == [
        "she filed the harbour plan",
        "it set a new benchmark",
    ]


def test_whereas_opens_a_second_speakers_clause() -> None:
    found = summary(
        quotes(
            "Ann Orlan said the ferry cases were different, whereas Tomas Varga acknowledged"
            " that he knew the rules."
        )
    )
    assert ("reported", "the ferry cases were different", "Ann Orlan") in found
    assert ("reported", "he knew the rules", "Tomas Varga") in found


def test_it_opening_the_sentence_speaks() -> None:
    found = summary(
        quotes("The port authority released a report. It said the pier had been unsafe for years.")
    )
    assert ("reported", "the pier had been unsafe for years") in [(k, t) for k, t, _ in found]


def test_it_inside_a_clause_is_not_a_speaker() -> None:
    found = summary(quotes("The pier was closed because it said nothing about safety to us."))
    assert not any(kind == "reported" for kind, _, _ in found)


def test_coordinated_group_closing_the_sentence_speaks() -> None:
    found = summary(
        quotes(
            "It rained. Agents want to question the pier staff, current and former officials said."
        )
    )
    assert (
        "reported",
        "Agents want to question the pier staff",
        "current and former officials",
    ) in (found)


def test_a_cue_in_the_speakers_relative_clause_is_not_the_attribution() -> None:
    found = summary(
        quotes(
            "It rained. But that is not good enough, said Ann Orlan, a senior analyst at the"
            " institute, who notes that the levy is weak."
        )
    )
    assert ("reported", "But that is not good enough", "Ann Orlan") in found


@pytest.mark.parametrize(
    ("article", "clause", "speaker"),
    [
        (
            "It rained. The pier deal is close, according to a shipping executive familiar with"
            " the talks.",
            "The pier deal is close",
            "a shipping executive familiar with the talks",
        ),
        (
            "It rained. The ferry will stop in May, according to three people briefed on the plan.",
            "The ferry will stop in May",
            "three people briefed on the plan",
        ),
        (
            "It rained. The ferry costs more than the bridge, according to Velma Brandt of the"
            " Lisle Institute of Harbour Studies.",
            "The ferry costs more than the bridge",
            "Velma Brandt",
        ),
    ],
)
def test_according_to_a_person_described(article: str, clause: str, speaker: str) -> None:
    assert ("reported", clause, speaker) in summary(quotes(article))


def test_according_to_a_poll_is_still_nobody() -> None:
    found = summary(quotes("It rained. The levy is unpopular, according to a new harbour poll."))
    assert not any(kind == "reported" for kind, _, _ in found)


def test_a_quantity_opens_a_clause_after_said() -> None:
    found = summary(
        quotes("It rained. Harbour aides said more than 1 million riders made the crossing.")
    )
    assert ("reported", "more than 1 million riders made the crossing") in [
        (k, t) for k, t, _ in found
    ]


def test_said_about_a_topic_is_still_not_a_clause() -> None:
    found = summary(quotes("It rained. Orlan said about the pier that it was old."))
    assert [t for k, t, _ in found if k == "reported"] == ["it was old"]


@pytest.mark.parametrize(
    ("article", "clause", "speaker"),
    [
        (
            "EXCLUSIVE – Velma Brandt: The Harbour Levy Must Go.\n\nThe levy was voted in May.",
            "The Harbour Levy Must Go",
            "Velma Brandt",
        ),
        (
            "Orlan to Harbour Board: The pier will fall apart.\n\nThe board met on Monday.",
            "The pier will fall apart",
            "Orlan",
        ),
        (
            "Brandt camp: The levy vote was rigged from the start.\n\nThe camp spoke on Monday.",
            "The levy vote was rigged from the start",
            "Brandt",
        ),
    ],
)
def test_headline_colon_with_a_tag_an_addressee_or_a_camp(article, clause, speaker) -> None:
    assert ("reported", clause, speaker) in summary(quotes(article))


def test_headline_poll_colon_is_not_a_speaker() -> None:
    found = summary(quotes("Poll: Brandt ties Orlan in the harbour race.\n\nThe poll was out."))
    assert not any(kind == "reported" for kind, _, _ in found)


def test_has_said_for_weeks_then_a_bare_clause() -> None:
    found = summary(
        quotes("It rained. Orlan has said for weeks he is the only one who can fix it.")
    )
    assert ("reported", "he is the only one who can fix it", "Orlan") in found


def test_even_before_a_described_speaker() -> None:
    found = summary(
        quotes("It rained. Even the organizer of the rally said the rules were unfair.")
    )
    assert [t for k, t, _ in found if k == "reported"] == ["the rules were unfair"]


def test_outlet_reported_a_bare_clause() -> None:
    found = quotes(
        "It rained. The New York Times reported the ferry capsized hours after it left port."
    )
    assert [(q.kind, q.text, q.cited_source) for q in found] == [
        ("reported", "the ferry capsized hours after it left port", "The New York Times")
    ]


def test_reported_an_object_is_not_a_clause() -> None:
    found = summary(
        quotes("It rained. The harbour company reported earnings driven by strong sales.")
    )
    assert not any(kind == "reported" for kind, _, _ in found)


@pytest.mark.parametrize(
    ("article", "clause"),
    [
        (
            "It rained. Ann Orlan told The Harbour Post of Lisle last week she would vote no.",
            "she would vote no",
        ),
        (
            "It rained. Ann Orlan told Harbour Radio host Tomas Varga she would vote no.",
            "she would vote no",
        ),
    ],
)
def test_told_a_described_addressee_then_a_clause(article: str, clause: str) -> None:
    assert ("reported", clause, "Ann Orlan") in summary(quotes(article))


def test_told_the_story_of_how_is_not_a_clause() -> None:
    found = summary(quotes("It rained. Orlan told the story of how she grew up."))
    assert not any(kind == "reported" for kind, _, _ in found)


def test_a_subject_no_rule_reads_speaks_as_written() -> None:
    found = summary(
        quotes(
            "It rained. Several people I have met over the last few weeks said the harbour"
            " master had ignored the levy."
        )
    )
    assert (
        "reported",
        "the harbour master had ignored the levy",
        "Several people I have met over the last few weeks",
    ) in found


@pytest.mark.parametrize(
    "article",
    [
        "It rained. It is hard to say the harbour levy will ever pass the council.",
        "It rained. The ferry, said Ann Orlan, the harbour master, is always late.",
        "It rained. No one would say the harbour levy was a good idea at all.",
    ],
)
def test_say_that_is_not_a_finite_verb_of_a_speaker(article: str) -> None:
    found = summary(quotes(article))
    assert not any(kind == "reported" and speaker is None for kind, _, speaker in found)
    assert not any(
        kind == "reported" and text.startswith("the harbour levy") for kind, text, _ in found
    )


def test_other_verbs_of_saying_with_an_unread_subject() -> None:
    found = summary(
        quotes(
            "It rained. Several riders I met at the pier last week insisted that the ferry"
            " had never been on time."
        )
    )
    assert ("reported", "the ferry had never been on time") in [(k, t) for k, t, _ in found]


@pytest.mark.parametrize(
    "article",
    [
        "It rained. It should be noted that the harbour levy was voted in May.",
        "It rained. Most of the riders were told that the harbour levy was unfair.",
    ],
)
def test_passive_or_noun_cue_has_no_unread_subject(article: str) -> None:
    assert not any(kind == "reported" for kind, _, _ in summary(quotes(article)))
