"""Alignment finds the right passage on long pages, fast path and slow path alike."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from quotetrail.core.align import (
    NUMPY_TOKENS,
    best_alignment,
    candidate_regions,
    find_exact,
    prepare_page,
    prepare_quote,
)

FILLER = "Officials met on Monday to discuss the budget and the schedule of works in the district."


def long_page(target: str, position: int = 120, paragraphs: int = 300) -> str:
    rng = random.Random(3)
    words = FILLER.split()
    paras = [" ".join(rng.sample(words, len(words))).capitalize() + "." for _ in range(paragraphs)]
    paras.insert(position, target)
    return "\n\n".join(paras)


def passage(page_text: str, quote: str) -> str:
    page = prepare_page(page_text)
    al = best_alignment(prepare_quote(quote), page)
    assert al is not None
    start, end = page.norm.span(al.first, al.last)
    return page_text[start:end]


def test_exact_fast_path_finds_offsets() -> None:
    text = long_page('He said: "The bridge will open in October, not in December."')
    page = prepare_page(text)
    q = prepare_quote("the bridge will open in October")
    al = find_exact(q, page)
    assert al is not None and al.matched == 6
    assert passage(text, "the bridge will open in October") == "The bridge will open in October"


def test_changed_quote_still_aligns_to_its_passage_among_distractors() -> None:
    text = long_page('He said: "The bridge will open in October, not in December."')
    got = passage(text, "The bridge will open in December, not in October")
    assert got.startswith("The bridge will open in")
    assert "December" in got or got.endswith("not in")


def test_fragments_align_across_the_omitted_words() -> None:
    text = long_page(
        "Late on Friday the minister said the new bridge over the river will open in October."
    )
    got = passage(text, "the minister said … will open in October")
    assert got == "the minister said the new bridge over the river will open in October"


def test_stems_let_inflected_words_align() -> None:
    text = long_page("Губернатор заявил, что мост через реку откроют в октябре.")
    assert (
        passage(text, "мосты через реки откроют в октябре") == "мост через реку откроют в октябре"
    )


def test_no_shared_words_means_no_candidates() -> None:
    page = prepare_page(long_page("Nothing to see here."))
    q = prepare_quote("zebra quokka axolotl")
    assert candidate_regions(q, page) == []
    assert best_alignment(q, page) is None


def test_common_words_alone_still_find_candidates() -> None:
    page = prepare_page(long_page("It was what it was, and that is that."))
    assert best_alignment(prepare_quote("it was what it was"), page) is not None


def test_pages_are_prepared_once() -> None:
    text = long_page("Once.")
    assert prepare_page(text) is prepare_page(text)


def test_page_drops_bracketed_reference_marks() -> None:
    page = prepare_page("The plan[1] was approved [by the council] on Monday.")
    assert [t.norm for t in page.tokens] == ["the", "plan", "was", "approved", "on", "monday"]


def test_page_keeps_a_bracketed_negation() -> None:
    page = prepare_page("We will [not] let them pay.")
    assert [t.norm for t in page.tokens] == ["we", "will", "not", "let", "them", "pay"]


def test_a_page_without_punctuation_is_cut_into_bounded_sentences() -> None:
    from quotetrail.core.align import MAX_SENTENCE_TOKENS

    words = [f"w{i % 97}x" for i in range(1000)]
    page = prepare_page(" ".join(words))
    lengths = [b - a + 1 for a, b in page.sentence_bounds]
    assert sum(lengths) == 1000 and max(lengths) <= MAX_SENTENCE_TOKENS
    assert page.sentence_of(999) == len(lengths) - 1


def test_one_repeated_word_anchors_the_earliest_regions() -> None:
    from quotetrail.core.align import MAX_HITS_PER_ANCHOR, candidate_regions, prepare_quote

    page = prepare_page("echo " * (3 * MAX_HITS_PER_ANCHOR))
    regions = candidate_regions(prepare_quote("echo of the war"), page)
    assert regions and regions[0][0] == 0
    assert all(hi <= MAX_HITS_PER_ANCHOR + 20 for _, hi in regions)


def _devset_pages() -> list[str]:
    from pathlib import Path

    pages = sorted((Path(__file__).parents[2] / "devset" / "pages").glob("*.txt"))
    return [p.read_text(encoding="utf-8") for p in pages]


def test_page_index_and_sentence_sets_match_their_plain_definitions() -> None:
    """The index, sentence frequencies, per-sentence sets and names are built in bulk
    (numpy, made on use): they must equal the token-by-token definitions."""
    from quotetrail.core.lexicon import NEGATIONS, STOPWORDS
    from quotetrail.core.meaning import is_name

    texts = [*_devset_pages(), "", "One. Two [not] three! Cats, cats and CATS."]
    assert len(texts) > 10
    for text in texts:
        page = prepare_page(text)
        keys = page.keys
        index: dict[str, list[int]] = {}
        for i, k in enumerate(keys):
            index.setdefault(k, []).append(i)
        assert dict(page.index) == index
        assert page.index.get("no-such-stem", ()) == ()
        n_sentences = len(page.sentence_bounds)
        assert len(page.sentence_keys) == len(page.sentence_prefixes) == n_sentences
        freq: dict[str, int] = {}
        for s, (a, b) in enumerate(page.sentence_bounds):
            assert all(page.sentence_of(i) == s for i in range(a, b + 1))
            stems = set(keys[a : b + 1])
            for k in stems:
                freq[k] = freq.get(k, 0) + 1
            content = {
                k
                for k, t in zip(keys[a : b + 1], page.tokens[a : b + 1], strict=True)
                if t.norm not in STOPWORDS | NEGATIONS
            }
            assert page.sentence_keys[s] == content
            assert page.sentence_prefixes[s] == {k[:5] for k in content if len(k) >= 5}
        assert dict(page.sentence_freq) == freq
        assert page.sentence_freq.get("no-such-stem", 0) == 0
        assert page.names == {t.norm for t in page.tokens if is_name(t)}


def test_position_index_size_and_head_agree_with_the_positions() -> None:
    page = prepare_page("word " * 500 + "Rare things. " + "word " * 10)
    positions = page.index["word"]
    assert page.index.size("word") == len(positions) == 510
    assert page.index.head("word", 7) == positions[:7] == list(range(7))
    assert page.index.size("rare") == 1 and page.index.head("rare", 9) == [500]
    assert page.index.size("no-such-stem") == 0


def test_small_and_large_page_index_builders_agree() -> None:
    """Pages under NUMPY_TOKENS are indexed in plain Python (no numpy import for the
    CLI on one file); both builders must give the same positions and frequencies."""
    from quotetrail.core.align import _cap_sentences, _index_numpy, _index_python

    rng = random.Random(4)
    words = ["alpha", "beta", "gamma", "delta", "the", "a", "not"]
    big = " ".join(rng.choice(words) + rng.choice(["", "", "", "."]) for _ in range(3_000))
    for text in [*_devset_pages()[:6], big, "", "one"]:
        page = prepare_page(text)
        n = len(page.keys)
        starts = _cap_sentences(page.sentence_starts, n)
        ends = [*starts[1:], n]
        index_a, freq_a = _index_numpy(page.keys, starts, ends)
        index_b, freq_b = _index_python(page.keys, starts, ends)
        assert dict(index_a) == dict(index_b) == dict(page.index)
        assert dict(freq_a) == dict(freq_b) == dict(page.sentence_freq)
        for key in list(index_a)[:50]:
            assert index_a.head(key, 3) == index_b.head(key, 3) == index_a[key][:3]
    assert len(prepare_page(big).keys) >= NUMPY_TOKENS  # the large path ran through prepare


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "said",
                "says",
                "saying",
                "mayor's",
                "mayor",
                "урожай",
                "урожая",
                "4000",
                "of",
                "the",
                "not",
                "run",
                "runs",
                "running",
                "ёлки",
                "a",
                "x",
                "zzq",
                "3.5",
            ]
        ),
        min_size=1,
        max_size=300,
    ),
    st.integers(min_value=1, max_value=30),
)
def test_page_stems_and_index_from_distinct_words_equal_the_token_by_token_path(
    norms: list[str], sentence: int
) -> None:
    """`_stems_and_index` numbers distinct words and stems only those; keys, positions
    and sentence frequencies must be those of stemming and indexing every token."""
    from quotetrail.core import stem as stem_module
    from quotetrail.core.align import _index_numpy, _stems_and_index

    starts = tuple(range(0, len(norms), sentence))
    ends = [*starts[1:], len(norms)]
    stem_module._CACHE.clear()
    keys, index, freq = _stems_and_index(norms, starts, ends)
    stem_module._CACHE.clear()
    ref_keys = tuple(stem_module.stem(w) for w in norms)
    ref_index, ref_freq = _index_numpy(ref_keys, starts, ends)
    assert keys == ref_keys
    assert list(index) == list(ref_index)  # stems in order of first occurrence
    assert {k: index[k] for k in index} == {k: ref_index[k] for k in ref_index}
    assert dict(freq) == dict(ref_freq)
    assert all(index.size(k) == len(ref_index[k]) for k in ref_index)


def test_a_page_of_new_words_is_stemmed_token_by_token_to_the_same_keys() -> None:
    """Mostly new words: every token stemmed in one batch, the cache left alone; the
    keys, positions and frequencies are still those of stemming word by word."""
    from quotetrail.core import stem as stem_module
    from quotetrail.core.align import _index_numpy, _mostly_new_words, _stems_and_index

    rng = random.Random(7)
    letters = "abcdefghijklmnopqrstuvwxyz"
    norms = ["".join(rng.choice(letters) for _ in range(rng.randint(1, 9))) for _ in range(3_000)]
    norms[5:12] = ["mayor's", "mayors", "running", "runs", "run", "4000", "3.5"]
    norms += norms[:200]  # some repeats: the same word stemmed again
    assert _mostly_new_words(norms)
    starts = tuple(range(0, len(norms), 13))
    ends = [*starts[1:], len(norms)]
    stem_module._CACHE.clear()
    keys, index, freq = _stems_and_index(norms, starts, ends)
    assert not stem_module._CACHE  # the token-by-token path ran
    ref_keys = tuple(stem_module.stem(w) for w in norms)
    ref_index, ref_freq = _index_numpy(ref_keys, starts, ends)
    assert keys == ref_keys
    assert list(index) == list(ref_index)
    assert {k: index[k] for k in index} == {k: ref_index[k] for k in ref_index}
    assert dict(freq) == dict(ref_freq)
    assert not _mostly_new_words(["the", "a", "word"] * 2_000)


def test_a_small_page_is_prepared_without_numpy() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from quotetrail.core.verdict import judge;"
        "judge('we will pay', 'They said: we will pay now.');"
        "print('numpy' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
