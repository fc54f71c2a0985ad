"""Reported speech with the attribution in the middle: "Russia, Peskov said, is ready to talk."

The words around the attribution come back as two fragments with one speaker
and cue (like an interrupted direct quote), so each keeps its own offsets.
"""

import pytest

from tests.core.extract_helpers import quotes, summary


@pytest.mark.parametrize(
    ("article", "head", "tail", "speaker", "cue"),
    [
        ("Russia, Peskov said, is ready to talk.", "Russia", "is ready to talk", "Peskov", "said"),
        ("Russia, said Peskov, is ready to talk.", "Russia", "is ready to talk", "Peskov", "said"),
        ("The deal, Dmitry Peskov said on Monday, is off the table.",
         "The deal", "is off the table", "Dmitry Peskov", "said"),
        ("The next round, according to Peskov, will take place in March.",
         "The next round", "will take place in March", "Peskov", "according to"),
        ("Россия, как отметил Песков, готова к диалогу.",
         "Россия", "готова к диалогу", "Песков", "как отметил"),
        ("Россия, по словам Пескова, готова к диалогу.",
         "Россия", "готова к диалогу", "Песков", "по словам"),
        ("Россия, заявил Песков, готова к диалогу.", "Россия", "готова к диалогу", "Песков", "заявил"),
        ("Визит, по словам Марии Захаровой, не планировался.",
         "Визит", "не планировался", "Мария Захарова", "по словам"),
    ],
)  # fmt: skip
def test_medial_attribution_gives_two_fragments(article, head, tail, speaker, cue):
    found = quotes(article)
    assert [(q.kind, q.text, q.speaker, q.cue) for q in found] == [
        ("reported", head, speaker, cue),
        ("reported", tail, speaker, cue),
    ]


def test_medial_pronoun_resolves_to_the_person_named_before():
    text = "Dmitry Peskov met reporters. The talks, he said, would resume in March."
    assert summary(quotes(text))[-2:] == [
        ("reported", "The talks", "Dmitry Peskov"),
        ("reported", "would resume in March", "Dmitry Peskov"),
    ]


def test_medial_keeps_a_trailing_credit_out():
    text = "Россия, по словам Пескова, готова к диалогу, передает ТАСС."
    found = quotes(text)
    assert [q.text for q in found] == ["Россия", "готова к диалогу"]
    assert {q.cited_source for q in found} == {"TASS"}


@pytest.mark.parametrize(
    "article",
    [
        # a relative clause is not an attribution
        "The plan, which Peskov said was flawed, was dropped.",
        # the head is a direct quote, the tail a credit: handled as a direct quote
        '"We will respond," Sergei Lavrov said, quoted by TASS.',
        "«Мы ответим», — заявил Сергей Лавров, передает ТАСС.",
    ],
)
def test_not_a_medial_attribution(article):
    found = quotes(article)
    assert all(q.kind == "direct" for q in found)


def test_trailing_attribution_still_gives_one_clause():
    (q,) = quotes("The talks will resume in March, Dmitry Peskov said.")
    assert (q.text, q.speaker) == ("The talks will resume in March", "Dmitry Peskov")


def test_a_connective_before_the_attribution_is_not_a_fragment():
    text = "Dmitry Peskov spoke. However, he said, the plan had failed."
    assert summary(quotes(text)) == [("reported", "the plan had failed", "Dmitry Peskov")]
