"""Live job progress as server-sent events (text/event-stream).

The stream sends a `progress` event whenever the job's status or counters change and a
`done` event once it finishes, then closes. It is bounded: after STREAM_SECONDS it
closes anyway and the browser's EventSource reconnects, so no request is held open
for long and a signed-out session stops getting updates at the next reconnect.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import StreamingResponse
from starlette.concurrency import run_in_threadpool

from api.dashboard.app import dashboard_of, t_for
from api.dashboard.auth import CurrentUser
from api.dashboard.jobdata import load_job
from api.dashboard.routes_article import progress_payload

router = APIRouter()

STREAM_SECONDS = 60.0  # then the client reconnects
POLL_SECONDS = 0.5  # how often the store is read for changes
KEEPALIVE_SECONDS = 15.0  # a comment line so idle proxies keep the stream open
RETRY_MS = 2000  # how long the browser waits before reconnecting


def sse(event: str, data: dict[str, Any]) -> str:
    """One event in the text/event-stream format (JSON data on a single line)."""
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


async def progress_events(request: Request, job_id: str, t) -> AsyncIterator[str]:
    store = dashboard_of(request).store
    started = last_sent = time.monotonic()
    last: dict[str, Any] | None = None
    yield f"retry: {RETRY_MS}\n\n"
    while True:
        job = await run_in_threadpool(store.get_job, job_id)
        if job is None:  # deleted meanwhile
            return
        payload = progress_payload(job, t)
        if payload != last:
            yield sse("progress", payload)
            last, last_sent = payload, time.monotonic()
        if job.finished:
            yield sse("done", {"status": job.status})
            return
        now = time.monotonic()
        if now - started >= STREAM_SECONDS or await request.is_disconnected():
            return
        if now - last_sent >= KEEPALIVE_SECONDS:
            yield ": keepalive\n\n"
            last_sent = now
        await asyncio.sleep(POLL_SECONDS)


@router.get("/jobs/{job_id}/events")
def job_events(request: Request, job_id: str, user: CurrentUser):
    """Progress of one job until it finishes (or STREAM_SECONDS pass)."""
    job = load_job(request, job_id)
    return StreamingResponse(
        progress_events(request, job.id, t_for(request)),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
    )
