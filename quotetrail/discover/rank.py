"""Which listed articles to fetch first for a quote: a cheap score from words the listing shows.

    quote + speaker ─► keys ─┐
                             ├─► overlap weighted by rarity among the listed titles ─► order
    title / news:title / URL slug ─► keys ─┘

Everything is compared in Latin letters: Cyrillic words are transliterated
(cyrtranslit, the Russian scheme) and folded further (kh→h, ya→a, …) and cut to a
5-letter prefix, so «Песков заявил» meets `peskov-zayavil` and `Peskov said` meets
«Песков», whichever side is Cyrillic. Words common to many listed titles ("said",
«заявил») weigh little; numbers and the speaker's name weigh more, and a headline
showing only other numbers than the quote's weighs less. Ties go to the article closest
to the article date. No page is fetched here.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date
from functools import lru_cache
from urllib.parse import unquote, urlsplit

from quotetrail.discover.listed import Listed

_WORD = re.compile(r"[^\W_]+")
_CYR = re.compile(r"[а-яё]", re.I)
_FOLDS = (
    ("shch", "s"), ("sch", "s"), ("kh", "h"), ("zh", "z"), ("ch", "c"), ("sh", "s"),
    ("ts", "c"), ("yu", "u"), ("ya", "a"), ("yo", "o"), ("ye", "e"), ("ju", "u"),
    ("ja", "a"), ("x", "ks"), ("w", "v"), ("j", "i"), ("y", "i"), ("'", ""),
)  # fmt: skip
_STOP = frozenset(
    [
        "the",
        "and",
        "for",
        "that",
        "this",
        "with",
        "from",
        "have",
        "has",
        "had",
        "will",
        "would",
        "said",
        "says",
        "about",
        "into",
        "over",
        "their",
        "they",
        "them",
        "there",
        "were",
        "been",
        "not",
        "but",
        "are",
        "was",
        "his",
        "her",
        "its",
        "our",
        "your",
        "who",
        "what",
        "when",
        "which",
        "while",
        "also",
        "after",
        "before",
        "more",
        "than",
        "just",
        "only",
        "very",
        "told",
        "according",
        "что",
        "это",
        "как",
        "его",
        "она",
        "они",
        "был",
        "была",
        "были",
        "будет",
        "было",
        "который",
        "которые",
        "также",
        "после",
        "перед",
        "более",
        "только",
        "очень",
        "сказал",
        "заявил",
        "отметил",
        "сообщил",
        "по",
        "словам",
    ]
)
PREFIX = 5


@lru_cache(maxsize=65536)
def word_key(word: str) -> str:
    """The comparison key of one word: Latin, folded, at most PREFIX letters."""
    w = word.lower().replace("ё", "е")
    if _CYR.search(w):
        import cyrtranslit

        w = cyrtranslit.to_latin(w, "ru").lower()
    for a, b in _FOLDS:
        w = w.replace(a, b)
    return w if w.isdigit() else w[:PREFIX]


def keys(text: str) -> list[str]:
    """Content-word keys of a text (stop words and 1–2 letter words dropped; numbers kept)."""
    out = []
    for match in _WORD.finditer(text):
        word = match.group().lower()
        if word.isdigit():
            if len(word) <= 4:
                out.append(word)
            continue
        if len(word) < 3 or word in _STOP:
            continue
        out.append(word_key(word))
    return out


_PATH_DATE = re.compile(
    r"(?<!\d)(?:19|20)\d\d(?:[/-]?(?:0[1-9]|1[0-2]))(?:[/-]?(?:0[1-9]|[12]\d|3[01]))?(?!\d)"
)


def listed_keys(item: Listed) -> set[str]:
    """Keys of what a listing shows of an article: its title and its URL slug (without the
    date in the path: /2020/10/14/ must not match "10" or "14" in a quote)."""
    path = _PATH_DATE.sub(" ", unquote(urlsplit(item.url).path))
    slug = re.sub(r"[-_/.+]+", " ", path)
    return set(keys(item.title)) | set(keys(slug))


def rank(
    quote: str,
    speaker: str | None,
    items: Sequence[Listed],
    *,
    anchor: date | None = None,
    near: Iterable[date] = (),
) -> list[tuple[float, Listed]]:
    """`items` best first, each with its score (0..1, share of the quote's weight matched)."""
    item_keys = [listed_keys(item) for item in items]
    df = Counter(k for ks in item_keys for k in ks)
    n = max(1, len(items))

    def weight(key: str) -> float:
        w = math.log(1 + n / (1 + df.get(key, 0)))
        return w * (2.0 if key.isdigit() else 1.0)

    wanted = dict.fromkeys(keys(quote))
    speaker_keys = [k for k in keys(speaker or "") if not k.isdigit()]
    total = sum(weight(k) for k in wanted) + 2 * sum(weight(k) for k in speaker_keys) or 1.0
    near_days = [d for d in (anchor, *near) if d is not None]

    def distance(item: Listed) -> int:
        if item.day is None or not near_days:
            return 999
        return min(abs((item.day - d).days) for d in near_days)

    numbers = {k for k in wanted if k.isdigit()}
    scored = []
    for item, ks in zip(items, item_keys, strict=True):
        got = sum(weight(k) for k in wanted if k in ks)
        got += 2 * sum(weight(k) for k in speaker_keys if k in ks)
        shown = {k for k in ks if k.isdigit()}
        if numbers and shown and not numbers & shown:
            # other numbers in the headline: likely another statement (kept, ranked lower,
            # since an altered quote's original also shows another number)
            got -= sum(weight(k) for k in numbers)
        scored.append((max(got, 0.0) / total, -distance(item), item))
    scored.sort(key=lambda s: (s[0], s[1]), reverse=True)
    return [(score, item) for score, _, item in scored]
