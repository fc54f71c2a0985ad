"""Organisations and unnamed sources as speakers, and outlets that report without a person.

The speaker is the phrase as written (a leading article in lower case, a Russian
locative head in the nominative: «В Кремле» → «Кремль»). "TASS reported that X"
with no person named gives a quote with speaker None, cited to TASS.
"""

import pytest

from tests.core.extract_helpers import quotes


@pytest.mark.parametrize(
    ("article", "clause", "speaker", "outlet"),
    [
        ("The ministry said that the convoy had arrived.", "the convoy had arrived", "the ministry", None),
        ("Russia's Defence Ministry said on Monday that the drills were routine.",
         "the drills were routine", "Russia's Defence Ministry", None),
        ("A source close to the talks told Reuters that the convoy had arrived.",
         "the convoy had arrived", "a source close to the talks", "Reuters"),
        ("According to the ministry, the convoy had arrived.", "the convoy had arrived", "the ministry", None),
        ("The convoy had arrived, the ministry said.", "The convoy had arrived", "the ministry", None),
        ("NATO said that the drills were routine.", "the drills were routine", "NATO", None),
        ("Минобороны сообщило, что колонна прибыла.", "колонна прибыла", "Минобороны", None),
        ("В Кремле заявили, что колонна прибыла.", "колонна прибыла", "Кремль", None),
        ("В пресс-службе ведомства уточнили, что колонна прибыла.",
         "колонна прибыла", "пресс-служба ведомства", None),
        ("Источник в правительстве сообщил, что колонна прибыла.",
         "колонна прибыла", "источник в правительстве", None),
        ("Колонна прибыла, сообщили в Минобороны.", "Колонна прибыла", "Минобороны", None),
        ("По словам источника в Минобороны, колонна прибыла.", "колонна прибыла", "источник в Минобороны", None),
        ("Как сообщил «Интерфаксу» источник в правительстве, вопрос обсуждался на заседании.",
         "вопрос обсуждался на заседании", "источник в правительстве", "Interfax"),
        ("Газета «Коммерсант» со ссылкой на источники пишет, что решение принято.",
         "решение принято", "источники", "Kommersant"),
    ],
)  # fmt: skip
def test_body_speaks(article, clause, speaker, outlet):
    (q,) = quotes(article)
    assert (q.kind, q.text, q.speaker, q.cited_source) == ("reported", clause, speaker, outlet)


def test_body_in_a_direct_quote():
    (q,) = quotes('"The convoy has arrived," the ministry said.')
    assert (q.kind, q.speaker) == ("direct", "the ministry")


def test_outlet_reporting_without_a_person_is_cited_with_no_speaker():
    (q,) = quotes("TASS reported that the convoy had arrived.")
    assert (q.text, q.speaker, q.cited_source) == ("the convoy had arrived", None, "TASS")


def test_person_named_inside_an_outlet_report_is_the_speaker():
    (q,) = quotes("TASS reported that Dmitry Peskov said the convoy had arrived.")
    assert (q.text, q.speaker, q.cited_source) == (
        "the convoy had arrived",
        "Dmitry Peskov",
        "TASS",
    )


def test_a_body_is_never_what_he_refers_to():
    text = (
        "Dmitry Peskov spoke on Monday. The ministry said that the convoy had arrived. "
        '"We are satisfied," he said.'
    )
    assert [q.speaker for q in quotes(text)] == ["the ministry", "Dmitry Peskov"]


@pytest.mark.parametrize(
    "article",
    [
        "Meanwhile Moscow said that the drills were routine.",
        "Now Ukraine says it will not negotiate.",
        "The weather was said to be fine.",
    ],
)
def test_places_and_bare_verbs_are_not_bodies(article):
    assert quotes(article) == []


def test_a_surname_that_starts_like_a_body_word_is_a_person():
    (q,) = quotes("Судаков сообщил, что колонна прибыла.")
    assert q.speaker == "Судаков"


def test_a_masthead_before_the_verb_speaks_for_itself():
    text = (
        "The board met on Friday.\n\n"
        '"Three calls were made about the debate, not more," the Riverton Herald reported.\n\n'
        '"The state is red and will stay red," the newspaper admitted.'
    )
    found = quotes(text)
    assert [q.speaker for q in found] == ["the Riverton Herald", "the newspaper"]


def test_a_masthead_after_told_is_the_addressee_not_the_speaker():
    text = '"I found myself wanting deeper insight," Paul Grant, 49, told the Riverton Herald.'
    assert [q.speaker for q in quotes(text)] == ["Paul Grant"]


def test_post_as_a_verb_is_no_masthead():
    text = "Ray Dunn did post on the site Friday that his claims were sarcasm."
    assert all(q.speaker in (None, "Ray Dunn") for q in quotes(text))


def test_it_after_a_quote_is_the_body_that_spoke_just_before():
    text = (
        '"The county is red and will stay red," the newspaper admitted.\n\n'
        '"But the flood should be a call to conscience," it added.'
    )
    assert [q.speaker for q in quotes(text)] == ["the newspaper", "the newspaper"]


def test_it_is_never_a_plural_group_nor_what_it_calls():
    text = (
        '"The vote was rushed," Democratic aides said.\n\n'
        '"Sixty witnesses were never heard," it stated.\n\n'
        'The group backs what it calls "sensible rules for the county."'
    )
    found = {q.text: q.speaker for q in quotes(text)}
    assert found["Sixty witnesses were never heard"] is None
    assert "Democratic aides" not in [found.get("sensible rules for the county.")]
