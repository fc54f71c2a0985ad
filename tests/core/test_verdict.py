"""judge(): every verdict in both languages, with the properties journalists rely on.

The most important property: a quote whose negation, number or name differs from
the source is never `matched`.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from quotetrail.core.models import Evidence
from quotetrail.core.normalize import normalize
from quotetrail.core.verdict import judge, unverifiable, use_semantic_model

EN_PAGE = """Harbour plan approved after a long night

MARROW BAY — The council approved the harbour plan on Tuesday after a debate that lasted until 2 a.m.

Mayor Helen Okafor said the project would create 1,200 jobs. "We will not let the fishing fleet pay the price for the cargo business," she told reporters. "This harbour built our town, and now it will carry us into the next century."

The fisherman Dan Whitlow disagreed. "Every time they dig, the fish leave, and they never come back," Whitlow said. The plan will cost 340 million pounds, of which the [national] government pays half.

Harbour master Colin Reyes said small boats should expect delays of up to two hours at night.
"""

RU_PAGE = """Мост в Новоозёрске откроют раньше срока

Губернатор Сергей Ветлугин сообщил, что мост через Вязьму откроют в октябре.

«Мост нужен городу как воздух, и мы сделали всё, чтобы люди получили его уже этой осенью», — заявил Ветлугин. По его словам, на объекте заняты около 400 человек, а стоимость составит 2,8 млрд рублей.

«Ни одного лишнего рубля мы на этот мост не потратили», — сказал он. Учителя получат на 4 тыс. рублей больше.

Глава округа Андрей Куликов пообещал новую автобусную линию. «Первый автобус пойдёт по мосту в тот же день», — сказал Куликов.
"""


def check_offsets(ev: Evidence, text: str) -> None:
    if ev.start >= 0:
        assert text[ev.start : ev.end] == ev.passage
    else:
        assert ev.passage == ""


def verdict(quote: str, text: str) -> Evidence:
    ev = judge(quote, text, "src")
    check_offsets(ev, text)
    assert ev.source == "src"
    assert 0 <= ev.score <= 100
    return ev


# --- matched ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "quote",
    [
        "We will not let the fishing fleet pay the price for the cargo business",
        "“we will NOT let the fishing fleet pay the price — for the cargo business”",
        "This harbour built our town … it will carry us into the next century",
        "This harbour built our town [...] now it will carry us into the next century",
        "We will not let the [Marrow Bay] fishing fleet pay the price for the cargo business",
        "the [Azerbaijani] fisherman Dan Whitlow disagreed",
        "of which the government pays half",
        "Every time they dig, the fish leave, and they never come back",
    ],
)
def test_matched_english(quote: str) -> None:
    ev = verdict(quote, EN_PAGE)
    assert ev.verdict == "matched", ev
    assert ev.score == 100
    assert not ev.reasons


@pytest.mark.parametrize(
    "quote",
    [
        "Мост нужен городу как воздух, и мы сделали всё, чтобы люди получили его уже этой осенью",
        "Мост нужен городу как воздух, и мы сделали все, чтобы люди получили его уже этой осенью",
        "«НИ ОДНОГО лишнего рубля мы на этот мост не потратили»",
        "Мост нужен городу как воздух <...> люди получили его уже этой осенью",
        "Первый автобус пойдёт по мосту [через Вязьму] в тот же день",
        "на объекте заняты около 400 человек",
    ],
)
def test_matched_russian(quote: str) -> None:
    assert verdict(quote, RU_PAGE).verdict == "matched"


def test_matched_passage_is_the_exact_source_text() -> None:
    ev = verdict("we will not let the fishing fleet pay", EN_PAGE)
    assert ev.passage == "We will not let the fishing fleet pay"
    assert all(op.op == "equal" for op in ev.diff)


def test_soft_hyphen_and_zero_width_in_source_are_forgiven() -> None:
    page = "She said: «Мост нуж\u00adен горо\u200bду как воздух»."
    ev = verdict("Мост нужен городу как воздух", page)
    assert ev.verdict == "matched"
    assert ev.passage == "Мост нуж\u00adен горо\u200bду как воздух"


# --- ellipsis fragments ------------------------------------------------------------


def test_fragments_out_of_order_are_not_matched() -> None:
    ev = verdict("it will carry us into the next century … This harbour built our town", EN_PAGE)
    assert ev.verdict != "matched"


def test_fragments_far_apart_are_not_matched() -> None:
    ev = verdict(
        "The council approved the harbour plan … small boats should expect delays", EN_PAGE
    )
    assert ev.verdict != "matched"


def test_short_omission_hiding_a_negation_is_altered() -> None:
    ev = verdict("We will … let the fishing fleet pay the price for the cargo business", EN_PAGE)
    assert ev.verdict == "altered"
    assert any("omission hides negation: not" in r for r in ev.reasons)


def test_editorial_insertion_standing_in_for_a_negation_is_altered() -> None:
    ev = verdict("We will [certainly] let the fishing fleet pay the price", EN_PAGE)
    assert ev.verdict == "altered"
    assert "editorial insertion replaces negation: not" in ev.reasons


def test_long_omission_of_a_whole_clause_with_a_negation_is_still_matched() -> None:
    ev = verdict("the project would create 1,200 jobs … This harbour built our town", EN_PAGE)
    assert ev.verdict == "matched"


# --- altered -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("quote", "reason"),
    [
        (
            "We will let the fishing fleet pay the price for the cargo business",
            "negation dropped: not",
        ),
        ("Every time they dig, the fish leave, and they come back", "negation dropped: never"),
        ("This harbour did not build our town, and now it will carry us", "negation added: not"),
        (
            "Mayor Helen Okafor said the project would create 12,000 jobs",
            "number changed: 1,200 → 12,000",
        ),
        ("Mayor Helen Okafor said the project would create twelve hundred jobs", None),
        ("The plan will cost 34 million pounds", "number changed: 340 million → 34 million"),
        ("Mayor Joan Pell said the project would create 1,200 jobs", "name changed: Okafor → Pell"),
        (
            "Every time they dig, the fish leave, and they never come back, Reyes said",
            "name changed: Whitlow → Reyes",
        ),
        (
            "small boats should expect delays of up to two hours during the day",
            "word changed: night → day",
        ),
    ],
)
def test_altered_english(quote: str, reason: str | None) -> None:
    ev = verdict(quote, EN_PAGE)
    if reason is None:  # "twelve hundred" = 1,200: not a changed number, just other words
        assert ev.verdict == "paraphrased"
        return
    assert ev.verdict == "altered", ev
    assert reason in ev.reasons


@pytest.mark.parametrize(
    ("quote", "reason"),
    [
        ("Ни одного лишнего рубля мы на этот мост потратили", "negation dropped: не"),
        ("Мост не нужен городу как воздух", "negation added: не"),
        ("на объекте заняты около 4000 человек", "number changed: 400 → 4000"),
        ("Учителя получат на 40 тыс. рублей больше", "number changed: 4 тыс → 40 тыс"),
        ("Учителя получат на сорок тысяч рублей больше", "number changed: 4 тыс → сорок тысяч"),
        ("а стоимость составит 28 млрд рублей", "number changed: 2,8 млрд → 28 млрд"),
        (
            "«Первый автобус пойдёт по мосту в тот же день», — сказал Ветлугин",
            "name changed: Куликов → Ветлугин",
        ),
        ("Учителя получат на 4 тыс. рублей меньше", "word changed: больше → меньше"),
    ],
)
def test_altered_russian(quote: str, reason: str) -> None:
    ev = verdict(quote, RU_PAGE)
    assert ev.verdict == "altered", ev
    assert reason in ev.reasons


@pytest.mark.parametrize(
    ("quote", "text", "reason"),
    [
        (
            "The council approved the harbour plan on Friday",
            EN_PAGE,
            "date changed: tuesday → friday",
        ),
        ("мост через Вязьму откроют в декабре", RU_PAGE, "date changed: октябре → декабре"),
        (
            "reserves will stay below 20 million",
            "Reserves will stay above 20 million.",
            "word changed: above → below",
        ),
    ],
)
def test_dates_and_opposites(quote: str, text: str, reason: str) -> None:
    ev = verdict(quote, text)
    assert ev.verdict == "altered", ev
    assert reason in ev.reasons


def test_a_paraphrase_naming_another_season_is_not_found() -> None:
    page = "Shah said the youth centre would open in spring and would be run by a local charity."
    ev = verdict("The youth centre will be run by a local charity and open in autumn", page)
    assert ev.verdict == "not_found"
    assert "date changed: spring → autumn" in ev.reasons


def test_altered_carries_a_diff_showing_the_change() -> None:
    ev = verdict("We will let the fishing fleet pay the price", EN_PAGE)
    dropped = [op for op in ev.diff if op.op == "delete"]  # source words the quote dropped
    assert dropped and dropped[0].source == "not"


def test_pronoun_attribution_resolved_from_the_preceding_name() -> None:
    ev = verdict(
        "«Ни одного лишнего рубля мы на этот мост не потратили», — сказал Куликов", RU_PAGE
    )
    assert ev.verdict == "altered"
    assert any("Куликов" in r for r in ev.reasons)


# --- paraphrased -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("quote", "text"),
    [
        ("Okafor said they would not let the fishing fleet pay for the cargo business", EN_PAGE),
        ("whenever they dig, the fish leave and they never return", EN_PAGE),
        ("The harbour built our town and will now carry us into the next century", EN_PAGE),
        ("Мы не потратили на этот мост ни одного лишнего рубля", RU_PAGE),
        (
            "Ветлугин заявил, что мост нужен городу как воздух и люди получат его этой осенью",
            RU_PAGE,
        ),
    ],
)
def test_paraphrased(quote: str, text: str) -> None:
    ev = verdict(quote, text)
    assert ev.verdict == "paraphrased", ev
    assert ev.passage


def test_reported_speech_is_paraphrase() -> None:
    page = 'Asked about the vote, Morgan was blunt. "I will not resign," he said.'
    assert verdict("Morgan said he would not resign", page).verdict == "paraphrased"
    assert verdict("Morgan said he would resign", page).verdict == "not_found"


# --- not found ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("quote", "text"),
    [
        ("The fishing fleet will pay for the new cargo berths, the mayor admitted", EN_PAGE),
        ("The harbour will be closed to all boats for four years", EN_PAGE),
        ("Inflation will fall below two percent next spring", EN_PAGE),
        ("Мост закроют на ремонт весной, сообщил губернатор", RU_PAGE),
        ("Мы сыграли плохо, и соперник нас наказал", RU_PAGE),
    ],
)
def test_not_found(quote: str, text: str) -> None:
    ev = verdict(quote, text)
    assert ev.verdict == "not_found", ev
    assert ev.reasons


def test_quote_from_another_language_page_without_a_model_is_unverifiable() -> None:
    """No model plugged in: cross-language checking says so instead of "not_found"."""
    ev = verdict("Мост нужен городу как воздух", EN_PAGE)
    assert ev.verdict == "unverifiable"
    assert ev.reasons[0].startswith("cross-language check unavailable")


@pytest.mark.parametrize(
    ("quote", "text"), [("", EN_PAGE), ("— … —", EN_PAGE), ("hello there", ""), ("x", "  ")]
)
def test_degenerate_inputs_are_not_found_with_reason(quote: str, text: str) -> None:
    ev = verdict(quote, text)
    assert ev.verdict == "not_found"
    assert ev.reasons


def test_unverifiable() -> None:
    ev = unverifiable("https://example.org/a", "HTTP 403")
    assert ev.verdict == "unverifiable"
    assert ev.reasons == ("HTTP 403",)
    assert ev.start == -1


def test_semantic_hook_rescues_low_overlap_paraphrase_only_when_plugged_in() -> None:
    quote = "We will not allow the fishing fleet to bear the cost of the cargo trade"
    assert verdict(quote, EN_PAGE).verdict == "not_found"
    calls = []

    def scorer(q: str, passage: str) -> float:
        calls.append((q, passage))
        return 0.9

    use_semantic_model(scorer)
    try:
        ev = verdict(quote, EN_PAGE)
    finally:
        use_semantic_model(None)
    assert calls
    assert ev.verdict == "paraphrased"
    assert "fishing fleet" in ev.passage


# --- properties --------------------------------------------------------------------

WORDS = st.sampled_from(
    [
        "harbour",
        "fleet",
        "cargo",
        "council",
        "mayor",
        "price",
        "town",
        "century",
        "river",
        "bridge",
        "school",
        "money",
        "мост",
        "город",
        "рубль",
        "школа",
        "деньги",
        "осень",
        "люди",
        "воздух",
        "was",
        "is",
        "and",
        "of",
        "4,000",
        "17",
        "1999",
    ]
)
SOURCE_WORDS = st.lists(WORDS, min_size=12, max_size=80)


def occurs(quote: str, text: str) -> bool:
    """Whether the quote occurs in the text up to normalisation (then matched is right)."""
    return f" {normalize(quote)} " in f" {normalize(text)} "


def sentence_page(words: list[str]) -> str:
    out = []
    for i, w in enumerate(words):
        out.append(w + ("." if i % 9 == 8 else ""))
    return " ".join(out)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(quote=st.text(max_size=200), text=st.text(max_size=600))
def test_judge_never_raises(quote: str, text: str) -> None:
    ev = judge(quote, text)
    if ev.verdict == "unverifiable":  # only the cross-language check, with no model loaded
        assert ev.reasons[0].startswith("cross-language check unavailable"), ev
    else:
        assert ev.verdict in ("matched", "translated", "paraphrased", "altered", "not_found")
    check_offsets(ev, text)


@settings(max_examples=150, deadline=None)
@given(words=SOURCE_WORDS, data=st.data())
def test_verbatim_slice_is_always_matched(words: list[str], data: st.DataObject) -> None:
    text = sentence_page(words)
    parts = text.split()
    i = data.draw(st.integers(0, len(parts) - 1))
    j = data.draw(st.integers(i + 1, len(parts)))
    quote = " ".join(parts[i:j])
    ev = judge(quote, text)
    assert ev.verdict == "matched", (quote, ev)
    check_offsets(ev, text)


@settings(max_examples=150, deadline=None)
@given(words=SOURCE_WORDS, negator=st.sampled_from(["not", "не"]), data=st.data())
def test_inserting_a_negation_is_never_matched(
    words: list[str], negator: str, data: st.DataObject
) -> None:
    text = sentence_page(words)
    parts = text.split()
    i = data.draw(st.integers(0, len(parts) - 3))
    j = data.draw(st.integers(i + 2, min(len(parts), i + 30)))
    quote_words = parts[i:j]
    k = data.draw(st.integers(1, len(quote_words) - 1))
    quote = " ".join([*quote_words[:k], negator, *quote_words[k:]])
    ev = judge(quote, text)
    assert ev.verdict != "matched", (quote, ev)


@settings(max_examples=150, deadline=None)
@given(
    words=SOURCE_WORDS, negator=st.sampled_from(["not", "не", "never", "никогда"]), data=st.data()
)
def test_removing_a_negation_is_never_matched(
    words: list[str], negator: str, data: st.DataObject
) -> None:
    k = data.draw(st.integers(1, len(words) - 2))
    words = [*words[:k], negator, *words[k:]]
    text = sentence_page(words)
    parts = text.split()
    at = (
        parts.index(negator)
        if negator in parts
        else next(n for n, p in enumerate(parts) if p.startswith(negator))
    )
    i = data.draw(st.integers(max(0, at - 12), at - 1))
    j = data.draw(st.integers(at + 2, min(len(parts), at + 12)))
    quote = " ".join(parts[i:at] + parts[at + 1 : j])
    assume(not occurs(quote, text))  # the shortened quote must not also occur verbatim
    ev = judge(quote, text)
    assert ev.verdict != "matched", (quote, ev)


@settings(max_examples=100, deadline=None)
@given(
    words=SOURCE_WORDS,
    number=st.integers(1, 9999),
    factor=st.sampled_from([10, 100, 1000]),
    data=st.data(),
)
def test_changing_a_number_is_never_matched(
    words: list[str], number: int, factor: int, data: st.DataObject
) -> None:
    k = data.draw(st.integers(1, len(words) - 2))
    text = sentence_page([*words[:k], f"{number:,}", *words[k:]])
    parts = text.split()
    at = next(n for n, p in enumerate(parts) if p.rstrip(".") == f"{number:,}")
    i = data.draw(st.integers(max(0, at - 10), at))
    j = data.draw(st.integers(at + 1, min(len(parts), at + 10)))
    changed = [f"{number * factor:,}" if n == at else p for n, p in enumerate(parts[i:j], start=i)]
    quote = " ".join(changed)
    assume(not occurs(quote, text))
    ev = judge(quote, text)
    assert ev.verdict != "matched", (quote, ev)
    if ev.verdict == "altered":
        assert any(r.startswith("number") for r in ev.reasons)


# --- QA round: edits that keep the words but change the meaning -----------------------

CONTEXT_EN = (
    "The mayor, Helen Vance, spoke on Monday. "
    '"I do not think we will win this case," Vance said. '
    '"It is not true that we are closing the school," she added. '
    '"I never said the council was corrupt," Vance insisted. '
    '"Only the first two years will be free for residents," she said. '
    '"Prices rose from 5 to 7 per cent last year," Vance noted. '
    '"If the state does not pay, the city will cover the cost of the new buses," she said. '
    '"We did not expect the storm, and we will rebuild the pier by May," Vance said.'
)
CONTEXT_RU = (
    "Губернатор Андрей Кольцов выступил в понедельник. "
    "«Я не считаю, что мы проиграем этот суд», — сказал Кольцов. "
    "«Неправда, что мы закрываем школу», — заявил губернатор. "
    "«Бесплатными будут только первые два года», — сказал он. "
    "«Цены выросли с 5 до 7 процентов», — отметил он. "
    "«Мы не закрываем школу и строим новый корпус», — добавил Кольцов."
)


@pytest.mark.parametrize(
    ("quote", "page"),
    [
        ("we will win this case", CONTEXT_EN),  # "I do not think" dropped
        ("we are closing the school", CONTEXT_EN),  # "It is not true that" dropped
        ("the council was corrupt", CONTEXT_EN),  # "I never said" dropped
        ("the first two years will be free for residents", CONTEXT_EN),  # "Only" dropped
        ("мы проиграем этот суд", CONTEXT_RU),  # «Я не считаю, что» dropped
        ("мы закрываем школу", CONTEXT_RU),  # «Неправда, что» dropped
    ],
)
def test_fragment_whose_source_sentence_negates_it_is_altered(quote: str, page: str) -> None:
    ev = judge(quote, page)
    assert ev.verdict == "altered", ev
    assert any("context" in r for r in ev.reasons), ev.reasons
    check_offsets(ev, page)


@pytest.mark.parametrize(
    "quote",
    [
        "the city will cover the cost of the new buses",  # negation in another clause
        "we will rebuild the pier by May",  # negation before "and"
        "I do not think we will win this case",  # the negation is quoted
    ],
)
def test_fragment_after_an_unrelated_negation_stays_matched(quote: str) -> None:
    assert judge(quote, CONTEXT_EN).verdict == "matched"


def test_fragment_after_negated_coordinate_clause_stays_matched_ru() -> None:
    assert judge("строим новый корпус", CONTEXT_RU).verdict == "matched"


@pytest.mark.parametrize(
    ("quote", "page"),
    [
        ("Prices rose from 7 to 5 per cent last year", CONTEXT_EN),
        ("Цены выросли с 7 до 5 процентов", CONTEXT_RU),
    ],
)
def test_swapped_numbers_are_altered(quote: str, page: str) -> None:
    ev = judge(quote, page)
    assert ev.verdict == "altered", ev
    assert any("order" in r for r in ev.reasons), ev.reasons


def test_win_lose_swap_is_altered_in_russian_future_forms() -> None:
    ev = judge("Я не считаю, что мы выиграем этот суд", CONTEXT_RU)
    assert ev.verdict == "altered", ev


@pytest.mark.parametrize(
    "quote",
    [
        "Бесплатными будут первые два года",  # «только» dropped inside the quote
        "Бесплатными будут [все] первые два года",  # an insertion stands in for «только»
    ],
)
def test_dropped_limiter_is_altered(quote: str) -> None:
    ev = judge(quote, CONTEXT_RU)
    assert ev.verdict == "altered", ev
    assert any("только" in r for r in ev.reasons), ev.reasons


def test_not_only_is_no_limiter() -> None:
    page = "«Мы ремонтируем не только школы, но и больницы», — сказал он."
    assert judge("Мы ремонтируем школы", page).verdict != "altered"


@pytest.mark.parametrize(
    ("quote", "page"),
    [
        (
            "Jones defeated Smith in the final round of the vote",
            '"Smith defeated Jones in the final round of the vote," Vance said.',
        ),
        (
            "Петров обогнал Сидорова на последнем круге гонки",
            "«Сидоров обогнал Петрова на последнем круге гонки», — сказал судья.",
        ),
    ],
)
def test_swapped_names_are_altered(quote: str, page: str) -> None:
    ev = judge(quote, page)
    assert ev.verdict == "altered", ev
    assert any("names in another order" in r for r in ev.reasons), ev.reasons
    assert "Smith" in ev.passage or "Сидоров" in ev.passage  # the passage shows both names
    check_offsets(ev, page)


def test_same_names_in_the_same_order_stay_matched() -> None:
    page = '"Smith defeated Jones in the final round of the vote," Vance said.'
    assert judge("Smith defeated Jones in the final round", page).verdict == "matched"


@pytest.mark.parametrize(
    ("quote", "page"),
    [
        (
            "I could not agree more with the mayor",
            '"I couldn\'t agree more with the mayor," he said.',
        ),
        ("We can't accept this offer", '"We cannot accept this offer," she said.'),
        ("We will not leave", '"We won\'t leave," she said.'),
    ],
)
def test_contracted_and_full_negations_match(quote: str, page: str) -> None:
    assert judge(quote, page).verdict == "matched"


@pytest.mark.parametrize(
    ("quote", "page"),
    [
        ("Some schools will reopen on Monday", '"All schools will reopen on Monday," he said.'),
        (
            "Некоторые школы откроются в понедельник",
            "«Все школы откроются в понедельник», — сказал он.",
        ),
        (
            "Profit grew in the second quarter",
            '"Profit grew in the first quarter," the chief executive said.',
        ),
        (
            "Мы обязательно вернём долг до конца месяца",
            "«Мы обязательно вернём долг до конца года», — сказал министр.",
        ),
    ],
)
def test_changed_quantifier_ordinal_or_period_is_altered(quote: str, page: str) -> None:
    assert judge(quote, page).verdict == "altered"


def test_a_distant_passage_gets_no_spurious_conflict_reasons() -> None:
    # 14% overlap is no candidate paraphrase: "date changed: года → day" would only confuse
    page = "We will open the road in 2028, the minister said. He did not name the contractor."
    ev = judge("Мы откроем мост осенью 2028 года, и ни днём позже", page + " Мост нужен.")
    assert ev.verdict == "unverifiable"  # another language and no model plugged in
    ev = judge("We will open the bridge in the autumn, and not a day later", page)
    assert ev.verdict == "not_found"
    assert len(ev.reasons) == 1 and ev.reasons[0].startswith("closest passage carries"), ev.reasons


@pytest.mark.parametrize(
    "page",
    [
        '"I never doubted that we would win this case," Vance said.',
        '"Nobody can deny that we would win this case," Vance said.',
        "«Я не сомневаюсь, что мы выиграем этот суд», — сказал Кольцов.",
    ],
)
def test_double_negation_before_a_fragment_is_no_reversal(page: str) -> None:
    quote = "we would win this case" if page.startswith('"') else "мы выиграем этот суд"
    assert judge(quote, page).verdict == "matched"


def test_a_fragment_the_speaker_doubts_is_altered() -> None:
    ev = judge("we will win this case", '"I doubt that we will win this case," Vance said.')
    assert ev.verdict == "altered" and any("context" in r for r in ev.reasons), ev


def test_numbers_reordered_with_their_words_are_no_swap() -> None:
    ev = judge("Prices rose to 7 from 5 per cent last year", CONTEXT_EN)
    assert ev.verdict != "altered", ev


# --- a passage that covers only part of its sentence ---------------------------------
# The near-verbatim passage can stop short of a negation, number or name that the rest
# of its clause carries: that is a rewording (paraphrased), not an added negation.

SALE_EN = (
    "Asked about earlier rumours of a sale, she said: "
    '"Selling the land to private developers was never part of our plans."'
)
SALE_RU = (
    "Отвечая на вопрос о слухах о продаже, она сказала: "
    "«Продажа земли застройщикам никогда не входила в наши планы»."
)


def test_negation_in_the_rest_of_the_sentence_makes_a_paraphrase() -> None:
    ev = verdict("We never planned to sell the land to private developers", SALE_EN)
    assert ev.verdict == "paraphrased", ev
    assert ev.passage == "Selling the land to private developers was never part of our plans"
    assert not any("negation" in r for r in ev.reasons), ev.reasons


def test_russian_negation_in_the_rest_of_the_sentence_makes_a_paraphrase() -> None:
    ev = verdict("Мы никогда не планировали продавать землю застройщикам", SALE_RU)
    assert ev.verdict == "paraphrased", ev
    assert "никогда не входила в наши планы" in ev.passage


@pytest.mark.parametrize(
    ("quote", "page"),
    [
        (
            "The park will open to the public with a new footbridge in 2028",
            '"In 2028 the park will open to the public with a new footbridge," Calloway said.',
        ),
        (
            "Парк откроется для горожан вместе с новым мостом в 2028 году",
            "«В 2028 году парк откроется для горожан вместе с новым мостом», — сказала Сомова.",
        ),
    ],
)
def test_a_number_in_the_rest_of_the_sentence_makes_a_paraphrase(quote: str, page: str) -> None:
    ev = verdict(quote, page)
    assert ev.verdict == "paraphrased", ev
    assert "2028" in ev.passage


def test_a_name_in_the_rest_of_the_sentence_makes_a_paraphrase() -> None:
    page = '"The new footbridge will be finished in the spring by Harwick," she said.'
    ev = verdict("The new footbridge will be finished by Harwick in the spring", page)
    assert ev.verdict == "paraphrased", ev
    assert "Harwick" in ev.passage


def test_a_name_the_source_replaced_stays_altered() -> None:
    page = '"The new footbridge over the Lune will be built by Harwick Construction," she said.'
    ev = verdict("the new footbridge over the Lune will be built by Tollard Construction", page)
    assert ev.verdict == "altered" and any("name changed" in r for r in ev.reasons), ev


@pytest.mark.parametrize(
    ("quote", "page", "reason"),
    [
        # the negation is gone from the source, not moved
        ("We will sell the land", '"We will not sell the land," she said.', "negation"),
        ("Мы будем продавать землю", "«Мы не будем продавать землю», — сказала она.", "negation"),
        # the sentence negates another clause ("…, and the library …")
        (
            "the library will not keep its Sunday hours",
            '"We will not raise parking charges this year, and the library will keep its'
            ' Sunday hours," Calloway said.',
            "negation",
        ),
        (
            "библиотека не сохранит воскресные часы",
            "«Мы не будем поднимать плату за парковку, а библиотека сохранит воскресные часы»,"
            " — сказала Сомова.",
            "negation",
        ),
        # the negation belongs to the main clause, not to the reported one
        ("the plant will never close", "Our mayor never said that the plant will close.", "neg"),
        # the negation belongs to a relative or conditional clause
        (
            "We will never sell the land to developers",
            '"We will sell the land to developers who never paid their taxes," she said.',
            "negation",
        ),
        (
            "Мы никогда не продадим землю застройщикам",
            "«Мы продадим землю застройщикам которые никогда не платили налоги», — сказала она.",
            "negation",
        ),
        (
            "The council will not close the school",
            "The council will close the school if parents do not object.",
            "negation",
        ),
        # the passage gives another figure where the quote has one the sentence also holds
        (
            "The new buses will cost 2 million pounds",
            '"The 2 new buses will cost 5 million pounds," he said.',
            "number",
        ),
        # a changed figure stays changed, whatever else the sentence holds
        (
            "The work will cost 12 million dollars, all of it from the city budget",
            '"The work will cost 21 million dollars, all of it from the city budget," Marsh'
            " said in 2026.",
            "number",
        ),
        # a fragment of a negated clause is still reversed by its context
        ("we will win", '"I do not think we will win," Vance said.', "context"),
    ],
)
def test_real_alterations_near_a_partial_passage_stay_altered(
    quote: str, page: str, reason: str
) -> None:
    ev = verdict(quote, page)
    assert ev.verdict == "altered", ev
    assert any(reason in r for r in ev.reasons), ev.reasons


@pytest.mark.parametrize(
    ("quote", "page"),
    [
        ("the plant will never close", "The mayor never said that the plant will close."),
        ("завод никогда не закроется", "Мэр никогда не говорил, что завод закроется."),
    ],
)
def test_negation_above_a_reported_clause_does_not_support_a_negated_quote(
    quote: str, page: str
) -> None:
    # "never" negates "said", not "close": the clause holding the quote's words is positive
    assert verdict(quote, page).verdict in ("not_found", "altered")


@pytest.mark.parametrize(
    ("quote", "page"),
    [
        ("the plant will close", "The mayor never said that the plant will close."),
        ("the owners will sell", "Nobody believes the owners will sell."),
        ("the plant will not close", "The mayor said that the plant will not close for now."),
    ],
)
def test_negation_per_clause_keeps_the_old_safeguards(quote: str, page: str) -> None:
    ev = verdict(quote, page)
    if "not close" in quote:
        assert ev.verdict in ("paraphrased", "matched"), ev
    else:
        assert ev.verdict != "paraphrased" and ev.verdict != "matched", ev


@pytest.mark.parametrize(
    ("quote", "page"),
    [
        (
            "Harwick Construction will build the new footbridge over the Lune",
            "The new footbridge over the Lune will be built by Harwick Construction.",
        ),
        (
            "компания «Вектор» построит новый пешеходный мост через Ольху",
            "Новый пешеходный мост через Ольху будет построен силами компании «Вектор».",
        ),
        (
            "Вектор построит мост через Ольху",
            "Мост через Ольху будет построен Вектором.",
        ),
    ],
)
def test_passive_agent_is_not_a_name_swap(quote: str, page: str) -> None:
    ev = verdict(quote, page)
    assert ev.verdict == "paraphrased", ev
    assert not any("names in another order" in r for r in ev.reasons)


@pytest.mark.parametrize(
    ("quote", "page"),
    [
        ("Jones defeated Smith in the final", "Smith defeated Jones in the final."),
        ("In the final Smith defeated Jones", "In the final, Smith was defeated by Jones."),
        (
            "Тогда Сидоров обыграл Петрова в решающей партии",
            "Тогда Петров обыграл Сидорова в решающей партии.",
        ),
        # an instrumental object, not a passive agent: roles swapped
        (
            "Тогда Сидоров руководил Петровым в решающей партии",
            "Тогда Петров руководил Сидоровым в решающей партии.",
        ),
    ],
)
def test_real_name_swaps_stay_altered(quote: str, page: str) -> None:
    ev = verdict(quote, page)
    assert ev.verdict == "altered", ev
    assert any("names in another order" in r for r in ev.reasons), ev.reasons
