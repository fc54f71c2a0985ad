"""Regressions found by QA: outlets joining names, roles, addressees, partial quotes."""

import pytest

from tests.core.extract_helpers import quotes


@pytest.mark.parametrize("outlet", ["ТАСС", "Интерфаксу", "Известиям", "Коммерсанту", "Reuters"])
def test_outlet_after_a_speaker_does_not_join_the_name(outlet):
    text = (
        f"«Подрядчик заплатит штраф», — сказал Кольцов.\n\n«Денег нет», — заявил Кольцов {outlet}."
    )
    assert [q.speaker for q in quotes(text)] == ["Кольцов", "Кольцов"]


def test_latin_word_after_a_cyrillic_name_and_repeated_words_do_not_join():
    text = '«Денег нет», — заявил Орлов Orlov. "We will pay," said Orlov Orlov.'
    assert [q.speaker for q in quotes(text)] == ["Орлов", "Orlov"]


def test_unnamed_role_speaks_as_written():
    assert [q.speaker for q in quotes("«Мы всё сделаем в срок», — сказал мэр.")] == ["мэр"]
    assert [q.speaker for q in quotes('"We will do it on time," the mayor said.')] == ["the mayor"]


def test_role_resolves_to_the_person_named_with_it():
    text = "Мэр города Андрей Кольцов открыл мост. «Мы всё сделаем в срок», — сказал мэр."
    assert [q.speaker for q in quotes(text)] == ["Андрей Кольцов"]


def test_role_never_falls_back_to_an_earlier_speaker_without_it():
    text = "«Денег нет», — заявил Кольцов. «Мы всё сделаем в срок», — сказал мэр."
    assert [q.speaker for q in quotes(text)] == ["Кольцов", "мэр"]
    text = '"No money," Orlov said. "We will do it on time," the mayor said.'
    assert [q.speaker for q in quotes(text)] == ["Orlov", "the mayor"]


def test_region_adjective_in_a_title_is_not_a_name():
    text = (
        "Губернатор Приветлужской области Андрей Кольцов выступил. "
        "По словам губернатора, на стройке работают 4 тыс. человек."
    )
    (q,) = quotes(text)
    assert q.speaker == "Андрей Кольцов"


@pytest.mark.parametrize("intro", ["", "Mayor Andrew Colt opened the bridge. "])
def test_addressee_of_told_is_not_a_later_he(intro):
    text = (
        intro + "“We are ready,” the mayor told Northwind. “The budget is 5,000 pounds,” he said."
    )
    first, second = quotes(text)
    assert second.speaker != "Northwind"
    assert second.speaker == first.speaker or second.speaker is None
    if intro:
        assert first.speaker == "Andrew Colt"


def test_head_of_a_body_is_the_speaker_not_the_place():
    text = "The head of the Port Marren harbour authority promised that the pier would reopen."
    found = quotes(text)
    assert [q.speaker for q in found] in (
        [],
        [None],
        ["the head of the Port Marren harbour authority"],
    )
    text = "“The pier will reopen,” the head of the Port Marren harbour authority said."
    (q,) = quotes(text)
    assert q.kind == "direct"
    assert q.speaker == "the head of the Port Marren harbour authority"


@pytest.mark.parametrize(
    "text, outlet",
    [
        ("“We will finish,” Orlov told TASS. “We will not stop,” he told the agency.", "TASS"),
        ("«Мы закончим», — сказал Орлов ТАСС. «Мы не остановимся», — сказал он агентству.", "TASS"),
        (
            "“We will finish,” Orlov told the Guardian. “We will not stop,” he told the newspaper.",
            "The Guardian",
        ),
        (
            "«Мы закончим», — сказал Орлов «Известиям». «Не остановимся», — добавил он изданию.",
            "Izvestia",
        ),
    ],
)
def test_the_agency_refers_back_to_the_last_credited_outlet(text, outlet):
    first, second = quotes(text)
    assert first.cited_source == outlet
    assert second.cited_source == outlet
    assert first.speaker == second.speaker


def test_the_agency_without_an_outlet_before_credits_nothing():
    (q,) = quotes("“We will not stop,” Orlov told the agency.")
    assert q.cited_source is None


def test_interrupted_quote_keeps_one_speaker_on_both_fragments():
    found = quotes("“We will open the bridge,” Orlov said, “and not a day later.”")
    assert [q.text for q in found] == ["We will open the bridge", "and not a day later."]
    assert [q.speaker for q in found] == ["Orlov", "Orlov"]


def test_partial_quotation_inside_a_reported_clause_is_not_a_second_quote():
    found = quotes("Orlov said the bridge would open “in the autumn of 2028”.")
    assert [(q.kind, q.speaker) for q in found] == [("reported", "Orlov")]
    assert "“in the autumn of 2028”" in found[0].text


def test_long_quoted_fragment_inside_a_reported_clause_is_a_mixed_quote():
    # the reported clause is returned whole, marks included; the fragment is not a
    # second, standalone direct quote (it would count the same words twice)
    text = (
        "Orlov said the council had agreed that “the bridge will open to all traffic "
        "in the autumn of 2028 without any further delay”."
    )
    [mixed] = quotes(text)
    assert mixed.kind == "reported" and mixed.speaker == "Orlov"
    assert mixed.text == (
        "the council had agreed that “the bridge will open to all traffic "
        "in the autumn of 2028 without any further delay”"
    )


def test_headline_role_is_the_person_named_with_it_later():
    text = (
        "Riverton will rebuild the depot, mayor says\n\n"
        "The city will turn the depot into a library, Mayor Helen Marsh said on Monday."
    )
    assert [q.speaker for q in quotes(text)] == ["Helen Marsh", "Helen Marsh"]


def test_a_later_person_with_another_title_does_not_claim_the_role():
    text = "«Мы всё сделаем», — сказал мэр. Губернатор Андрей Кольцов с ним не согласился."
    assert [q.speaker for q in quotes(text)] == ["мэр"]


def test_named_addressee_of_told_is_not_a_later_he():
    text = "“We are ready,” the mayor told John Smith. “The budget is 5,000 pounds,” he said."
    assert [q.speaker for q in quotes(text)] == ["the mayor", "the mayor"]


def test_agency_told_by_another_speaker_is_the_publisher_not_the_last_credit():
    text = (
        "В Минобороны сообщили, что конвои пойдут в пятницу, сообщает РИА Новости.\n\n"
        "Источник рассказал агентству, что вопрос обсуждался на совещании."
    )
    found = quotes(text)
    assert [q.cited_source for q in found] == ["RIA Novosti", None]
