"""The service and the CLI give the same report for the same article and sources.

Both pick quotes and sources through one pipeline function (`plan_check`), so links are
labelled by their anchor text ("told <a>TASS</a>"), links back to the article are
skipped, and a page names its outlet by og:site_name — in a Celery worker as in
`quotetrail verify`. The telling case: a quote credited to TASS, linked under an address
the outlet registry does not know, and not found on that page. The CLI says
`not_found` (TASS's page was read); a service that lost the label said `unverifiable`.
"""

from __future__ import annotations

import json

import pytest

from quotetrail.cli import main
from tests.service.worker import harness
from tests.support.local_server import Route, serving

pytestmark = pytest.mark.integration

ARTICLE = """<!doctype html><html lang="en"><head><title>Harbour works</title></head><body><article>
<h1>Harbour works to start in March</h1>
<p>Port director Anna Keller told <a href="/mirror/harbour">TASS</a>:
&ldquo;The new quay will take its first cargo ships in March.&rdquo;</p>
<p>Engineer Tom Briggs said: &ldquo;We have finished the dredging of the outer channel.&rdquo;
The full interview is <a href="/interview">on our partner site</a>.</p>
<p>An earlier report on the quay is <a href="/copy">kept in our archive</a>, and readers
can <a href="/article#comments">discuss the works below</a>.</p>
</article></body></html>"""

# TASS's page (by the anchor text only): it reports the works, not the director's words.
MIRROR = """<!doctype html><html><head><title>Harbour</title></head><body><article>
<p>Works on the harbour quay will begin next spring, the port administration announced.</p>
</article></body></html>"""

INTERVIEW = """<!doctype html><html><head><title>Interview</title></head><body><article>
<p>Tom Briggs: We have finished the dredging of the outer channel, and the buoys are next.</p>
</article></body></html>"""

# Says which outlet it is only in its own markup.
COPY = """<!doctype html><html><head><title>Copy</title>
<meta property="og:site_name" content="Gazeta.ru"></head><body><article>
<p>The quay is being rebuilt; cargo ships are expected to call at the port later this year.</p>
</article></body></html>"""

ROUTES = {
    "/article": Route(ARTICLE),
    "/mirror/harbour": Route(MIRROR),
    "/interview": Route(INTERVIEW),
    "/copy": Route(COPY),
}


def _comparable(report: dict) -> dict:
    """The report without the moments of fetching, which differ between two runs."""
    sources = [{k: v for k, v in s.items() if k != "fetched_at"} for s in report["sources"]]
    return {"quotes": report["quotes"], "sources": sources, "article": report["article"]}


def test_service_report_equals_cli_report(tmp_path, capsys):
    env = harness.service_env(tmp_path, redis_url=harness.SHARED_REDIS)
    with serving(ROUTES) as site:
        article_url = site.url("/article")
        assert main(["verify", article_url, "--format", "json"]) in (0, 1)
        cli = json.loads(capsys.readouterr().out)
        with harness.stack(tmp_path, env) as s:
            job = s.wait(s.submit({"article": {"url": article_url}}), timeout=60)
    assert job["status"] == "succeeded", job
    service = job["result"]

    # What both should have found, so the equality below is not two empty reports.
    outlets = {s["source"]: s["outlet"] for s in cli["sources"]}
    assert outlets == {
        site.url("/mirror/harbour"): "TASS",
        site.url("/interview"): None,
        site.url("/copy"): "Gazeta.ru",
    }
    verdicts = [(q["cited_source"], q["verdict"]) for q in cli["quotes"]]
    assert verdicts == [("TASS", "not_found"), (None, "matched")]

    assert _comparable(service) == _comparable(cli)
