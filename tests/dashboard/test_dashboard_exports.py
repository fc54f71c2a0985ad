"""Exports: CSV rows, JSON, the Markdown report and ClaimReview JSON-LD."""

from __future__ import annotations

import csv
import io
import json
import re

from api.dashboard.exports import CSV_QUOTE_COLUMNS, CSV_SOURCE_COLUMNS, _cell
from tests.dashboard.conftest import HERALD, RADIO, csrf_token

ALTERED = "The work will cost 12 million"


def _number(store, job_id: str, start: str) -> int:
    quotes = store.get_job(job_id).result["quotes"]
    return next(i for i, q in enumerate(quotes, 1) if q["text"].startswith(start))


def _override(client, job_id: str, number: int, verdict: str, reason: str) -> None:
    token = csrf_token(client.get(f"/dashboard/jobs/{job_id}").text)
    response = client.post(
        f"/dashboard/jobs/{job_id}/quotes/{number}/review",
        data={"action": "override", "verdict": verdict, "reason": reason, "csrf_token": token},
    )
    assert response.status_code == 200


def test_csv_has_one_row_per_quote_and_source(reviewer, job_id, store):
    job = store.get_job(job_id)
    response = reviewer.get(f"/dashboard/jobs/{job_id}/export.csv")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert tuple(rows[0].keys()) == CSV_SOURCE_COLUMNS
    expected = sum(max(1, len(q["evidence"])) for q in job.result["quotes"])
    assert len(rows) == expected
    altered = [r for r in rows if r["quote"].startswith(ALTERED) and r["source"] == HERALD]
    assert len(altered) == 1
    assert altered[0]["source_verdict"] == "altered"
    assert "21 million" in altered[0]["source_passage"]
    assert {r["source"] for r in rows} == {HERALD, RADIO}


def test_csv_per_quote_and_reviewed_verdicts(reviewer, job_id, store):
    n = _number(store, job_id, ALTERED)
    _override(reviewer, job_id, n, "matched", "Checked the recording: 12 is right")
    rows = list(
        csv.DictReader(
            io.StringIO(reviewer.get(f"/dashboard/jobs/{job_id}/export.csv?per=quote").text)
        )
    )
    assert tuple(rows[0].keys()) == CSV_QUOTE_COLUMNS
    assert len(rows) == len(store.get_job(job_id).result["quotes"])
    row = rows[n - 1]
    assert (row["verdict"], row["pipeline_verdict"]) == ("matched", "altered")
    assert row["review_action"] == "override" and row["reviewer"] == "rita"
    assert f"{HERALD}: altered" in row["sources"]


def test_csv_cells_cannot_become_formulas():
    assert _cell('=HYPERLINK("http://x")') == '\'=HYPERLINK("http://x")'
    assert _cell("-2+3") == "'-2+3"
    assert _cell("plain") == "plain"
    assert _cell(None) == ""


def test_json_export_carries_reviews_and_audit(reviewer, job_id, store):
    n = _number(store, job_id, ALTERED)
    _override(reviewer, job_id, n, "matched", "Corrected")
    data = json.loads(reviewer.get(f"/dashboard/jobs/{job_id}/export.json").text)
    assert data["job_id"] == job_id
    quote = data["quotes"][n - 1]
    assert (quote["verdict"], quote["pipeline_verdict"]) == ("matched", "altered")
    assert quote["review"]["reason"] == "Corrected"
    assert quote["evidence"][0]["diff"]
    assert data["audit"][0]["action"] == "review.override"
    assert data["review_state"]["state"] == "in_review"


def test_markdown_report(reviewer, job_id, store):
    n = _number(store, job_id, ALTERED)
    _override(reviewer, job_id, n, "matched", "Corrected *twice*")
    response = reviewer.get(f"/dashboard/jobs/{job_id}/export.md")
    assert response.headers["content-type"].startswith("text/markdown")
    text = response.text
    assert text.startswith("# Quote review: Riverton will rebuild the old tram depot")
    assert f"## {n}. matched" in text
    assert "overridden by rita" in text and "automatic verdict: altered" in text
    assert r"Corrected \*twice\*" in text  # reviewer text cannot add Markdown
    assert "## Audit trail" in text
    # Quote text with markup stays inert in the report.
    assert re.search(r"(?<!\\)<img", text) is None and r"\<img src=x" in text


def test_claimreview_lists_only_reviewed_quotes(reviewer, job_id, store):
    empty = json.loads(reviewer.get(f"/dashboard/jobs/{job_id}/claimreview.jsonld").text)
    assert empty["@graph"] == []
    n = _number(store, job_id, ALTERED)
    _override(reviewer, job_id, n, "altered", "Herald prints 21 million; the article says 12")
    response = reviewer.get(f"/dashboard/jobs/{job_id}/claimreview.jsonld")
    assert response.headers["content-type"].startswith("application/ld+json")
    data = json.loads(response.text)
    assert data["@context"] == "https://schema.org"
    [review] = data["@graph"]
    assert review["@type"] == "ClaimReview"
    assert review["claimReviewed"].startswith(ALTERED)
    assert review["url"] == f"http://testserver/dashboard/jobs/{job_id}#q-{n}"
    assert review["datePublished"][:4].isdigit()
    assert review["author"]["@type"] == "Organization"
    claim = review["itemReviewed"]
    assert claim["@type"] == "Claim"
    assert claim["author"] == {"@type": "Person", "name": "Helen Marsh"}
    assert {"@type": "CreativeWork", "url": HERALD} in claim["appearance"]
    rating = review["reviewRating"]
    assert rating["@type"] == "Rating" and rating["alternateName"] == "altered"
    assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]


def test_exports_need_a_finished_job(reviewer, store):
    job, _ = store.create_job({"article": {"text": "pending"}})
    assert reviewer.get(f"/dashboard/jobs/{job.id}/export.csv").status_code == 409
    assert reviewer.get(f"/dashboard/jobs/{job.id}/export.xml").status_code == 404
