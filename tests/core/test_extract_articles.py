"""Whole synthetic articles (tests/core/fixtures_extract/): everything at once, in order."""

from pathlib import Path

import pytest

from tests.core.extract_helpers import quotes

FIXTURES = Path(__file__).parent / "fixtures_extract"

EXPECTED = {
    "en_kremlin_ceasefire.txt": [
        ("reported", "Vladimir Putin", "saying", None, "it would only let Kyiv regroup"),  # "… rejected X, saying …"
        ("direct", "Vladimir Putin", "told", None, "We have seen such proposals before. They always end the same way"),
        ("direct", "Vladimir Putin", "told", None, "Nobody should expect us to fall for it again."),
        ("reported", "Vladimir Putin", "added", "TASS", 'Moscow remained open to "serious, substantive talks" but would not accept preconditions'),
        ("reported", "Dmitry Peskov", "told", None, "no contacts with Washington were planned for this week"),
        ("reported", "Dmitry Peskov", "According to", None, 'the so-called "peace formula" promoted by Kyiv is "detached from reality."'),
        ("reported", "Sergei Lavrov", "said", None, 'the West was pushing the narrative "Russia wants a frozen conflict" to justify new sanctions'),
        ("direct", "Sergei Lavrov", "said", None, "This is a cynical game"),
        ("direct", "Sergei Lavrov", "said", None, "And everyone understands it."),
        ("reported", "Maria Zakharova", "wrote", "Telegram", 'the proposal was "dead on arrival."'),
        ("reported", "Maria Zakharova", "said", None, "had misreported the talks"),  # "the BBC, which she said had …"
    ],
    "ru_peskov_briefing.txt": [
        ("reported", "Дмитрий Песков", None, None, "Кремль не видит оснований для перемирия"),  # headline "Name: words"
        ("reported", "Дмитрий Песков", "заявил", "TASS", "в Кремле не видят оснований для объявления перемирия"),
        ("direct", "Дмитрий Песков", "сказал", None, "Никаких предпосылок для этого пока нет. Мы внимательно следим за ситуацией"),
        ("reported", "Дмитрий Песков", "По словам", None, "президент Владимир Путин получил доклад министра обороны"),
        ("reported", "Дмитрий Песков", "как отметил", None, "Глава государства"),
        ("reported", "Дмитрий Песков", "как отметил", None, "дал ряд поручений"),
        ("direct", "Дмитрий Песков", "подчеркнул", None, "Работа продолжается в штатном режиме"),
        ("direct", "Дмитрий Песков", "подчеркнул", None, "Все задачи будут выполнены"),
        ("direct", "Мария Захарова", "назвала", "Telegram", "очередной попыткой манипуляции"),
        ("reported", "Мария Захарова", "заявила", "Rossiya 24", "Москва не примет ультиматумов"),
        ("reported", "источник в правительстве", "Как сообщил", "Interfax", "вопрос обсуждался на заседании кабмина"),
        ("reported", "источники", "пишет", "Kommersant", "решение может быть принято в ближайшее время"),
    ],
    "en_caucasus_talks.txt": [
        ("reported", "Nikol Pashinyan", "said", "Armenpress", 'his government was ready to sign a peace treaty with Azerbaijan "within months"'),
        ("direct", "Nikol Pashinyan", "told", None, "We have never been closer to an agreement"),
        ("direct", "Nikol Pashinyan", "told", None, "But there are still questions that need answers."),
        ("direct", "Ilham Aliyev", "said", "APA", "The ball is in Yerevan's court"),
        ("reported", "Kaja Kallas", "wrote", "X", 'the EU "stands ready to help both sides."'),  # mixed
        ("reported", "Dmitry Peskov", "told", None, 'Russia "supports any steps towards peace in the South Caucasus."'),  # mixed
        ("reported", "Dmitry Peskov", "added", None, "President Vladimir Putin had discussed the issue with both leaders by phone"),
        ("direct", "Dmitry Peskov", "said", "Interfax", "Moscow remains a key partner for the region"),
    ],
    "en_wire_grain_corridor.txt": [
        ('reported', 'officials', 'say', None, 'grain corridor talks stall over insurance'),  # headline
        ('reported', 'two sources close to the negotiations', 'said', None, 'Talks on reopening a Black Sea grain corridor stalled on Tuesday over who would insure the ships'),
        ('direct', 'Elena Marsh', 'said', None, 'We are not there yet'),
        ('direct', 'Elena Marsh', 'said', None, 'The insurers want guarantees that nobody can give today.'),
        ('reported', 'the agriculture ministry', 'said', None, 'exports had fallen by a third since January'),
        ('reported', 'Kemal Aydin', 'told', None, 'his country was ready to host another round'),
        ('reported', 'Kemal Aydin', 'said', None, 'The talks'),
        ('reported', 'Kemal Aydin', 'said', None, 'could resume as early as next week'),
        ('reported', 'a senior European diplomat', 'said', None, 'the gap between the sides remained "very wide."'),
        ('reported', 'the port authority', 'reported', None, '14 vessels were waiting to be loaded'),
        ('reported', 'the council', 'according to', None, 'Insurers'),
        ('reported', 'the council', 'according to', None, 'have raised premiums fourfold'),
        ('direct', 'Elena Marsh', 'added', None, 'Without insurance there is no corridor'),
    ],
    "ru_agency_dialogue.txt": [
        ('reported', 'Андрей Рябинин', 'заявил', 'TASS', 'Россия готова вернуться к переговорам о зерновом коридоре, если будут сняты ограничения на страхование судов'),
        ('direct', 'Андрей Рябинин', 'сказал', None, 'Мы не отказываемся от диалога'),
        ('direct', 'Андрей Рябинин', 'сказал', None, 'Но решать вопросы за наш счет никто не будет.'),
        ('reported', 'Андрей Рябинин', 'подчеркнул', None, 'Москва ожидает ответа до конца месяца'),
        ('reported', 'Минобороны', 'сообщили', 'RIA Novosti', 'конвои будут сопровождаться кораблями флота'),
        ('reported', 'источник в правительстве', 'рассказал', None, 'вопрос обсуждался на совещании у премьер-министра'),
        ('reported', 'источник в правительстве', 'по его словам', None, 'Решение'),
        ('reported', 'источник в правительстве', 'по его словам', None, 'будет принято в ближайшие дни'),
        ('direct', 'Ольга Светлова', 'отметила', None, 'Сроки пока не определены'),
        ('reported', None, 'Как сообщает', 'Interfax', 'в порту Новороссийска ожидают погрузки 14 судов'),
    ],
    "mixed_pull_quotes.txt": [
        ('reported', 'both delegations', 'said', None, 'the door remained open'),  # a body as written
        ('direct', 'Tom Reyes', 'told', None, 'We came here to listen, and we listened'),
        ('direct', 'Tom Reyes', 'told', None, 'Now it is up to the capitals.'),
        ('direct', 'Tom Reyes', None, None, 'Now it is up to the capitals.'),
        ('reported', 'Tom Reyes', 'said', None, 'the next round would depend on "political will, not technical details."'),  # mixed
        ('reported', 'Игорь Ланской', 'заявил', None, 'Москва "готова продолжать работу"'),  # mixed
        ('direct', 'Игорь Ланской', 'добавил', None, 'Мы услышали друг друга'),
    ],
}  # fmt: skip


# Credited claims (speech acts without quoted words) the same articles hold.
EXPECTED_CLAIMS = {
    "en_kremlin_ceasefire.txt": [
    ],
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_whole_article(name):
    text = (FIXTURES / name).read_text(encoding="utf-8")
    found = quotes(text)
    got = [(q.kind, q.speaker, q.cue, q.cited_source, q.text) for q in found]
    assert [g for g in got if g[0] != "claim"] == EXPECTED[name]
    assert [g for g in got if g[0] == "claim"] == EXPECTED_CLAIMS.get(name, [])


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_terms_in_whole_article_are_extra_and_speakerless(name):
    text = (FIXTURES / name).read_text(encoding="utf-8")
    with_terms = quotes(text, include_terms=True)
    terms = [q for q in with_terms if q.kind == "term"]
    assert [q for q in with_terms if q.kind != "term"] == quotes(text)
    assert all(q.speaker is None and q.cited_source is None for q in terms)
