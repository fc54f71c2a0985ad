"""Who "they" and "it" mean when no group or body spoke: the sentence that opened on one
(round 5, extract.resolve `_plural_subjects` / `_body_subjects`).

Synthetic sentences only; each test fails when its rule is taken out.
"""

from tests.core.extract_helpers import quotes


def _speaker_of(text: str, words: str) -> str | None:
    return next(q.speaker for q in quotes(text) if words in q.text)


def test_they_means_the_plural_subject_phrase_as_written():
    text = (
        "Senior officials at the agency have reviewed the file twice. "
        "They said the rules had been followed."
    )
    assert _speaker_of(text, "the rules had been followed") == "Senior officials at the agency"


def test_they_means_a_capitalised_group_word_opening_the_sentence():
    text = "Teachers walked out of the meeting on Monday. They said the pay offer was too low."
    assert _speaker_of(text, "the pay offer was too low") == "Teachers"


def test_they_means_two_people_joined_by_and():
    text = "Roe and Diaz argued over the budget for an hour. Taxes must rise, they said."
    assert _speaker_of(text, "Taxes must rise") == "Roe and Diaz"


def test_they_means_the_main_clause_subject_not_the_opening_clauses():
    text = (
        "Although some board members backed the plan, other directors were furious. "
        "The vote was rushed, they said."
    )
    assert _speaker_of(text, "The vote was rushed") == "other directors"


def test_a_lone_surname_opening_the_sentence_is_not_a_group():
    text = "Dana Rogers toured the plant. Rogers met the staff. The plant is safe, they said."
    assert _speaker_of(text, "The plant is safe") is None  # Rogers is one person


def test_a_group_that_spoke_after_the_opening_phrase_still_wins():
    text = (
        "Teachers gathered outside the school on Monday. "
        "On Monday night, union leaders said the strike would go on. "
        '"We will not back down," they said.'
    )
    assert _speaker_of(text, "We will not back down") == "union leaders"


def test_it_means_the_document_that_opened_a_recent_sentence():
    text = (
        "The memo from the council reached the board on Friday. "
        "It said the depot would close in June."
    )
    assert _speaker_of(text, "the depot would close in June") == "The memo from the council"


def test_it_with_no_body_nearby_stays_unresolved():
    text = "Dana Ruiz opened the depot on Friday. It said the depot would close in June."
    assert _speaker_of(text, "the depot would close in June") is None


def test_it_means_a_document_cited_after_its_words_with_read():
    text = (
        "The council sent a letter to residents on Monday. "
        '"The depot will close," the letter read. It stated that buses would reroute.'
    )
    assert _speaker_of(text, "buses would reroute") == "the letter"
