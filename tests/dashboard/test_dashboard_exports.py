"""Exports: CSV rows, JSON, the Markdown report and ClaimReview JSON-LD, in both languages."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from api.dashboard import claimreview
from api.dashboard.exports import CSV_QUOTE_COLUMNS, CSV_SOURCE_COLUMNS, _cell, cut
from api.dashboard.i18n import translate
from tests.dashboard import synthetic
from tests.dashboard.conftest import HERALD, RADIO, csrf_token

ALTERED = "The work will cost 12 million"
PUBLISHER = {
    "publisher_name": "Valley Fact Desk",
    "publisher_url": "https://factdesk.example/",
    "page_url": "https://factdesk.example/checks/depot",
}


def _number(store, job_id: str, start: str) -> int:
    quotes = store.get_job(job_id).result["quotes"]
    return next(i for i, q in enumerate(quotes, 1) if q["text"].startswith(start))


def _post(client, job_id: str, path: str, data: dict) -> None:
    token = csrf_token(client.get(f"/dashboard/jobs/{job_id}").text)
    response = client.post(f"/dashboard/jobs/{job_id}{path}", data={**data, "csrf_token": token})
    assert response.status_code == 200, response.text


def _override(client, job_id: str, number: int, verdict: str, reason: str) -> None:
    data = {"action": "override", "verdict": verdict, "reason": reason}
    _post(client, job_id, f"/quotes/{number}/review", data)


def _csv(response) -> list[dict[str, str]]:
    assert response.content.startswith(b"\xef\xbb\xbf"), "CSV must open with a UTF-8 BOM"
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def _col(name: str, lang: str = "en") -> str:
    return translate(lang, f"csv.{name}")


def test_csv_has_one_row_per_quote_and_source(reviewer, job_id, store):
    job = store.get_job(job_id)
    response = reviewer.get(f"/dashboard/jobs/{job_id}/export.csv")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = _csv(response)
    assert tuple(rows[0].keys()) == tuple(_col(c) for c in CSV_SOURCE_COLUMNS)
    expected = sum(max(1, len(q["evidence"])) for q in job.result["quotes"])
    assert len(rows) == expected
    altered = [
        r for r in rows if r[_col("quote")].startswith(ALTERED) and r[_col("source")] == HERALD
    ]
    assert len(altered) == 1
    row = altered[0]
    assert row[_col("source_verdict")] == "altered"
    assert "21 million" in row[_col("source_passage")]
    # the reason in plain words and the diff in the one convention: [-source-] {+quote+}
    assert "The number differs" in row[_col("source_reasons")]
    assert "[-21-] {+12+}" in row[_col("diff")]
    assert {r[_col("source")] for r in rows} == {HERALD, RADIO}


def test_csv_per_quote_and_reviewed_verdicts(reviewer, job_id, store):
    n = _number(store, job_id, ALTERED)
    _override(reviewer, job_id, n, "matched", "Checked the recording: 12 is right")
    rows = _csv(reviewer.get(f"/dashboard/jobs/{job_id}/export.csv?per=quote"))
    assert tuple(rows[0].keys()) == tuple(_col(c) for c in CSV_QUOTE_COLUMNS)
    assert len(rows) == len(store.get_job(job_id).result["quotes"])
    row = rows[n - 1]
    assert (row[_col("verdict")], row[_col("pipeline_verdict")]) == ("matched", "altered")
    assert row[_col("review_action")] == "Overridden" and row[_col("reviewer")] == "rita"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", row[_col("reviewed_at")])
    assert f"{HERALD}: altered" in row[_col("sources")]


def test_russian_csv_round_trip_keeps_cyrillic(reviewer, store):
    """Excel needs the BOM; Python's csv module reads every Cyrillic cell back intact."""
    job_id = synthetic.seed(store)
    response = reviewer.get(f"/dashboard/jobs/{job_id}/export.csv?lang=ru")
    rows = _csv(response)
    assert "вердикт" in rows[0]
    quotes = {r[_col("quote", "ru")] for r in rows}
    assert synthetic.Q2 in quotes
    altered = next(r for r in rows if r[_col("quote", "ru")] == synthetic.Q2)
    assert altered[_col("verdict", "ru")] == "искажена"
    assert altered[_col("outlet", "ru")] == "РИА Новости"  # the registry's name_ru
    assert altered[_col("source_reasons", "ru")].startswith("Другое число")
    assert "[-40 миллиардов-] {+4 миллиарда+}" in altered[_col("diff", "ru")]
    assert altered[_col("fetched_at", "ru")] == "2026-11-20T10:11:13+00:00"


def test_passages_are_cut_at_word_boundaries():
    text = "alpha beta gamma delta epsilon"
    assert cut(text, 100) == text
    assert cut(text, 14) == "alpha beta…"
    assert cut("x" * 50, 10) == "x" * 9 + "…"  # one long word: cut inside it, still marked
    assert len(cut("word " * 200)) <= 300


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
    assert quote["dismissed"] is False
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
    assert f"## Quote {n}: matched" in text
    assert "changed by rita" in text and "automatic verdict: altered" in text
    assert r"Corrected \*twice\*" in text  # reviewer text cannot add Markdown
    assert "~~21~~ **12**" in text  # the diff, one convention
    assert "The number differs" in text
    assert "## Audit trail" in text and "changed the verdict of quote" in text
    assert "not_found" not in text and "review.override" not in text  # no machine tokens
    # Quote text with markup stays inert in the report.
    assert re.search(r"(?<!\\)<img", text) is None and r"\<img src=x" in text


def test_markdown_in_russian(reviewer, store):
    job_id = synthetic.seed(store)
    text = reviewer.get(f"/dashboard/jobs/{job_id}/export.md?lang=ru").text
    assert text.startswith("# Проверка цитат: Мост через Лесную")
    assert "## Цитата 2: искажена" in text
    assert "Другое число" in text
    assert "Проверка: не проверено" in text
    for english in ("Quote review", "Review:", "number changed", "altered"):
        assert english not in text


def test_claimreview_says_when_nothing_is_reviewed(reviewer, job_id):
    response = reviewer.get(f"/dashboard/jobs/{job_id}/claimreview.jsonld", params=PUBLISHER)
    assert response.status_code == 409
    assert "No quote of this article is reviewed yet" in response.text
    assert "application/ld+json" not in response.headers["content-type"]


def test_claimreview_needs_publisher_and_page(reviewer, job_id, store, monkeypatch):
    for name in ("QUOTETRAIL_PUBLISHER_NAME", "QUOTETRAIL_PUBLISHER", "QUOTETRAIL_PUBLISHER_URL"):
        monkeypatch.delenv(name, raising=False)
    _override(reviewer, job_id, _number(store, job_id, ALTERED), "altered", "Checked")
    response = reviewer.get(f"/dashboard/jobs/{job_id}/claimreview.jsonld")
    assert response.status_code == 400
    assert "publisher" in response.text
    bad = {**PUBLISHER, "page_url": "javascript:alert(1)"}
    assert (
        reviewer.get(f"/dashboard/jobs/{job_id}/claimreview.jsonld", params=bad).status_code == 400
    )


def test_claimreview_from_settings_passes_the_validator(reviewer, job_id, store, monkeypatch):
    monkeypatch.setenv("QUOTETRAIL_PUBLISHER_NAME", "Valley Fact Desk")
    monkeypatch.setenv("QUOTETRAIL_PUBLISHER_URL", "https://factdesk.example/")
    monkeypatch.setenv("QUOTETRAIL_FACTCHECK_URL", "https://factdesk.example/checks/{job_id}")
    n = _number(store, job_id, ALTERED)
    _override(reviewer, job_id, n, "altered", "Herald prints 21 million; the article says 12")
    response = reviewer.get(f"/dashboard/jobs/{job_id}/claimreview.jsonld")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/ld+json")
    data = json.loads(response.text)
    assert claimreview.validate(data) == []
    [review] = data["@graph"]
    assert review["url"] == f"https://factdesk.example/checks/{job_id}#quote-{n}"
    assert review["author"] == {
        "@type": "Organization",
        "name": "Valley Fact Desk",
        "url": "https://factdesk.example/",
    }
    assert review["claimReviewed"].startswith(ALTERED)
    claim = review["itemReviewed"]
    assert claim["author"] == {"@type": "Person", "name": "Helen Marsh"}
    # the article was pasted as HTML: no address to name as the claim's appearance, and
    # never the contradicting source's page
    assert all(a.get("url") != HERALD for a in claim.get("appearance", []))
    rating = review["reviewRating"]
    assert rating["alternateName"] == "Altered quote"
    assert (rating["ratingValue"], rating["bestRating"], rating["worstRating"]) == (2, 5, 1)


def test_claimreview_in_russian_names_the_checked_article(reviewer, store):
    job_id = synthetic.seed(store)
    store_result = store.get_job(job_id).result
    _override(reviewer, job_id, 2, "altered", "В источнике 40 миллиардов")
    _post(reviewer, job_id, "/quotes/4/dismiss", {"reason": "Это пересказ, не цитата"})
    response = reviewer.get(
        f"/dashboard/jobs/{job_id}/claimreview.jsonld", params={**PUBLISHER, "lang": "ru"}
    )
    data = json.loads(response.text)
    assert claimreview.validate(data) == []
    [review] = data["@graph"]  # the dismissed item is not a claim anyone reviews
    assert review["inLanguage"] == "ru"
    assert review["reviewRating"]["alternateName"] == "Цитата искажена"
    appearance = review["itemReviewed"]["appearance"][0]
    assert appearance["url"] == store_result["article"]["url"]
    assert review["itemReviewed"]["firstAppearance"] == appearance


def _good() -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": "https://factdesk.example/checks/1#quote-1",
        "claimReviewed": "We will build it",
        "datePublished": "2026-11-30",
        "author": {"@type": "Organization", "name": "Desk", "url": "https://factdesk.example/"},
        "itemReviewed": {
            "@type": "Claim",
            "author": {"@type": "Person", "name": "Orlov"},
            "appearance": [{"@type": "CreativeWork", "url": "https://news.example/a"}],
        },
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": 2,
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": "Altered quote",
        },
    }


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda d: d.pop("claimReviewed"), "claimReviewed"),
        (lambda d: d.update(url="/dashboard/jobs/1"), "url"),
        (lambda d: d["reviewRating"].update(alternateName="not_found"), "machine token"),
        (lambda d: d["reviewRating"].update(alternateName="altered"), "machine token"),
        (lambda d: d["reviewRating"].pop("alternateName"), "alternateName"),
        (lambda d: d["reviewRating"].update(ratingValue=7), "between"),
        (lambda d: d["reviewRating"].pop("bestRating"), "numeric"),
        (lambda d: d["author"].pop("name"), "author"),
        (lambda d: d.update(author={"@type": "SoftwareApplication", "name": "x"}), "author"),
        (lambda d: d["itemReviewed"].update({"@type": "Thing"}), "Claim"),
        (lambda d: d["itemReviewed"]["appearance"][0].update(url="news.example/a"), "absolute"),
        (lambda d: d.update(datePublished="30.11.2026"), "ISO 8601"),
        (lambda d: d.update(rating=5), "unknown property"),
        (lambda d: d.update({"@context": "https://example.org"}), "@context"),
    ],
)
def test_validator_catches_each_rule(change, problem):
    doc = _good()
    assert claimreview.validate(doc) == []
    change(doc)
    problems = claimreview.validate(doc)
    assert any(problem in p for p in problems), problems


def test_exports_need_a_finished_job(reviewer, store):
    job, _ = store.create_job({"article": {"text": "pending"}})
    assert reviewer.get(f"/dashboard/jobs/{job.id}/export.csv").status_code == 409
    assert reviewer.get(f"/dashboard/jobs/{job.id}/export.xml").status_code == 404
