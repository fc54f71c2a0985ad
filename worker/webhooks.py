"""Completion webhooks, signed per the Standard Webhooks spec (standardwebhooks.com).

Each delivery carries `webhook-id` (the same on every retry, so receivers can drop
duplicates), `webhook-timestamp` (seconds, fresh per attempt) and `webhook-signature`
= `v1,` + base64 HMAC-SHA256 over "{id}.{timestamp}.{body}" keyed with the decoded
`whsec_…` secret from QUOTETRAIL_WEBHOOK_SECRET. Delivery goes through the same
SSRF-guarded transport as source fetches: a callback URL is user input too.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import time
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from quotetrail.errors import QuotetrailError
from worker.settings import env_text

SECRET_PREFIX = "whsec_"
SECRET_ENV = "QUOTETRAIL_WEBHOOK_SECRET"
TOLERANCE_SECONDS = 5 * 60


class WebhookError(QuotetrailError):
    """A webhook secret or signature is unusable."""


def secret_key(secret: str) -> bytes:
    """The HMAC key inside a `whsec_<base64>` secret."""
    raw = secret.strip()
    if raw.startswith(SECRET_PREFIX):
        raw = raw[len(SECRET_PREFIX) :]
    try:
        key = base64.b64decode(raw, validate=True)
    except ValueError as exc:
        raise WebhookError(f"{SECRET_ENV} must be whsec_ followed by base64") from exc
    if len(key) < 16:
        raise WebhookError(f"{SECRET_ENV} is too short (needs at least 16 bytes of key)")
    return key


def configured_secret() -> str | None:
    return env_text(SECRET_ENV) or None


def new_secret() -> str:
    return SECRET_PREFIX + base64.b64encode(os.urandom(32)).decode()


def sign(secret: str, msg_id: str, timestamp: int, body: bytes) -> str:
    signed = f"{msg_id}.{timestamp}.".encode() + body
    digest = hmac.new(secret_key(secret), signed, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()


def headers_for(
    secret: str | None, msg_id: str, body: bytes, now: float | None = None
) -> dict[str, str]:
    timestamp = int(now if now is not None else time.time())
    headers = {
        "content-type": "application/json",
        "webhook-id": msg_id,
        "webhook-timestamp": str(timestamp),
    }
    if secret:
        headers["webhook-signature"] = sign(secret, msg_id, timestamp, body)
    return headers


def verify(
    secret: str, headers: Mapping[str, str], body: bytes, *, now: float | None = None
) -> bool:
    """What a receiver does: signature matches and the timestamp is recent."""
    lower = {k.lower(): v for k, v in headers.items()}
    try:
        msg_id = lower["webhook-id"]
        timestamp = int(lower["webhook-timestamp"])
        signatures = lower["webhook-signature"].split()
    except (KeyError, ValueError):
        return False
    if abs((now if now is not None else time.time()) - timestamp) > TOLERANCE_SECONDS:
        return False
    expected = sign(secret, msg_id, timestamp, body)
    return any(hmac.compare_digest(expected, s) for s in signatures)


def event_for(job: Any) -> tuple[str, bytes]:
    """The message id and JSON body announcing a finished job.

    The id is derived from the job and its final status, so every retry (and a
    duplicate task) sends the same id.
    """
    msg_id = f"msg_{job.id}_{job.status}"
    payload = {
        "type": f"job.{job.status}",
        "timestamp": datetime.now(UTC).isoformat().replace("+00:00", "Z"),
        "data": {
            "id": job.id,
            "status": job.status,
            "error": job.error,
            "title": job.title,
            "sources_total": job.sources_total,
            "sources_done": job.sources_done,
            "quotes_total": job.quotes_total,
            "verdict_counts": dict(job.verdict_counts or {}),
            "url": f"/v1/jobs/{job.id}",
        },
    }
    return msg_id, json.dumps(payload, separators=(",", ":"), sort_keys=True).encode()


def callback_url(request: Mapping[str, Any] | None) -> str | None:
    url = (request or {}).get("callback_url")
    return url.strip() if isinstance(url, str) and url.strip() else None
