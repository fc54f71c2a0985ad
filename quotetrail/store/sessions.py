"""Dashboard sign-in sessions kept server-side (the `dashboard_sessions` table, 0003).

The signed cookie names one random session id; a request is signed in only while that
id is still here. Signing out deletes just that id, so a copied cookie dies with it
while the user's other devices stay signed in. Password, role or disable changes still
end every session at once through the user's `session_version`.
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta

from sqlalchemy import ForeignKey, Integer, String, delete, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from quotetrail.store.models import Base, UTCDateTime


class SessionRow(Base):
    __tablename__ = "dashboard_sessions"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)


class SessionStore:
    """Start, check and end dashboard sessions; ids older than `max_age` seconds lapse."""

    def __init__(self, store, max_age: int):
        self._store = store
        self._max_age = timedelta(seconds=max_age)

    def start(self, user_id: int) -> str:
        """A new session id for `user_id`; lapsed ids are swept here, so none pile up."""
        now = datetime.now(UTC)
        session_id = secrets.token_urlsafe(32)
        with self._store.session() as session:
            session.execute(delete(SessionRow).where(SessionRow.created_at < now - self._max_age))
            session.add(SessionRow(id=session_id, user_id=user_id, created_at=now))
        return session_id

    def active(self, session_id: str | None, user_id: int) -> bool:
        """True while `session_id` belongs to `user_id`, has not ended and has not lapsed."""
        if not session_id:
            return False
        with Session(self._store.engine) as session:
            created = session.scalar(
                select(SessionRow.created_at).where(
                    SessionRow.id == session_id, SessionRow.user_id == user_id
                )
            )
        return created is not None and datetime.now(UTC) - created <= self._max_age

    def end(self, session_id: str | None) -> None:
        """End one session (sign-out); the user's other sessions go on."""
        if session_id:
            with self._store.session() as session:
                session.execute(delete(SessionRow).where(SessionRow.id == session_id))

    def end_all(self, user_id: int) -> None:
        with self._store.session() as session:
            session.execute(delete(SessionRow).where(SessionRow.user_id == user_id))
