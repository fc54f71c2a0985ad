"""The dashboard's quote panel says how a discovered source was found, in both languages."""

from __future__ import annotations

from tests.dashboard.conftest import (  # noqa: F401  (fixtures)
    app,
    config,
    dispatcher,
    fast_password_hashing,
    reviewer,
    store,
    users,
)

URL = "http://127.0.0.11:8081/politics/2020/11/15/bridges"
QUOTE = "We will open four new bridges over the Neva by next autumn"


def _seed(db) -> str:
    report = {
        "article": {"title": "Bridges", "source": None, "chars": 0, "quotes": 1},
        "quotes": [
            {"text": QUOTE, "kind": "direct", "speaker": "Anna Petrova", "cue": "said",
             "cited_source": "Northwind Agency", "start": -1, "end": -1, "verdict": "matched",
             "score": 100.0, "comparison": [],
             "evidence": [{"source": URL, "verdict": "matched", "score": 100.0, "passage": QUOTE,
                           "start": 0, "end": 10, "diff": [], "reasons": []}]}
        ],
        "sources": [
            {"source": URL, "status": "ok", "error": None, "outlet": "Northwind Agency",
             "final_url": "http://127.0.0.15/web/20201115093000id_/" + URL, "fetched_at": None,
             "sha256": None, "found_by": "sitemap", "found_via": "http://127.0.0.11:8081/s.xml",
             "archived_at": "2020-11-15T09:30:00Z"}
        ],
        "searches": [],
    }  # fmt: skip
    job, _ = db.create_job({"quotes": [QUOTE]}, owner="rita")
    db.start_job(job.id, quotes_total=1, sources_total=1, article={"text": ""})
    db.finish_job(job.id, report)
    return job.id


def test_panel_shows_how_the_source_was_found(reviewer, store) -> None:  # noqa: F811
    job_id = _seed(store)
    english = reviewer.get(f"/dashboard/jobs/{job_id}?q=1").text
    assert "Found by: the outlet&#39;s sitemap" in english
    assert "via http://127.0.0.11:8081/s.xml" in english
    assert "archived copy of 2020-11-15T09:30:00Z" in english
    russian = reviewer.get(f"/dashboard/jobs/{job_id}?q=1&lang=ru").text
    assert "Как найден: карта сайта издания" in russian
    assert "архивная копия от 2020-11-15T09:30:00Z" in russian


def test_exports_carry_how_the_source_was_found(reviewer, store) -> None:  # noqa: F811
    import csv
    import io

    job_id = _seed(store)
    body = reviewer.get(f"/dashboard/jobs/{job_id}/export.csv").text.lstrip("\ufeff")
    rows = list(csv.DictReader(io.StringIO(body)))
    assert rows[0]["found by"] == "the outlet's sitemap"
    assert rows[0]["found via"] == "http://127.0.0.11:8081/s.xml"
    assert rows[0]["archived copy of"] == "2020-11-15T09:30:00+00:00"
    markdown = reviewer.get(f"/dashboard/jobs/{job_id}/export.md").text
    assert "- Found by: the outlet's sitemap (http://127.0.0.11:8081/s.xml)" in markdown
