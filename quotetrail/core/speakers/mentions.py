"""Names anywhere in the article, not next to a cue: the resolver's antecedents.

    text ──► find_titled_mentions: "Russian President Vladimir Putin met …"
         ──► find_full_names: every first-and-last-name pair, and lone surnames

They let "the president said" or "he said" resolve to someone who was named but had
not spoken yet; the runs are read with the same name shape as subjects.py.
"""

from __future__ import annotations

import re

from quotetrail.core.speakers.morphology import firm_gender, guess_gender
from quotetrail.core.speakers.names import (
    _CYRILLIC,
    _HONORIFIC,
    _ROLE,
    _RU_FIRST_FORMS,
    IsOutlet,
    SpeakerRef,
    _clause_end,
    _clause_end_past_names,
    _is_name_part,
    _strip_possessive,
    _tokens,
    _words,
)
from quotetrail.core.speakers.subjects import (
    _GERUND,
    _ING_SURNAMES,
    _PLACE_BEFORE,
    _RU_PLACE_BEFORE,
    _SENTENCE_GAP,
    _name_ref,
    _place_adjective,
    _run_right,
)


def find_titled_mentions(text: str, is_outlet: IsOutlet) -> list[SpeakerRef]:
    """Names introduced with a title anywhere in the text ("Russian President Vladimir Putin met…").

    They let "the president said" resolve even before the person has spoken.
    """
    refs: list[SpeakerRef] = []
    for m in _ROLE.finditer(text):
        end = _clause_end(text, m.end(), min(len(text), m.end() + 60))
        reach = 6
        if _CYRILLIC.search(m.group()):
            # «Директор Новосибирского театра оперы и балета Георгий Саввин»: a Russian
            # title's genitive complement can be long
            end = _clause_end_past_names(text, m.end(), min(len(text), m.end() + 100))
            reach = 10
        tokens = _tokens(text, m.end(), end)[: reach + 3]
        for i in range(min(reach, len(tokens))):
            if _SENTENCE_GAP.search(text, m.end(), tokens[i][0]):
                break  # «…, — сказал мэр. Губернатор Андрей Кольцов»: another sentence
            quoted = tokens[i][0] > 0 and text[tokens[i][0] - 1] in '«"“„'
            if quoted and _CYRILLIC.search(tokens[i][2]):
                continue  # «Аналитик банка «Восток» Игорь Лазарев»: the bank, not a name
            if not _is_name_part(text, tokens[i]):
                if _ends_title(tokens[i][2]):
                    break  # "the mayor told Northwind": past the title, an addressee
                continue
            if _place_adjective(tokens, i):
                continue  # «Губернатор Приветлужской области Андрей Кольцов»
            if _RU_PLACE_BEFORE.search(text, max(0, tokens[i][0] - 4), tokens[i][0]):
                continue  # «министр журналистам в Казани»: a place, not the minister
            run = _run_right(text, tokens, i)
            ref = _name_ref(text, run, m.start(), is_outlet, frozenset(), oblique=True)
            if ref:
                refs.append(ref)
            break
    return refs


_TITLE_LINKS = frozenset(_words("of the for at and in on"))
_RU_VERB = re.compile(r"(?:л|ла|ли|ло|лся|лась|лись|ет|ит|ют|ят|ется|ится)$")


def _ends_title(word: str) -> bool:
    """A lowercase word that a title cannot hold: an English verb, a Russian past tense."""
    low = word.lower()
    if _CYRILLIC.search(low):
        return len(low) >= 5 and bool(_RU_VERB.search(low))  # not «дел» of «иностранных дел»
    return low not in _TITLE_LINKS


def _before_title_adjective(run, tokens, start: int):
    """The run cut before a title adjective («Ректор Уральского» of «… горного института»)."""
    for k in range(len(run)):
        if start + k + 1 < len(tokens) and _place_adjective(tokens, start + k):
            return run[:k]
    return run


# "'s" then one of these is "is"/"has", not a possessive: "Christie's been", "Ann's not"
_CONTRACTION = re.compile(
    r"\s+(?:been|got|gotten|going|not|never|also|already|still|just|done|said|made|told|a|an"
    r"|the|now|long|always|ready|right|wrong|sure|clear|running|trying|expected|likely)\b"
)


def find_full_names(text: str, is_outlet: IsOutlet) -> list[SpeakerRef]:
    """Every first-and-last-name pair ("Dmitry Peskov was asked…"): a pronoun's fallback.

    A lone capitalised word ("Trump also took a swipe at Jeb Bush.") comes back as a
    `known_only` mention: it counts (as the sentence's subject) only when it is the
    surname of someone already named, so "Super Tuesday" or "Miami" never become people.
    """
    refs: list[SpeakerRef] = []
    tokens = _tokens(text, 0, len(text))
    i = 0
    while i < len(tokens):
        if not _is_name_part(text, tokens[i]):
            i += 1
            continue
        run = _run_right(text, tokens, i)
        start = i
        i += len(run)
        run = _before_title_adjective(run, tokens, start)
        if not run or _RU_PLACE_BEFORE.search(text, max(0, run[0][0] - 4), run[0][0]):
            continue  # «Ректор Уральского горного института», «В Нижнем Тагиле»
        if len(run) == 1:
            a, _b, tok = run[0]
            if tok != _strip_possessive(tok) and _CONTRACTION.match(text, _b):
                tok = _strip_possessive(tok)  # "Christie's been making the case": Christie is
            if len(tok) > 2 and tok == _strip_possessive(tok) and not _CYRILLIC.search(tok):
                title = text[max(0, a - 5) : a]
                honorific = _HONORIFIC.search(title) is not None  # "Ms. Ortiz": a person
                ref = SpeakerRef(
                    "name", name=tok, gender=guess_gender([tok], title), pos=a,
                    known_only=not honorific, firm_gender=firm_gender([tok], title),
                )  # fmt: skip
                refs.append(ref)
            continue
        if len(run) > 1 and _GERUND.fullmatch(run[0][2]) and run[0][2].lower() not in _ING_SURNAMES:
            run = run[1:]  # "Entrusting Donald Trump with …": the verb opens the sentence
        cut = next((k for k, t in enumerate(run[:-1]) if t[2] != _strip_possessive(t[2])), None)
        if cut is not None:
            run = run[: cut + 1]  # "Trump’s Middle East policy": the name ends at the 's
        if _PLACE_BEFORE.search(text, max(0, run[0][0] - 8), run[0][0]):
            continue  # "an event in St. Clairsville": a place, not a person
        ref = _name_ref(text, run, run[0][0], is_outlet, frozenset(), oblique=True)
        alone = len(run) == 1 and _RU_FIRST_FORMS.get(run[0][2].lower(), ("", None, ""))[2] == "nom"
        if (len(run) >= 2 or alone) and ref:  # «Его жена Людмила»: a first name alone
            refs.append(ref)
    return refs
