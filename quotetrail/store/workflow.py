"""The review desk's workflow beyond verdicts: comments, unassigning, "not a quote".

    comment(job, quote|article) ──► comments row + audit "comment"      (one transaction)
    unassign(job, quote|article) ─► assignment row removed + audit "unassign"
    dismiss(job, quote, reason) ──► reviews row, action "dismiss" + audit "review.dismiss"
    sign_off(job, unreviewed=N) ──► article state "reviewed" + audit with N left unreviewed
    reviewed_verdicts(job ids) ───► the review in force per quote, for list counts

Kept apart from reviews.py (which holds verdict reviews, assignments and sign-off) so
each module stays about one thing; every write here, like there, commits with its audit
entry or not at all. What ends a call: a ReviewError (empty or oversized text, a locked
article), or the committed change.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text, delete, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from quotetrail.store.audit import audit_row
from quotetrail.store.models import Base, UTCDateTime
from quotetrail.store.reviews import (
    ARTICLE,
    MAX_REASON,
    ArticleReviewRow,
    AssignmentRow,
    ReviewError,
    ReviewRow,
    review_in_force,
)
from quotetrail.store.storable import storable_text

MAX_COMMENT = 4000
DISMISS = "dismiss"  # a review action: "this is not a quote", kept out of counts and exports


class CommentRow(Base):
    __tablename__ = "comments"
    __table_args__ = (Index("ix_comments_job_quote", "job_id", "quote_index"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    job_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("jobs.id", ondelete="CASCADE"), nullable=False
    )
    quote_index: Mapped[int] = mapped_column(Integer, nullable=False)  # -1: the article
    author: Mapped[str] = mapped_column(String(64), nullable=False)
    body: Mapped[str] = mapped_column(Text, nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)


@dataclass(frozen=True, slots=True)
class Comment:
    id: int
    job_id: str
    quote_index: int | None  # None: the article's thread
    author: str
    body: str
    created_at: datetime

    def to_dict(self) -> dict[str, object]:
        return {
            "quote_index": self.quote_index,
            "author": self.author,
            "body": self.body,
            "created_at": self.created_at.isoformat(timespec="seconds"),
        }


def _comment(row: CommentRow) -> Comment:
    index = None if row.quote_index == ARTICLE else row.quote_index
    return Comment(row.id, row.job_id, index, row.author, row.body, row.created_at)


def _clean(text: str, limit: int, code: str) -> str:
    text = storable_text(text or "").strip()
    if not text:
        raise ReviewError(code, "the text is empty")
    if len(text) > limit:
        raise ReviewError("too_long", f"keep it under {limit} characters")
    return text


class WorkflowStore:
    """Comments, unassignment, dismissals and reviewed counts, beside ReviewStore."""

    def __init__(self, store):
        self._store = store

    def _reading(self) -> Session:
        return Session(self._store.engine, expire_on_commit=False)

    # -- comments --------------------------------------------------------------------------

    def add_comment(self, job_id: str, quote_index: int | None, *, author: str, body: str):
        """Add to the quote's thread (or the article's, with None); audited with its text."""
        body = _clean(body, MAX_COMMENT, "comment_empty")
        key = ARTICLE if quote_index is None else quote_index
        with self._store.session() as session:
            row = CommentRow(
                job_id=job_id,
                quote_index=key,
                author=author,
                body=body,
                created_at=datetime.now(UTC),
            )
            session.add(row)
            session.add(
                audit_row(
                    actor=author,
                    action="comment",
                    job_id=job_id,
                    quote_index=quote_index,
                    after={"comment": body},
                )
            )
            session.flush()
            return _comment(row)

    def comments(self, job_id: str) -> dict[int | None, list[Comment]]:
        """Threads by quote index (None: the article), oldest first."""
        with self._reading() as session:
            rows = session.scalars(
                select(CommentRow).where(CommentRow.job_id == job_id).order_by(CommentRow.id)
            ).all()
        threads: dict[int | None, list[Comment]] = {}
        for comment in map(_comment, rows):
            threads.setdefault(comment.quote_index, []).append(comment)
        return threads

    # -- assignment ------------------------------------------------------------------------

    def unassign(self, job_id: str, quote_index: int | None, *, actor: str) -> bool:
        """Leave the quote (or article) to nobody; False when nobody had it."""
        key = ARTICLE if quote_index is None else quote_index
        with self._store.session() as session:
            row = session.scalar(
                select(AssignmentRow).where(
                    AssignmentRow.job_id == job_id, AssignmentRow.quote_index == key
                )
            )
            if row is None:
                return False
            before = {"assignee": row.assignee}
            session.execute(delete(AssignmentRow).where(AssignmentRow.id == row.id))
            session.add(
                audit_row(
                    actor=actor,
                    action="unassign",
                    job_id=job_id,
                    quote_index=quote_index,
                    before=before,
                    after={"assignee": None},
                )
            )
            return True

    # -- "not a quote" -----------------------------------------------------------------------

    def dismiss(
        self, job_id: str, quote_index: int, *, actor: str, original_verdict: str, reason: str
    ) -> None:
        """Mark an extraction as not a quote (a scare quote, a title): a review in force
        like any other, so reopening the quote is a new confirm or override."""
        reason = _clean(reason, MAX_REASON, "reason_required")
        now = datetime.now(UTC)
        with self._store.session() as session:
            state, previous = review_in_force(session, job_id, quote_index)
            before = {
                "verdict": previous.verdict if previous else original_verdict,
                "reviewed": previous is not None,
            }
            session.add(
                ReviewRow(
                    job_id=job_id,
                    quote_index=quote_index,
                    action=DISMISS,
                    verdict=original_verdict,
                    original_verdict=original_verdict,
                    reason=reason,
                    reviewer=actor,
                    created_at=now,
                )
            )
            if state is None:
                session.add(
                    ArticleReviewRow(
                        job_id=job_id, state="in_review", updated_by=actor, updated_at=now
                    )
                )
            elif state.state == "unreviewed":
                state.state, state.updated_by, state.updated_at = "in_review", actor, now
            session.add(
                audit_row(
                    actor=actor,
                    action="review.dismiss",
                    job_id=job_id,
                    quote_index=quote_index,
                    before=before,
                    after={"action": DISMISS, "reason": reason, "reviewed": True},
                )
            )

    # -- sign-off ---------------------------------------------------------------------------

    def sign_off(self, job_id: str, *, actor: str, unreviewed: int) -> bool:
        """Mark the article reviewed, recording how many quotes were left unreviewed (the
        page asks for an explicit confirmation first when there are any). False: it
        already was."""
        now = datetime.now(UTC)
        with self._store.session() as session:
            row = session.get(ArticleReviewRow, job_id, with_for_update=True)
            was = row.state if row is not None else "unreviewed"
            if was == "reviewed":
                return False
            if row is None:
                session.add(
                    ArticleReviewRow(
                        job_id=job_id, state="reviewed", updated_by=actor, updated_at=now
                    )
                )
            else:
                row.state, row.updated_by, row.updated_at = "reviewed", actor, now
            session.add(
                audit_row(
                    actor=actor,
                    action="article.reviewed",
                    job_id=job_id,
                    before={"state": was},
                    after={"state": "reviewed", "unreviewed": unreviewed},
                )
            )
            return True

    # -- counts ------------------------------------------------------------------------------

    def reviews_in_force(self, job_ids: Iterable[str]) -> dict[str, dict[int, tuple[str, str]]]:
        """job id -> quote index -> (action, verdict) of the latest review, in one query."""
        ids = list(job_ids)
        if not ids:
            return {}
        with self._reading() as session:
            rows = session.execute(
                select(ReviewRow.job_id, ReviewRow.quote_index, ReviewRow.action, ReviewRow.verdict)
                .where(ReviewRow.job_id.in_(ids))
                .order_by(ReviewRow.id)
            ).all()
        found: dict[str, dict[int, tuple[str, str]]] = {}
        for job_id, index, action, verdict in rows:
            found.setdefault(job_id, {})[index] = (action, verdict)
        return found


def reviewed_counts(
    quotes: list[dict], reviews: dict[int, tuple[str, str]], verdicts: Iterable[str]
) -> dict[str, int]:
    """Verdict counts with each review in force applied; dismissed quotes are not counted."""
    counts: dict[str, int] = {}
    for index, quote in enumerate(quotes):
        action, verdict = reviews.get(index, ("", quote.get("verdict") or "unverifiable"))
        if action == DISMISS:
            continue
        counts[verdict] = counts.get(verdict, 0) + 1
    return {v: counts[v] for v in verdicts if counts.get(v)}
