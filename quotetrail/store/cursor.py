"""Opaque keyset-pagination cursors: the (created_at, id) of the last job on a page.

Keyset (not OFFSET) so a page never repeats or skips a job while new ones arrive.
"""

from __future__ import annotations

import base64
import json
from datetime import datetime

from quotetrail.store.records import StoreError


class BadCursor(StoreError):
    """The cursor was not one this store handed out."""


def encode_cursor(created_at: datetime, job_id: str) -> str:
    raw = json.dumps([created_at.isoformat(), job_id], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[datetime, str]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        created, job_id = json.loads(base64.urlsafe_b64decode(padded.encode()))
        moment = datetime.fromisoformat(created)
        if not isinstance(job_id, str) or moment.tzinfo is None:
            raise ValueError(cursor)
        return moment, job_id
    except (ValueError, TypeError, UnicodeError) as exc:
        raise BadCursor("invalid pagination cursor") from exc
