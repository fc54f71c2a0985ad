"""Who "he"/"she" means: the antecedent rules of extract.resolve (round 4).

Synthetic sentences only; each test fails when its rule is taken out.
"""

from tests.core.extract_helpers import quotes


def test_a_lone_surname_who_speaks_later_is_a_person_from_the_start():
    text = (
        "Council spokesman Brian Kell criticised the plan on Twitter.\n\n"
        "Orwin also addressed the council on Thursday.\n\n"
        "“We take our duties seriously,” he added.\n\n"
        "“We will inform the towns,” Orwin stated."
    )
    assert [q.speaker for q in quotes(text)] == ["Orwin", "Orwin"]


def test_the_articles_own_his_outweighs_a_female_first_name_list():
    text = (
        "Sen. Lindsey Marsh called out his rival Tom Pike on Monday.\n\n"
        "Marsh said, “We lose because of our tone.”\n\n"
        "He continued, “Tom Pike is wrong about this.”"
    )
    assert [q.speaker for q in quotes(text)] == ["Lindsey Marsh", "Lindsey Marsh"]


def test_a_his_past_a_clause_boundary_sets_no_gender():
    text = (
        "Dana Ruiz met the board on Monday.\n\n"
        "Ann Cole said that his plan was bold.\n\n"
        "“It will not pass,” she said."
    )
    assert quotes(text)[-1].speaker == "Ann Cole"


def test_the_object_of_a_preposition_is_not_the_sentence_subject():
    text = (
        "Dale Ross spoke in Ames on Monday.\n\n"
        "The radio host has filled his speeches for Kent Marlow with scripture.\n\n"
        "“He was raised for these times,” he said."
    )
    assert quotes(text)[-1].speaker == "Dale Ross"


def test_a_name_after_the_modifies_a_noun_and_is_not_the_subject():
    text = (
        "Kent Marlow hired Paul Dorn in March.\n\n"
        "In the Marlow release on Thursday, Dorn described the race as a long climb.\n\n"
        "“My job is to protect the nomination,” he vowed."
    )
    assert quotes(text)[-1].speaker == "Paul Dorn"


def test_a_name_after_a_capital_the_opening_the_sentence_is_a_modifier_too():
    text = (
        "Kent Marlow hired Paul Dorn in March. Dorn took the job.\n\n"
        "The Marlow memo on Friday was long. “We have a plan for every state,” he said."
    )
    assert quotes(text)[-1].speaker == "Paul Dorn"


def test_a_name_cited_inside_the_subjects_sentence_does_not_take_the_lead():
    text = (
        "“We are fine,” Dr. Ben Corso told reporters on Monday.\n\n"
        "Corso turned the story back on the paper, pointing out that its reporter "
        "Jay Fenwick had reported in June that the campaign was in trouble.\n\n"
        "“A leopard does not change its spots,” he said."
    )
    assert [q.speaker for q in quotes(text)] == ["Ben Corso", "Jay Fenwick", "Ben Corso"]


def test_a_name_written_as_a_place_is_never_he_or_she():
    text = (
        "Lena Marsh runs the largest bank in Costa Verde.\n\n"
        "“We lend to everyone,” Ms. Marsh said.\n\n"
        "Even today, Costa Verde tends to run everything through the bank. "
        "“It is a mix of things,” she said."
    )
    assert [q.speaker for q in quotes(text)] == ["Lena Marsh", "Lena Marsh"]
