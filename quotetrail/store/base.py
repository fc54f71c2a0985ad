"""What every part of the store shares: the engine, sessions and migrations.

Every method runs in its own short transaction and returns frozen records, so the
API, the Celery workers and the dashboard never share sessions. A method returns
only after its transaction committed: what the API acknowledged survives a restart.
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


class StoreBase:
    """Engine, sessions and migrations; the record-keeping lives in the mixins of Store."""

    def __init__(self, database_url: str, **engine_options: Any):
        self.url = database_url
        self.engine: Engine = create_store_engine(database_url, **engine_options)
        self._writer: Engine = write_engine(self.engine)
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
    def session(self) -> Iterator[Session]:
        """A write-ready ORM session, committed on a clean exit and rolled back on error."""
        with Session(self._writer, expire_on_commit=False) as session:
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

    def close(self) -> None:
        self.engine.dispose()

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

    os.register_at_fork(after_in_child=reset)
