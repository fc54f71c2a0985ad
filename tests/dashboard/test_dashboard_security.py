"""Article and source text stays text: escaping, snapshot serving and security headers."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.dashboard.conftest import HERALD, RADIO
from tests.dashboard.newsroom import PWN_IMG, PWN_SCRIPT


def test_markup_in_sources_and_article_is_escaped(reviewer, job_id):
    page = reviewer.get(f"/dashboard/jobs/{job_id}").text
    # The radio passage and the article quote both carry the markup, as text.
    assert PWN_SCRIPT not in page and PWN_IMG not in page
    assert "&lt;img src=x onerror=&#34;window.__pwned=1&#34;&gt;" in page
    assert "onerror=" not in page.replace("onerror=&#34;", "")
    scripts = [chunk.split(">")[0] for chunk in page.split("<script")[1:]]
    assert scripts == [' src="/dashboard/static/dashboard.js?v=' + scripts[0].split("?v=")[1]]


def test_security_headers_on_every_dashboard_response(app, reviewer, job_id):
    for response in (
        TestClient(app).get("/dashboard/login"),
        reviewer.get(f"/dashboard/jobs/{job_id}"),
        reviewer.get(f"/dashboard/jobs/{job_id}/export.csv"),
        reviewer.get("/dashboard/jobs/missing"),
    ):
        csp = response.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
        assert "unsafe-inline" not in csp
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"]
    static = reviewer.get("/dashboard/static/dashboard.js")
    assert static.status_code == 200 and static.headers["x-content-type-options"] == "nosniff"


def test_snapshot_is_plain_text_in_a_sandbox(reviewer, job_id):
    response = reviewer.get(f"/dashboard/jobs/{job_id}/snapshot", params={"source": HERALD})
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/plain; charset=utf-8"
    assert "sandbox" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "<script>window.__pwned=1</script>" in response.text  # the page as it was, inert
    radio = reviewer.get(f"/dashboard/jobs/{job_id}/snapshot", params={"source": RADIO})
    assert radio.status_code == 200
    missing = reviewer.get(
        f"/dashboard/jobs/{job_id}/snapshot", params={"source": "https://x.example/"}
    )
    assert missing.status_code == 404


def test_snapshot_needs_sign_in(app, job_id):
    response = TestClient(app).get(
        f"/dashboard/jobs/{job_id}/snapshot", params={"source": HERALD}, follow_redirects=False
    )
    assert response.status_code == 303


def test_dashboard_mounts_on_the_api_app(store, config, dispatcher, users):
    from api.app import create_app

    app = create_app(config, store=store, dispatcher=dispatcher)
    client = TestClient(app)
    page = client.get("/dashboard/login")
    assert page.status_code == 200 and "csrf_token" in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]
