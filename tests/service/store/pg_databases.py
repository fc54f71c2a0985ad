"""Throwaway PostgreSQL databases on the local server, so test runs never collide.

PostgreSQL tests are skipped only when the server is unreachable and CI is unset; in
CI an unreachable server is a failure.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import create_engine, text

ADMIN_URL = os.environ.get(
    "QUOTETRAIL_TEST_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


def _admin_engine():
    return create_engine(
        ADMIN_URL, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3}
    )


def require_postgres() -> None:
    try:
        engine = _admin_engine()
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        engine.dispose()
    except Exception as exc:
        if os.environ.get("CI"):
            raise
        pytest.skip(f"PostgreSQL not reachable at {ADMIN_URL}: {exc.__class__.__name__}")


def database_url(name: str) -> str:
    base, _, _ = ADMIN_URL.rpartition("/")
    return f"{base}/{name}"


@contextmanager
def fresh_database(template: str | None = None) -> Iterator[str]:
    """Create `qt_test_<random>` (optionally copied from a template) and drop it after."""
    require_postgres()
    name = f"qt_test_{uuid.uuid4().hex[:12]}"
    engine = _admin_engine()
    with engine.connect() as connection:
        clause = f" TEMPLATE {template}" if template else ""
        connection.execute(text(f"CREATE DATABASE {name}{clause}"))
    try:
        yield database_url(name)
    finally:
        with engine.connect() as connection:
            connection.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        engine.dispose()
