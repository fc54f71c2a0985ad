"""Find where in a long source page a quote (most likely) sits.

A whole-document similarity says nothing about *where* a quote is, and aligning a
quote against every window of a 50,000-character page is far too slow. So the
search runs in two cheap-then-precise steps, like BLAST:

1. anchors — the quote's rarer word stems are looked up in an inverted index of the
   page; windows of the page that contain many distinct anchors become candidates;
2. alignment — each candidate region is aligned token by token with rapidfuzz's
   Indel (LCS) opcodes on stems, and the densest run of matches becomes the passage.

Pages are tokenised and indexed once and cached (keyed by the text itself, bounded
by bytes: pagecache.py), since the pipeline judges many quotes against the same page.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, chain, compress, count, pairwise
from operator import sub
from typing import TYPE_CHECKING

from rapidfuzz.distance import Indel

from quotetrail.core.lexicon import NEGATIONS, STOPWORDS
from quotetrail.core.normalize import NormText, Token, tokenize
from quotetrail.core.pagecache import PageCache
from quotetrail.core.pagetokens import (
    CAPITAL,
    EDITORIAL,
    NUMBER,
    SENTENCE_START,
    flag_selector,
    tokenize_page,
)
from quotetrail.core.stem import stem, stem_all, stem_distinct, stem_tokens

if TYPE_CHECKING:
    import numpy as np

MAX_ANCHOR_FREQ = 40  # a stem seen more often than this is too common to anchor a search
MIN_ANCHORS = 3
MAX_HITS = 600  # anchor positions a search may sort when the quote has few rare words
MAX_HITS_PER_ANCHOR = 4000  # positions of one anchor considered (a page of one repeated word)
MAX_SENTENCE_TOKENS = 150  # a longer "sentence" (no punctuation) is cut into pieces this long
CANDIDATES = 4  # candidate regions aligned precisely per quote
WORD_GAP = 6  # source words tolerated between two matched runs inside one passage
FRAGMENT_GAP = 60  # source words an omission mark may stand for


@dataclass(frozen=True, slots=True)
class Page:
    """A source text prepared for searching: tokens, stems, an inverted index, sentences."""

    norm: NormText  # its tokens are a PageTokens: columns, Token objects made on demand
    keys: tuple[str, ...]
    index: PositionIndex  # positions of each stem, made on use
    sentence_starts: tuple[int, ...]
    sentence_bounds: tuple[tuple[int, int], ...]  # first and last token of each sentence
    sentence_freq: Mapping[str, int]  # in how many sentences each stem occurs (StemCounts)
    sentence_keys: Sequence[frozenset[str]]  # content stems of each sentence (made on use)
    sentence_prefixes: Sequence[frozenset[str]]  # their first five letters (made on use)
    names: frozenset[str]  # words the page capitalises mid-sentence: likely proper nouns
    joined: str  # " " + normalised tokens joined by " " + " ", for exact look-ups

    @property
    def tokens(self) -> tuple[Token, ...]:
        return self.norm.tokens

    def sentence_of(self, i: int) -> int:
        """The sentence number of token `i` (found by bisection: no per-token column)."""
        return bisect_right(self.sentence_starts, i) - 1

    def sentence_span(self, s: int) -> tuple[int, int]:
        """First and last token index of sentence number `s`."""
        return self.sentence_bounds[s]


@dataclass(frozen=True, slots=True)
class QuoteView:
    """A quote's searchable tokens: editorial [insertions] removed, fragments numbered."""

    norm: NormText
    tokens: tuple[Token, ...]
    keys: tuple[str, ...]
    editorial_gaps: frozenset[int]  # positions i where an insertion stood before tokens[i]

    @property
    def fragments(self) -> int:
        return self.tokens[-1].fragment + 1 if self.tokens else 0


@dataclass(frozen=True, slots=True)
class Alignment:
    """Quote tokens matched (by stem) to page tokens; `first`..`last` is the passage."""

    first: int
    last: int
    pairs: tuple[tuple[int, int], ...]

    @property
    def matched(self) -> int:
        return len(self.pairs)


def _prepare_page(text: str) -> Page:
    """Tokenise and index a source page (cached: pages are judged against many quotes).

    Words inside [square brackets] are dropped (except negations): they are editorial
    insertions or reference marks, never the speaker's words.

    Built column by column (pagetokens.py) with C-speed steps wherever one exists
    (joins, slices, set and Counter building per sentence): preparation runs at
    several MB/s, so a job of a hundred long pages is not spent tokenising. What the
    verdict reads for a few sentences only (content stems) is made when asked for.
    """
    tokens = tokenize_page(text)
    if "[" in text and any(flag_selector(tokens.flags, EDITORIAL, EDITORIAL)):
        # A bracketed "[not]" is an editor's word, but dropping it would hide a negation.
        tokens = tokens.keep(
            [
                not f & EDITORIAL or w in NEGATIONS
                for w, f in zip(tokens.norms, tokens.flags, strict=True)
            ]
        )
    norms = tokens.norms
    n = len(norms)
    sentence_starts = tuple(
        compress(range(n), flag_selector(tokens.flags, SENTENCE_START, SENTENCE_START))
    )
    if not sentence_starts or sentence_starts[0] != 0:
        sentence_starts = (0, *sentence_starts)
    sentence_starts = _cap_sentences(sentence_starts, n)
    ends = [*sentence_starts[1:], n]
    if n >= NUMPY_TOKENS:
        keys, index, freq = _stems_and_index(norms, sentence_starts, ends)
    else:
        keys = tuple(stem_all(norms))
        index, freq = _index_python(keys, sentence_starts, ends)

    def content_stems(s: int) -> frozenset[str]:
        a, b = sentence_starts[s], ends[s]
        return frozenset(
            k for k, w in zip(keys[a:b], norms[a:b], strict=True) if w not in _FUNCTION_WORDS
        )

    sentence_keys = _PerSentence(content_stems, len(ends))
    sentence_prefixes = _PerSentence(
        lambda s: frozenset(k[:5] for k in sentence_keys[s] if len(k) >= 5), len(ends)
    )
    # is_name of these candidates (capital, not a sentence start, not a number) comes
    # down to "not a function word": decided on the words, no Token made per capital
    candidates = compress(norms, flag_selector(tokens.flags, CAPITAL, _NAME_FLAGS))
    names = frozenset(candidates).difference(_FUNCTION_WORDS)
    return Page(
        NormText(original=text, tokens=tokens),  # type: ignore[arg-type]  # a token sequence
        keys,
        index,
        sentence_starts,
        tuple(zip(sentence_starts, map((1).__rsub__, ends), strict=True)),
        freq,
        sentence_keys,
        sentence_prefixes,
        names,
        " " + " ".join(norms) + " ",
    )


NUMPY_TOKENS = 2_000  # from this many tokens on (~12k chars), the index is built with numpy


def _stems_and_index(
    norms: Sequence[str], starts: tuple[int, ...], ends: list[int]
) -> tuple[tuple[str, ...], PositionIndex, StemCounts]:
    """The page's stems, index and sentence frequencies, working on its distinct words.

    Each distinct word gets a number in one dictionary pass over the tokens; only
    the distinct words are stemmed and numbered by stem, and numpy maps the tokens'
    word numbers to stems and stem numbers. Before, the tokens went through a stem
    cache look-up, a de-duplication, a stem dictionary and a stem numbering: four
    passes over 350,000 tokens of a 2 MB page instead of one.
    """
    import numpy as np

    if _mostly_new_words(norms) and all(map(str.isascii, norms)):
        keys = tuple(stem_tokens(norms))
        return (keys, *_index_numpy(keys, starts, ends))
    n = len(norms)
    first: dict[str, int] = {}  # each distinct word -> the position of its first occurrence
    at = np.fromiter(map(first.setdefault, norms, count()), dtype=np.int64, count=n)
    words = list(first)
    renumber = np.empty(n, dtype=np.int64)  # first occurrence -> the word's number
    renumber[np.fromiter(first.values(), dtype=np.int64, count=len(words))] = np.arange(len(words))
    wid = renumber[at]
    stems = stem_distinct(words)
    keys = tuple(np.array(stems, dtype=object)[wid].tolist())
    # a stem -> the number of its last word, built at C speed
    ids = dict(zip(stems, range(len(stems)), strict=True))
    kid = wid if len(ids) == len(words) else _stem_numbers(stems, ids)[wid]
    return (keys, *_index_numpy(keys, starts, ends, kid, ids))


NEW_WORDS_SAMPLE = 4_096  # tokens looked at to tell a page of mostly new words
NEW_WORDS_SHARE = 0.8  # from this share of distinct words in the sample on


def _mostly_new_words(norms: Sequence[str]) -> bool:
    """Whether nearly every word of the page is new (a list of names, a glossary…).

    Why: numbering the distinct words first pays when words repeat (a 2 MB English page
    holds a few thousand); when they do not, it is a dictionary pass over every token
    that saves no stemming, a sixth of such a page. Stemming every token and numbering
    the stems gives the same keys, index and frequencies. A sample decides: stemming a
    repeated word again costs about as much as the pass it saves.
    """
    sample = norms[:NEW_WORDS_SAMPLE]
    return len(set(sample)) > NEW_WORDS_SHARE * len(sample)


def _stem_numbers(stems: list[str], ids: dict[str, int]) -> np.ndarray:
    """Each distinct word's stem number, when some words share a stem.

    A word is its stem's number already unless a later word has the same stem, so only
    those few earlier words are looked up (a page of new words shares almost no stem:
    a look-up per word was a tenth of its preparation).
    """
    import numpy as np

    numbers = np.arange(len(stems), dtype=np.int64)
    earlier = np.ones(len(stems), dtype=bool)
    earlier[np.fromiter(ids.values(), dtype=np.int64, count=len(ids))] = False
    for j in np.flatnonzero(earlier).tolist():
        numbers[j] = ids[stems[j]]
    return numbers


def _index_numpy(
    keys: tuple[str, ...],
    starts: tuple[int, ...],
    ends: list[int],
    kid: np.ndarray | None = None,
    ids: dict[str, int] | None = None,
) -> tuple[PositionIndex, StemCounts]:
    """The inverted index and sentence frequencies with no Python loop over the tokens.

    Each distinct stem gets a number; one stable sort of those numbers holds every
    stem's positions in page order (the index), and in that order a new (stem,
    sentence) pair starts wherever either number changes: the sentence frequencies.
    numpy is imported here, not with the module: a small page (the CLI on one file)
    does without its ~60 ms import.
    """
    import numpy as np

    n = len(keys)
    if kid is None or ids is None:
        ids = {}  # a stem's number is the position of its first occurrence
        kid = np.fromiter(map(ids.setdefault, keys, count()), dtype=np.int64, count=n)
    # Arrays, not lists: a per-stem list of Python ints cost as much as the index itself
    # on a page of new words, and the aligner reads a few quotes' stems (int() on use).
    counts = np.bincount(kid, minlength=len(ids))  # one a stem number (ids' values)
    bounds = np.zeros(len(counts) + 1, dtype=np.int64)
    np.cumsum(counts, out=bounds[1:])
    order = np.argsort(kid, kind="stable")
    sid = np.repeat(np.arange(len(starts), dtype=np.int64), list(map(sub, ends, starts)))
    by_kid, by_sid = kid[order], sid[order]
    new_pair = np.ones(n, dtype=bool)
    new_pair[1:] = (by_kid[1:] != by_kid[:-1]) | (by_sid[1:] != by_sid[:-1])
    freq = StemCounts(ids, np.bincount(by_kid[new_pair], minlength=len(counts)))
    return PositionIndex(ids, order, bounds), freq


def _index_python(
    keys: tuple[str, ...], starts: tuple[int, ...], ends: list[int]
) -> tuple[PositionIndex, StemCounts]:
    """The same index and frequencies as `_index_numpy`, in plain Python (small pages)."""
    n = len(keys)
    ids: dict[str, int] = {}
    kid = list(map(ids.setdefault, keys, count()))
    order = sorted(range(n), key=kid.__getitem__)  # stable: page order within a stem
    counts = [0] * (n + 1)
    for k in kid:
        counts[k] += 1
    bounds = tuple(accumulate(counts[:n], initial=0))
    sentence_counts = [0] * n
    for a, b in zip(starts, ends, strict=True):
        for k in set(kid[a:b]):
            sentence_counts[k] += 1
    return PositionIndex(ids, order, bounds), StemCounts(ids, tuple(sentence_counts))


def _cap_sentences(starts: tuple[int, ...], n: int) -> tuple[int, ...]:
    """Cut sentences longer than MAX_SENTENCE_TOKENS into pieces of that length.

    Why: the verdict works sentence by sentence (clauses, names, the paraphrase
    window); a 2 MB page without punctuation would make every such step scan the
    whole page for every quote. Real sentences are far shorter than the cap.
    """
    ends = [*starts[1:], n]
    if max(map(sub, ends, starts)) <= MAX_SENTENCE_TOKENS:
        return starts
    return tuple(
        chain.from_iterable(
            range(a, b, MAX_SENTENCE_TOKENS) if b - a > MAX_SENTENCE_TOKENS else (a,)
            for a, b in zip(starts, ends, strict=True)
        )
    )


class PositionIndex(Mapping[str, list[int]]):
    """Token positions of each stem, sliced from one sorted array when first asked for.

    Why: building a list per stem for every token of a 2 MB page was a Python loop
    over 350,000 tokens; the aligner asks for the positions of a quote's few stems.
    """

    __slots__ = ("_bounds", "_ids", "_made", "_order")

    def __init__(self, ids: dict[str, int], order: Sequence[int], bounds: Sequence[int]) -> None:
        self._ids = ids  # stem -> its number
        self._order = order  # token positions sorted by stem number, in page order
        self._bounds = bounds  # stem number j holds order[bounds[j]:bounds[j + 1]]
        self._made: dict[str, list[int]] = {}

    def __getitem__(self, key: str) -> list[int]:
        made = self._made.get(key)
        if made is None:
            j = self._ids[key]
            a, b = int(self._bounds[j]), int(self._bounds[j + 1])
            made = self._made[key] = _listed(self._order[a:b])
        return made

    def get(self, key: str, default: object = None) -> list[int] | object:  # type: ignore[override]
        return self[key] if key in self._ids else default

    def size(self, key: str) -> int:
        """How often the stem occurs (0 if never), without listing its positions."""
        j = self._ids.get(key)
        return 0 if j is None else int(self._bounds[j + 1] - self._bounds[j])

    def head(self, key: str, limit: int) -> list[int]:
        """The stem's first `limit` positions: a page of one repeated word lists no more."""
        made = self._made.get(key)
        if made is not None:
            return made[:limit]
        j = self._ids[key]
        a = int(self._bounds[j])
        return _listed(self._order[a : min(a + limit, int(self._bounds[j + 1]))])

    def __contains__(self, key: object) -> bool:
        return key in self._ids

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)


def _listed(positions: Sequence[int]) -> list[int]:
    """A slice of the index as a list (numpy's slices are arrays)."""
    return positions if isinstance(positions, list) else positions.tolist()  # type: ignore[attr-defined]


class StemCounts(Mapping[str, int]):
    """A number per stem, kept in a sequence by stem number (no dict built per page)."""

    __slots__ = ("_counts", "_ids")

    def __init__(self, ids: dict[str, int], counts: Sequence[int]) -> None:
        self._ids = ids
        self._counts = counts

    def __getitem__(self, key: str) -> int:
        return int(self._counts[self._ids[key]])

    def get(self, key: str, default: object = None) -> int | object:  # type: ignore[override]
        j = self._ids.get(key)
        return default if j is None else int(self._counts[j])

    def __contains__(self, key: object) -> bool:
        return key in self._ids

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)


class _PerSentence(Sequence[frozenset[str]]):
    """A per-sentence set made when the verdict first looks at that sentence.

    Why: a 2 MB page has ~18,000 sentences; a quote's verdict reads a few dozen.
    """

    __slots__ = ("_build", "_made", "_n")

    def __init__(self, build: Callable[[int], frozenset[str]], n: int) -> None:
        self._build = build
        self._n = n
        self._made: dict[int, frozenset[str]] = {}

    def __getitem__(self, s: int) -> frozenset[str]:  # type: ignore[override]
        made = self._made.get(s)
        if made is None:
            if not -self._n <= s < self._n:
                raise IndexError("sentence index out of range")
            made = self._made[s % self._n] = self._build(s % self._n)
        return made

    def __len__(self) -> int:
        return self._n


_FUNCTION_WORDS = STOPWORDS | NEGATIONS
_NAME_FLAGS = CAPITAL | SENTENCE_START | NUMBER  # is_name's candidates: capital only


prepare_page: PageCache[Page] = PageCache(_prepare_page)
"""The prepared page of a text; cached by bytes (pagecache.py), pinned by evaluate."""


@lru_cache(maxsize=2048)  # a job judges each quote against every source
def prepare_quote(text: str) -> QuoteView:
    """Tokenise a quote, noting omission fragments and where editorial insertions stood."""
    norm = tokenize(text, with_fragments=True)
    tokens: list[Token] = []
    gaps: set[int] = set()
    for t in norm.tokens:
        if t.editorial:
            gaps.add(len(tokens))
        else:
            tokens.append(t)
    keys = tuple(stem(t.norm) for t in tokens)
    return QuoteView(norm, tuple(tokens), keys, frozenset(gaps))


def find_exact(quote: QuoteView, page: Page) -> Alignment | None:
    """The fast path: the quote's normalised tokens occur contiguously in the page."""
    if quote.fragments != 1 or not quote.tokens:
        return None
    needle = " " + " ".join(t.norm for t in quote.tokens) + " "
    at = page.joined.find(needle)
    if at < 0:
        return None
    # `at` is the blank before the quote's first token; norms hold no blanks, so the
    # blanks before it (the leading one aside) count the tokens before it
    first = page.joined.count(" ", 0, at)
    n = len(quote.tokens)
    return Alignment(first, first + n - 1, tuple((i, first + i) for i in range(n)))


def candidate_regions(
    quote: QuoteView, page: Page, limit: int = CANDIDATES
) -> list[tuple[int, int]]:
    """Page token ranges [lo, hi) worth aligning precisely, best first."""
    m = len(quote.keys)
    freqs = list(map(page.index.size, quote.keys))
    present = sorted((f, i) for i, f in enumerate(freqs) if f)
    if not present:
        return []
    anchors = [i for f, i in present if f <= MAX_ANCHOR_FREQ]
    if len(anchors) < MIN_ANCHORS:
        # Too few rare words: add common ones, rarest first, within a budget of hits
        # (a quote of "the"s must not sort thousands of positions).
        anchors, budget = [], MAX_HITS
        for f, i in present:
            if anchors and (len(anchors) >= MIN_ANCHORS or f > budget):
                break
            anchors.append(i)
            budget -= f
    # A page of one repeated word gives one anchor hundreds of thousands of hits; its
    # earliest ones already yield the earliest regions, the ones chosen on a tie.
    hits = sorted(
        (p, i) for i in anchors for p in page.index.head(quote.keys[i], MAX_HITS_PER_ANCHOR)
    )
    width = m + 8 + FRAGMENT_GAP * (quote.fragments - 1)
    windows: list[tuple[int, int, int]] = []  # (-distinct anchors, lo_p, hi_p)
    seen: Counter[int] = Counter()
    left = 0
    for p, i in hits:
        seen[i] += 1
        while hits[left][0] < p - width:
            li = hits[left][1]
            seen[li] -= 1
            if not seen[li]:
                del seen[li]
            left += 1
        windows.append((-len(seen), hits[left][0], p))
    windows.sort()
    chosen: list[tuple[int, int]] = []
    n = len(page.keys)
    for _neg, lo_p, hi_p in windows:
        lo, hi = max(0, lo_p - m - 2), min(n, hi_p + m + 2)
        if any(lo < c_hi and c_lo < hi for c_lo, c_hi in chosen):
            continue
        chosen.append((lo, hi))
        if len(chosen) >= limit:
            break
    return chosen


def align_region(quote: QuoteView, page: Page, lo: int, hi: int) -> Alignment | None:
    """Align the quote inside page tokens [lo, hi) and keep the densest run of matches."""
    pairs = _lcs_pairs(quote.keys, page.keys, lo, hi)
    if not pairs:
        return None
    best = _densest_cluster(quote, page, pairs)
    # Re-align around the chosen span only (with room for the quote's unmatched edges):
    # the LCS over a wide region can scatter matches onto far-away common words.
    lead, trail = best[0][0], len(quote.keys) - 1 - best[-1][0]
    lo2, hi2 = max(lo, best[0][1] - lead - 2), min(hi, best[-1][1] + trail + 3)
    pairs2 = _lcs_pairs(quote.keys, page.keys, lo2, hi2)
    if pairs2:
        again = _densest_cluster(quote, page, pairs2)
        if len(again) >= len(best):
            best = again
    return Alignment(best[0][1], best[-1][1], tuple(best))


def _lcs_pairs(
    qkeys: tuple[str, ...], pkeys: tuple[str, ...], lo: int, hi: int
) -> list[tuple[int, int]]:
    pairs: list[tuple[int, int]] = []
    for op in Indel.opcodes(qkeys, pkeys[lo:hi]):
        if op.tag == "equal":
            pairs.extend(
                (op.src_start + k, lo + op.dest_start + k) for k in range(op.src_end - op.src_start)
            )
    return pairs


def _densest_cluster(
    quote: QuoteView, page: Page, pairs: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Split matches where the source skips too many words; keep the biggest cluster.

    A skip over a sentence boundary the quote does not have also splits: "— said
    Smith" must not borrow "Smith" from the start of the next paragraph.
    """
    clusters: list[list[tuple[int, int]]] = [[pairs[0]]]
    for prev, cur in pairwise(pairs):
        crosses_fragment = quote.tokens[cur[0]].fragment != quote.tokens[prev[0]].fragment
        allowed = FRAGMENT_GAP if crosses_fragment else WORD_GAP + (cur[0] - prev[0] - 1)
        new_sentence = (
            not crosses_fragment
            and cur[1] - prev[1] > 1
            and _sentence_between(page, prev[1], cur[1])
            and not any(quote.tokens[k].sentence_start for k in range(prev[0] + 1, cur[0] + 1))
        )
        if cur[1] - prev[1] - 1 > allowed or new_sentence:
            clusters.append([cur])
        else:
            clusters[-1].append(cur)
    return max(clusters, key=lambda c: (len(c), -(c[-1][1] - c[0][1])))


def _sentence_between(page: Page, a: int, b: int) -> bool:
    """Whether a sentence starts at a token in (a, b]."""
    k = bisect_right(page.sentence_starts, a)
    return k < len(page.sentence_starts) and page.sentence_starts[k] <= b


def best_alignment(
    quote: QuoteView, page: Page, regions: list[tuple[int, int]] | None = None
) -> Alignment | None:
    """The page passage that shares the most (stemmed) words with the quote, in order.

    `regions` lets a caller reuse the candidate regions it already computed.
    """
    exact = find_exact(quote, page)
    if exact is not None:
        return exact
    best: Alignment | None = None
    for lo, hi in candidate_regions(quote, page) if regions is None else regions:
        found = align_region(quote, page, lo, hi)
        if found is None:
            continue
        if best is None or (found.matched, -(found.last - found.first)) > (
            best.matched,
            -(best.last - best.first),
        ):
            best = found
    return best
