"""Wire and agency habits found by reading whole synthetic articles: datelines,
signed pull quotes, long attributions with a credit, unnamed sources as "he"."""

from tests.core.extract_helpers import quotes, summary


def test_dateline_is_not_part_of_the_reported_clause():
    text = "GENEVA, March 4 (Wire) - Talks stalled on Tuesday, two sources close to the talks said."
    assert summary(quotes(text)) == [
        ("reported", "Talks stalled on Tuesday", "two sources close to the talks")
    ]


def test_signed_pull_quote_names_its_speaker():
    text = 'PULL QUOTE: "Now it is up to the capitals." — Tom Reyes, chief negotiator\n\nNext.'
    assert summary(quotes(text)) == [("direct", "Now it is up to the capitals.", "Tom Reyes")]
    assert summary(quotes("«Мы готовы к диалогу» — Дмитрий Песков")) == [
        ("direct", "Мы готовы к диалогу", "Дмитрий Песков")
    ]


def test_a_dash_and_more_than_a_name_is_not_a_signature():
    found = quotes('"Now it is up to the capitals." — Tom Reyes was not convinced.')
    assert all(q.speaker is None for q in found)


def test_trailing_attribution_with_a_long_title_and_a_credit():
    text = (
        "Россия готова вернуться к переговорам, заявил заместитель министра иностранных дел "
        "Андрей Рябинин, передает ТАСС."
    )
    (q,) = quotes(text)
    assert (q.text, q.speaker, q.cited_source) == (
        "Россия готова вернуться к переговорам",
        "Андрей Рябинин",
        "TASS",
    )


def test_outlet_as_source_with_kak_soobshchaet():
    (q,) = quotes("Как сообщает «Интерфакс», в порту ожидают погрузки 14 судов.")
    assert (q.text, q.speaker, q.cited_source) == (
        "в порту ожидают погрузки 14 судов",
        None,
        "Interfax",
    )


def test_indefinite_role_is_a_new_unnamed_source_not_the_last_diplomat():
    text = (
        "Foreign Minister Kemal Aydin said that his country was ready. "
        "A senior European diplomat said the gap remained wide."
    )
    assert [q.speaker for q in quotes(text)] == ["Kemal Aydin", "a senior European diplomat"]


def test_role_opening_a_sentence_resolves_to_the_person():
    text = (
        "Заместитель министра иностранных дел Андрей Рябинин выступил в Москве. "
        "Дипломат подчеркнул, что ответа ждут до конца месяца."
    )
    assert [q.speaker for q in quotes(text)] == ["Андрей Рябинин"]


def test_single_unnamed_source_can_be_his():
    text = (
        "Источник в правительстве рассказал, что вопрос обсуждался. "
        "Решение, по его словам, будет принято в ближайшие дни."
    )
    assert {q.speaker for q in quotes(text)} == {"источник в правительстве"}


def test_masculine_surname_in_skoy_stays_masculine():
    text = (
        "Глава делегации Игорь Ланской заявил, что Москва готова продолжать работу.\n\n"
        "«Мы услышали друг друга», — добавил он."
    )
    assert [q.speaker for q in quotes(text)] == ["Игорь Ланской", "Игорь Ланской"]


def test_names_do_not_run_across_paragraphs():
    text = (
        'Chief negotiator Tom Reyes spoke first. "Now it is up to them." — Tom Reyes\n\n'
        'Reyes, a former official, said: "We will wait."'
    )
    assert {q.speaker for q in quotes(text)} == {"Tom Reyes"}


def test_indefinite_role_keeps_its_of_phrase():
    (q,) = quotes("A spokesman for the ministry said the plan had failed.")
    assert (q.text, q.speaker) == ("the plan had failed", "a spokesman for the ministry")
