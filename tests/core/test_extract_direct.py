"""Direct quotes: every quotation mark style, nesting, paragraphs, interruptions."""

import pytest

from tests.core.extract_helpers import by_text, quotes, summary

EN = "We will finish what we started."
RU = "Мы доведем дело до конца"


@pytest.mark.parametrize(
    ("article", "words", "speaker"),
    [
        (f'Vladimir Putin said: "{EN}"', EN, "Vladimir Putin"),
        (f"Vladimir Putin said: “{EN}”", EN, "Vladimir Putin"),
        (f"Vladimir Putin said: ‘{EN}’", EN, "Vladimir Putin"),
        (f"Vladimir Putin said: '{EN}'", EN, "Vladimir Putin"),
        (f"Vladimir Putin said: „{EN}“", EN, "Vladimir Putin"),
        (f"Владимир Путин сказал: «{RU}».", RU, "Владимир Путин"),
        (f"Владимир Путин сказал: „{RU}“.", RU, "Владимир Путин"),
        (f"Владимир Путин сказал: “{RU}”.", RU, "Владимир Путин"),
    ],
)
def test_each_quote_mark_style(article, words, speaker):
    found = quotes(article)
    assert summary(found) == [("direct", words, speaker)]
    assert found[0].cue in ("said", "сказал")


def test_nested_quotes_stay_inside_the_outer_quote():
    text = "«Мы не допустим „эскалации“ и „провокаций“», — заявил Сергей Лавров."
    found = quotes(text)
    assert summary(found) == [
        ("direct", "Мы не допустим „эскалации“ и „провокаций“", "Сергей Лавров")
    ]
    assert found[0].cue == "заявил"

    text = "\"They call it a 'peace plan', but it is not,\" said Sergei Lavrov."
    assert summary(quotes(text)) == [
        ("direct", "They call it a 'peace plan', but it is not", "Sergei Lavrov")
    ]


def test_quote_over_several_paragraphs_is_one_fragment_per_paragraph():
    text = (
        "Foreign Minister Sergei Lavrov spoke at length.\n\n"
        "“The first point is simple. We want stability.\n\n"
        "“The second point is harder.\n\n"
        "“And the third is for our partners,” Lavrov said.\n\n"
        "The meeting ended at noon."
    )
    found = quotes(text)
    assert summary(found) == [
        ("direct", "The first point is simple. We want stability.", "Sergei Lavrov"),
        ("direct", "The second point is harder.", "Sergei Lavrov"),
        ("direct", "And the third is for our partners", "Sergei Lavrov"),
    ]
    assert {q.cue for q in found} == {"said"}


def test_quote_interrupted_by_attribution_gives_two_fragments_same_speaker():
    text = '"We are ready to talk," Dmitry Peskov said. "But not on these terms."'
    found = quotes(text)
    assert summary(found) == [
        ("direct", "We are ready to talk", "Dmitry Peskov"),
        ("direct", "But not on these terms.", "Dmitry Peskov"),
    ]
    assert [q.cue for q in found] == ["said", "said"]

    text = (
        '"We are ready to talk," he said, "but not on these terms." Earlier, Dmitry Peskov spoke.'
    )
    # "he" with nobody named before it stays unresolved rather than guessing forwards
    assert [q.speaker for q in quotes(text)] == [None, None]


def test_interrupted_comma_form_and_russian_dash_form():
    text = 'Dmitry Peskov was asked about the talks. "We are ready," he said, "but not today."'
    assert summary(quotes(text)) == [
        ("direct", "We are ready", "Dmitry Peskov"),
        ("direct", "but not today.", "Dmitry Peskov"),
    ]
    # Russian style: the attribution sits inside one pair of marks, set off by dashes
    text = "«Мы готовы, — сказала Мария Захарова. — Но не сегодня»."
    assert summary(quotes(text)) == [
        ("direct", "Мы готовы", "Мария Захарова"),
        ("direct", "Но не сегодня", "Мария Захарова"),
    ]
    text = "«Мы готовы! — заявил он. — Но не сегодня»."
    assert [q.text for q in quotes(text)] == ["Мы готовы!", "Но не сегодня"]


def test_offsets_point_at_the_words_without_marks():
    text = "Intro.  «  Spaced words here , »  said Anna Smith."
    (q,) = quotes(text)
    assert q.text == "Spaced words here"
    assert q.start == text.index("Spaced")
    assert q.speaker == "Anna Smith"


def test_stray_mark_does_not_hide_later_quotes():
    text = "He is 6'2\" tall. Then «stray opener and «Мы победим», — сказал Иван Петров."
    found = quotes(text)
    assert by_text(found, "Мы победим").speaker == "Иван Петров"


def test_unclosed_quote_is_dropped_not_guessed():
    assert quotes('Putin said: "We will never') == []


def test_standalone_quote_paragraph_continues_previous_speaker():
    text = (
        "«Переговоры будут продолжены», — заявил Дмитрий Песков.\n"
        "«Никаких сроков пока нет».\n"
        "Погода в Москве была солнечной."
    )
    found = quotes(text)
    assert summary(found) == [
        ("direct", "Переговоры будут продолжены", "Дмитрий Песков"),
        ("direct", "Никаких сроков пока нет", "Дмитрий Песков"),
    ]


def test_inverted_attribution_with_title():
    text = '"There is no deal yet," said Kremlin spokesman Dmitry Peskov.'
    (q,) = quotes(text)
    assert (q.speaker, q.cue) == ("Dmitry Peskov", "said")
    text = "«Сделки пока нет», — сообщил пресс-секретарь президента Дмитрий Песков."
    (q,) = quotes(text)
    assert (q.speaker, q.cue) == ("Дмитрий Песков", "сообщил")


def test_colon_and_according_heads():
    text = "По словам Дмитрия Пескова, «работа продолжается в штатном режиме»."
    (q,) = quotes(text)
    assert (q.kind, q.speaker, q.cue) == ("direct", "Дмитрий Песков", "По словам")
    text = 'According to Dmitry Peskov, "work goes on as usual."'
    (q,) = quotes(text)
    assert (q.kind, q.speaker, q.cue) == ("direct", "Dmitry Peskov", "According to")


def test_russian_dialogue_dash_paragraphs():
    text = (
        "Песков ответил на вопросы журналистов.\n"
        "— Мы готовы к диалогу, — заявил Дмитрий Песков. — Но не на этих условиях.\n"
        "— Когда будет встреча?\n"
        "— Пока рано говорить! — сказал он, передает ТАСС."
    )
    found = quotes(text)
    assert [(q.text, q.speaker, q.cue, q.cited_source) for q in found] == [
        ("Мы готовы к диалогу", "Дмитрий Песков", "заявил", None),
        ("Но не на этих условиях.", "Дмитрий Песков", "заявил", None),
        ("Пока рано говорить!", "Дмитрий Песков", "сказал", "TASS"),
    ]


def test_quotes_come_back_in_article_order_with_terms_interleaved():
    text = (
        'The film "Dune" opened. "It is great," said Anna Smith. '
        "Она посмотрела фильм «Дюна». «Отличный фильм», — сказала Анна Смит."
    )
    found = quotes(text, include_terms=True)
    assert [q.kind for q in found] == ["term", "direct", "term", "direct"]
    assert [q.start for q in found] == sorted(q.start for q in found)


def test_name_and_colon_attribute_without_a_verb():
    (q,) = quotes('Dmitry Peskov: "We are ready."')
    assert (q.kind, q.speaker, q.cue) == ("direct", "Dmitry Peskov", None)
    (q,) = quotes("Песков: «Мы готовы к диалогу»")
    assert (q.kind, q.speaker) == ("direct", "Песков")


def test_whole_sentence_after_colon_is_speech_without_speaker():
    (q,) = quotes('The statement read: "We are ready to talk."')
    assert (q.kind, q.speaker) == ("direct", None)


def test_british_single_quotes_and_nbsp_dashes():
    found = quotes("'We will win,' Boris Johnson said. 'There is no doubt.'")
    assert summary(found) == [
        ("direct", "We will win", "Boris Johnson"),
        ("direct", "There is no doubt.", "Boris Johnson"),
    ]
    found = quotes("«Мы победим»,\u00a0— заявил\u00a0Владимир Путин.\r\n«Сомнений нет».\r\n")
    assert summary(found) == [
        ("direct", "Мы победим", "Владимир Путин"),
        ("direct", "Сомнений нет", "Владимир Путин"),
    ]


def test_attribution_in_a_short_next_sentence():
    text = '"We will win." Vladimir Putin told TASS. Then he left the hall.'
    (q,) = quotes(text)
    assert (q.speaker, q.cue, q.cited_source) == ("Vladimir Putin", "told", "TASS")
    text = '"We will win." The crowd in the hall cheered loudly for a long time.'
    (q,) = quotes(text)
    assert (q.speaker, q.cue) == (None, None)
