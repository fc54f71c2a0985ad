"""Names, titles and scare quotes are not anyone's words."""

import pytest

from tests.core.extract_helpers import quotes, summary


@pytest.mark.parametrize(
    ("article", "term"),
    [
        (
            'Commentators repeated the narrative "Russia threw an ally" all week.',
            "Russia threw an ally",
        ),
        ('He watched the film "War and Peace" twice.', "War and Peace"),
        ('The so-called "peace plan" was never published.', "peace plan"),
        ("Об этом рассказал телеканал «Россия 24» в вечернем эфире.", "Россия 24"),
        ("В выборах участвует партия «Единая Россия».", "Единая Россия"),
        ("Материал вышел в газете «Коммерсант» в понедельник.", "Коммерсант"),
        ("Началась операция «Буря в пустыне».", "Буря в пустыне"),
        ('Shares of "Northern Star Holdings" rose.', "Northern Star Holdings"),
        ("Материал опубликовал «Коммерсантъ».", "Коммерсантъ"),
        ('Critics call it "fake news".', "fake news"),
    ],
)
def test_terms_are_not_returned_by_default(article, term):
    assert quotes(article) == []
    found = quotes(article, include_terms=True)
    assert [(q.kind, q.text, q.speaker, q.cue, q.cited_source) for q in found] == [
        ("term", term, None, None, None)
    ]


def test_terms_next_to_real_quotes():
    text = (
        'Sergei Lavrov criticised the film "War and Peace". '
        '"It distorts history," he said in an interview with the channel "Rossiya 24".'
    )
    assert summary(quotes(text)) == [("direct", "It distorts history", "Sergei Lavrov")]
    assert [q.kind for q in quotes(text, include_terms=True)] == ["term", "direct", "term"]
    assert quotes(text)[0].cited_source == "Rossiya 24"


def test_a_single_word_with_a_speech_verb_before_it_is_speech():
    text = 'Dmitry Peskov called the sanctions "illegal".'
    assert summary(quotes(text)) == [("direct", "illegal", "Dmitry Peskov")]


def test_whole_sentence_in_marks_is_speech_even_when_capitalised():
    text = 'Dmitry Peskov spoke to reporters.\n"Nobody Wants War Here."'
    # the subject of the sentence before it speaks (speakers round: an introducing sentence)
    assert summary(quotes(text)) == [("direct", "Nobody Wants War Here.", "Dmitry Peskov")]


def test_word_as_a_naming_noun_but_not_words_of_someone():
    assert [q.kind for q in quotes("Он произнес слово «мир».", include_terms=True)] == ["term"]
    text = "Дмитрий Песков выступил. По его словам, «мир возможен»."
    assert summary(quotes(text)) == [("direct", "мир возможен", "Дмитрий Песков")]
