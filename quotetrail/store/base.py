"""What every part of the store shares: the engine, sessions and migrations.

Every method runs in its own short transaction and returns frozen records, so the
API, the Celery workers and the dashboard never share sessions. A method returns
only after its transaction committed: what the API acknowledged survives a restart.

One exception, on PostgreSQL: a worker's progress writes (a job started, a batch of
sources saved) commit without waiting for the WAL flush (`synchronous_commit=off`, about
4 ms per commit on this kind of disk). A database crash can lose the last fraction of a
second of them — never a job, a report or anything the API answered: those stay durable,
and a durable commit also flushes every progress write before it. A job whose progress
was lost is re-sent by the sweep and redone (tasks are idempotent).
"""

from __future__ import annotations

import os
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from typing import Any, Self

from alembic import command
from alembic.config import Config as AlembicConfig
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from quotetrail.config import ServiceConfig
from quotetrail.store.engine import create_store_engine, is_sqlite, write_engine

_PG_MIGRATION_LOCK = 0x71756F7465  # "quote": serialises concurrent migrate() calls
_ASYNC_COMMIT = "-c synchronous_commit=off"  # libpq's per-connection setting


class StoreBase:
    """Engine, sessions and migrations; the record-keeping lives in the mixins of Store."""

    def __init__(self, database_url: str, **engine_options: Any):
        self.url = database_url
        self.engine: Engine = create_store_engine(database_url, **engine_options)
        self._writer: Engine = write_engine(self.engine)
        self._engine_options = engine_options
        self._progress_engine: Engine | None = None  # opened on first use (workers only)
        _forget_connections_after_fork(self)

    @classmethod
    def from_config(cls, config: ServiceConfig) -> Self:
        return cls(config.database_url)

    def __repr__(self) -> str:
        return f"Store({self.engine.url.render_as_string(hide_password=True)!r})"

    def migrate(self, revision: str = "heads") -> None:
        """Bring the schema up to date (all branches: jobs and the dashboard's tables)."""
        cfg = AlembicConfig()
        cfg.set_main_option(
            "script_location", str(resources.files("quotetrail.store") / "migrations")
        )
        with self._writer.connect() as connection:
            if connection.dialect.name == "postgresql":
                connection.exec_driver_sql(f"SELECT pg_advisory_lock({_PG_MIGRATION_LOCK})")
                connection.commit()
            try:
                cfg.attributes["connection"] = connection
                command.upgrade(cfg, revision)
                connection.commit()
            finally:
                if connection.dialect.name == "postgresql":
                    connection.exec_driver_sql(f"SELECT pg_advisory_unlock({_PG_MIGRATION_LOCK})")
                    connection.commit()

    @contextmanager
    def session(self, *, durable: bool = True) -> Iterator[Session]:
        """A write-ready ORM session, committed on a clean exit and rolled back on error.
        `durable=False`: a worker's progress write, redone if lost (see the module doc)."""
        engine = self._writer if durable else self._progress_writer()
        with Session(engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    @contextmanager
    def _reading(self) -> Iterator[Session]:
        with Session(self.engine, expire_on_commit=False) as session:
            yield session

    def ping(self) -> bool:
        """True if the database answers (for /readyz)."""
        try:
            with self.engine.connect() as connection:
                connection.execute(text("SELECT 1"))
            return True
        except Exception:
            return False

    def _progress_writer(self) -> Engine:
        """The writer for progress writes: on PostgreSQL, connections whose commits do not
        wait for the WAL flush; on SQLite, the usual writer."""
        if self.is_sqlite:
            return self._writer
        if self._progress_engine is None:
            options = dict(self._engine_options)
            connect_args = {**options.pop("connect_args", {}), "options": _ASYNC_COMMIT}
            self._progress_engine = write_engine(
                create_store_engine(self.url, connect_args=connect_args, **options)
            )
        return self._progress_engine

    def close(self) -> None:
        self.engine.dispose()
        if self._progress_engine is not None:
            self._progress_engine.dispose()

    @property
    def is_sqlite(self) -> bool:
        return is_sqlite(self.url)


def _forget_connections_after_fork(store: StoreBase) -> None:
    """A forked child (Celery prefork, uvicorn workers) must not reuse the parent's pooled
    connections: two processes on one socket corrupt each other's transactions."""
    ref = weakref.ref(store)

    def reset() -> None:
        alive = ref()
        if alive is not None:
            alive.engine.dispose(close=False)
            if alive._progress_engine is not None:
                alive._progress_engine.dispose(close=False)

    os.register_at_fork(after_in_child=reset)
