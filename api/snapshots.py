"""Serving a stored source page as inert evidence: never rendered, always text/plain.

The page is someone else's HTML; served as text/plain with nosniff, a download
disposition and a sandboxing CSP, no browser will run its scripts on our origin.
"""

from __future__ import annotations

import codecs
from email.message import Message

from charset_normalizer import from_bytes
from fastapi import Response

from quotetrail.store import SourceRecord


def snapshot_body(record: SourceRecord) -> tuple[bytes, str]:
    """The bytes to serve and their charset (the API's and the dashboard's snapshots)."""
    if record.body is not None:
        return record.body, _charset(record.body, record.content_type)
    # a source given as text: that text is what was checked
    return (record.text or "").encode("utf-8"), "utf-8"


def snapshot_response(record: SourceRecord) -> Response:
    body, charset = snapshot_body(record)
    headers = {
        "Content-Disposition": f'attachment; filename="snapshot-{record.job_id}-{record.index}.txt"',
        "Content-Security-Policy": "sandbox; default-src 'none'",
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, max-age=3600",
    }
    if record.sha256:
        headers["X-Snapshot-SHA256"] = record.sha256
    if record.fetched_at:
        headers["X-Snapshot-Fetched-At"] = record.fetched_at.isoformat()
    if record.content_type:
        headers["X-Snapshot-Content-Type"] = record.content_type.encode("ascii", "replace").decode()
    return Response(body, media_type=f"text/plain; charset={charset}", headers=headers)


def _charset(body: bytes, content_type: str | None) -> str:
    """The charset the page was served with, else a detected one, else utf-8."""
    if content_type:
        message = Message()
        message["content-type"] = content_type
        declared = message.get_param("charset")
        if isinstance(declared, str) and _known(declared):
            return codecs.lookup(declared).name
    guess = from_bytes(body[:200_000]).best()
    if guess is not None and _known(guess.encoding):
        return codecs.lookup(guess.encoding).name
    return "utf-8"


def _known(name: str) -> bool:
    try:
        codecs.lookup(name)
    except LookupError:
        return False
    return True
