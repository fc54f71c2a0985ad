"""Schemathesis fuzzes the API from its own OpenAPI document: no 5xx, responses as documented."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from api.app import create_app
from quotetrail.config import ServiceConfig
from quotetrail.store import Store
from tests.service.api.helpers import RecordingDispatcher, loopback_resolver


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("fuzz")
    store = Store(f"sqlite:///{folder / 'fuzz.db'}")
    store.migrate()
    # a few real jobs so id-shaped inputs sometimes hit something
    for i in range(3):
        store.create_job({"quotes": [f"q{i}"]})
    config = ServiceConfig(
        database_url=store.url,
        redis_url=None,
        data_dir=folder,
        secret_key="fuzz",
        extra={"QUOTETRAIL_RATE_LIMIT": "0"},
    )
    app = create_app(
        config, store=store, dispatcher=RecordingDispatcher(), resolver=loopback_resolver
    )
    loaded = schemathesis.openapi.from_asgi("/openapi.json", app)
    # 413 (a generated body over the size limit) is a rejection too.
    rejection = loaded.config.checks.negative_data_rejection
    rejection.expected_statuses = [*rejection.expected_statuses, "413"]
    yield loaded
    store.close()


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
        HealthCheck.data_too_large,
    ],
)
def test_api_conforms_to_its_schema(case: schemathesis.Case) -> None:
    # A schema-valid body can still be refused (a URL the fetch guard blocks, both
    # text and url given): 422 for those is right, so positive acceptance is not checked.
    case.call_and_validate(excluded_checks=[positive_data_acceptance])
