"""Anchors that survive translation: numbers, dates, names (transliterated), negation."""

from __future__ import annotations

import pytest

from quotetrail.core.anchors import compare_anchors, name_key, same_name_across, text_lang


@pytest.mark.parametrize(
    ("en", "ru"),
    [("Pashinyan", "Пашинян"), ("Aliyev", "Алиеву"), ("Shoigu", "Шойгу"), ("Zelenskyy", "Зеленского"),
     ("Brooks", "Брукс"), ("Moscow", "Москве"), ("Yerevan", "Ереване")],
)  # fmt: skip
def test_names_meet_across_scripts_and_cases(en: str, ru: str) -> None:
    assert same_name_across(name_key(en), name_key(ru))


def test_different_names_do_not_meet() -> None:
    assert not same_name_across(name_key("Aliyev"), name_key("Пашинян"))
    assert not same_name_across(name_key("Marsh"), name_key("Брукс"))


@pytest.mark.parametrize(
    ("quote", "passage"),
    [
        ("4,000 workers", "4 тыс. рабочих"),
        ("four thousand workers", "4 тыс. рабочих"),
        ("4.2 billion roubles", "4,2 млрд рублей"),
        ("from 600 million to 750 million pounds", "с 600 до 750 млн фунтов"),
    ],
)
def test_numbers_agree_across_languages(quote: str, passage: str) -> None:
    check = compare_anchors(quote, passage)
    assert not check.reasons
    assert check.anchors and all(a.agree for a in check.anchors if a.kind == "number")


def test_changed_number_is_a_reason_written_source_to_quote() -> None:
    check = compare_anchors("40,000 workers", "4 тыс. рабочих")
    assert check.reasons == ("number changed: 4 тыс → 40,000",)
    assert [(a.kind, a.agree) for a in check.anchors] == [("number", False)]


def test_dates_agree_and_disagree() -> None:
    assert not compare_anchors("by 17 November", "к 17 ноября").reasons
    check = compare_anchors("by 17 October", "к 17 ноября")
    assert "date changed: ноября → October" in check.reasons


@pytest.mark.parametrize(
    ("quote", "passage"),
    [
        ("The talk of a secret deal is absolutely groundless", "Разговоры о тайной сделке не имеют оснований"),
        ("Not a single rouble will be spent", "Ни одного рубля не потратят"),
        ("We are not going to hide anything", "Мы не собираемся ничего скрывать"),
        ("Everyone knew that May was impossible", "Все знали, что май был невозможен"),
        ("We cannot open a line that has not passed the tests", "Мы не можем открыть линию, которая не прошла проверки"),
    ],
)  # fmt: skip
def test_negation_agrees_with_concord_and_lexical_negatives(quote: str, passage: str) -> None:
    check = compare_anchors(quote, passage)
    assert not check.reasons, check


@pytest.mark.parametrize(
    ("quote", "passage"),
    [
        ("We will stop when the frosts come", "Мы не остановимся даже в морозы"),
        ("Talk that the money will not reach people is justified", "Разговоры о том, что деньги не дойдут, безосновательны"),
        ("Мы можем открыть линию", "We cannot open the line"),
        ("The authority decided to close the clinic", "Three years is not a solution, not a rescue"),
    ],
)  # fmt: skip
def test_negation_flip_is_a_reason(quote: str, passage: str) -> None:
    assert any(r.startswith("negation") for r in compare_anchors(quote, passage).reasons)


def test_swapped_name_needs_someone_else_named_here() -> None:
    page_names = [name_key(n) for n in ("Хасанов", "Белов", "Воронцова")]
    swapped = compare_anchors(
        "Khasanov said compensation will be paid",
        "Глава района Андрей Белов отметил, что …",
        "",
        page_names,
    )
    assert swapped.reasons == ("name changed: Белов → Khasanov",)
    # a name the page never uses (an English capital such as "Institute") proves nothing
    assert not compare_anchors(
        "The Institute will check it", "Институт проверит это", "", page_names
    ).reasons


def test_text_lang() -> None:
    assert text_lang("Мост откроют осенью 2028 года") == "ru"
    assert text_lang("The bridge will open") == "en"
    assert text_lang("2028 — 17") is None


def test_a_day_of_the_month_is_changed_only_by_another_day() -> None:
    # "two-year" is a count, not the day "5 апреля" became (found by the blind batch)
    check = compare_anchors("Библиотека откроется 5 апреля", "reopen after a two-year renovation")
    assert check.reasons == ("date not in source: 5",)
    assert compare_anchors("откроется 5 апреля", "will reopen on 7 April").reasons == (
        "date changed: 7 → 5",
    )
