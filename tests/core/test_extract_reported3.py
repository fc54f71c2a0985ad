"""Reported speech around a closing attribution that carries a tail of its own, and the
"as X noted, …" lead after a connective (round 3: recall of reported speech)."""

import pytest

from tests.core.extract_helpers import quotes, summary


@pytest.mark.parametrize(
    ("article", "clause", "speaker"),
    [
        (
            "The harbour levy is not good enough, said Ann Orlan, a senior analyst at the Port"
            " Institute.",
            "The harbour levy is not good enough",
            "Ann Orlan",
        ),
        (
            "The ferry will run late all winter, said Tomas Varga, who runs the pier.",
            "The ferry will run late all winter",
            "Tomas Varga",
        ),
        (
            "The ferry runs late every day, according to Velma Brandt, the harbour master.",
            "The ferry runs late every day",
            "Velma Brandt",
        ),
        (
            "The deficit of the port will grow this year, Velma Brandt said on Tuesday -- a"
            " figure that worried the council.",
            "The deficit of the port will grow this year",
            "Velma Brandt",
        ),
        (
            "The pier will close for repairs, Tomas Varga said, but the council has not voted.",
            "The pier will close for repairs",
            "Tomas Varga",
        ),
    ],
)
def test_closing_attribution_with_a_tail(article: str, clause: str, speaker: str) -> None:
    found = quotes(article)
    assert [(q.kind, q.text) for q in found] == [("reported", clause)]
    assert speaker in (found[0].speaker or "")


def test_closing_attribution_then_adding_gives_two_quotes() -> None:
    article = (
        "The harbour plan will cut costs this year, Velma Brandt said, adding that the council"
        " would vote soon."
    )
    assert summary(quotes(article)) == [
        ("reported", "The harbour plan will cut costs this year", "Velma Brandt"),
        ("reported", "the council would vote soon", "Velma Brandt"),
    ]


@pytest.mark.parametrize(
    "article",
    [
        # a circumstance before the comma is nobody's words
        "On Saturday, Tomas Varga said, and the council agreed.",
        # a verb with an object attributes nothing, even with a dash after it
        "Despite the protests, the harbour board called a referendum — the first in years.",
        # "denied the report" is no inverted speaker
        "The ferry firm, which keeps its books closed, denied the report, saying sales grew.",
    ],
)
def test_tail_does_not_make_a_closing_attribution(article: str) -> None:
    assert all(q.kind != "reported" or q.start > article.index(",") for q in quotes(article))


@pytest.mark.parametrize("lead", ["But as", "And as"])
def test_as_lead_after_a_connective(lead: str) -> None:
    article = f"{lead} Velma Brandt noted, the voters will give the mayor a second look."
    found = quotes(article)
    assert [(q.kind, q.text) for q in found] == [
        ("reported", "the voters will give the mayor a second look")
    ]
    assert "Brandt" in (found[0].speaker or "")


def test_as_an_outlet_reported_lead() -> None:
    article = "As Reuters reported, the council will vote on the levy next week."
    found = quotes(article)
    assert [q.text for q in found if q.kind == "reported"] == [
        "the council will vote on the levy next week"
    ]


def test_clause_opened_by_a_nominative_pronoun_after_another_verb() -> None:
    article = "Velma Brandt is suggesting she beat expectations because she started late."
    found = quotes(article)
    assert [(q.kind, q.text) for q in found] == [
        ("reported", "she beat expectations because she started late")
    ]
    assert "Brandt" in (found[0].speaker or "")


def test_object_after_another_verb_is_still_no_clause() -> None:
    # "noted the decline": an object; "the comments he made": a noun, not a verb
    assert quotes("Velma Brandt noted the decline in ferry traffic last winter.") == []
    assert quotes("Tomas Varga regretted the comments he made about the harbour board.") == []


@pytest.mark.parametrize("participle", ["stating", "emphasizing", "recalling", "confirming"])
def test_more_participles_with_that(participle: str) -> None:
    article = f"Velma Brandt left the meeting early, {participle} that the levy would pass."
    found = quotes(article)
    assert [(q.kind, q.text) for q in found] == [("reported", "the levy would pass")]
    assert "Brandt" in (found[0].speaker or "")


def test_as_cue_never_spans_a_sentence_end() -> None:
    # "… known as fracking." ends a sentence: the next one's "He said" is its own cue
    article = (
        "Tomas Varga opposed a ban on a drilling method known as fracking.\n\n"
        "He said drilling could put hundreds of people to work in the valley."
    )
    found = quotes(article)
    assert [(q.kind, q.text) for q in found] == [
        ("reported", "drilling could put hundreds of people to work in the valley")
    ]
    assert "Varga" in (found[0].speaker or "")


def test_when_asked_question_after_a_closing_attribution() -> None:
    article = "The levy will pass, Velma Brandt said when asked whether the council would vote."
    assert summary(quotes(article)) == [
        ("reported", "The levy will pass", "Velma Brandt"),
        ("reported", "whether the council would vote", None),
    ]


def test_passive_asked_question_has_no_speaker() -> None:
    # she is asked; the one asking is not named
    article = "Velma Brandt was asked if the harbour levy would pass this year."
    assert summary(quotes(article)) == [
        ("reported", "if the harbour levy would pass this year", None)
    ]


def test_active_asked_question_keeps_the_asker() -> None:
    article = "Velma Brandt asked the mayor whether the harbour levy would pass."
    found = quotes(article)
    assert [q.text for q in found] == ["whether the harbour levy would pass"]
    assert "Brandt" in (found[0].speaker or "")


@pytest.mark.parametrize(
    ("article", "clause"),
    [
        (
            "Velma Brandt stayed on the sidelines, arguing she did not want to tip the scales.",
            "she did not want to tip the scales",
        ),
        (
            "The harbour board answered on Friday, saying ferry owners have paid the levy.",
            "ferry owners have paid the levy",
        ),
        (
            "Velma Brandt spoke about ferries, saying, apparently for the first time, that the"
            " levy would pass.",
            "the levy would pass",
        ),
    ],
)
def test_participle_clause_without_that(article: str, clause: str) -> None:
    assert [q.text for q in quotes(article) if q.kind == "reported"] == [clause]


def test_participle_with_an_object_is_no_clause() -> None:
    assert quotes("Velma Brandt won the vote on Tuesday, claiming victory over the board.") == []


def test_when_asked_about_is_the_question_but_was_asked_about_is_a_topic() -> None:
    answered = "The levy is fair, Velma Brandt said when asked about the harbour board."
    assert ("reported", "about the harbour board", None) in summary(quotes(answered))
    topic = "Velma Brandt was asked about the harbour board."
    assert quotes(topic) == []


@pytest.mark.parametrize(
    ("article", "speaker"),
    [
        (
            "As reported by the Harbour Ledger, the council will vote on the levy next week.",
            "Ledger",
        ),
        (
            "As first reported by Velma Brandt, the council will vote on the levy next week.",
            "Brandt",
        ),
    ],
)
def test_as_reported_by_lead(article: str, speaker: str) -> None:
    found = quotes(article)
    assert [q.text for q in found] == ["the council will vote on the levy next week"]
    assert speaker in (found[0].speaker or "")


def test_colon_closing_the_sentence_opens_the_next_one() -> None:
    article = "Velma Brandt writes:\n\nThe levy hurts the ferry owners most of all."
    found = quotes(article)
    assert [(q.kind, q.text) for q in found] == [
        ("reported", "The levy hurts the ferry owners most of all")
    ]
    assert "Brandt" in (found[0].speaker or "")


def test_colon_before_markup_opens_nothing() -> None:
    article = 'One activist tweeted:\n\n<tweet tweet-author="@harbour">Levy now!</tweet>'
    assert [q for q in quotes(article) if q.kind == "reported"] == []


@pytest.mark.parametrize(
    ("article", "clause", "speaker"),
    [
        (
            "The delays hit the one pier that harbour officials say has no spare berth.",
            "has no spare berth",
            "harbour officials",
        ),
        (
            "The council missed a deadline that Velma Brandt said went unnoticed for weeks.",
            "went unnoticed for weeks",
            "Velma Brandt",
        ),
    ],
)
def test_relative_clause_whose_subject_speaks(article: str, clause: str, speaker: str) -> None:
    found = [q for q in quotes(article) if q.kind == "reported"]
    assert [q.text for q in found] == [clause]
    assert speaker in (found[0].speaker or "")


def test_relative_clause_with_an_object_is_not_speech() -> None:
    assert quotes("Tomas Varga read the report that the board claimed the ferry.") == []


def test_relative_clause_with_a_noun_cue_is_not_speech() -> None:
    # "claims" after "those" is a noun: nobody speaks in "that those claims could …"
    article = "Velma Brandt argued that those claims could sink the harbour levy."
    assert all(q.speaker != "those" for q in quotes(article))
    assert [q.text for q in quotes(article)] == ["those claims could sink the harbour levy"]
