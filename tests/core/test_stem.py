"""PyStemmer (C) and snowballstemmer (pure Python) give the same stems, so either may run.

stem.py prefers PyStemmer for speed; the verdicts were calibrated with
snowballstemmer, so the two must agree word for word on English and Russian.
(Checked by hand on ~200,000 words, dev set and random strings: no difference.)
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from snowballstemmer.english_stemmer import EnglishStemmer
from snowballstemmer.russian_stemmer import RussianStemmer

from quotetrail.core import stem as stem_module
from quotetrail.core.normalize import tokenize

ROOT = Path(__file__).resolve().parents[2]


def _vocabulary() -> list[str]:
    words: set[str] = set()
    for path in [*(ROOT / "devset" / "pages").glob("*.txt"), *(ROOT / "devset").glob("*.jsonl")]:
        words.update(t.norm for t in tokenize(path.read_text(encoding="utf-8")).tokens)
    return sorted(words)


def test_pystemmer_and_snowballstemmer_agree_on_the_devset_vocabulary() -> None:
    stemmer = pytest.importorskip("Stemmer")
    words = _vocabulary()
    assert len(words) > 2000
    # snowballstemmer.stemmer() hands out PyStemmer when it is installed: compare with
    # its pure-Python classes themselves.
    for lang, pure_stemmer, pattern in (
        ("english", EnglishStemmer(), "^[^а-яё]+$"),
        ("russian", RussianStemmer(), "[а-яё]"),
    ):
        chosen = [w for w in words if re.search(pattern, w)]
        assert len(chosen) > 500, lang
        c_build = stemmer.Stemmer(lang).stemWords(chosen)
        assert c_build == pure_stemmer.stemWords(chosen), lang


def test_stem_all_equals_stem_word_by_word() -> None:
    words = ["said", "says", "урожая", "урожай", "Mayor's".lower(), "4000", "of", "ёлки", "said"]
    stem_module._CACHE.clear()
    batch = stem_module.stem_all(words)
    stem_module._CACHE.clear()
    assert batch == [stem_module.stem(w) for w in words]
    assert batch[0] == batch[-1] == "said" and batch[4] == "mayor" and batch[5] == "4000"


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.from_regex(
                r"[a-z]{1,3}('s)?|[0-9]{1,6}(\.[0-9]{1,3})?|[a-z0-9']{1,12}", fullmatch=True
            ),
            st.from_regex(r"[а-яё]{1,9}|[a-zа-я]{2,6}|[éüçñ٤٠]{1,4}[a-z]{0,3}", fullmatch=True),
            st.text(min_size=1, max_size=10),
        ),
        max_size=40,
    )
)
def test_the_batch_routes_give_the_stems_of_the_word_by_word_path(words: list[str]) -> None:
    """The batch sends every ASCII word (short ones and numbers included) to the English
    stemmer; that must give what `_stem_uncached` decides word by word."""
    got = stem_module._stem_batch(list(dict.fromkeys(words)))
    assert got == {w: stem_module._stem_uncached(w) for w in words}


def test_the_batch_keeps_short_words_numbers_and_possessives() -> None:
    words = ["a", "is", "4000", "12.5", "1990", "٤٠٠٠", "mayor's", "it's", "said", "урожая"]
    got = stem_module._stem_batch(words)
    assert stem_module._stem_batch(["5th", "00ys", "4000"]) == {
        "5th": "5th",
        "00ys": "00ys",
        "4000": "4000",
    }
    assert [got[w] for w in words] == [
        "a", "is", "4000", "12.5", "1990", "٤٠٠٠", "mayor", "it", "said", "урож",
    ]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.from_regex(r"[a-z]{1,3}('s)?|[0-9]{1,6}|[a-z0-9']{1,12}", fullmatch=True),
            st.from_regex(r"[а-яё]{1,9}|[a-zа-я]{2,6}|[éü٤]{1,3}[a-z]{0,3}", fullmatch=True),
            st.text(min_size=1, max_size=8),
        ),
        max_size=40,
        unique=True,
    ),
    st.integers(min_value=0, max_value=40),
)
def test_stem_distinct_gives_the_stems_of_the_word_by_word_path(
    words: list[str], cached: int
) -> None:
    """The page path stems its distinct words: with none, some or all of them already
    in the cache (its routes differ), the stems are those of `stem`, in order."""
    stem_module._CACHE.clear()
    for w in words[:cached]:
        stem_module.stem(w)
    got = stem_module.stem_distinct(words)
    assert got == [stem_module._stem_uncached(w) for w in words]
    assert stem_module.stem_distinct(words) == got  # now every word comes from the cache
