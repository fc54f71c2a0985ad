"""Migrations run from scratch on both databases and leave the expected schema."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import DBAPIError

from quotetrail.store import Store
from tests.service.store.pg_databases import fresh_database

TABLES = {"jobs", "job_sources", "job_facets", "api_keys", "idempotency_keys", "audit"}


def _check_schema(store: Store) -> None:
    assert set(inspect(store.engine).get_table_names()) >= TABLES
    with store.engine.connect() as connection:
        versions = {
            row[0] for row in connection.execute(text("SELECT version_num FROM alembic_version"))
        }
    assert versions == _heads()  # 0001_jobs, or the dashboard's revision built on it


def _heads() -> set[str]:
    from importlib import resources

    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option(
        "script_location", str(resources.files("quotetrail.store") / "migrations")
    )
    script = ScriptDirectory.from_config(config)
    assert "0001_jobs" in {rev.revision for rev in script.walk_revisions()}
    return set(script.get_heads())


def test_migrate_sqlite_from_scratch(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'nested' / 'dir' / 'q.db'}")
    store.migrate()
    store.migrate()
    _check_schema(store)
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
    store.close()


def test_migrate_postgresql_from_scratch() -> None:
    with fresh_database() as url:
        store = Store(url)
        store.migrate()
        store.migrate()
        _check_schema(store)
        job, _ = store.create_job({"ok": True})
        assert store.get_job(job.id).request == {"ok": True}
        store.close()


def test_migrate_to_0001_only(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'q.db'}")
    store.migrate("0001_jobs")
    with store.engine.connect() as connection:
        assert (
            connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
            == "0001_jobs"
        )
    store.close()


def _writer(url: str, count: int) -> None:
    store = Store(url)
    store.migrate()
    for i in range(count):
        job, _ = store.create_job({"i": i})
        store.start_job(job.id, quotes_total=1, sources_total=1)
        store.save_source(job.id, "s", status="ok", body=b"x" * 100)
        store.finish_job(job.id, {"quotes": [{"verdict": "matched"}], "sources": []})
    store.close()


def test_several_processes_share_one_sqlite_file(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'shared.db'}"
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_writer, args=(url, 15)) for _ in range(3)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
    assert [w.exitcode for w in workers] == [0, 0, 0]
    store = Store(url)
    assert store.count_jobs_by_status() == {"succeeded": 45}
    store.close()


def test_forked_child_opens_its_own_connections(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'fork.db'}")
    store.migrate()
    job, _ = store.create_job({"before": "fork"})
    assert store.engine.pool.checkedin() >= 1
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    child = context.Process(target=_child_reads, args=(store, job.id, queue))
    child.start()
    child.join(30)
    assert child.exitcode == 0
    assert queue.get(timeout=5) == (0, {"before": "fork"})  # fresh pool, same data
    assert store.get_job(job.id) is not None  # the parent's pool still works
    store.close()


def _child_reads(store: Store, job_id: str, queue) -> None:
    pooled = store.engine.pool.checkedin()  # the parent's connections must be gone
    queue.put((pooled, store.get_job(job_id).request))


def _downgrade_to_base(store: Store) -> None:
    from importlib import resources

    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option(
        "script_location", str(resources.files("quotetrail.store") / "migrations")
    )
    with store.engine.connect() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "base")
        connection.commit()


def _round_trip(store: Store) -> None:
    store.migrate("0001_jobs")
    _downgrade_to_base(store)
    assert not TABLES & set(inspect(store.engine).get_table_names())
    store.migrate("0001_jobs")  # and up again, triggers included
    store.append_audit(actor="a", action="b", job_id=None)
    with pytest.raises(DBAPIError, match="append-only"), store.engine.begin() as connection:
        connection.execute(text("DELETE FROM audit"))


def test_0001_downgrades_and_upgrades_again_on_sqlite(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'q.db'}")
    try:
        _round_trip(store)
    finally:
        store.close()


def test_0001_downgrades_and_upgrades_again_on_postgresql() -> None:
    with fresh_database() as url:
        store = Store(url)
        try:
            _round_trip(store)
        finally:
            store.close()
