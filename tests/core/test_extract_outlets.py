"""Which outlet the article credits for each quote."""

import pytest

from quotetrail.core.outlets import OutletRegistry
from tests.core.extract_helpers import quotes


@pytest.mark.parametrize(
    ("article", "outlet"),
    [
        ('"We will respond," Sergei Lavrov said, quoted by TASS.', "TASS"),
        ('"We will respond," Sergei Lavrov said. His words are quoted by TASS.', "TASS"),
        ('"We will respond," Sergei Lavrov said. This was reported by Gazeta.ru.', "Gazeta.ru"),
        ('"We will respond," Sergei Lavrov told RIA Novosti.', "RIA Novosti"),
        ('"We will respond," Sergei Lavrov said in an interview with Rossiya 24.', "Rossiya 24"),
        ('"We will respond," Sergei Lavrov told the RIA Novosti agency.', "RIA Novosti"),
        ('"We will respond," Maria Zakharova wrote on Facebook.', "Facebook"),
        ('"We will respond," Maria Zakharova wrote in her Telegram channel.', "Telegram"),
        ('"We will respond," Sergei Lavrov wrote in his Telegram channel.', "Telegram"),
        ('"We will respond," Sergei Lavrov told Interfax.', "Interfax"),
        ('Sergei Lavrov said: "We will respond," TASS reports.', "TASS"),
        ("«Мы ответим», — заявил Сергей Лавров, передает ТАСС.", "TASS"),
        ("«Мы ответим», — заявил Сергей Лавров, сообщает «Интерфакс».", "Interfax"),
        ("«Мы ответим», — заявил Сергей Лавров, сообщает агентство со ссылкой на ТАСС.", "TASS"),
        ("«Мы ответим», — заявил Сергей Лавров в эфире телеканала «Россия 24».", "Rossiya 24"),
        ("«Мы ответим», — написала Мария Захарова в своем Telegram-канале.", "Telegram"),
        ("«Мы ответим», — заявил Сергей Лавров в интервью РИА Новости.", "RIA Novosti"),
        ("«Мы ответим», — рассказал Сергей Лавров «Коммерсанту».", "Kommersant"),
        ("«Мы ответим», — заявил Сергей Лавров. Об этом сообщает «Газета.Ru».", "Gazeta.ru"),
        ("«Мы ответим», — сказал Лавров. Его слова приводит «Интерфакс».", "Interfax"),
    ],
)
def test_credit_forms(article, outlet):
    found = quotes(article)
    assert [q.cited_source for q in found] == [outlet]
    assert found[0].speaker is not None


def test_next_sentence_credit_covers_the_whole_paragraph_before_it():
    text = (
        '"We are ready," Dmitry Peskov said. "But the terms must change," he added. '
        "This was reported by Gazeta.ru.\n"
        '"Nothing is decided," Maria Zakharova said.'
    )
    found = quotes(text)
    assert [(q.speaker, q.cited_source) for q in found] == [
        ("Dmitry Peskov", "Gazeta.ru"),
        ("Dmitry Peskov", "Gazeta.ru"),
        ("Maria Zakharova", None),
    ]


def test_credit_paragraph_after_the_quotes_applies_back():
    text = (
        "«Мы готовы», — сказал Дмитрий Песков.\nОб этом он заявил в эфире телеканала «Россия 24»."
    )
    (q,) = quotes(text)
    assert (q.speaker, q.cited_source) == ("Дмитрий Песков", "Rossiya 24")


def test_interview_sentence_applies_forward():
    text = (
        "Dmitry Peskov gave an interview to Rossiya 24 on Sunday. "
        '"The talks will continue," he said. "There is no deadline."'
    )
    found = quotes(text)
    assert [(q.speaker, q.cited_source) for q in found] == [
        ("Dmitry Peskov", "Rossiya 24"),
        ("Dmitry Peskov", "Rossiya 24"),
    ]


def test_back_reference_sentence_names_speaker_and_outlet():
    text = "«Переговоры продолжатся». Об этом заявил Дмитрий Песков в интервью РИА Новости."
    (q,) = quotes(text)
    assert (q.speaker, q.cited_source) == ("Дмитрий Песков", "RIA Novosti")


def test_outlet_named_without_a_credit_word_is_not_a_credit():
    text = '"We will respond," Sergei Lavrov said after criticising Reuters.'
    (q,) = quotes(text)
    assert q.cited_source is None


def test_outlet_inside_the_quoted_words_is_not_a_credit():
    text = '"I told TASS nothing," Sergei Lavrov said.'
    (q,) = quotes(text)
    assert q.cited_source is None


def test_custom_registry_outlet_is_credited():
    registry = OutletRegistry.default().extended(
        OutletRegistry.from_toml(
            '[[outlet]]\nid = "vz"\nname = "Vzglyad"\naliases = ["Взгляд", "Vzglyad"]\n'
            'domains = ["vz.ru"]\nkind = "online"\nlanguage = "ru"\n'
        )
    )
    text = "«Мы ответим», — заявил Сергей Лавров газете «Взгляд»."
    (q,) = quotes(text, registry=registry)
    assert q.cited_source == "Vzglyad"
    (q,) = quotes(text)
    assert q.cited_source is None
