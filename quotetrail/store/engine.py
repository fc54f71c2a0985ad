"""Engines tuned for several worker processes sharing one database.

SQLite: WAL (readers never block the writer), foreign keys on, a busy timeout so a
second writer waits instead of failing, and `BEGIN IMMEDIATE` for write transactions
so two writers never deadlock upgrading a read lock (SQLITE_BUSY that no timeout
cures). PostgreSQL needs nothing special: `postgresql+psycopg://`.

On both, every text parameter is made storable (NUL and lone surrogates become U+FFFD)
just before it is sent: PostgreSQL refuses NUL in any text value, and a URL, a form
field or a header can carry %00 into a lookup anywhere. Writes already store U+FFFD, so
a lookup finds exactly what a write of the same string stored, on both databases.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.pool import StaticPool

from quotetrail.store.storable import storable_parameters

BUSY_TIMEOUT_MS = 30_000
WRITE_OPTION = "quotetrail_write"


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def create_store_engine(url: str, **kwargs: Any) -> Engine:
    if is_sqlite(url):
        engine = _sqlite_engine(url, **kwargs)
    else:
        engine = create_engine(url, pool_pre_ping=True, future=True, **kwargs)
    event.listen(engine, "before_cursor_execute", _storable_parameters, retval=True)
    return engine


def _storable_parameters(
    _conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, executemany: bool
) -> tuple[str, Any]:
    if executemany:
        return statement, [storable_parameters(p) for p in parameters]
    return statement, storable_parameters(parameters)


def write_engine(engine: Engine) -> Engine:
    """The same engine, but its transactions start as writers (`BEGIN IMMEDIATE` on SQLite)."""
    return engine.execution_options(**{WRITE_OPTION: True})


def _sqlite_engine(url: str, **kwargs: Any) -> Engine:
    parsed = make_url(url)
    database = parsed.database or ""
    in_memory = database in ("", ":memory:") or "mode=memory" in str(parsed)
    if not in_memory:
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    options: dict[str, Any] = {
        "connect_args": {"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
    }
    if in_memory:  # one shared connection, or every checkout would see an empty database
        options["poolclass"] = StaticPool
    options.update(kwargs)
    engine = create_engine(url, **options)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy (not the sqlite3 module) decide when transactions begin.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            if not in_memory:
                cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            # Without it, INSERT OR REPLACE deletes a row without firing its delete triggers:
            # an audit entry could be rewritten past the append-only guard.
            cursor.execute("PRAGMA recursive_triggers=ON")
            # FULL (the default) keeps a commit durable across power loss even in WAL mode.
            cursor.execute("PRAGMA synchronous=FULL")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        writer = connection.get_execution_options().get(WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writer else "BEGIN")

    return engine
