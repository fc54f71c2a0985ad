"""Text layout: hard-wrapped plain text, and quote marks typed with spaces or German-style."""

import pytest

from quotetrail.core.hardwrap import unwrap
from tests.core.extract_helpers import quotes, summary

WRAPPED = """\
Kremlin spokesman Dmitry Peskov said on Tuesday that the talks would
resume in March and that no date had been fixed for the next round of
consultations between the two delegations.

"We are ready to continue the dialogue in any format that our partners
propose, and we hope they will be ready too," Peskov told reporters in
Moscow. "But we will not accept preconditions."
— Мы готовы к диалогу, — заявил Песков журналистам в Москве во вторник,
отвечая на вопрос о сроках.
"""


def test_hard_wrapped_quotes_are_not_split():
    found = quotes(WRAPPED)
    assert [(q.kind, q.text.replace("\n", " "), q.speaker) for q in found] == [
        ("reported", "the talks would resume in March and that no date had been fixed for the "
         "next round of consultations between the two delegations", "Dmitry Peskov"),
        ("direct", "We are ready to continue the dialogue in any format that our partners "
         "propose, and we hope they will be ready too", "Dmitry Peskov"),
        ("direct", "But we will not accept preconditions.", "Dmitry Peskov"),
        ("direct", "Мы готовы к диалогу", "Песков"),
    ]  # fmt: skip


def test_unwrap_keeps_length_and_paragraph_signals():
    flat = unwrap(WRAPPED)
    assert len(flat) == len(WRAPPED)
    assert "\n\n" in flat  # the blank line stays
    assert "\n— Мы" in flat  # a dialogue dash opens a paragraph
    assert "would resume" in flat and "partners propose" in flat


def test_two_line_wrap_of_one_sentence():
    text = 'Vladimir Putin said: "We will finish what we started in the spring of\nthis year."'
    assert summary(quotes(text)) == [
        ("direct", "We will finish what we started in the spring of\nthis year.", "Vladimir Putin")
    ]


@pytest.mark.parametrize(
    "text",
    [
        # one paragraph per line: nothing is joined
        "Peskov spoke to reporters.\nThe talks will resume in March, Dmitry Peskov said.\n"
        '"We are ready," he added.',
        # a headline over a lede
        "Peskov: talks to resume\nThe talks will resume in March, Dmitry Peskov said on Tuesday.",
        "short\nlines\nof a list\nstay",
    ],
)
def test_unwrapped_text_is_left_alone(text):
    assert unwrap(text) == text


def test_quote_opening_a_line_after_a_sentence_end_starts_a_paragraph():
    text = (
        "The spokesman for the Kremlin answered several questions from reporters.\n"
        '"We are ready to talk," Dmitry Peskov said after the briefing in Moscow.\n'
        '"Nothing is decided," he added on his way out of the building later.'
    )
    assert unwrap(text) == text


@pytest.mark.parametrize(
    "article",
    [
        'Vladimir Putin said: " We will finish. "',
        "Vladimir Putin said: “ We will finish. ”",
        "Vladimir Putin said: „We will finish.”",
        "Vladimir Putin said: „We will finish.“",
    ],
)
def test_spaced_and_german_polish_marks(article):
    assert summary(quotes(article)) == [("direct", "We will finish.", "Vladimir Putin")]


def test_spaced_straight_quotes_pair_up_in_order():
    text = '" We are ready, " Peskov said. " But not today. "'
    assert summary(quotes(text)) == [
        ("direct", "We are ready", "Peskov"),
        ("direct", "But not today.", "Peskov"),
    ]
