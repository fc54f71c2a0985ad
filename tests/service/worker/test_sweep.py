"""The sweep: unfinished jobs are re-sent when stale and failed past their deadline."""

from datetime import UTC, datetime, timedelta

import pytest

from quotetrail.store import Store
from worker.sweep import recover, sweep


class Recorder:
    def __init__(self):
        self.sent: list[str] = []

    def enqueue(self, job_id: str) -> None:
        self.sent.append(job_id)

    def cancel(self, job_id: str) -> None:
        pass


@pytest.fixture
def store(tmp_path):
    s = Store(f"sqlite:///{tmp_path / 'q.db'}")
    s.migrate()
    yield s
    s.close()


def _job(store, n):
    job, _ = store.create_job({"article": {"text": f"article {n}"}, "quotes": [f"q{n}"]})
    return job


def test_recover_resends_only_unfinished_jobs(store):
    queued = _job(store, 1)
    running = _job(store, 2)
    store.start_job(running.id, quotes_total=1, sources_total=1)
    done = _job(store, 3)
    store.finish_job(done.id, {"quotes": [], "sources": [], "article": {}})
    canceled = _job(store, 4)
    store.cancel_job(canceled.id)
    dispatcher = Recorder()
    assert recover(store, dispatcher) == 2
    assert sorted(dispatcher.sent) == sorted([queued.id, running.id])


def test_sweep_kicks_stale_and_fails_overdue(store):
    fresh = _job(store, 1)
    job = _job(store, 2)
    store.start_job(job.id, quotes_total=1, sources_total=1)
    dispatcher = Recorder()
    now = datetime.now(UTC)

    # nothing is stale yet
    outcome = sweep(store, dispatcher, deadline=600, stale_after=60, now=now)
    assert outcome == {"failed": [], "kicked": []}

    # two minutes of silence: both are re-sent, neither failed
    later = now + timedelta(seconds=120)
    outcome = sweep(store, dispatcher, deadline=600, stale_after=60, now=later)
    assert sorted(outcome["kicked"]) == sorted([fresh.id, job.id])

    # past the deadline: failed with the reason, and told
    told = []
    much_later = now + timedelta(seconds=700)
    outcome = sweep(
        store, dispatcher, deadline=600, stale_after=60, now=much_later, on_failed=told.append
    )
    assert sorted(outcome["failed"]) == sorted([fresh.id, job.id])
    assert sorted(told) == sorted(outcome["failed"])
    failed = store.get_job(job.id)
    assert failed.status == "failed" and "deadline" in failed.error
    assert sweep(store, dispatcher, deadline=600, stale_after=60, now=much_later)["failed"] == []


def test_a_backlog_in_the_queue_is_not_taken_for_lost_messages(store):
    job = _job(store, 1)
    dispatcher = Recorder()
    later = datetime.now(UTC) + timedelta(seconds=120)
    waiting = sweep(store, dispatcher, deadline=600, stale_after=60, now=later, queued_messages=7)
    assert waiting == {"failed": [], "kicked": []} and dispatcher.sent == []
    empty = sweep(store, dispatcher, deadline=600, stale_after=60, now=later, queued_messages=0)
    assert empty["kicked"] == [job.id]


def test_a_heartbeat_keeps_a_job_from_looking_stale(store):
    job = _job(store, 1)
    store.start_job(job.id, quotes_total=1, sources_total=1)
    before = store.get_job(job.id).updated_at
    store.touch_job(job.id)
    assert store.get_job(job.id).updated_at >= before


def test_default_recovery_is_within_two_minutes():
    from worker.settings import WorkerSettings

    s = WorkerSettings()
    assert s.problems() == []
    assert s.visibility_timeout <= 120
    assert s.stale_after + s.sweep_interval <= 120
    assert s.time_limit < s.stale_after  # a running task is never mistaken for a lost one
