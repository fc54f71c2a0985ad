"""Reported speech: the clause a named person is said to have said, in English and Russian."""

import pytest

from tests.core.extract_helpers import quotes, summary


@pytest.mark.parametrize(
    ("article", "clause", "speaker", "cue"),
    [
        ("Dmitry Peskov said that the talks would resume in March.",
         "the talks would resume in March", "Dmitry Peskov", "said"),
        ("Dmitry Peskov said the talks would resume in March.",
         "the talks would resume in March", "Dmitry Peskov", "said"),
        ("Dmitry Peskov said on Monday that the talks would resume in March.",
         "the talks would resume in March", "Dmitry Peskov", "said"),
        ("Dmitry Peskov told reporters that the talks would resume in March.",
         "the talks would resume in March", "Dmitry Peskov", "told"),
        ("According to Dmitry Peskov, the talks will resume in March.",
         "the talks will resume in March", "Dmitry Peskov", "According to"),
        ("The talks will resume in March, according to Dmitry Peskov.",
         "The talks will resume in March", "Dmitry Peskov", "according to"),
        ("The talks will resume in March, Dmitry Peskov said.",
         "The talks will resume in March", "Dmitry Peskov", "said"),
        ("The talks will resume in March, said Dmitry Peskov.",
         "The talks will resume in March", "Dmitry Peskov", "said"),
        ("Anna Petrova stressed that the deadline could not be moved.",
         "the deadline could not be moved", "Anna Petrova", "stressed"),
        ("Anna Petrova noted that prices had doubled.", "prices had doubled", "Anna Petrova", "noted"),
        ("Anna Petrova added that nobody had been hurt.", "nobody had been hurt", "Anna Petrova", "added"),
        ("Anna Petrova stated that the plant was safe.", "the plant was safe", "Anna Petrova", "stated"),
        ("Anna Petrova warned that supplies could run out.", "supplies could run out", "Anna Petrova", "warned"),
        ("Anna Petrova claimed that the figures were wrong.", "the figures were wrong", "Anna Petrova", "claimed"),
        ("По словам Дмитрия Пескова, переговоры возобновятся в марте.",
         "переговоры возобновятся в марте", "Дмитрий Песков", "По словам"),
        ("Дмитрий Песков заявил, что переговоры возобновятся в марте.",
         "переговоры возобновятся в марте", "Дмитрий Песков", "заявил"),
        ("Мария Захарова отметила, что визит не планировался.",
         "визит не планировался", "Мария Захарова", "отметила"),
        ("Дмитрий Песков подчеркнул, что решение окончательное.",
         "решение окончательное", "Дмитрий Песков", "подчеркнул"),
        ("Дмитрий Песков сказал, что ответа пока нет.", "ответа пока нет", "Дмитрий Песков", "сказал"),
        ("Дмитрий Песков сообщил, что встреча перенесена.", "встреча перенесена", "Дмитрий Песков", "сообщил"),
        ("Как сообщил Дмитрий Песков, встреча перенесена на вторник.",
         "встреча перенесена на вторник", "Дмитрий Песков", "Как сообщил"),
        ("Как заявила Мария Захарова, визит не планировался.",
         "визит не планировался", "Мария Захарова", "Как заявила"),
        ("Дмитрий Песков заявил журналистам в четверг, что встреча перенесена.",
         "встреча перенесена", "Дмитрий Песков", "заявил"),
        ("Дмитрий Песков заявил: переговоры продолжатся.", "переговоры продолжатся", "Дмитрий Песков", "заявил"),
        ("По мнению Марии Захаровой, визит не нужен.", "визит не нужен", "Мария Захарова", "По мнению"),
    ],
)  # fmt: skip
def test_reported_forms(article, clause, speaker, cue):
    found = quotes(article)
    assert [(q.kind, q.text, q.speaker, q.cue) for q in found] == [
        ("reported", clause, speaker, cue)
    ]


def test_adding_that_splits_into_two_clauses_with_one_speaker():
    text = "Dmitry Peskov said the talks would resume, adding that no date had been set."
    assert summary(quotes(text)) == [
        ("reported", "the talks would resume", "Dmitry Peskov"),
        ("reported", "no date had been set", "Dmitry Peskov"),
    ]


def test_trailing_credit_is_not_part_of_the_clause():
    text = "Дмитрий Песков заявил, что переговоры продолжатся, передает ТАСС."
    (q,) = quotes(text)
    assert (q.text, q.cited_source) == ("переговоры продолжатся", "TASS")


def test_no_reported_speech_without_a_speaker_or_clause():
    assert quotes("The weather was said to be fine.") == []
    assert quotes("Sources said.") == []
    assert quotes("He arrived in Moscow on Monday and left on Tuesday.") == []
    assert quotes("Dmitry Peskov said in a statement.") == []


def test_outlet_as_subject_is_a_credit_not_a_speaker():
    found = quotes("TASS reported that the convoy had arrived.")
    assert all(q.speaker != "TASS" for q in found)


def test_reported_clause_that_is_a_direct_quote_is_not_doubled():
    text = 'Dmitry Peskov said that "the talks will resume in March."'
    assert summary(quotes(text)) == [("direct", "the talks will resume in March.", "Dmitry Peskov")]


def test_participle_saying_takes_the_sentence_subject():
    (q,) = quotes("Vladimir Putin rejected the proposal, saying it would only help Kyiv regroup.")
    assert (q.kind, q.text, q.speaker, q.cue) == (
        "reported",
        "it would only help Kyiv regroup",
        "Vladimir Putin",
        "saying",
    )


def test_relative_clause_is_not_a_trailing_attribution():
    text = "Anna Smith criticised the paper, which she said had misreported the talks."
    assert all(q.text != "Anna Smith criticised the paper" for q in quotes(text))


def test_reported_speech_in_a_longer_article_keeps_sentences_apart():
    text = (
        "Дмитрий Песков заявил, что встреча пройдет в марте. Погода была хорошей. "
        "Мария Захарова отметила, что визит согласован."
    )
    assert summary(quotes(text)) == [
        ("reported", "встреча пройдет в марте", "Дмитрий Песков"),
        ("reported", "визит согласован", "Мария Захарова"),
    ]


def test_as_x_put_it():
    (q,) = quotes("As Sergei Lavrov put it, the West has run out of ideas.")
    assert (q.kind, q.text, q.speaker) == (
        "reported",
        "the West has run out of ideas",
        "Sergei Lavrov",
    )


def test_sentence_adverbs_and_countries_are_not_speakers():
    assert quotes("Now Ukraine says it will not negotiate.") == []
    assert quotes("Meanwhile Moscow said that the drills were routine.") == []


def test_outlet_name_is_never_a_speaker():
    found = quotes("Как заявил РИА Новости источник, встреча отменена.")
    # the agency is the one spoken to; the unnamed source behind it speaks
    assert [q.speaker for q in found] in ([], [None], ["источник"])


def test_a_second_that_clause_does_not_cut_off_the_first():
    found = quotes(
        "Marsh said the building had stood empty for years and that neighbours wanted it used."
    )
    assert [q.text for q in found] == [
        "the building had stood empty for years and that neighbours wanted it used"
    ]
