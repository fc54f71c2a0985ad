"""Russian case and gender: one spelling and one key per person.

    «Пескова», «Марии Захаровой» ──► nominative (ending table, known first names)
    «Сергеем Лавровым» (a name met in passing, case unknown) ──► from_oblique
    words ──► guess_gender: honorific, first name, "-woman"/"-man" title, ending
    surname ──► surname_key: every case form of a surname shares it

Pure string work on the words of a name; the finders and the resolver call it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from quotetrail.core.speakers.names import (
    _CYRILLIC,
    _FEMALE_FIRST,
    _MALE_A,
    _MALE_FIRST,
    _RU_FIRST_FORMS,
    Gender,
    _strip_possessive,
)

_MALE_GEN_IRREGULAR = {"петра": "Петр", "павла": "Павел", "льва": "Лев"}


def nominative(words: list[str]) -> list[str]:
    """Genitive Russian name → nominative («Марии Захаровой» → «Мария Захарова»).

    The surname's ending decides the gender (-ой is feminine, -а/-ого masculine);
    Latin-script names are returned unchanged.
    """
    if not words or not _CYRILLIC.search(words[-1]):
        return words
    known = _known_first(words)
    if known is not None:
        return known
    feminine = words[-1].lower().endswith(("ой", "ей")) and not words[-1].lower().endswith(("ого",))
    return [_nominative_word(w, feminine) for w in words]


def _known_first(words: list[str]) -> list[str] | None:
    """A listed first name in an oblique case: its case and gender fix the whole name."""
    if len(words) < 2:
        return None
    found = _RU_FIRST_FORMS.get(words[0].lower().replace("ё", "е")) or _RU_FIRST_FORMS.get(
        words[0].lower()
    )
    if found is None or found[2] == "nom":
        return None
    nom, gender, case = found
    first = (nom[0].upper() if words[0][0].isupper() else nom[0]) + nom[1:]
    return [first] + [_surname_nominative(w, gender, case) for w in words[1:]]


_SURNAME_ENDINGS: dict[tuple[Gender, str], tuple[tuple[str, str], ...]] = {
    ("m", "gen"): (("ского", "ский"), ("цкого", "цкий"), ("ого", "ый")),
    ("m", "dat"): (("скому", "ский"), ("цкому", "цкий"), ("ому", "ый")),
    ("m", "ins"): (
        *(("ским", "ский"), ("цким", "цкий"), ("овым", "ов"), ("евым", "ев"), ("ёвым", "ёв")),
        *(("иным", "ин"), ("ыным", "ын"), ("ым", "ый")),
    ),
    ("m", "pre"): (("ском", "ский"), ("цком", "цкий")),
    ("f", "acc"): (("скую", "ская"), ("цкую", "цкая"), ("ую", "ая"), ("у", "а"), ("ю", "я")),
}
_MALE_CASE_ENDING = {"gen": "а", "dat": "у", "ins": "ом", "pre": "е"}
_FEMALE_OBLIQUE = (("ской", "ская"), ("цкой", "цкая"), ("ой", "а"))


def _surname_nominative(word: str, gender: Gender, case: str) -> str:
    """A surname (or patronymic) in a known case and gender, back to the nominative."""
    low = word.lower()
    if not _CYRILLIC.search(word) or len(word) <= 3:
        return word
    for old, new in _SURNAME_ENDINGS.get((gender, case), ()):
        if low.endswith(old):
            return word[: -len(old)] + new
    if gender == "f":
        if case in ("gen", "dat", "ins", "pre"):
            for old, new in _FEMALE_OBLIQUE:
                if low.endswith(old):
                    if old == "ой" and _adjectival_stem(low[:-2]):
                        new = "ая"  # «Анастасии Белой» → Белая, not «Бела»
                    return word[: -len(old)] + new
        return word  # «Анне Лебедь»: a surname that does not decline
    ending = _MALE_CASE_ENDING.get(case, "")
    if ending and low.endswith(ending) and low[-len(ending) - 1] not in "аеёиоуыэюя":
        return word[: -len(ending)]  # «Саркисяну» → «Саркисян», «Иванова» → «Иванов»
    return word  # «Гринько», «Дурных»: surnames that do not decline


def _adjectival_stem(stem: str) -> bool:
    """A feminine surname that declines like an adjective (Белая, Толстая), not Иванова.

    Russian surnames in -а after a consonant are the -ова/-ева/-ина/-ына family; any
    other stem before an oblique «-ой» is an adjective («Белой», «Толстой», «Крутой»).
    """
    return len(stem) >= 3 and not stem.endswith(("ов", "ев", "ёв", "ин", "ын"))


def _nominative_word(word: str, feminine: bool) -> str:
    low = word.lower()
    if len(word) <= 2 or not _CYRILLIC.search(word):
        return word

    def swap(n: int, new: str) -> str:
        return word[:-n] + new

    if feminine:
        for old, new in (
            ("ской", "ская"),
            ("цкой", "цкая"),
            ("ой", "а"),
            ("ии", "ия"),
            ("ьи", "ья"),
        ):
            if low.endswith(old):
                return swap(len(old), new)
        if low.endswith("ы"):
            return swap(1, "а")
        if low[-1] == "и" and low[-2] in "гкхжшчщ":
            return swap(1, "а")
        return word
    if low in _MALE_GEN_IRREGULAR:
        return _MALE_GEN_IRREGULAR[low]
    for old, new in (
        ("ского", "ский"),
        ("цкого", "цкий"),
        ("ого", "ый"),
        ("ия", "ий"),
        ("ея", "ей"),
        ("ая", "ай"),
    ):
        if low.endswith(old):
            return swap(len(old), new)
    if low.endswith("я") and low[-2] not in "аеёиоуыэюя":
        return swap(1, "ь")
    if low.endswith("а") and low[-2] not in "аеёиоуыэюя":
        return swap(1, "")
    return word


_OBLIQUE_SURNAME = (
    ("ским", "ский"), ("цким", "цкий"), ("ской", "ская"), ("цкой", "цкая"),
    ("овым", "ов"), ("евым", "ев"), ("иным", "ин"), ("ыным", "ын"),
    ("овой", "ова"), ("евой", "ева"), ("иной", "ина"), ("ыной", "ына"),
)  # fmt: skip
_OBLIQUE_FIRST = (("ием", "ий"), ("еем", "ей"), ("аем", "ай"), ("ией", "ия"), ("ьей", "ья"))


def from_oblique(words: list[str]) -> list[str]:
    """Undo endings that only an oblique case has («Сергеем Лавровым» → «Сергей Лавров»).

    Used on names met in passing, whose case is unknown; ambiguous endings
    (-а, -у: «Пескова» or «Захарова»?) are left alone.
    """
    if not words or not _CYRILLIC.search(words[-1]):
        return words
    known = _known_first(words)
    if known is not None:
        return known
    last = words[-1]
    low = last.lower()
    surname = next(((o, n) for o, n in _OBLIQUE_SURNAME if low.endswith(o)), None)
    if surname is None and len(words) == 2 and _male_dative(words):
        # «Премьер-министру Армении Гургену Саркисяну»: a man's name in the dative
        return [words[0][:-1] + ("й" if words[0].endswith("ею") else ""), words[1][:-1]]
    if surname is None:
        return words
    if surname[0].endswith("ой") and len(words) > 1 and not words[0].lower().endswith(("ой", "ей")):
        return words  # «Игорь Ланской», not «Марией Ланской»: already nominative
    out = [last[: -len(surname[0])] + surname[1]]
    feminine = surname[1].endswith("а") or surname[1].endswith("ая")
    for word in reversed(words[:-1]):
        w = word.lower()
        new = word
        for old, repl in _OBLIQUE_FIRST:
            if w.endswith(old):
                new = word[: -len(old)] + repl
                break
        else:
            if feminine and w.endswith("ой"):
                new = word[:-2] + "а"
            elif not feminine and w.endswith("ом") and len(w) > 4:
                new = word[:-2]
        out.insert(0, new)
    return out


def _male_dative(words: list[str]) -> bool:
    """«Гургену Саркисяну»: an unlisted first name and a surname, both consonant + у."""
    first, last = words[0].lower(), words[1].lower()
    return (
        first not in _RU_FIRST_FORMS
        and len(first) > 3
        and len(last) > 4
        and first.endswith("у")
        and last.endswith("у")
        and first[-2] not in "аеёиоуыэюя"
        and last[-2] not in "аеёиоуыэюя"
        and not last.endswith(("ову", "еву", "ину", "ыну"))  # «Анну Петрову»: her, accusative
    )


def guess_gender(words: list[str], title: str = "") -> Gender:
    if len(words) > 1:
        known = _RU_FIRST_FORMS.get(words[0].lower().replace("ё", "е"))
        if known is not None:
            return known[1]  # «Павел Гринько», «Анна Лебедь»: the first name decides
    t = title.lower()
    if re.search(r"\b(mrs|ms|madam)\b", t):
        return "f"
    if re.search(r"\bmr\b", t):
        return "m"
    first = words[0].lower() if len(words) > 1 else ""
    if first in _FEMALE_FIRST:  # before "spokesman" or a Russian-looking ending: "Jill Stein"
        return "f"
    if first in _MALE_FIRST:
        return "m"
    if re.search(r"spokeswoman|chairwoman|congresswoman", t):
        return "f"
    if re.search(r"spokesman|chairman|congressman", t):
        return "m"
    last = words[-1].lower() if words else ""
    if last.endswith(
        ("ова", "ева", "ёва", "ина", "ына", "ская", "цкая", "ova", "eva", "ina", "skaya", "kaya")
    ):
        return "f"
    if last.endswith(
        ("ов", "ев", "ёв", "ин", "ын", "ский", "цкий", "ov", "ev", "in", "sky", "skiy", "skii")
    ):
        return "m"
    if len(words) > 1:
        if first.endswith(("а", "я")) and first not in _MALE_A:
            return "f"
        if _CYRILLIC.search(first):
            return "m"
    return None


_COMMON_GENITIVE = (
    ("ских", "ские"), ("цких", "цкие"), ("ших", "шие"), ("щих", "щие"), ("ых", "ые"),
    ("ких", "кие"), ("цев", "цы"), ("ков", "ки"), ("гов", "ги"), ("ии", "ия"),
    ("телей", "тели"), ("чей", "чи"), ("дей", "ди"), ("ов", "ы"),
    ("его", "ий"), ("ого", "ый"), ("ы", "а"),
)  # fmt: skip


def common_nominative(word: str) -> str:
    """A Russian common noun for a person or body in the genitive, back to the nominative.

    «по словам полицейских» → полицейские, «со слов очевидцев» → очевидцы, «по данным
    полиции» → полиция, «по словам защиты» → защита; the word unchanged when no ending
    fits (singular -а/-я are `nominative`'s).
    """
    low = word.lower()
    if len(low) < 4 or not _CYRILLIC.search(low):
        return word
    for old, new in _COMMON_GENITIVE:
        if low.endswith(old):
            return word[: -len(old)] + new
    if low[-1] == "и" and low[-2] in "гкхжшчщ":
        return word[:-1] + "а"  # «по данным полиции» is -ии above; «охраны» -ы; «службы»
    return word


def firm_gender(words: list[str], title: str = "") -> Gender:
    """The gender an honorific ("Ms.") or a listed English first name states, else None.

    Unlike `guess_gender`, no title or surname ending: only this evidence is strong
    enough to tell two people of one surname apart ("Mr. Khan" is not "Ms. Khan").
    """
    if any(_CYRILLIC.search(w) for w in words):
        return None  # a Russian surname's ending is its case as often as its gender
    t = title.lower()
    if re.search(r"\b(mrs|ms|madam)\.?\s*$", t):
        return "f"
    if re.search(r"\bmr\.?\s*$", t):
        return "m"
    first = words[0].lower() if len(words) > 1 else ""
    if first in _FEMALE_FIRST and first not in _MALE_FIRST:
        return "f"
    if first in _MALE_FIRST and first not in _FEMALE_FIRST:
        return "m"
    return None


@lru_cache(maxsize=8192)
def surname_key(word: str) -> str:
    """One key for every case form of a surname: Песков/Пескова/Пескову → «песков».

    Cached: the resolver compares every quote's speaker with every person met so far
    (`Person.same_as`), the same few surnames tens of thousands of times in a long article.
    """
    w = _strip_possessive(word).lower().replace("ё", "е")
    if _CYRILLIC.search(w):
        for ending in ("ого", "ому", "ыми", "ими", "ой", "ою", "ую", "ым", "им", "ом", "ем", "ий", "ый", "ая", "а", "у", "е", "ы", "ю", "я", "и"):  # fmt: skip
            if w.endswith(ending) and len(w) - len(ending) >= 3:
                return w[: -len(ending)]
    return w
