"""Dashboard user accounts: argon2 password hashes, three roles, and a session version.

Roles are ordered: a reviewer confirms or overrides verdicts, an editor also assigns
work and signs articles off, an admin also manages users. `session_version` is bumped
whenever a password, role or the disabled flag changes, which invalidates every
signed session cookie issued before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import Boolean, Integer, String, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from quotetrail.errors import QuotetrailError
from quotetrail.store.audit import audit_row
from quotetrail.store.models import AuditRow, Base, UTCDateTime
from quotetrail.store.storable import storable_text

ROLES: tuple[str, ...] = ("reviewer", "editor", "admin")
ROLE_LEVEL: dict[str, int] = {role: level for level, role in enumerate(ROLES)}
MIN_PASSWORD_LENGTH = 8
USERNAME_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")

_hasher = PasswordHasher()
# Verified against when the user does not exist, so a wrong name costs as much as a wrong password.
_DUMMY_HASH = _hasher.hash("quotetrail-no-such-user")


class UserError(QuotetrailError):
    """A user-management request that cannot be done; `code` lets the UI translate it."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


class UserRow(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(64), unique=True, nullable=False)
    display_name: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    password_hash: Mapped[str] = mapped_column(String(255), nullable=False)
    role: Mapped[str] = mapped_column(String(16), nullable=False)
    disabled: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    session_version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


@dataclass(frozen=True, slots=True)
class User:
    """A user as the rest of the code sees it: no hash, no session attached."""

    id: int
    username: str
    display_name: str
    role: str
    disabled: bool
    session_version: int
    created_at: datetime
    last_login_at: datetime | None

    @property
    def label(self) -> str:
        return self.display_name or self.username

    def can(self, role: str) -> bool:
        """True if this user's role is `role` or above it."""
        return not self.disabled and ROLE_LEVEL.get(self.role, -1) >= ROLE_LEVEL[role]


def _to_user(row: UserRow) -> User:
    return User(
        id=row.id,
        username=row.username,
        display_name=row.display_name or "",
        role=row.role,
        disabled=bool(row.disabled),
        session_version=row.session_version,
        created_at=row.created_at,  # UTCDateTime: aware UTC, on SQLite too
        last_login_at=row.last_login_at,
    )


def normalize_username(username: str) -> str:
    name = (username or "").strip().lower()
    if not USERNAME_RE.match(name):
        raise UserError(
            "bad_name", "user names are 2–64 letters, digits, dots, dashes or underscores"
        )
    return name


def check_password(password: str) -> str:
    if len(password or "") < MIN_PASSWORD_LENGTH:
        raise UserError("bad_password", f"passwords need at least {MIN_PASSWORD_LENGTH} characters")
    return password


def check_role(role: str) -> str:
    if role not in ROLES:
        raise UserError("bad_role", f"unknown role {role!r}; use one of {', '.join(ROLES)}")
    return role


class UserStore:
    """User accounts kept in the service's store (the `users` table of migration 0002)."""

    def __init__(self, store):
        self._store = store

    def _reading(self) -> Session:
        # Plain reads: no write lock (the store's session() begins as a writer on SQLite).
        return Session(self._store.engine, expire_on_commit=False)

    def add(
        self,
        username: str,
        password: str,
        role: str,
        display_name: str = "",
        *,
        actor: str = "system",
    ) -> User:
        name = normalize_username(username)
        check_password(password)
        check_role(role)
        with self._store.session() as session:
            if session.scalar(select(UserRow.id).where(UserRow.username == name)) is not None:
                raise UserError("exists", f"a user named {name!r} exists")
            row = UserRow(
                username=name,
                display_name=storable_text(display_name).strip()[:200],
                password_hash=_hasher.hash(password),
                role=role,
                disabled=False,
                session_version=1,
                created_at=datetime.now(UTC),
            )
            session.add(row)
            session.flush()
            user = _to_user(row)
            session.add(_audit(actor, "user.add", None, _public(user)))
        return user

    def authenticate(self, username: str, password: str) -> User | None:
        """The user if the password is right and the account is enabled, else None."""
        name = (username or "").strip().lower()
        with self._store.session() as session:
            row = session.scalar(select(UserRow).where(UserRow.username == name))
            stored = row.password_hash if row is not None else _DUMMY_HASH
            try:
                _hasher.verify(stored, password or "")
            except (VerifyMismatchError, VerificationError, InvalidHashError):
                return None
            if row is None or row.disabled:
                return None
            if _hasher.check_needs_rehash(row.password_hash):
                row.password_hash = _hasher.hash(password)
            row.last_login_at = datetime.now(UTC)
            session.commit()
            return _to_user(row)

    def get(self, user_id: int) -> User | None:
        with self._reading() as session:
            row = session.get(UserRow, user_id)
            return _to_user(row) if row is not None else None

    def get_by_name(self, username: str) -> User | None:
        name = (username or "").strip().lower()
        with self._reading() as session:
            row = session.scalar(select(UserRow).where(UserRow.username == name))
            return _to_user(row) if row is not None else None

    def list(self) -> list[User]:
        with self._reading() as session:
            rows = session.scalars(select(UserRow).order_by(UserRow.username)).all()
            return [_to_user(row) for row in rows]

    def count(self) -> int:
        with self._reading() as session:
            return int(session.scalar(select(func.count(UserRow.id))) or 0)

    def set_password(self, username: str, password: str, *, actor: str = "system") -> User:
        check_password(password)
        return self._update(username, "user.passwd", actor, password_hash=_hasher.hash(password))

    def set_role(self, username: str, role: str, *, actor: str = "system") -> User:
        return self._update(username, "user.role", actor, role=check_role(role))

    def set_disabled(self, username: str, disabled: bool, *, actor: str = "system") -> User:
        action = "user.disable" if disabled else "user.enable"
        return self._update(username, action, actor, disabled=bool(disabled))

    def _update(self, username: str, action: str, actor: str, **values: object) -> User:
        name = (username or "").strip().lower()
        with self._store.session() as session:
            row = session.scalar(select(UserRow).where(UserRow.username == name))
            if row is None:
                raise UserError("unknown", f"no user named {name!r}")
            before = _public(_to_user(row))
            for key, value in values.items():
                setattr(row, key, value)
            row.session_version += 1
            session.flush()
            user = _to_user(row)
            after = _public(user)
            if "password_hash" in values:
                after["password"] = "changed"
            session.add(_audit(actor, action, before, after))
        return user


def _audit(actor: str, action: str, before: dict | None, after: dict) -> AuditRow:
    """Added in the change's own transaction: no account change without its entry."""
    return audit_row(actor=actor, action=action, job_id=None, before=before, after=after)


def _public(user: User) -> dict[str, object]:
    """What the audit keeps of an account: never the hash."""
    return {
        "username": user.username,
        "role": user.role,
        "disabled": user.disabled,
        "display_name": user.display_name,
    }
