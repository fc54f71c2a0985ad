"""Speaker attachment: the clause a cue or a participle of saying belongs to.

Synthetic sentences only. Each case names the speaker a nearer, wrong word would win:
the first verb's object before "and said", or nobody when the participle carries no cue.
"""

import pytest

from quotetrail.core.speakers.names import _clause_start
from tests.core.extract_helpers import by_text, quotes

WORDS = "We will rebuild the bridge before winter"


def speaker_of(text: str) -> str | None:
    """The speaker of the one quote that opens with WORDS."""
    (quote,) = [q for q in quotes(text) if q.text.startswith(WORDS)]
    return quote.speaker


@pytest.mark.parametrize(
    "text",
    [
        "Tom Ridley thanked Baxford and said the bridge would reopen in May.",
        "Tom Ridley toured Baxford on Monday, but later said the bridge would reopen in May.",
    ],
)
def test_second_verb_takes_the_clause_subject_not_the_object(text):
    found = by_text(quotes(text), "the bridge would reopen in May")
    assert found.speaker == "Tom Ridley"


def test_but_told_before_a_direct_quote():
    text = (
        "The hall was full.\n\nTom Ridley did not name any of his rivals, "
        f'but told his supporters, "{WORDS}."'
    )
    assert speaker_of(text) == "Tom Ridley"


def test_and_between_two_names_is_not_a_second_verb():
    text = f'The hall was full.\n\nAnna Kell and Tom Ridley said, "{WORDS}."'
    assert speaker_of(text) in ("Anna Kell", "Tom Ridley", "Anna Kell and Tom Ridley")


@pytest.mark.parametrize(
    "text",
    [
        f'Tom Ridley shared the news online last week, writing, "{WORDS}. It is a promise."',
        f'Tom Ridley sent a fundraising note after the vote, asking supporters to "{WORDS}."',
        f'Tom Ridley said the plan was "late." Adding, "{WORDS}. It is a promise."',
    ],
)
def test_participle_of_saying_takes_the_clause_subject(text):
    assert speaker_of(text) == "Tom Ridley"


def test_participle_not_after_a_comma_is_no_attribution():
    text = f'The town was quiet.\n\nTom Ridley was known for writing "{WORDS}" on walls.'
    assert speaker_of(text) is None  # what he was known for writing, not said here


def test_an_age_as_the_speaker_after_the_quote():
    text = f'The town was quiet.\n\n"{WORDS}," the 43-year-old said in the video.'
    assert speaker_of(text) == "the 43-year-old"


def test_second_verb_in_a_clause_after_a_comma():
    text = (
        "Some in the crowd booed, and when Tom Ridley thanked Baxford and said "
        "the bridge would reopen in May, a man yelled."
    )
    found = [q for q in quotes(text) if q.text.startswith("the bridge would reopen")]
    assert [q.speaker for q in found] == ["Tom Ridley"]


def test_a_share_of_a_poll_is_the_speaker():
    text = "Among men, 57 percent see Baxter badly while 61 percent say the same of Ridley."
    found = [q for q in quotes(text) if q.text.startswith("the same of Ridley")]
    assert [q.speaker for q in found] == ["61 percent"]


def test_participle_continuing_a_verb_of_saying():
    text = f'Ryan and Baxter will meet next week, Tom Spicer said, adding, "{WORDS}."'
    assert speaker_of(text) == "Tom Spicer"


def test_scare_quoted_object_before_the_participle():
    text = f'The hall was full.\n\nTom Ridley needled the county “engineer,” saying, "{WORDS}."'
    assert speaker_of(text) == "Tom Ridley"


def test_place_adverbial_opening_the_sentence():
    text = (
        "The hall was full.\n\nHere in Baxford, Tom Ridley stepped up his talk of bridges, "
        f'saying, "{WORDS}."'
    )
    assert speaker_of(text) == "Tom Ridley"


def test_thousands_comma_is_no_clause_break():
    text = "The agency deemed 1,500 pages personal"
    assert _clause_start(text, 0, len(text)) == 0
    assert _clause_start("Later, the agency", 0, 17) == len("Later,")


@pytest.mark.parametrize(
    ("tail", "speaker"),
    [
        (" the note says.", "the note"),  # "note" is the subject here, not the verb
        (", an aide, who was not named, told the paper.", "an aide"),
        (
            ", said a former U.S. county official who oversaw the work.",
            "a former U.S. county official",
        ),
        (
            ", said one person with knowledge of the plan, who spoke on condition of anonymity.",
            "one person with knowledge of the plan",
        ),
    ],
)
def test_described_speaker_after_the_quote(tail, speaker):
    text = f"The hall was full.\n\n''{WORDS}''{tail}"
    assert speaker_of(text) == speaker


def test_attribution_sentence_after_a_question_may_run_on():
    text = f"The hall was full.\n\n“{WORDS}?” Tom Ridley asks as a janitor walks in front of her."
    assert speaker_of(text) == "Tom Ridley"


def test_a_statement_after_a_full_stop_is_not_the_quote_attribution():
    text = (
        f"Mayor Anna Kell told reporters: “{WORDS}.” Later the county office added that "
        "the final decision would come in December."
    )
    assert speaker_of(text) == "Anna Kell"


@pytest.mark.parametrize("name", ["Peter King", "Peter T. King", "Theresa May"])
def test_title_word_as_a_surname_after_a_first_name(name):
    text = f"The hall was full.\n\n“{WORDS},” Representative {name}, a member from Ohio, said."
    assert speaker_of(text) == name


def test_cut_quote_attribution_may_hold_the_next_quote():
    text = (
        f"The hall was full.\n\n“{WORDS}? Is it two?” Tom Ridley asks as a janitor walks in, "
        "saying he is “here to fix the holes.”"
    )
    assert speaker_of(text) == "Tom Ridley"


def test_next_sentence_with_its_own_quote_is_not_the_attribution():
    text = (
        f"The hall was full.\n\nCounty chief Tom Ridley told the paper: “{WORDS}.” He added "
        "that members are “ready to build.”"
    )
    assert speaker_of(text) == "Tom Ridley"


def test_possessive_role_after_the_verb_then_a_participle():
    text = f"The hall was full.\n\n“{WORDS},” says the ad’s narrator, going on to list gifts."
    assert speaker_of(text) == "the ad’s narrator"


@pytest.mark.parametrize(
    ("tail", "speaker"),
    [
        (", Tom Ridley quipped.", "Tom Ridley"),
        (", Tom Ridley shot back at the reporter.", "Tom Ridley"),
        ("? the Ohio senator wondered aloud.", "the Ohio senator"),
        (", the White House said.", "the White House"),
        (", the senator from Vermont said.", "the senator from Vermont"),
    ],
)
def test_subject_and_verb_right_after_the_quote(tail, speaker):
    text = f"The hall was full.\n\n“{WORDS}{tail[0]}”{tail[1:]}"
    assert speaker_of(text) == speaker


def test_any_verb_needs_the_quote_closed_by_a_comma():
    text = "The plan, dubbed “Fix It” by Tom Ridley, passed easily."
    assert all(q.speaker != "Tom Ridley" for q in quotes(text) if q.kind == "direct")


def test_an_outlet_after_the_quote_is_credited_not_named():
    text = f"The hall was full.\n\n“{WORDS},” the New York Times said."
    (quote,) = [q for q in quotes(text) if q.text.startswith(WORDS)]
    assert quote.speaker is None
    assert quote.cited_source == "The New York Times"


@pytest.mark.parametrize(
    "head",
    ["Tom Ridley was blunt: ", "Tom Ridley disagreed: ", "Tom Ridley put it this way: "],
)
def test_person_opening_a_sentence_that_ends_in_a_colon(head):
    text = f"The hall was full.\n\n{head}“{WORDS}. It will be done.”"
    assert speaker_of(text) == "Tom Ridley"


def test_colon_after_a_sentence_about_a_thing_names_nobody():
    text = f"The hall was full.\n\nThe county report found three problems: “{WORDS}.”"
    assert speaker_of(text) is None


def test_any_verb_in_the_sentence_after_a_quote_ending_in_a_bang():
    text = f"Anna Kell spoke first.\n\n“{WORDS}!” Tom Ridley shouted over the crowd."
    assert speaker_of(text) == "Tom Ridley"
