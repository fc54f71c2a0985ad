"""The API over PostgreSQL: JSONB round trips of non-ASCII text, filters, idempotency."""

from __future__ import annotations

from fastapi.testclient import TestClient

from quotetrail.store import Store
from tests.service.api.helpers import assert_problem
from tests.service.store.pg_databases import fresh_database


def test_api_on_postgresql(make_app) -> None:
    with fresh_database() as url:
        store = Store(url)
        store.migrate()
        try:
            with TestClient(make_app(store=store)) as client:
                body = {
                    "article": {"text": "Министр заявил: «Мы построим 40 мостов» 🌉"},
                    "quotes": ["Мы построим 40 мостов"],
                }
                first = client.post("/v1/jobs", json=body, headers={"Idempotency-Key": "k-1"})
                assert first.status_code == 202
                job_id = first.json()["id"]
                assert (
                    client.post("/v1/jobs", json=body, headers={"Idempotency-Key": "k-1"}).json()[
                        "id"
                    ]
                    == job_id
                )
                assert_problem(
                    client.post(
                        "/v1/jobs", json={"quotes": ["x"]}, headers={"Idempotency-Key": "k-1"}
                    ),
                    422,
                )
                assert_problem(client.post("/v1/jobs", json={"quotes": ["nul\x00"]}), 422)
                store.start_job(job_id, quotes_total=1, sources_total=0)
                store.finish_job(
                    job_id,
                    {
                        "article": {},
                        "quotes": [{"verdict": "matched", "cited_source": "ТАСС"}],
                        "sources": [],
                    },
                )
                got = client.get(f"/v1/jobs/{job_id}").json()
                assert got["result"]["quotes"][0]["cited_source"] == "ТАСС"
                assert [j["id"] for j in client.get("/v1/jobs?outlet=тасс").json()["items"]] == [
                    job_id
                ]
                assert store.get_job(job_id).request["article"]["text"].endswith("🌉")
        finally:
            store.close()
