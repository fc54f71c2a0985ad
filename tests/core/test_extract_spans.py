"""Content spans (issue 8, PolNeAR-style boundaries): synthetic sentences, invented people."""

from quotetrail.core.quotemarks import find_quote_spans
from tests.core.extract_helpers import quotes, summary


def test_no_break_space_before_an_opening_mark_opens_the_quote() -> None:
    text = "“We start today,” Ilse Marner continued.\u00a0“The rest can wait.”"
    spans = [text[s.start : s.end] for s in find_quote_spans(text)]
    assert spans == ["We start today", "The rest can wait."]
    assert summary(quotes(text)) == [
        ("direct", "We start today", "Ilse Marner"),
        ("direct", "The rest can wait.", "Ilse Marner"),
    ]


def test_headline_colon_with_a_quoted_fragment_is_one_mixed_quote() -> None:
    text = "Orlan: Velt Would Pack the Court, ‘I Fear the Same Is True’ for Dorn\n\nBody text."
    assert summary(quotes(text)) == [
        ("reported", "Velt Would Pack the Court, ‘I Fear the Same Is True’ for Dorn", "Orlan")
    ]


def test_headline_colon_with_a_whole_quote_stays_direct() -> None:
    text = "Orlan: “We will never give up on this city.”\n\nBody text."
    assert summary(quotes(text)) == [("direct", "We will never give up on this city.", "Orlan")]


def test_participle_with_an_addressee_before_that() -> None:
    text = "Tess Varga walked out, telling reporters on Monday that the vote was rigged."
    assert summary(quotes(text)) == [("reported", "the vote was rigged", "Tess Varga")]


def test_progressive_verb_of_saying_opens_a_mixed_quote() -> None:
    text = (
        "Mara Velt is telling a town hall in Salem that the levy is “peanuts” next to the deficit."
    )
    assert summary(quotes(text)) == [
        ("reported", "the levy is “peanuts” next to the deficit", "Mara Velt")
    ]


def test_short_fragment_run_into_the_writers_sentence_is_a_mixed_quote() -> None:
    text = "Pell Orlan continued to portray the levy as “a tax on work” in every speech."
    assert summary(quotes(text)) == [("reported", "a tax on work", "Pell Orlan")]


def test_fragment_after_a_verb_of_saying_or_that_stays_direct() -> None:
    assert summary(quotes("Ida Wren said “we will rebuild” and left the stage.")) == [
        ("direct", "we will rebuild", "Ida Wren")
    ]
    assert summary(quotes("Ida Wren said that “we will rebuild the pier.”")) == [
        ("direct", "we will rebuild the pier.", "Ida Wren")
    ]


def test_long_fragment_in_the_writers_sentence_stays_direct() -> None:
    text = (
        "Ida Wren answered the critics with “a plan that every family in this town can"
        " afford and every council after us can keep” on Monday."
    )
    assert [q.kind for q in quotes(text)] == ["direct"]


def test_mixed_quote_with_a_trailing_attribution_is_one_quote() -> None:
    text = "But on the harbour levy, “we held firm for a year,” Ida Wren said."
    assert summary(quotes(text)) == [
        ("reported", "But on the harbour levy, “we held firm for a year,”", "Ida Wren")
    ]


def test_trailing_attribution_keeps_the_closing_mark_of_the_fragment() -> None:
    text = "The speech “was the best of the year,” said Tomas Brill, the writer."
    found = quotes(text)
    assert summary(found) == [("reported", "The speech “was the best of the year,”", "Tomas Brill")]


def test_whole_quote_before_a_trailing_attribution_stays_direct() -> None:
    assert summary(quotes("“We held firm for a year,” Ida Wren said.")) == [
        ("direct", "We held firm for a year", "Ida Wren")
    ]


def test_participle_speaker_is_the_subject_of_the_first_verb() -> None:
    text = "The harbour board has rejected the bid, saying the pier is not for sale."
    assert summary(quotes(text)) == [("reported", "the pier is not for sale", "the harbour board")]
    text = "Nell Ostrow on Friday voiced support for the bid, saying his rival would ruin the port."
    assert summary(quotes(text)) == [("reported", "his rival would ruin the port", "Nell Ostrow")]


def test_according_to_a_document_is_its_authors_word_but_figures_are_not() -> None:
    text = "The mayor attended the meeting alone, according to a pool report."
    assert summary(quotes(text)) == [
        ("reported", "The mayor attended the meeting alone", "a pool report")
    ]
    assert quotes("Prices rose by 4 percent, according to official figures.") == []


def test_said_takes_no_bare_addressee() -> None:
    text = "Ida Wren said her family asked for privacy."
    assert summary(quotes(text)) == [("reported", "her family asked for privacy", "Ida Wren")]
    text = "Ida Wren told her the plan would fail."
    assert summary(quotes(text)) == [("reported", "the plan would fail", "Ida Wren")]


def test_straight_and_curly_marks_mixed_in_one_quote() -> None:
    text = (
        '"The pier is safe," Ida Wren said. "We checked it twice.”\n\n“No doubt," Tom Brill said.'
    )
    spans = [text[s.start : s.end] for s in find_quote_spans(text)]
    assert spans == ["The pier is safe", "We checked it twice.", "No doubt"]


def test_straight_marks_nested_in_curly_ones_still_nest() -> None:
    text = 'Ida Wren said “the so-called "reform" failed” on Monday.'
    spans = [text[s.start : s.end] for s in find_quote_spans(text)]
    assert spans == ['the so-called "reform" failed']


def test_second_verb_of_the_subject_opens_a_clause() -> None:
    text = "Nell Ostrow toured the pier on Thursday and said the repairs were late."
    assert summary(quotes(text)) == [("reported", "the repairs were late", "Nell Ostrow")]
    assert quotes("The storm hit the coast and said nothing.") == []


def test_relative_who_clause_is_the_antecedents_speech() -> None:
    text = "The vote handed ammunition to Republicans who say the levy is a money pit."
    assert summary(quotes(text)) == [("reported", "the levy is a money pit", "Republicans")]
    text = "The plan angered Nell Ostrow, who says it will fail."
    assert summary(quotes(text)) == [("reported", "it will fail", "Nell Ostrow")]


def test_relative_who_clause_ends_before_the_main_verb() -> None:
    text = "Tom Brill, who says the polls have tightened, said voters should wait."
    found = summary(quotes(text))
    assert ("reported", "the polls have tightened", "Tom Brill") in found
    assert ("reported", "voters should wait", "Tom Brill") in found


def test_title_in_running_text_is_a_term_not_words() -> None:
    text = "Ida Wren appeared on “Meet the Press.” on Sunday and left early."
    assert quotes(text) == []
    assert [q.kind for q in quotes(text, include_terms=True)] == ["term"]


def test_long_show_title_is_a_term_too() -> None:
    text = "Ida Wren appeared on “The Late Show With Stephen Colbert” to promote her book."
    assert quotes(text) == []


def test_capitalised_fragment_in_a_headline_stays_speech() -> None:
    text = "Tom Brill Says Pier Collapse Seems Like An ‘Act Of Sabotage.’\n\nBody text here."
    assert [q.kind for q in quotes(text)] == ["reported"]


def test_circumstance_before_a_medial_attribution_is_not_the_speakers_words() -> None:
    text = "In an interview with the Harbour Post, Tom Brill said, “We lost a lot of bookings.”"
    assert summary(quotes(text)) == [("direct", "We lost a lot of bookings.", "Tom Brill")]
    text = "On Twitter, Ida Wren said, the plan is dead."
    assert summary(quotes(text)) == [("reported", "the plan is dead", "Ida Wren")]


def test_told_an_outlet_then_a_possessive_subject() -> None:
    text = "Ina Kirsch told the Harbour Post her group never worked with the firm."
    assert summary(quotes(text)) == [
        ("reported", "her group never worked with the firm", "Ina Kirsch")
    ]
    assert quotes("Ida Wren told her husband the news.") == []
