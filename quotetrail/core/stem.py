"""Word stems for English and Russian, cached, from the C build of Snowball when present.

Stems let "said"/"says" and "урожай"/"урожая" count as the same content word when
judging paraphrases and when finding candidate passages; they are never used to
decide that a quote is verbatim.

PyStemmer (the C build of the same Snowball algorithms) is used when it is
installed, pure-Python snowballstemmer otherwise: they give the same stems
(tests/core/test_stem.py checks it on the dev set's words), PyStemmer ~20× faster.
(snowballstemmer itself hands out PyStemmer's class when that is installed.)
One cache is shared by every page of a process, and `stem_all` stems a page's
missing words in one batch call per language (`stem_distinct` the same for a list of
distinct words: a big page's types, align.py; `stem_tokens` every token of a page of
mostly new words, leaving the cache alone).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import compress, repeat
from operator import is_, not_

try:  # the C build
    import Stemmer as _stemmer_module

    BACKEND = "pystemmer"
    _EN = _stemmer_module.Stemmer("english")
    _RU = _stemmer_module.Stemmer("russian")
    # Its own cache costs 3x on a page of new words; the cache below serves every page.
    _EN.maxCacheSize = _RU.maxCacheSize = 0
except ImportError:  # pragma: no cover - exercised where PyStemmer is absent
    from snowballstemmer.english_stemmer import EnglishStemmer
    from snowballstemmer.russian_stemmer import RussianStemmer

    BACKEND = "snowballstemmer"
    _EN = EnglishStemmer()
    _RU = RussianStemmer()

_CYRILLIC = re.compile("[а-яё]")
_CACHE: dict[str, str] = {}
_CACHE_LIMIT = 200_000


def stem(norm: str) -> str:
    """The stem of one normalised token (numbers and short words stay as they are)."""
    hit = _CACHE.get(norm)
    if hit is not None:
        return hit
    out = _stem_uncached(norm)
    _remember({norm: out})
    return out


def stem_all(norms: Sequence[str]) -> list[str]:
    """Stems of many tokens: cache look-ups, then one batch per language for the rest.

    Every step is a `map`/`compress` over the tokens (no Python loop per token): a
    page of new words spends its time in the stemmer, not in the bookkeeping.
    """
    out = list(map(_CACHE.get, norms))
    if None not in out:
        return out  # type: ignore[return-value]
    missing = list(dict.fromkeys(compress(norms, map(is_, out, repeat(None)))))
    # the new stems go straight into the cache when they fit (no second dict built)
    if len(_CACHE) + len(missing) > _CACHE_LIMIT:
        _CACHE.clear()
    found = _stem_batch(missing, _CACHE if len(missing) <= _CACHE_LIMIT else {})
    # found holds every word whose look-up gave None: found.get(w, cached stem)
    return list(map(found.get, norms, out))  # type: ignore[arg-type]


def stem_distinct(words: list[str]) -> list[str]:
    """Stems of distinct words, in their order: cache look-ups, then one batch for the rest.

    The page's types rather than its tokens: a page of 350,000 tokens holds a few
    thousand words of English, but a page of new words as many words as tokens; then
    no dictionary of new stems is built unless it goes into the cache (it would not
    fit), as building it cost as much as half the stemming.
    """
    out = list(map(_CACHE.get, words))
    if None not in out:
        return out  # type: ignore[return-value]
    missing = (
        words if out.count(None) == len(out) else list(compress(words, map(is_, out, repeat(None))))
    )
    stems = _stem_list(missing)
    if len(missing) <= _CACHE_LIMIT:
        if len(_CACHE) + len(missing) > _CACHE_LIMIT:
            _CACHE.clear()
        _CACHE.update(zip(missing, stems, strict=True))
    if missing is words:
        return stems
    new = iter(stems)
    return [next(new) if s is None else s for s in out]


def stem_tokens(norms: Sequence[str]) -> list[str]:
    """Stems of every ASCII token, repeats included, in one batch (no cache, no de-duplication).

    For a page of mostly new words (align.py): the cache would miss on nearly every
    word, and filling it with them would push out the stems other pages share.
    """
    return _stem_ascii(list(norms))


def _stem_list(words: list[str]) -> list[str]:
    """Stems of distinct words as a list in their order (`_stem_batch`'s, without its dict
    when every word is ASCII: English pages and pages of new words)."""
    if all(map(str.isascii, words)):
        return _stem_ascii(words)
    return list(map(_stem_batch(words).__getitem__, words))


def _stem_batch(words: list[str], into: dict[str, str] | None = None) -> dict[str, str]:
    """Stems of distinct words (added to `into` when given), one `stemWords` call per language.

    An ASCII word goes to the English stemmer as it is: Snowball leaves words of one
    or two letters and strings of digits and points unchanged (its first step needs
    three letters; every later one a letter suffix), which is what `_stem_uncached`
    does with them by hand; only a word with an apostrophe ("mayor's") or a digit
    followed by letters (no token is one) needs a look.
    Other words are checked for Cyrillic one by one. Splitting by `isascii` first
    keeps an English page off the per-word regex (a third of a page of new words).
    """
    ascii_ = list(map(str.isascii, words))
    en_words = list(compress(words, ascii_))
    found = {} if into is None else into
    found.update(zip(en_words, _stem_ascii(en_words), strict=True))
    if len(en_words) < len(words):
        found.update(_stem_non_ascii(list(compress(words, map(not_, ascii_)))))
    return found


def _stem_ascii(en_words: list[str]) -> list[str]:
    """Stems of ASCII words, in their order, from one `stemWords` call (see `_stem_batch`)."""
    en = en_words
    joined = "\x00" + "\x00".join(en_words)
    if "'" in joined:
        en = [w[:-2] if len(w) > 2 and w.endswith("'s") else w for w in en_words]
    stems = _EN.stemWords(en)
    # "5th": never a token, but kept as it is (not `min(en_words)` first: "/" sorts before "0")
    if _DIGIT_FIRST_WORD.search(joined):
        stems = [w if w[:1].isdigit() else s for w, s in zip(en_words, stems, strict=True)]
    return stems


# a word that starts with a digit and holds more than digits and points (numbers are
# kept as they are; Snowball leaves digits and points alone, but not letters after them)
_DIGIT_FIRST_WORD = re.compile(r"\x00\d[\d.]*[^\d.\x00]")


def _stem_non_ascii(words: list[str]) -> dict[str, str]:
    """Stems of words with a non-ASCII letter (a word with a Cyrillic one is Russian)."""
    short = [len(w) < 3 or w[0].isdigit() for w in words]  # "٤٠٠٠" is a number too
    found = {w: w for w in compress(words, short)}
    rest = list(compress(words, map(not_, short)))
    cyrillic = list(map(bool, map(_CYRILLIC.search, rest)))
    ru = list(compress(rest, cyrillic))
    en_words = list(compress(rest, map(not_, cyrillic)))
    en = [w[:-2] if w.endswith("'s") else w for w in en_words]
    if ru:
        found.update(zip(ru, _RU.stemWords(ru), strict=True))
    if en:
        found.update(zip(en_words, _EN.stemWords(en), strict=True))
    return found


def _stem_uncached(norm: str) -> str:
    if len(norm) <= 2 or norm[0].isdigit():
        return norm
    if _CYRILLIC.search(norm):
        return _RU.stemWord(norm)
    base = norm[:-2] if norm.endswith("'s") else norm
    return _EN.stemWord(base)


def _remember(stems: dict[str, str]) -> None:
    if len(_CACHE) + len(stems) > _CACHE_LIMIT:
        _CACHE.clear()
    if len(stems) <= _CACHE_LIMIT:
        _CACHE.update(stems)
