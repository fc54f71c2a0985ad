"""No silent merging: two sources with one name are refused with a 422 naming them, in
the API, the dashboard's submit path, the worker's plan and the CLI alike."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api.schemas import MAX_QUOTES, MAX_SOURCES
from quotetrail.core.outlets import OutletRegistry
from quotetrail.errors import InputError
from quotetrail.pipeline import SourceSpec, sources_for
from tests.service.api.helpers import assert_problem


@pytest.mark.parametrize(
    "sources",
    [
        [{"name": "press office", "text": "one"}, {"name": "press office", "text": "two"}],
        [{"url": "https://city.example/a"}, {"name": "https://city.example/a", "text": "x"}],
        [{"url": "https://city.example/a"}, {"url": "https://city.example/a", "name": "TASS"}],
    ],
)
def test_duplicate_source_names_are_a_422_naming_them(client: TestClient, dispatcher, sources):
    response = client.post("/v1/jobs", json={"quotes": ["q"], "sources": sources})
    body = assert_problem(response, 422)
    message = " ".join(error["message"] for error in body["errors"])
    name = sources[1].get("url") or sources[1]["name"]
    assert repr(name) in message and "sources 0 and 1" in message
    assert dispatcher.enqueued == []


def test_distinct_names_are_accepted(client: TestClient) -> None:
    sources = [{"name": "press office", "text": "one"}, {"name": "minister", "text": "two"}]
    assert client.post("/v1/jobs", json={"quotes": ["q"], "sources": sources}).status_code == 202


def test_caps_on_quotes_and_sources_are_422(client: TestClient) -> None:
    too_many_quotes = {"quotes": [f"q{i}" for i in range(MAX_QUOTES + 1)]}
    assert_problem(client.post("/v1/jobs", json=too_many_quotes), 422)
    sources = [{"url": f"https://city.example/{i}"} for i in range(MAX_SOURCES + 1)]
    assert_problem(client.post("/v1/jobs", json={"quotes": ["q"], "sources": sources}), 422)


def test_the_shared_pipeline_refuses_duplicates_too() -> None:
    specs = [SourceSpec("notes", "text", "one"), SourceSpec("notes", "text", "two")]
    with pytest.raises(InputError, match="same name: notes"):
        sources_for(None, specs, OutletRegistry.default())
