"""The value types every layer speaks: quotes, evidence, diffs and reports.

They are plain frozen dataclasses so the pure core, the workers, the store and the
API can pass them around (and turn them into JSON) without importing each other.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Verdict = Literal["matched", "translated", "paraphrased", "altered", "not_found", "unverifiable"]
QuoteKind = Literal["direct", "reported", "term", "claim"]
DiffOpName = Literal["equal", "insert", "delete", "replace"]

# Extracted items below this `Quote.confidence` are what "hide low-confidence items"
# hides: `--min-confidence` given without a value, the API's `min_confidence`, the
# dashboard toggle. At 0.5 it drops quotes nobody is credited with and claims with
# neither speaker nor outlet (the scale is in quotetrail.core.extract._confidence).
DEFAULT_MIN_CONFIDENCE = 0.5

VERDICTS: tuple[Verdict, ...] = (
    "matched",
    "translated",
    "paraphrased",
    "altered",
    "not_found",
    "unverifiable",
)

# Strength of evidence, best first: used to pick a quote's overall verdict.
# `altered` outranks `paraphrased`: a near-verbatim passage with a changed meaning is
# the most important thing a reader must see. `translated` (the same statement in the
# other language, every anchor agreeing) is stronger evidence than a paraphrase, weaker
# than the words themselves, and never hides an `altered` passage.
VERDICT_RANK: dict[str, int] = {
    "matched": 0,
    "altered": 1,
    "translated": 2,
    "paraphrased": 3,
    "not_found": 4,
    "unverifiable": 5,
}


@dataclass(frozen=True, slots=True)
class Quote:
    """One quotation found in (or given with) an article.

    `start`/`end` are character offsets into the article text; both are -1 for a
    quote the user typed with `--quote` that was not located in the article.
    `kind` "claim" is a statement the article credits to a speaker or an outlet
    without quoting words ("X thanked Y for …. This was reported by Z."); its text
    is the writer's, so it is judged for support, never `matched` unless a source
    carries the same words. `confidence` (0..1) is how sure extraction is that
    this is somebody's statement with the right speaker; a quote the user typed is 1.
    """

    text: str
    kind: QuoteKind = "direct"
    start: int = -1
    end: int = -1
    speaker: str | None = None
    cue: str | None = None
    cited_source: str | None = None
    confidence: float = 1.0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class DiffOp:
    """One run of a word-level diff between the quote and the source passage.

    `quote` holds the quote-side words, `source` the source-side words. The names follow
    editors' suggestion mode with the source as the original and the quote as the edit:
    `insert` = words the quote adds (only in the quote; `source` empty), `delete` =
    source words the quote dropped (only in the source; `quote` empty).
    """

    op: DiffOpName
    quote: str
    source: str

    def to_dict(self) -> dict[str, Any]:
        return {"op": self.op, "quote": self.quote, "source": self.source}


@dataclass(frozen=True, slots=True)
class AlignedPair:
    """One quote sentence aligned to one source sentence, with the model's similarity (0..1)."""

    quote: str
    source: str
    score: float

    def to_dict(self) -> dict[str, Any]:
        return {"quote": self.quote, "source": self.source, "score": round(self.score, 3)}


AnchorKind = Literal["number", "name", "date", "negation"]


@dataclass(frozen=True, slots=True)
class Anchor:
    """A language-independent fact compared between quote and passage ("4,000" vs "4 тыс.").

    `quote`/`source` are the words as written on each side ("" when one side lacks it).
    """

    kind: AnchorKind
    quote: str
    source: str
    agree: bool

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "quote": self.quote, "source": self.source, "agree": self.agree}


@dataclass(frozen=True, slots=True)
class Evidence:
    """The verdict of one quote against one source, with what supports it.

    `score` is 0–100. `start`/`end` are offsets of `passage` in the source text
    (-1 when there is no passage). `reasons` explain `altered` and `not_found`
    in words a journalist can read ("negation dropped: not", "number changed: 4 → 40").
    """

    source: str
    verdict: Verdict
    score: float = 0.0
    passage: str = ""
    start: int = -1
    end: int = -1
    diff: tuple[DiffOp, ...] = ()
    reasons: tuple[str, ...] = ()
    lang: str | None = None  # language of the passage ("en", "ru"), None without one
    aligned: tuple[AlignedPair, ...] = ()  # sentence pairs a model aligned (cross-language)
    anchors: tuple[Anchor, ...] = ()  # numbers, names, dates, negation compared
    translation: str | None = None  # display-only translation of the passage

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "verdict": self.verdict,
            "score": round(self.score, 1),
            "passage": self.passage,
            "start": self.start,
            "end": self.end,
            "diff": [op.to_dict() for op in self.diff],
            "reasons": list(self.reasons),
            "lang": self.lang,
            "aligned": [a.to_dict() for a in self.aligned],
            "anchors": [a.to_dict() for a in self.anchors],
            "translation": self.translation,
        }


@dataclass(frozen=True, slots=True)
class WordingGroup:
    """Sources that carry the same (or nearly the same) wording of one quote."""

    wording: str
    verdict: Verdict
    sources: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"wording": self.wording, "verdict": self.verdict, "sources": list(self.sources)}


@dataclass(frozen=True, slots=True)
class QuoteResult:
    """A quote with its overall verdict, per-source evidence and wording comparison."""

    quote: Quote
    verdict: Verdict
    score: float
    evidence: tuple[Evidence, ...] = ()
    comparison: tuple[WordingGroup, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        q = self.quote
        return {
            "text": q.text,
            "kind": q.kind,
            "speaker": q.speaker,
            "cue": q.cue,
            "cited_source": q.cited_source,
            "confidence": q.confidence,
            "start": q.start,
            "end": q.end,
            "verdict": self.verdict,
            "score": round(self.score, 1),
            "evidence": [e.to_dict() for e in self.evidence],
            "comparison": [g.to_dict() for g in self.comparison],
        }


@dataclass(frozen=True, slots=True)
class SourceStatus:
    """Whether a source could be read. `source` is exactly the string the user gave.

    `found_by` says how the page was found (link | given | sitemap | feed | archive_page |
    search | wayback), `found_via` the listing URL or query, and `archived_at` the
    archive's timestamp when the text was read from an archived copy.
    """

    source: str
    status: Literal["ok", "error"]
    error: str | None = None
    outlet: str | None = None
    final_url: str | None = None
    fetched_at: str | None = None
    sha256: str | None = None
    found_by: str | None = None
    found_via: str | None = None
    archived_at: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Report:
    """Everything `quotetrail verify --format json` prints and the API returns.

    `searches` holds one entry per outlet discovery searched (see quotetrail.discover).
    """

    quotes: tuple[QuoteResult, ...]
    sources: tuple[SourceStatus, ...]
    article: dict[str, Any] = field(default_factory=dict)
    searches: tuple[dict[str, Any], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "quotes": [q.to_dict() for q in self.quotes],
            "sources": [s.to_dict() for s in self.sources],
            "searches": [dict(s) for s in self.searches],
        }
