"""API key tokens: high-entropy random strings of which only a SHA-256 is stored.

A plain (unsalted) hash is enough because the token is 256 random bits, not a
password: nothing can be guessed from the hash, and lookup stays a single index hit.
"""

from __future__ import annotations

import hashlib
import secrets

from sqlalchemy import select, update

from quotetrail.store.base import StoreBase
from quotetrail.store.models import ApiKeyRow, utcnow
from quotetrail.store.records import ApiKeyRecord

TOKEN_PREFIX = "qt_"
DISPLAY_PREFIX_LENGTH = 10


def new_key_id() -> str:
    return "key_" + secrets.token_hex(6)


def new_token() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def display_prefix(token: str) -> str:
    return token[:DISPLAY_PREFIX_LENGTH]


class ApiKeysMixin(StoreBase):
    """Create, verify, revoke and list API keys."""

    def create_api_key(self, name: str) -> tuple[ApiKeyRecord, str]:
        """A new key; the plaintext token is returned once and never stored."""
        name = " ".join(str(name).split())[:100]
        if not name:
            raise ValueError("an API key needs a name")
        token = new_token()
        with self.session() as session:
            row = ApiKeyRow(
                id=new_key_id(),
                name=name,
                prefix=display_prefix(token),
                token_hash=hash_token(token),
                created_at=utcnow(),
            )
            session.add(row)
            session.flush()
            return _key_record(row), token

    def verify_api_key(self, token: str) -> ApiKeyRecord | None:
        """The active key this token belongs to, or None (unknown or revoked)."""
        if not token or len(token) > 200:
            return None
        with self._reading() as session:
            row = session.scalar(select(ApiKeyRow).where(ApiKeyRow.token_hash == hash_token(token)))
            if row is None or row.revoked_at is not None:
                return None
            return _key_record(row)

    def touch_api_key(self, key_id: str) -> None:
        """Note that a key was used (best effort; for `apikey list`)."""
        with self.session() as session:
            session.execute(
                update(ApiKeyRow).where(ApiKeyRow.id == key_id).values(last_used_at=utcnow())
            )

    def revoke_api_key(self, key_id: str) -> ApiKeyRecord | None:
        """Revoke a key (idempotent); None if there is no such key."""
        with self.session() as session:
            row = session.get(ApiKeyRow, key_id)
            if row is None:
                return None
            if row.revoked_at is None:
                row.revoked_at = utcnow()
            return _key_record(row)

    def list_api_keys(self) -> list[ApiKeyRecord]:
        with self._reading() as session:
            rows = session.scalars(select(ApiKeyRow).order_by(ApiKeyRow.created_at, ApiKeyRow.id))
            return [_key_record(row) for row in rows]


def _key_record(row: ApiKeyRow) -> ApiKeyRecord:
    return ApiKeyRecord(
        id=row.id,
        name=row.name,
        prefix=row.prefix,
        created_at=row.created_at,
        revoked_at=row.revoked_at,
        last_used_at=row.last_used_at,
    )
