"""Who stands next to a speech cue: the subject before or after it.

    cue at hi ──► subject_before: "Putin said", "the minister told", "he said"
    cue at lo ──► subject_after: "…, said Dmitry Peskov", «…, заявил глава МИД»
                  ──► a name run (_run_left/_run_right) ──► _name_ref: titles kept as
                      roles, Russian oblique forms turned nominative (morphology.py)
                  ──► else a pronoun, a role ("the mayor") or a body (bodies.py)

Both look only within `_REACH` characters of the cue and stop at a clause break, so a
name in the previous clause is never taken for the speaker.
"""

from __future__ import annotations

import re

from quotetrail.core.speakers.bodies import _INDEFINITE, _OF_PHRASE, _lower_common
from quotetrail.core.speakers.morphology import (
    firm_gender,
    from_oblique,
    guess_gender,
    nominative,
    surname_key,
)
from quotetrail.core.speakers.names import (
    _CYRILLIC,
    _FEMALE_FIRST,
    _LISTED_ANY,
    _MALE_FIRST,
    _PAST_VERB,
    _PATRONYMIC,
    _PLURAL_PRONOUNS,
    _REACH,
    _ROLE,
    _RU_FIRST_FORMS,
    _SUBJECT_PRONOUNS,
    _TOKEN,
    PRONOUNS,
    IsOutlet,
    SpeakerRef,
    _after_honorific,
    _clause_end,
    _clause_end_past_names,
    _clause_start,
    _ends_with,
    _is_name_part,
    _is_name_token,
    _joinable,
    _match_roles,
    _rstrip_end,
    _strip_possessive,
    _tokens,
    _words,
    roles_in,
    title_roles,
)

_RU_CHANNEL_WORDS = ("беседе", "интервью", "разговоре", "эфире", "комментарии")
_RU_CHANNEL_BEFORE = re.compile(
    r"\s+(?:в|во)\s+(?:беседе|интервью|разговоре|эфире|комментарии)(?![\w-])[^,.;:!?\n]{0,80}$"
)


def subject_before(text: str, lo: int, hi: int, is_outlet: IsOutlet) -> SpeakerRef | None:
    """The speaker standing just before a cue at `hi` ("Putin said", "the minister told")."""
    appositive = frozenset()
    window = text[max(lo, hi - 120) : hi]
    channel = (
        _RU_CHANNEL_BEFORE.search(text, max(lo, hi - 120), hi)
        if any(w in window for w in _RU_CHANNEL_WORDS)
        else None
    )
    if channel is not None:
        hi = channel.start()  # «Семен Гальперин в беседе с корреспондентом РИА Новости сообщил»
    # `end` is where text[lo:hi].rstrip() would end: no copy of a long paragraph per cue
    end = _rstrip_end(text, lo, hi)
    party = _PARTY_TAG.search(text, max(lo, end - 20), end)
    if party is not None:  # "Mitch McConnell, R-Ky., said": the party tag is no appositive
        hi = party.start()
        end = _rstrip_end(text, lo, hi)
    lead_in = _LEAD_IN.search(text, max(lo, end - 40), end)
    if lead_in is not None:  # "Clinton, exasperated, famously responded": back to the comma
        hi = end = lead_in.start() + 1
    if _ends_with(text, lo, end, "),"):
        end = _rstrip_end(text, lo, end - 1)
    if _ends_with(text, lo, end, ")"):  # "Rep. Jim Hale (D-Ore.) said": the party tag is no break
        opening = text.rfind("(", max(lo, hi - 60), end)
        if opening > lo:
            hi = opening
            end = _rstrip_end(text, lo, hi)
    share = _SHARE_BEFORE.search(text, max(lo, end - 80), end)
    if share is not None:  # "with 30 percent of voters saying …": the share of a poll speaks
        return SpeakerRef("body", name=share.group("share"), pos=share.start("share"))
    coordinated = _COORDINATED.search(text, max(lo, end - 40), end)
    if coordinated is not None:
        return _coordinated_subject(text, lo, coordinated.start(), is_outlet)
    seg_end = hi
    relative = _RELATIVE_AFTER_NAME.search(text, max(lo, hi - _REACH), hi)
    if _ends_with(text, lo, end, ",") and relative is not None:
        seg_end = relative.start()  # "Marco Rubio, whose hometown, Miami, is …, argues"
    elif _ends_with(text, lo, end, ","):
        comma = end - 1
        prev = text.rfind(",", lo, comma)
        chunk = text[prev + 1 : comma].strip() if prev >= 0 else ""
        if prev >= 0 and re.fullmatch(r"(?:[A-Z][\w.’'-]*\s+){1,3}[A-Z][\w’'-]+", chunk):
            seg_end = comma  # "A lawyer for the outlets, David Schulz, said": the name
        if (
            chunk
            and chunk.split()[0].lower() not in _NOT_APPOSITIVE
            and (
                chunk[0].islower()
                or chunk.lower().startswith(("the ", "a ", "an "))
                or re.search(r"(?:'s|’s|s'|s’)\s+(?:[a-z][\w-]*\s+){0,4}[a-z][\w-]*$", chunk)
                or re.fullmatch(r"\d{1,3}", chunk)  # "Butz, 49, told"
            )
            and len(chunk.split()) <= 12
        ):  # "Jane Roe, a lawyer, said", "Ben Rhodes, Mr. Obama's deputy adviser, said"
            appositive = roles_in(chunk)
            seg_end = prev
    start = _clause_start(text, max(lo, seg_end - _REACH), seg_end)
    tokens = _tokens(text, start, seg_end)
    role_ends = {m.end(): m for m in _ROLE.finditer(text, start, seg_end)}
    idx = len(tokens) - 1
    steps = 0
    while idx >= 0 and steps < 6:
        a, b, tok = tokens[idx]
        low = tok.lower()
        if low in _SUBJECT_PRONOUNS and steps <= 2:
            return SpeakerRef("pronoun", gender=PRONOUNS[low], pos=a)
        if low in _PLURAL_PRONOUNS and steps <= 1:
            return SpeakerRef("pronoun", name=low, pos=a)
        if low == "it" and steps == 0 and _opens_or_follows_quote(text, a, tok, hi):
            return SpeakerRef("pronoun", name=low, pos=a)  # `"…," it added`: a body
        if (
            _is_name_token(tok)
            or _after_honorific(text, a, tok)
            or _surname_word(text, tokens, idx)
        ):
            if tok != _strip_possessive(tok):
                return None
            run = _run_left(text, tokens, idx)
            ref = _name_ref(text, run, start, is_outlet, appositive)
            if _PLACE_BEFORE.search(text, max(0, run[0][0] - 8), run[0][0]):
                return None  # "an ad buy in California on Tuesday and announced": a place
            if ref is not None and not _OF_BEFORE.search(text, max(0, run[0][0] - 8), run[0][0]):
                return ref  # not "the head of Port Marren": a place that completes a title
            idx -= len(run)  # an outlet ("в своем Telegram-канале"): look past it
            steps += 1
            continue
        if b in role_ends:
            role = role_ends[b]
            head = next(
                (r for r in role_ends.values() if r.end() < role.start()
                 and not text[r.end() : role.start()].strip() and _CYRILLIC.search(r.group())),
                None,
            )  # fmt: skip
            if head is not None:  # «пресс-секретарь президента»: the secretary, not the president
                phrase = _lower_common(text[head.start() : role.end()])
                return SpeakerRef("role", name=phrase, roles=_match_roles(head), pos=head.start())
            unnamed = _INDEFINITE.search(text, start, role.start())
            if unnamed:  # "a senior diplomat": somebody new, not "the diplomat" named before
                end = b
                rest = text[b:seg_end].rstrip()
                if _OF_PHRASE.match(rest) and len(rest.split()) <= 5:
                    end = b + len(rest)  # "a spokesman for the ministry"
                return SpeakerRef("body", name=_lower_common(text[unnamed.start() : end]), pos=a)
            return _role_ref(text, role)
        idx -= 1
        steps += 1
    return None


# "Rubio thanked Miami and said …", "Carson named nobody, but told his supporters …":
# the cue is the second verb of its subject; the word before "and" is the first verb's object
_COORDINATED = re.compile(
    r"(?:,[^\S\n]*|[^\S\n])(?-i:and|but)(?:[^\S\n]+(?-i:[a-z]+ly|then|also|later|now|still)){0,2}\Z"
)
_SHARE_BEFORE = re.compile(
    r"(?<![\w.,])(?P<share>\d{1,3}(?:\.\d)?(?:[^\S\n]+percent|%)(?:[^\S\n]+of[^\S\n]+(?:(?-i:[a-z])[\w-]*"
    r"[^\S\n]+){0,2}(?-i:[a-z])[\w-]*)?)[^\S\n]*\Z"
)
_SENTENCE_BREAK = re.compile(r".*[.!?;:\n][\"”’'»)]*\s", re.DOTALL)


def _coordinated_subject(text: str, lo: int, conj: int, is_outlet: IsOutlet) -> SpeakerRef | None:
    """The subject opening the clause whose second verb is the cue, or nobody.

    Nobody rather than the nearest name: that one is the first verb's object. The
    clause after the last comma is tried first ("Some booed, and when Rubio thanked
    Miami and said …"), then the sentence ("Carson named nobody, but told …").
    """
    m = _SENTENCE_BREAK.match(text, max(lo, conj - _REACH), conj)
    sentence = m.end() if m else max(lo, conj - _REACH)
    comma = text.rfind(",", sentence, conj)
    for start in ([comma + 1] if comma >= 0 else []) + [sentence]:
        ref = subject_after(text, start, conj, is_outlet, sentence_start=True)
        if ref is None or ref.kind not in ("name", "pronoun", "role", "body"):
            continue
        if len(text[start : ref.pos].split()) <= 3:
            return ref  # the words opening the clause, not an object or a place
    return None


def subject_after(
    text: str,
    lo: int,
    hi: int,
    is_outlet: IsOutlet,
    *,
    genitive: bool = False,
    sentence_start: bool = False,
) -> SpeakerRef | None:
    """The speaker right after a cue ("said Putin", «заявил он», «по словам Пескова»).

    With `sentence_start`, the subject that opens a sentence ("He …", "The minister …").
    """
    if sentence_start:
        lo = _past_opening_adverbial(text, lo, hi)
    end = _clause_end(text, lo, min(hi, lo + _REACH))
    if _CYRILLIC.search(text, lo, min(hi, lo + 12)):
        end = _clause_end_past_names(text, lo, min(hi, lo + _REACH))
    # a Russian title runs long before the name («управляющий партнер юридической фирмы
    # «Левина и партнеры» Ольга Левина»): the clause end still bounds it
    cyrillic = _CYRILLIC.search(text, lo, min(hi, lo + 12)) is not None
    tokens = _tokens(text, lo, end)[: 12 if cyrillic else 8]
    role: re.Match[str] | None = None
    skip_to = 0
    for i, (a, _b, tok) in enumerate(tokens):
        if i < skip_to:
            continue
        low = tok.lower()
        if low in PRONOUNS and i == 0:
            return SpeakerRef("pronoun", gender=PRONOUNS[low], pos=a)
        if low in _PLURAL_PRONOUNS and i == 0:
            return SpeakerRef("pronoun", name=low, pos=a)
        if i == 0 and tok != _strip_possessive(tok) and len(tokens) > 1:
            continue  # "said Florida's Rick Wilson": the place is not the name
        if _CYRILLIC.search(tok) and (
            (text[a - 1 : a] in '«"“„' and a > 0) or (len(tok) == 1 and text[_b : _b + 1] != ".")
        ):
            continue  # «рассказал «Ъ» председатель компании «Трансойл» Эдуард Лапин»
        if _CYRILLIC.search(tok) and _place_adjective(tokens, i):
            continue  # «сказал губернатор Псковской области Михаил Ведерников»
        if i and _CYRILLIC.search(tok) and _RU_PLACE_BEFORE.search(text, max(lo, a - 4), a):
            continue  # «— сказал министр журналистам в Казани»: where, not who
        if _is_name_part(text, tokens[i]):
            run = _run_right(text, tokens, i)
            if cyrillic and _title_noun_before_name(tokens, i, run):
                continue  # «Председатель Союза фермеров Кубани Виктор Дымов»
            ref = _name_ref(text, run, lo, is_outlet, frozenset(), genitive=genitive)
            if _names_a_place_or_body(text, run, tokens, i + len(run)):
                ref = None  # "Marren State University": the run is part of a longer name
            elif len(run) == 1 and _TITLE_THE.match(text, run[0][1]):
                ref = None  # "told Face the Nation": a show's title, not a person
            if ref is not None or _CYRILLIC.search(tok) or i + len(run) >= len(tokens):
                return ref
            skip_to = i + len(run)  # "said Ohio State University professor Paul Beck"
            continue
        m = _ROLE.match(text, a)
        if m and role is None:
            role = m
            continue
        if i == 0 and low in _NAME_MODIFIERS:
            continue  # "said former Gov. Bill Richardson"
        if sentence_start and i > 0 and _PAST_VERB.fullmatch(tok):
            break  # "Ryan’s campaign shrugged off Trump’s comments": past the subject
        if (
            i == 0
            and not sentence_start
            and tok[0].islower()
            and low not in ("the", "a", "an")
            and not _CYRILLIC.search(low)
        ):
            if _lower_title_before_name(text, tokens):
                continue  # "said pollster Frank Luntz", "said master of ceremonies Ann Roe"
            return None  # "said the talks…", "said it was…": no inversion in English
        if i >= (9 if cyrillic else 5):
            break
    if role is not None:
        return _role_ref(text, role, genitive=genitive)
    return None


_NOT_TITLE_WORDS = frozenset(
    _words(
        "it its that this these those there here he she they we i you his her their was is "
        "were are be been would will could should may might can has have had to in on at by "
        "for with after before when if as because but and or not no so then also only just "
        "very about one another some many several two three four every each any all both "
        "more most other few from into over under than why what how where who whom whether "
        "which though although while since until upon onto against"
    )
)


def _lower_title_before_name(text: str, tokens) -> bool:
    """ "said pollster Frank Luntz": one to three lowercase title words ("of" between),
    then a name that ends the clause. Not "said it was Trump", not "said quietly Trump"."""
    for k, (_a, _b, tok) in enumerate(tokens[:4]):
        if _is_name_part(text, tokens[k]):
            return k > 0 and tokens[k - 1][2] != "of"
        low = tok.lower()
        if k == 0 and low == "of":
            return False
        if not tok.islower() or (low in _NOT_TITLE_WORDS and low != "of") or low.endswith("ly"):
            return False
        if _PAST_VERB.fullmatch(low) or low.endswith("ing"):
            return False
    return False


# A sentence opening with an adverbial ("Shortly after Moss's call ended, …", "Walking to
# the car, …", "Hastily, …"): its subject stands after the comma.
_OPENING_ADVERBIAL = re.compile(
    r"[\s\"“”'‘’(—–-]*(?:(?:after|although|though|amid|among|as|at|before|by|despite|during"
    r"|following|for|from|given|having|if|in|inside|like|on|once|over|since|unlike|until"
    r"|upon|when|whenever|where|while|with|within|without|shortly|hours|minutes|days|weeks"
    r"|months|years|moments|earlier|later|asked|speaking|back|here|there|meanwhile|elsewhere|one\s+of|[a-z]{3,}(?<!l)ly|[a-z]{2,}ally)\b"
    r"|[a-z]{4,}ing\s+(?-i:[a-z])"
    r"|(?:this|last|that)\s+(?:year|week|month|spring|summer|fall|autumn|winter|morning|time)\b"
    # "Reached by phone on Tuesday, Joyce told …": a past participle opening the sentence
    r"|(?-i:[A-Z])[a-z]{3,}ed\s+(?:by|about|for|on|at|after)\b)",
    re.IGNORECASE,
)
_PRONOUN_NEXT = re.compile(r"\s+(?:he|she|they|it|we)\s+(?-i:[a-z])", re.IGNORECASE)
_GERUND = re.compile(r"(?-i:[A-Z])[a-z]{4,}ing")
_ING_SURNAMES = frozenset(
    _words("manning fleming browning sterling cushing harding golding channing")
)


def _past_opening_adverbial(text: str, lo: int, hi: int) -> int:
    """Just after the comma closing a sentence-opening adverbial (lo when there is none)."""
    m = _OPENING_ADVERBIAL.match(text, lo, hi)
    if m is None:
        return lo
    if _PRONOUN_NEXT.match(text, m.end(), hi):
        return m.end()  # "Later he needled the reporter, saying …": he is the subject
    word = _TOKEN.search(text, lo, hi)
    first = word.group().lower() if word else ""
    if first in _ING_SURNAMES or first in _FEMALE_FIRST or first in _MALE_FIRST:
        return lo
    comma = text.find(",", m.end(), min(hi, lo + 150))
    if comma < 0 or _SENTENCE_GAP.search(text, lo, comma):
        return lo
    return comma + 1


# "Face the Nation", "Meet the Press": a capitalised word, "the", a capitalised word is a title
_TITLE_THE = re.compile(r"[^\S\n]+the[^\S\n]+(?-i:[A-Z])[a-z]+(?![\w'’-])")


def _names_a_place_or_body(text: str, run, tokens, j: int) -> bool:
    """Is the name run followed by the head of an institution or place ("… State University")?"""
    if j >= len(tokens) or not _joinable(text, run[-1][1], tokens[j][0]):
        return False
    nxt = tokens[j][2]
    low = nxt.lower()
    return nxt[0].isupper() and (low in _INSTITUTION_HEADS or low in _NOT_PERSON)


# a chunk between commas that opens with one of these is a clause, not an appositive
_NOT_APPOSITIVE = frozenset(
    _words(
        "but and or after before while when as although though because only which who whom "
        "whose where even also still then if unless since until so yet"
    )
)
_NAME_MODIFIERS = frozenset(
    _words(
        "former then ex retired acting outgoing incoming late conservative liberal progressive "
        "undecided moderate longtime veteran fellow"
    )
)
_PLACE_GENITIVE = ("стана", "ии", "ы", "ска", "рга")
_RELATIVE_AFTER_NAME = re.compile(
    r"(?<=\w),\s+(?:who|whose|whom|which|кто|который|которая|чей|чья)\b"
)


def _opens_or_follows_quote(text: str, a: int, tok: str, cue: int) -> bool:
    """`"…," it added` or `It continued: "…"`: an "it" that is a body speaking, not
    the "it" inside a clause ("what it calls", "It told the story of …")."""
    if tok == "it":
        return _RIGHT_AFTER_QUOTE.search(text, max(0, a - 8), a) is not None
    return (
        tok == "It"
        and _SENTENCE_OPEN.search(text, max(0, a - 8), a) is not None
        and _CUE_THEN_QUOTE.match(text, cue, cue + 40) is not None
    )


_CUE_THEN_QUOTE = re.compile(r"[\w-]+(?:\s+[\w-]+)?\s*[:,]\s*[\"“'‘]")  # `It added, "…"`


_RIGHT_AFTER_QUOTE = re.compile(r"[,.?!]?[\"”'’»][^\S\n]*\Z")  # `"…," it said`, not "what it calls"
# adverbs or "interjected to" between an appositive's closing comma and the cue
_LEAD_IN = re.compile(
    r",(?:\s+(?:[a-z]{2,}ly|also|then|later|again|once|still|even|never|[a-z]{3,}ed\s+to"
    r"|went\s+on\s+to)){1,2}\Z"
)
_PARTY_TAG = re.compile(r",\s*(?:R|D|I)-[A-Z][A-Za-z.]{1,6},\Z")
_OF_BEFORE = re.compile(r"(?<![\w-])of\s+(?:the\s+)?$", re.IGNORECASE)
_PLACE_BEFORE = re.compile(r"(?<![\w-])(?:in|at|from|into|across|near|outside)\s+(?:the\s+)?$")
_THE = re.compile(r"(?<![\w-])the\s+$", re.IGNORECASE)
# «в Нижнем Тагиле», «из Великого Новгорода»: capitalised words after these are a place
_RU_PLACE_BEFORE = re.compile(r"(?<![\w-])(?:[вВ]о?|[нН]а|[иИ]з|[пП]од)\s+$")


def _role_ref(text: str, role: re.Match[str], *, genitive: bool = False) -> SpeakerRef:
    """A role standing for a person; `name` is how to call them if nobody held it ("the mayor")."""
    start = role.start()
    the = _THE.search(text, max(0, start - 5), start)
    phrase = text[the.start() if the else start : role.end()]
    if genitive and " " not in phrase:
        phrase = nominative([phrase])[0]  # «по словам губернатора» → «губернатор»
    if _CYRILLIC.search(phrase):
        phrase += _ru_genitive_complement(text, role.end())
    return SpeakerRef("role", name=_lower_common(phrase), roles=_match_roles(role), pos=start)


# «представитель регионального управления МЧС»: words in the genitive, and acronyms
_RU_GENITIVE_WORD = re.compile(
    r"[^\S\n]+(?:(?-i:[а-яё][а-яё-]*(?:а|я|ы|и|ов|ев|ей|ых|их|ого|его|ой|ей))|(?-i:[А-ЯЁ]{2,}))"
    r"(?![\w-])"
)
_RU_NOT_COMPLEMENT = frozenset(_words("журналиста для после перед около возле среди ради вместо"))


def _ru_genitive_complement(text: str, end: int) -> str:
    """What completes a Russian role after it: «представитель МВД», «… управления МЧС».

    Up to four words in the genitive (or acronyms) right after the role, as written; a
    name, a preposition or a verb ends it.
    """
    out = end
    for _ in range(4):
        m = _RU_GENITIVE_WORD.match(text, out)
        if m is None or m.group().strip().lower() in _RU_NOT_COMPLEMENT:
            break
        out = m.end()
    return text[end:out]


# title, month and place words that are surnames right after a first name:
# "Peter King", "Theresa May", "John Major", "Kanye West", "Denzel Washington"
_SURNAME_WORDS = frozenset(_words("king major may west prince lord washington"))


def _surname_word(text: str, tokens, j: int) -> bool:
    """A stop-listed word that is a surname here: capitalised, right after a listed first name."""
    if j <= 0:
        return False
    a, _b, tok = tokens[j]
    if not tok[:1].isupper() or tok.lower() not in _SURNAME_WORDS:
        return False
    _prev_a, prev_b, prev = tokens[j - 1]
    if len(prev) == 1 and text[prev_b:a] == ". " and j >= 2:  # "Peter T. King"
        a, (_prev_a, prev_b, prev) = _prev_a, tokens[j - 2]
    return prev[:1].isupper() and prev.lower() in _LISTED_ANY and text[prev_b:a] == " "


def _run_left(text: str, tokens, idx: int) -> list[tuple[int, int, str]]:
    run = [tokens[idx]]
    j = idx - 1
    while j >= 0 and len(run) < 3 and _is_name_part(text, tokens[j]):
        if not _joinable(text, tokens[j][1], run[0][0]) or not _same_name(tokens[j], run[0]):
            break
        run.insert(0, tokens[j])
        j -= 1
    return run


def _run_right(text: str, tokens, idx: int) -> list[tuple[int, int, str]]:
    run = [tokens[idx]]
    j = idx + 1
    while j < len(tokens) and (_is_name_part(text, tokens[j]) or _surname_word(text, tokens, j)):
        if not _joinable(text, run[-1][1], tokens[j][0]) or not _same_name(run[-1], tokens[j]):
            break
        if _first_name_restarts(run, tokens[j][2]):
            run = []  # «Республики Карелия Степан Вахрушев»: the name starts at the first name
        elif len(run) >= 3:
            break
        run.append(tokens[j])
        j += 1
    return run


def _title_noun_before_name(tokens, i: int, run) -> bool:
    """A lone capitalised word, then lowercase words, then a listed first name: the word
    belongs to the title («Союза фермеров Кубани Виктор Дымов»), the name comes later."""
    j = i + len(run)
    if len(run) != 1 or j >= len(tokens) or not tokens[j][2][:1].islower():
        return False
    if _RU_FINITE_VERB.search(tokens[j][2]):
        return False  # «Дымов обратился»: the name, then its verb
    return any(t[2].lower().replace("ё", "е") in _RU_FIRST_FORMS for t in tokens[j + 1 :])


def _first_name_restarts(run, tok: str) -> bool:
    """A listed Russian first name after capitalised words that hold none (a place)."""
    low = tok.lower().replace("ё", "е")
    return (
        low in _RU_FIRST_FORMS
        and bool(_CYRILLIC.search(tok))
        and not any(t[2].lower().replace("ё", "е") in _RU_FIRST_FORMS for t in run)
    )


def _same_name(left, right) -> bool:
    """Can two neighbouring words be one name? Not «Орлов Orlov» (two scripts), not "Orlov Orlov"."""
    a, b = left[2], right[2]
    if bool(_CYRILLIC.search(a)) != bool(_CYRILLIC.search(b)):
        return False
    if _RU_NOMINATIVE_SURNAME.search(a.lower()) and _RU_OBLIQUE_WORD.search(b.lower()):
        return False  # «— сказал Зимин Волковой»: a surname, then the one he told
    return len(a) <= 1 or surname_key(a) != surname_key(b)


_RU_NOMINATIVE_SURNAME = re.compile(r"(?:ов|ев|ёв|ин|ын|ский|цкий)$")
_RU_OBLIQUE_WORD = re.compile(r"(?:[ое]й|ому|ему|[оеи]ву|[иы]ну|[ыи]м)$")


def _without_outlets(run, is_outlet: IsOutlet):
    """ "заявил Кольцов Интерфаксу", "said Orlov Reuters": the outlet is the addressee, not a name."""
    while len(run) > 1 and is_outlet(_strip_possessive(run[-1][2])):
        run = run[:-1]
    while len(run) > 1 and is_outlet(_strip_possessive(run[0][2])):
        run = run[1:]
    return run


def _name_ref(
    text, run, clause_start, is_outlet, extra_roles, *, genitive=False, oblique=False
) -> SpeakerRef | None:
    run = _without_outlets(run, is_outlet)
    if (
        len(run) >= 3
        and _CYRILLIC.search(run[0][2])
        and run[0][2].lower().endswith(_PLACE_GENITIVE)
    ):
        run = run[1:]  # «Президент Узбекистана Тимур Рашидов»: the country completes the title
    elif len(run) >= 3 and _title_word(text, run):
        run = run[1:]  # «Гроссмейстер Алина Сабурова»: a capitalised title opens the sentence
    elif len(run) >= 3 and run[0][2].lower() in _PARTY_WORDS:
        run = run[1:]  # "Republican Christine Todd Whitman": the party is not part of the name
    words = [_strip_possessive(t[2]) for t in run]
    raw = " ".join(words)
    if all(len(w) == 1 for w in words) or is_outlet(raw) or _institution(text, run, words):
        return None
    if genitive:
        words = nominative(words)
    elif oblique:
        words = from_oblique(words)
    reach = 60 if _CYRILLIC.search(raw) else 40  # «Министр промышленности Республики Карелия»
    title = text[max(clause_start, run[0][0] - reach) : run[0][0]]
    name = " ".join(_with_dot(text, t, w) for t, w in zip(run, words, strict=True))
    roles = title_roles(title) | extra_roles
    return SpeakerRef(
        "name",
        name=name,
        gender=guess_gender(words, title),
        roles=roles,
        pos=run[0][0],
        firm_gender=firm_gender(words, title),
    )


_PARTY_WORDS = frozenset(_words("republican democrat democratic gop independent libertarian"))
_SENTENCE_OPEN = re.compile(r"(?:^|[.!?…\n])[\s«\"„—–-]*$")


def _title_word(text: str, run) -> bool:
    """Three Cyrillic words, no patronymic in the middle: is the first a title, not a name?

    «Адвокат Марк Фельдман» opening a sentence, or any word before a known first
    name («…, гроссмейстер»-style «Правозащитница Тамара Оськина»).
    """
    first, middle = run[0][2], run[1][2]
    if not (_CYRILLIC.search(first) and _CYRILLIC.search(middle)) or _PATRONYMIC.search(middle):
        return False
    if first.lower() in _RU_FIRST_FORMS:
        return False
    if middle.lower() in _RU_FIRST_FORMS:
        return True
    return bool(_SENTENCE_OPEN.search(text, max(0, run[0][0] - 4), run[0][0]))


# Heads of capitalised names that belong to papers, stations and institutions, not people.
_INSTITUTION_HEADS = frozenset(
    _words(
        "herald times post radio news gazette journal courier tribune agency television tv "
        "channel daily weekly review ledger observer chronicle telegraph express mirror press "
        "service ministry office house council committee bank university company group "
        "institute foundation parliament assembly court"
    )
)
_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)


# Words that make a capitalised run a place or a thing, not a person: "South Florida",
# "New Hampshire", "Wall Street", "Bloomberg Politics", "Islamic State".
_NOT_PERSON = frozenset(
    _words(
        """
    street avenue road square city county state states district valley island islands
    bay river lake mountain mountains park beach coast hills heights port harbour harbor
    florida texas california hampshire jersey york dakota ohio iowa
    nevada arizona michigan wisconsin pennsylvania massachusetts kentucky
    tennessee alabama mississippi louisiana arkansas oklahoma kansas missouri nebraska
    colorado utah oregon montana wyoming idaho alaska hawaii maine vermont
    connecticut maryland delaware indiana illinois minnesota america africa asia europe
    islamic republic kingdom union federation politics senate congress church airport
    hospital center centre hall school college campaign party democrats republicans democrat
    republican independent
    democratic republican conservative liberal national international united
    americans muslims christians jews hispanics latinos mexicans europeans asians africans
    israelis palestinians russians ukrainians syrians iraqis iranians chinese evangelicals
    """
    )
)


def _institution(text: str, run, words: list[str]) -> bool:
    """ "told the Riverton Herald": a paper, not a person who could later be "she"."""
    if words[-1].lower() in _INSTITUTION_HEADS:
        return True
    if (
        any(w.lower().strip(".") in _NOT_PERSON for w in words)
        and not _CYRILLIC.search(words[-1])
        and not _first_middle_last(words)
    ):
        return True
    return bool(_THE_BEFORE.search(text[max(0, run[0][0] - 5) : run[0][0]]))


def _first_middle_last(words: list[str]) -> bool:
    """ "Kathleen Hall Jamieson": a listed first name, then a surname that is no place or
    body word: a middle name that is also a common noun ("Hall", "Park") stays a name."""
    return (
        len(words) >= 3
        and words[0].lower() in _LISTED_ANY
        and words[-1].lower().strip(".") not in _NOT_PERSON
    )


def _with_dot(text: str, token, word: str) -> str:
    """Keep an initial's dot: "V. Putin"."""
    if len(word) == 1 and token[1] < len(text) and text[token[1]] == ".":
        return word + "."
    return word


_SENTENCE_GAP = re.compile(r"[.!?…]\s")
_PLACE_NOUNS = re.compile(
    r"(?:област|кра[яюе]|район|округ|республик|город|сел[аеу]|поселени|губерни|муниципалитет)\w*$"
)


def _place_adjective(tokens, i: int) -> bool:
    """A capitalised adjective before a place noun («Приветлужской области»): part of a title."""
    nxt = tokens[i + 1][2] if i + 1 < len(tokens) else ""
    if not nxt or not nxt[0].islower() or not tokens[i][2][0].isupper():
        return False  # «представитель областного управления»: the role itself is no adjective
    return bool(_PLACE_NOUNS.match(nxt)) or _ru_title_adjective(tokens, i)


# Oblique adjective endings: «Новосибирского», «Выборгской», «Высшей», «Уральских».
_RU_OBLIQUE_ADJECTIVE = re.compile(r"(?:ого|его|ому|ему|ой|ей|ых|их|ским|ском)$")
_RU_FINITE_VERB = re.compile(r"(?:л|ла|ли|ло|лся|лась|лись|ет|ит|ют|ят|ется|ится|ает|ает)$")


def _ru_title_adjective(tokens, i: int) -> bool:
    """«Директор Новосибирского театра», «гендиректор Выборгской верфи»: a capitalised
    adjective in an oblique case before a lowercase noun belongs to the title, not the name.

    A surname after a first name («Анастасии Белой») is a name whatever follows, and a
    verb after the word («Белой сказали») makes it the subject, so neither counts.
    """
    tok, nxt = tokens[i][2], tokens[i + 1][2]
    if not _CYRILLIC.search(tok) or not _RU_OBLIQUE_ADJECTIVE.search(tok.lower()):
        return False
    if len(nxt) < 3 or not _CYRILLIC.search(nxt) or _RU_FINITE_VERB.search(nxt):
        return False
    prev = tokens[i - 1][2].lower().replace("ё", "е") if i > 0 else ""
    return prev not in _RU_FIRST_FORMS and not _PATRONYMIC.search(prev)
