"""A migrated Store on SQLite (tmp_path) and on a throwaway PostgreSQL database."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from quotetrail.store import Store
from tests.service.store.pg_databases import fresh_database


@pytest.fixture(scope="session")
def pg_template() -> Iterator[str]:
    """One migrated database per run; each test copies it (much faster than migrating)."""
    with fresh_database() as url:
        store = Store(url)
        store.migrate()
        store.close()
        yield url.rpartition("/")[2]


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.db'}"
        return
    template = request.getfixturevalue("pg_template")
    with fresh_database(template) as url:
        yield url


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    store = Store(store_url)
    store.migrate()
    yield store
    store.close()
