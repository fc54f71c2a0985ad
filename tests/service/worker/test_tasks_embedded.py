"""The task chain on the embedded (filesystem) broker with a real Celery worker process.

No HTTP here: the job is created in the store and dispatched the way the API does it,
so this covers the tasks themselves; test_service_*.py go through the API.
"""

from __future__ import annotations

import hashlib

import pytest

from quotetrail.config import ServiceConfig
from quotetrail.store import Store
from tests.service.worker import harness
from tests.service.worker.articles import ARTICLE, OTHER_PAGE, SOURCE_PAGE
from worker.celery_app import make_app
from worker.dispatch import CeleryDispatcher
from worker.settings import WorkerSettings

pytestmark = pytest.mark.integration


def test_text_sources_job_completes_on_the_filesystem_broker(tmp_path):
    env = harness.service_env(tmp_path, redis_url=None)
    config = ServiceConfig(
        database_url=env["DATABASE_URL"], redis_url=None, data_dir=tmp_path, secret_key=""
    )
    store = Store(config.database_url)
    store.migrate()
    job, _ = store.create_job(
        {
            "article": {"text": ARTICLE},
            "sources": [
                {"html": SOURCE_PAGE, "name": "City Hall"},
                {"html": OTHER_PAGE, "name": "Weather desk"},
            ],
        }
    )
    app = make_app(config, WorkerSettings(), queue=env["QUOTETRAIL_QUEUE"])
    dispatcher = CeleryDispatcher(app)
    dispatcher.enqueue(job.id)
    # A job whose message was lost (never sent here): the workers' sweep must find it.
    lost, _ = store.create_job(
        {"quotes": ["river bridge in spring"], "sources": [{"text": "x", "name": "n"}]}
    )
    env.update(QUOTETRAIL_JOB_STALE_AFTER="1", QUOTETRAIL_SWEEP_INTERVAL="1")
    worker = harness.celery_worker(env, tmp_path / "worker.log")
    try:
        done = harness.wait_for(
            lambda: (j := store.get_job(job.id)).finished and j, 60, "job to finish", worker
        )
        swept = harness.wait_for(
            lambda: (j := store.get_job(lost.id)).finished and j, 30, "lost job", worker
        )
    finally:
        worker.stop()
    assert swept.status == "succeeded", swept.error
    assert done.status == "succeeded", (done.error, worker.tail())
    report = done.result
    assert len(report["quotes"]) == 3
    assert [s["source"] for s in report["sources"]] == ["City Hall", "Weather desk"]
    verdicts = {q["text"]: q["verdict"] for q in report["quotes"]}
    assert verdicts["We will open the new river bridge in spring."] == "matched", verdicts
    sources = store.get_sources(job.id)
    assert sorted(s.source for s in sources) == ["City Hall", "Weather desk"]
    snapshot = store.get_snapshot(job.id, "City Hall")
    assert snapshot.body == SOURCE_PAGE.encode()
    assert snapshot.sha256 == hashlib.sha256(SOURCE_PAGE.encode()).hexdigest()
