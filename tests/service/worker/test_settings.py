"""Worker settings and the Celery configuration they produce."""

from pathlib import Path

import pytest

from quotetrail.config import ServiceConfig
from worker.celery_app import make_app
from worker.dispatch import get_dispatcher
from worker.settings import WorkerSettings


def _config(tmp_path: Path, redis_url=None) -> ServiceConfig:
    return ServiceConfig(
        database_url=f"sqlite:///{tmp_path / 'q.db'}",
        redis_url=redis_url,
        data_dir=tmp_path,
        secret_key="k",
    )


def test_defaults_are_consistent():
    assert WorkerSettings().problems() == []


def test_visibility_timeout_must_outlast_tasks():
    bad = WorkerSettings(time_limit=100, visibility_timeout=50)
    assert any("VISIBILITY_TIMEOUT" in p for p in bad.problems())


def test_env_is_read_and_bad_values_named(monkeypatch):
    monkeypatch.setenv("QUOTETRAIL_TASK_TIME_LIMIT", "7")
    assert WorkerSettings.from_env().time_limit == 7
    monkeypatch.setenv("QUOTETRAIL_TASK_TIME_LIMIT", "soon")
    with pytest.raises(ValueError, match="QUOTETRAIL_TASK_TIME_LIMIT"):
        WorkerSettings.from_env()


def test_reliability_settings(tmp_path):
    app = make_app(_config(tmp_path, "redis://127.0.0.1:6379/13"), WorkerSettings())
    conf = app.conf
    assert conf.task_acks_late and conf.task_reject_on_worker_lost
    assert conf.worker_prefetch_multiplier == 1
    assert conf.broker_transport_options["visibility_timeout"] > conf.task_time_limit
    assert conf.task_soft_time_limit < conf.task_time_limit


def test_embedded_mode_uses_the_sqlite_queue_under_the_data_dir(tmp_path):
    dispatcher = get_dispatcher(_config(tmp_path))
    assert dispatcher.embedded
    assert dispatcher.app.conf.broker_url.startswith("qtsqlite://")
    options = dispatcher.app.conf.broker_transport_options
    assert Path(options["folder"]).is_dir()
    assert Path(options["folder"]).is_relative_to(tmp_path)


def test_redis_mode_dispatcher(tmp_path):
    dispatcher = get_dispatcher(_config(tmp_path, "redis://127.0.0.1:6379/13"))
    assert not dispatcher.embedded
    assert dispatcher.app.conf.broker_url == "redis://127.0.0.1:6379/13"


def test_enqueue_fails_fast_when_the_broker_is_down(tmp_path):
    import time

    dispatcher = get_dispatcher(_config(tmp_path, "redis://127.0.0.1:1/0"))
    started = time.monotonic()
    with pytest.raises(Exception, match=r"127\.0\.0\.1:1"):
        dispatcher.enqueue("job-1")
    assert time.monotonic() - started < 5  # the API answers; the sweep re-sends later
