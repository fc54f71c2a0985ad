"""The same article through the API (Celery workers, Redis listing cache) and the CLI
gives the same report, discovery included: found pages, provenance and searches[]."""

from __future__ import annotations

import json

import pytest

from quotetrail.cli import main
from tests.discover.conftest import ARTICLE, BREAD
from tests.service.worker import harness

pytestmark = pytest.mark.integration


def _comparable(report: dict) -> dict:
    sources = [{k: v for k, v in s.items() if k != "fetched_at"} for s in report["sources"]]
    article = {k: v for k, v in report["article"].items() if k != "source"}
    return {**report, "sources": sources, "article": article}


def test_api_and_cli_discover_the_same_pages(world, tmp_path, capsys, monkeypatch) -> None:
    html = ARTICLE.replace(
        "</article>", f'<p>"{BREAD}," economist Ivan Orlov told Blocked Times.</p></article>'
    )
    article = tmp_path / "article.html"
    article.write_text(html, encoding="utf-8")
    reg = tmp_path / "outlets.toml"
    reg.write_text(world.registry, encoding="utf-8")
    shared = {
        "QUOTETRAIL_OUTLETS": str(reg),
        "QUOTETRAIL_ALLOW_NETWORKS": "127.0.0.0/8",
        "QUOTETRAIL_WAYBACK_URL": "off",
        "QUOTETRAIL_HOST_INTERVAL": "0",
    }
    for name, value in shared.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("QUOTETRAIL_CACHE_DIR", str(tmp_path / "cli-cache"))
    assert main(["verify", str(article), "--format", "json"]) == 1  # Blocked Times: unverifiable
    cli = json.loads(capsys.readouterr().out)
    env = harness.service_env(tmp_path / "svc", redis_url=harness.SHARED_REDIS, **shared)
    (tmp_path / "svc").mkdir()
    with harness.stack(tmp_path / "svc", env) as s:
        job = s.wait(s.submit({"article": {"html": html}}), timeout=90)
        stored = {x["source"] for x in s.sources(job["id"])}
    assert job["status"] == "succeeded", job
    service = job["result"]
    direct = [q["verdict"] for q in cli["quotes"] if q["kind"] == "direct"]
    assert direct == ["matched", "matched", "unverifiable"]
    assert [x["status"] for x in cli["searches"]] == ["ok", "ok", "refused"]
    assert _comparable(service) == _comparable(cli)
    assert {x["source"] for x in cli["sources"]} <= stored  # found pages kept as evidence


@pytest.mark.parametrize(
    ("field", "value"),
    [("date", "2020-02-30"), ("window", "soon"), ("window", "2020-11-05..2020-11-01")],
)
def test_api_refuses_a_bad_date_or_window_as_a_problem(field, value, tmp_path, monkeypatch):
    from fastapi.testclient import TestClient

    from api.app import create_app

    monkeypatch.setenv("QUOTETRAIL_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("REDIS_URL", raising=False)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    with TestClient(create_app()) as client:
        response = client.post("/v1/jobs", json={"quotes": ["a quote"], field: value})
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/problem+json")
    assert any(e["pointer"] == f"/{field}" for e in response.json()["errors"])


def test_embedded_serve_discovers_too(world, tmp_path) -> None:
    """`quotetrail serve` alone (SQLite, filesystem broker, no Redis) runs the same stage."""
    from tests.service.worker.test_service_embedded import Serve

    reg = tmp_path / "outlets.toml"
    reg.write_text(world.registry, encoding="utf-8")
    env = harness.service_env(
        tmp_path,
        redis_url=None,
        QUOTETRAIL_OUTLETS=str(reg),
        QUOTETRAIL_ALLOW_NETWORKS="127.0.0.0/8",
        QUOTETRAIL_WAYBACK_URL="off",
    )
    s = Serve(tmp_path, env)
    try:
        job = s.wait(s.submit({"article": {"html": ARTICLE}}), timeout=90)
        off = s.wait(s.submit({"article": {"html": ARTICLE}, "discover": False}), timeout=60)
    finally:
        s.stop()
    assert job["status"] == "succeeded", job
    assert job["progress"]["sources_done"] == job["progress"]["sources_total"] == 2
    result = job["result"]
    direct = [q["verdict"] for q in result["quotes"] if q["kind"] == "direct"]
    assert direct == ["matched", "matched"], result.get(
        "searches"
    )  # (credited claims are judged for support too)
    assert {x["found_by"] for x in result["sources"]} == {"sitemap", "archive_page"}
    assert [x["status"] for x in result["searches"]] == ["ok", "ok"]
    # discovery off: nothing to check against, as before discovery existed
    assert off["status"] == "failed" and "no sources" in off["error"], off
