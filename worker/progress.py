"""Live progress of running jobs in Redis, for dashboards that want more than the store's
counters: a small hash per job (expires a day after its last update) plus a pub/sub
message on `<prefix>:progress` for listeners. Best effort: losing it loses no results.
"""

from __future__ import annotations

import json
import logging
import time
from typing import Any

log = logging.getLogger("quotetrail.worker")

CHANNEL = "progress"
TTL_SECONDS = 24 * 3600


def key(job_id: str, prefix: str = "qt") -> str:
    return f"{prefix}:progress:{job_id}"


def publish(client: Any, job_id: str, stage: str, *, prefix: str = "qt", **fields: Any) -> None:
    if client is None:
        return
    record = {"stage": stage, "at": f"{time.time():.3f}", **{k: str(v) for k, v in fields.items()}}
    try:
        pipe = client.pipeline()
        pipe.hset(key(job_id, prefix), mapping=record)
        pipe.expire(key(job_id, prefix), TTL_SECONDS)
        pipe.publish(f"{prefix}:{CHANNEL}", json.dumps({"job_id": job_id, **record}))
        pipe.execute()
    except Exception as exc:  # Redis down: the store still has the truth
        log.debug("progress for %s not published: %s", job_id, exc)


def read(client: Any, job_id: str, prefix: str = "qt") -> dict[str, str]:
    if client is None:
        return {}
    raw = client.hgetall(key(job_id, prefix))
    return {k.decode(): v.decode() for k, v in raw.items()}
