"""Human review of a finished job: verdict confirmations and overrides, assignments, sign-off.

Reviews are kept as history (one row per action, the latest wins) so an export can
say who decided what; every change is also written to the store's append-only audit
trail with its before and after, which is what the dashboard shows and nobody edits.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, Integer, String, Text, UniqueConstraint, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from quotetrail.core.models import VERDICTS
from quotetrail.errors import QuotetrailError
from quotetrail.store.audit import audit_row
from quotetrail.store.models import Base, UTCDateTime
from quotetrail.store.storable import storable_text

REVIEW_ACTIONS: tuple[str, ...] = ("confirm", "override")
ARTICLE_STATES: tuple[str, ...] = ("unreviewed", "in_review", "reviewed")
ARTICLE = -1  # quote_index of an assignment that covers the whole article
MAX_REASON = 2000


class ReviewError(QuotetrailError):
    """A review action that cannot be done; `code` lets the UI translate it."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


class ReviewRow(Base):
    __tablename__ = "reviews"
    __table_args__ = (Index("ix_reviews_job_quote", "job_id", "quote_index"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    job_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("jobs.id", ondelete="CASCADE"), nullable=False
    )
    quote_index: Mapped[int] = mapped_column(Integer, nullable=False)
    action: Mapped[str] = mapped_column(String(16), nullable=False)
    verdict: Mapped[str] = mapped_column(String(16), nullable=False)
    original_verdict: Mapped[str] = mapped_column(String(16), nullable=False)
    reason: Mapped[str] = mapped_column(Text, nullable=False, default="")
    reviewer: Mapped[str] = mapped_column(String(64), nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)


class AssignmentRow(Base):
    __tablename__ = "assignments"
    __table_args__ = (UniqueConstraint("job_id", "quote_index", name="uq_assignments_job_quote"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    job_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("jobs.id", ondelete="CASCADE"), nullable=False, index=True
    )
    quote_index: Mapped[int] = mapped_column(Integer, nullable=False)
    assignee: Mapped[str] = mapped_column(String(64), nullable=False, index=True)
    assigned_by: Mapped[str] = mapped_column(String(64), nullable=False)
    assigned_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)


class ArticleReviewRow(Base):
    __tablename__ = "article_reviews"

    job_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("jobs.id", ondelete="CASCADE"), primary_key=True
    )
    state: Mapped[str] = mapped_column(String(16), nullable=False, index=True)
    updated_by: Mapped[str] = mapped_column(String(64), nullable=False)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)


@dataclass(frozen=True, slots=True)
class QuoteReview:
    job_id: str
    quote_index: int
    action: str
    verdict: str
    original_verdict: str
    reason: str
    reviewer: str
    created_at: datetime

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["created_at"] = self.created_at.isoformat()
        return data


@dataclass(frozen=True, slots=True)
class Assignment:
    job_id: str
    quote_index: int | None  # None: the whole article
    assignee: str
    assigned_by: str
    assigned_at: datetime

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["assigned_at"] = self.assigned_at.isoformat()
        return data


@dataclass(frozen=True, slots=True)
class ArticleState:
    job_id: str
    state: str
    updated_by: str | None = None
    updated_at: datetime | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "state": self.state,
            "updated_by": self.updated_by,
            "updated_at": self.updated_at.isoformat() if self.updated_at else None,
        }


def _review(row: ReviewRow) -> QuoteReview:
    return QuoteReview(
        job_id=row.job_id,
        quote_index=row.quote_index,
        action=row.action,
        verdict=row.verdict,
        original_verdict=row.original_verdict,
        reason=row.reason or "",
        reviewer=row.reviewer,
        created_at=row.created_at,
    )


def _assignment(row: AssignmentRow) -> Assignment:
    return Assignment(
        job_id=row.job_id,
        quote_index=None if row.quote_index == ARTICLE else row.quote_index,
        assignee=row.assignee,
        assigned_by=row.assigned_by,
        assigned_at=row.assigned_at,
    )


def _state(row: ArticleReviewRow | None, job_id: str) -> ArticleState:
    if row is None:
        return ArticleState(job_id=job_id, state="unreviewed")
    return ArticleState(job_id, row.state, row.updated_by, row.updated_at)


def check_review(action: str, verdict: str, reason: str) -> tuple[str, str]:
    """Validate a review action; returns the cleaned (verdict, reason)."""
    if action not in REVIEW_ACTIONS:
        raise ReviewError("bad_action", f"unknown review action {action!r}")
    if verdict not in VERDICTS:
        raise ReviewError("bad_verdict", f"unknown verdict {verdict!r}")
    reason = storable_text(reason or "").strip()
    if action == "override" and not reason:
        raise ReviewError("reason_required", "an override needs a reason")
    if len(reason) > MAX_REASON:
        raise ReviewError("reason_too_long", f"keep the reason under {MAX_REASON} characters")
    return verdict, reason


class ReviewStore:
    """Review state of jobs, kept beside the jobs in the service's store.

    Each write adds its audit entry (`quotetrail.store.audit.audit_row`) in the same
    transaction as the change, so a change never stands without its entry.
    """

    def __init__(self, store):
        self._store = store

    def _reading(self) -> Session:
        # Plain reads: no write lock (the store's session() begins as a writer on SQLite).
        return Session(self._store.engine, expire_on_commit=False)

    # -- reading -------------------------------------------------------------------------

    def latest_reviews(self, job_id: str) -> dict[int, QuoteReview]:
        """The review in force for each quote (the latest one)."""
        return {review.quote_index: review for review in self.history(job_id)}

    def history(self, job_id: str) -> list[QuoteReview]:
        with self._reading() as session:
            rows = session.scalars(
                select(ReviewRow).where(ReviewRow.job_id == job_id).order_by(ReviewRow.id)
            ).all()
            return [_review(row) for row in rows]

    def assignments(self, job_id: str) -> dict[int | None, Assignment]:
        with self._reading() as session:
            rows = session.scalars(select(AssignmentRow).where(AssignmentRow.job_id == job_id))
            return {a.quote_index: a for a in map(_assignment, rows)}

    def article_assignees(self, job_ids: Iterable[str]) -> dict[str, str]:
        ids = list(job_ids)
        if not ids:
            return {}
        with self._reading() as session:
            rows = session.scalars(
                select(AssignmentRow).where(
                    AssignmentRow.job_id.in_(ids), AssignmentRow.quote_index == ARTICLE
                )
            )
            return {row.job_id: row.assignee for row in rows}

    def article_state(self, job_id: str) -> ArticleState:
        with self._reading() as session:
            return _state(session.get(ArticleReviewRow, job_id), job_id)

    def article_states(self, job_ids: Iterable[str]) -> dict[str, ArticleState]:
        ids = list(job_ids)
        if not ids:
            return {}
        with self._reading() as session:
            rows = session.scalars(select(ArticleReviewRow).where(ArticleReviewRow.job_id.in_(ids)))
            found = {row.job_id: _state(row, row.job_id) for row in rows}
        return {job_id: found.get(job_id) or ArticleState(job_id, "unreviewed") for job_id in ids}

    # -- writing -------------------------------------------------------------------------

    def review_quote(
        self,
        job_id: str,
        quote_index: int,
        *,
        actor: str,
        action: str,
        verdict: str,
        original_verdict: str,
        reason: str = "",
    ) -> QuoteReview:
        """Confirm the verdict in force or override it (an override must give a reason)."""
        verdict, reason = check_review(action, verdict, reason)
        now = datetime.now(UTC)
        with self._store.session() as session:
            # Read the lock and the review in force inside the writing transaction: a
            # sign-off that commits first wins, and `before` is what this review replaced.
            _state, previous = review_in_force(session, job_id, quote_index)
            before: dict[str, Any] = {
                "verdict": previous.verdict if previous else original_verdict,
                "reviewed": previous is not None,
            }
            if previous is not None:
                before.update(action=previous.action, reason=previous.reason or "")
            row = ReviewRow(
                job_id=job_id,
                quote_index=quote_index,
                action=action,
                verdict=verdict,
                original_verdict=original_verdict,
                reason=reason,
                reviewer=actor,
                created_at=now,
            )
            session.add(row)
            self._set_state(session, job_id, "in_review", actor, now, only_from="unreviewed")
            session.add(
                audit_row(
                    actor=actor,
                    action=f"review.{action}",
                    job_id=job_id,
                    quote_index=quote_index,
                    before=before,
                    after={
                        "verdict": verdict,
                        "action": action,
                        "reason": reason,
                        "reviewed": True,
                    },
                )
            )
            session.flush()
            return _review(row)

    def assign(
        self, job_id: str, quote_index: int | None, *, assignee: str, actor: str
    ) -> Assignment:
        """Give a quote (or, with quote_index None, the whole article) to a reviewer."""
        key = ARTICLE if quote_index is None else quote_index
        now = datetime.now(UTC)
        with self._store.session() as session:
            row = session.scalar(
                select(AssignmentRow).where(
                    AssignmentRow.job_id == job_id, AssignmentRow.quote_index == key
                )
            )
            before = {"assignee": row.assignee if row else None}
            if row is None:
                row = AssignmentRow(job_id=job_id, quote_index=key)
                session.add(row)
            row.assignee, row.assigned_by, row.assigned_at = assignee, actor, now
            session.add(
                audit_row(
                    actor=actor,
                    action="assign",
                    job_id=job_id,
                    quote_index=quote_index,
                    before=before,
                    after={"assignee": assignee},
                )
            )
            session.flush()
            return _assignment(row)

    def set_article_state(self, job_id: str, state: str, *, actor: str) -> ArticleState:
        """Sign an article off (`reviewed`) or reopen it (`in_review`)."""
        if state not in ARTICLE_STATES:
            raise ReviewError("bad_state", f"unknown review state {state!r}")
        now = datetime.now(UTC)
        with self._store.session() as session:
            before = _state(session.get(ArticleReviewRow, job_id, with_for_update=True), job_id)
            if before.state == state:
                return before
            self._set_state(session, job_id, state, actor, now)
            session.add(
                audit_row(
                    actor=actor,
                    action="article.reviewed" if state == "reviewed" else "article.reopened",
                    job_id=job_id,
                    before={"state": before.state},
                    after={"state": state},
                )
            )
        return ArticleState(job_id, state, actor, now)

    @staticmethod
    def _set_state(session, job_id, state, actor, now, only_from: str | None = None) -> None:
        row = session.get(ArticleReviewRow, job_id)
        if row is None:
            session.add(
                ArticleReviewRow(job_id=job_id, state=state, updated_by=actor, updated_at=now)
            )
        elif only_from is None or row.state == only_from:
            row.state, row.updated_by, row.updated_at = state, actor, now


def review_in_force(
    session: Any, job_id: str, quote_index: int
) -> tuple[ArticleReviewRow | None, ReviewRow | None]:
    """The article's review state (locked for update) and the quote's review in force, read
    inside the writing transaction: a sign-off that commits first wins (ReviewError
    "locked"), and the review found is the one a new review replaces."""
    state = session.get(ArticleReviewRow, job_id, with_for_update=True)
    if state is not None and state.state == "reviewed":
        raise ReviewError("locked", "the article is marked reviewed; reopen it first")
    previous = session.scalars(
        select(ReviewRow)
        .where(ReviewRow.job_id == job_id, ReviewRow.quote_index == quote_index)
        .order_by(ReviewRow.id.desc())
        .limit(1)
    ).first()
    return state, previous
