"""Live progress over server-sent events: /dashboard/jobs/{id}/events."""

from __future__ import annotations

import itertools
import json
import threading
import time

from fastapi.testclient import TestClient

from api.dashboard import routes_events
from api.dashboard.security import CONTENT_SECURITY_POLICY

REQUEST = {"article": {"text": "The mayor said “the depot opens in May”."}}


def _events(body: str) -> list[tuple[str, dict]]:
    """(event, data) pairs of a text/event-stream body, comments and retry lines skipped."""
    events = []
    for block in body.split("\n\n"):
        fields = dict(line.split(": ", 1) for line in block.splitlines() if ": " in line)
        if "event" in fields:
            events.append((fields["event"], json.loads(fields["data"])))
    return events


def _work(store, job_id: str) -> None:
    """What a worker does, a little at a time, while the page watches."""
    time.sleep(0.2)
    store.start_job(job_id, quotes_total=2, sources_total=1)
    time.sleep(0.3)
    store.set_progress(job_id, quotes_done=1)
    time.sleep(0.3)
    store.finish_job(job_id, {"quotes": [], "sources": {}})


def test_stream_follows_a_job_until_it_finishes(reviewer, store, monkeypatch):
    monkeypatch.setattr(routes_events, "POLL_SECONDS", 0.05)
    job, _ = store.create_job(REQUEST, owner="rita")
    worker = threading.Thread(target=_work, args=(store, job.id))
    worker.start()
    response = reviewer.get(f"/dashboard/jobs/{job.id}/events")
    worker.join()
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/event-stream")
    assert "'unsafe-inline'" not in response.headers["content-security-policy"]
    events = _events(response.text)
    progress = [data for kind, data in events if kind == "progress"]
    assert progress[0]["status"] == "queued"
    assert "running" in [p["status"] for p in progress]
    assert any(p["quotes_done"] == 1 and p["quotes_total"] == 2 for p in progress)
    assert progress[-1]["finished"] is True
    assert events[-1] == ("done", {"status": progress[-1]["status"]})
    assert progress[-1]["status"] in ("succeeded", "failed")
    # Only changes are sent: no two progress events in a row are equal.
    assert all(a != b for a, b in itertools.pairwise(progress))


def test_stream_of_a_finished_job_says_done_at_once(reviewer, job_id):
    response = reviewer.get(f"/dashboard/jobs/{job_id}/events")
    events = _events(response.text)
    assert [kind for kind, _ in events] == ["progress", "done"]
    assert events[1][1] == {"status": "succeeded"}
    assert response.text.startswith("retry: ")


def test_stream_closes_after_its_time_limit(reviewer, store, monkeypatch):
    monkeypatch.setattr(routes_events, "POLL_SECONDS", 0.05)
    monkeypatch.setattr(routes_events, "STREAM_SECONDS", 0.3)
    job, _ = store.create_job(REQUEST, owner="rita")
    started = time.monotonic()
    response = reviewer.get(f"/dashboard/jobs/{job.id}/events")
    assert time.monotonic() - started < 5
    assert [kind for kind, _ in _events(response.text)] == ["progress"]  # then reconnect


def test_stream_needs_sign_in_and_a_real_job(app, users, reviewer):
    anonymous = TestClient(app)
    response = anonymous.get("/dashboard/jobs/x/events", follow_redirects=False)
    assert response.status_code == 303
    assert reviewer.get("/dashboard/jobs/no-such-job/events").status_code == 404
    assert "'unsafe-inline'" not in CONTENT_SECURITY_POLICY
