"""An API app over a SQLite store in tmp_path, a recording dispatcher and a loopback resolver."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from api.app import create_app
from quotetrail.config import ServiceConfig
from quotetrail.store import Store
from tests.service.api.helpers import RecordingDispatcher, loopback_resolver


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    store = Store(f"sqlite:///{tmp_path / 'api.db'}")
    store.migrate()
    yield store
    store.close()


@pytest.fixture
def dispatcher() -> RecordingDispatcher:
    return RecordingDispatcher()


@pytest.fixture
def make_app(
    tmp_path: Path, store: Store, dispatcher: RecordingDispatcher
) -> Callable[..., FastAPI]:
    def make(extra: dict[str, str] | None = None, **kwargs: Any) -> FastAPI:
        config = ServiceConfig(
            database_url=store.url,
            redis_url=None,
            data_dir=tmp_path,
            secret_key="test-secret",
            extra={"QUOTETRAIL_RATE_LIMIT": "1000", **(extra or {})},
        )
        kwargs.setdefault("store", store)
        kwargs.setdefault("dispatcher", dispatcher)
        kwargs.setdefault("resolver", loopback_resolver)
        return create_app(config, **kwargs)

    return make


@pytest.fixture
def client(make_app: Callable[..., FastAPI]) -> Iterator[TestClient]:
    with TestClient(make_app()) as test_client:
        yield test_client
