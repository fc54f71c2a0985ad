"""What the article page shows, computed from a job's result and its reviews.

Kept free of web objects so the exports and the templates read the same numbers:
the verdict in force for each quote (a reviewer's, else the pipeline's), the article
text cut into plain runs and quote runs, and diffs as inserted/deleted/equal pieces.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from quotetrail.core import models

# The verdict list, with `translated` (the cross-language helper adds it to the core)
# shown in its place, between matched and paraphrased, whether or not it has landed.
SHOWN_VERDICTS: tuple[str, ...] = (
    "matched",
    "translated",
    *(v for v in models.VERDICTS if v not in ("matched", "translated")),
)
DEFAULT_MIN_CONFIDENCE: float = getattr(models, "DEFAULT_MIN_CONFIDENCE", 0.5)

# One letter per verdict, so the highlight is readable without colour.
VERDICT_LETTER: dict[str, str] = {
    "matched": "M",
    "translated": "T",
    "paraphrased": "P",
    "altered": "A",
    "not_found": "N",
    "unverifiable": "U",
}


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of article text: plain (`quote` None) or the span of quote number `quote`."""

    text: str
    quote: int | None = None


@dataclass(frozen=True, slots=True)
class DiffPiece:
    """`kind` is equal, ins (words the quote adds) or del (source words the quote dropped)."""

    kind: str
    text: str


@dataclass
class QuoteView:
    index: int
    data: dict[str, Any]
    pipeline_verdict: str
    verdict: str
    review: Any = None  # quotetrail.store.reviews.QuoteReview | None
    assignee: str | None = None
    placed: bool = False

    @property
    def number(self) -> int:
        return self.index + 1

    @property
    def letter(self) -> str:
        return VERDICT_LETTER.get(self.verdict, "?")

    @property
    def dismissed(self) -> bool:
        """A reviewer said this is not a quote: kept on the page, out of counts and exports."""
        return self.review is not None and self.review.action == "dismiss"

    @property
    def confidence(self) -> float | None:
        value = self.data.get("confidence")
        return float(value) if isinstance(value, int | float) else None

    def low_confidence(self, threshold: float) -> bool:
        return self.confidence is not None and self.confidence < threshold


@dataclass
class ArticleView:
    text: str
    quotes: list[QuoteView]
    segments: list[Segment] = field(default_factory=list)

    @property
    def unplaced(self) -> list[QuoteView]:
        return [q for q in self.quotes if not q.placed]

    @property
    def counted(self) -> list[QuoteView]:
        """The quotes that count: every one a reviewer did not dismiss as not a quote."""
        return [q for q in self.quotes if not q.dismissed]

    @property
    def unreviewed(self) -> list[QuoteView]:
        return [q for q in self.counted if q.review is None]

    def verdict_counts(self) -> dict[str, int]:
        counts = Counter(q.verdict for q in self.counted)
        return {v: counts[v] for v in SHOWN_VERDICTS if counts[v]}


def build_view(
    job_result: dict[str, Any] | None,
    text: str,
    reviews: dict[int, Any] | None = None,
    assignments: dict[int | None, Any] | None = None,
) -> ArticleView:
    reviews = reviews or {}
    assignments = assignments or {}
    quotes: list[QuoteView] = []
    for index, data in enumerate((job_result or {}).get("quotes") or []):
        pipeline = data.get("verdict") or "unverifiable"
        review = reviews.get(index)
        assigned = assignments.get(index)
        quotes.append(
            QuoteView(
                index=index,
                data=data,
                pipeline_verdict=pipeline,
                verdict=review.verdict if review is not None else pipeline,
                review=review,
                assignee=assigned.assignee if assigned is not None else None,
            )
        )
    view = ArticleView(text=text, quotes=quotes)
    view.segments = segments(text, quotes)
    return view


def segments(text: str, quotes: list[QuoteView]) -> list[Segment]:
    """Cut the text at quote spans; a span overlapping an earlier one stays unplaced."""
    spans = sorted(
        (q for q in quotes if _valid_span(q.data, len(text))),
        key=lambda q: (q.data["start"], -q.data["end"]),
    )
    out: list[Segment] = []
    cursor = 0
    for quote in spans:
        start, end = quote.data["start"], quote.data["end"]
        if start < cursor:
            continue
        if start > cursor:
            out.append(Segment(text[cursor:start]))
        out.append(Segment(text[start:end], quote.index))
        quote.placed = True
        cursor = end
    if cursor < len(text):
        out.append(Segment(text[cursor:]))
    return out


def _valid_span(data: dict[str, Any], length: int) -> bool:
    start, end = data.get("start"), data.get("end")
    return isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= length


def diff_pieces(ops: list[dict[str, Any]]) -> list[DiffPiece]:
    """The passage as editors' suggestion mode shows it: the source is the original, the
    quote the edit; `del` = source words the quote dropped, `ins` = words it adds."""
    pieces: list[DiffPiece] = []
    for op in ops:
        name, quote, source = op.get("op"), op.get("quote", ""), op.get("source", "")
        if name == "equal":
            pieces.append(DiffPiece("equal", source or quote))
        elif name == "insert":  # words the quote adds
            pieces.append(DiffPiece("ins", quote))
        elif name == "delete":  # source words the quote dropped
            pieces.append(DiffPiece("del", source))
        elif name == "replace":
            pieces.append(DiffPiece("del", source))
            pieces.append(DiffPiece("ins", quote))
    return [p for p in pieces if p.text]


def source_statuses(job_result: dict[str, Any] | None) -> dict[str, dict[str, Any]]:
    return {s.get("source", ""): s for s in (job_result or {}).get("sources") or []}
