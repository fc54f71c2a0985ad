"""The review desk without a browser: panels, cross-language evidence, discovered and
archived sources, the evidence viewer, comments, unassigning, "not a quote", counts
that follow reviews, search, readable audit, and progress as quotes are judged."""

from __future__ import annotations

import html
import re

import pytest

from tests.dashboard import synthetic
from tests.dashboard.conftest import csrf_token


@pytest.fixture
def ru_job(store) -> str:
    return synthetic.seed(store)


def _post(client, job_id: str, path: str, data: dict, status: int = 200):
    token = csrf_token(client.get(f"/dashboard/jobs/{job_id}").text)
    response = client.post(f"/dashboard/jobs/{job_id}{path}", data={**data, "csrf_token": token})
    assert response.status_code == status, response.text[:500]
    return response


def _panel(page: str, n: int) -> str:
    start = page.index(f'id="panel-{n}"')
    end = page.find('<section class="panel', start + 10)
    return page[start : end if end != -1 else page.index("</aside>", start)]


def _text(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", fragment))


def test_panel_leads_with_the_deciding_outlet_and_folds_the_others(reviewer, ru_job):
    page = reviewer.get(f"/dashboard/jobs/{ru_job}?q=2").text
    panel = _panel(page, 2)
    deciding = panel[panel.index("data-deciding") : panel.index("data-others")]
    # named by its outlet, the page's host beneath; archived copy and how it was found
    assert '<strong class="src-outlet">RIA Novosti</strong>' in deciding
    assert "web.archive.org" in deciding
    assert "data-archived" in deciding and "2026-11-20T10:10:10Z" in deciding
    assert 'data-found-by="wayback"' in deciding
    assert "<del>40 миллиардов</del>" in deciding and "<ins>4 миллиарда</ins>" in deciding
    # the other source is folded into a <details>, compact, with outlet, verdict, score
    others = panel[panel.index("data-others") :]
    assert "<summary>Other sources (1)</summary>" in others
    assert "TASS" in others and "not found" in others
    assert 'data-found-by="search"' in others and "https://tass.ru/search?text=мост" in others


def test_panel_in_russian_translates_reasons_and_outlet_fallback(reviewer, ru_job):
    page = reviewer.get(f"/dashboard/jobs/{ru_job}?q=2&lang=ru").text
    panel = _text(_panel(page, 2))
    assert "Другое число: в источнике «40 миллиардов», в цитате «4 миллиарда»." in panel
    assert "number changed" not in panel
    assert "Решающий источник" in panel and "Другие источники (1)" in panel


def test_cross_language_evidence_sits_beside_the_quote(reviewer, ru_job):
    page = reviewer.get(f"/dashboard/jobs/{ru_job}?q=3").text
    anchor = re.search(r'<a class="quote v-translated[^"]*" id="q-3"[^>]*>', page)
    assert anchor, "translated verdict has its own class (colour and underline style)"
    assert 'aria-hidden="true">T3</sup>' in page
    panel = _panel(page, 3)
    crosslang = panel[panel.index("data-crosslang") :]
    assert 'lang="en"' in crosslang and synthetic.ENGLISH_PASSAGE in crosslang
    assert "Original passage (English)" in crosslang
    assert "Мы не планируем поднимать плату за проезд" in crosslang  # display translation
    assert "negation" in crosslang and "agree" in crosslang
    assert "Aligned sentences" in crosslang


def test_claims_and_low_confidence_are_marked_for_the_toggle(reviewer, ru_job):
    page = reviewer.get(f"/dashboard/jobs/{ru_job}?q=4").text
    assert re.search(r'<a class="quote v-not_found[^"]*low-conf[^"]*" id="q-4"', page)
    assert not re.search(r'<a class="quote [^"]*low-conf[^"]*" id="q-1"', page)
    assert "data-hide-low" in page and "Hide low-confidence quotes (below 0.5)" in page
    panel = _panel(page, 4)
    assert 'data-kind="claim"' in panel and "claim without quoted words" in panel
    assert 'data-confidence="0.3"' in panel


def test_searches_have_their_place(reviewer, ru_job):
    page = reviewer.get(f"/dashboard/jobs/{ru_job}?lang=ru").text
    searches = _text(page[page.index('id="searches"') : page.index('id="compare-h"')])
    assert "Поиск на сайтах изданий" in searches
    assert "ТАСС" in searches and "выполнен" in searches  # the registry's name_ru
    assert "Интерфакс" in searches and "сайт отказал" in searches
    assert "Страница ответила HTTP 403." in searches  # the reason, in plain Russian
    assert "2026-11-13" in searches and "40" in searches


def test_evidence_viewer_shows_capture_facts_and_highlights_the_passage(reviewer, ru_job, store):
    url = f"/dashboard/jobs/{ru_job}/evidence"
    page = reviewer.get(url, params={"source": synthetic.ARCHIVE_URL, "q": 2})
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    record = store.get_snapshot(ru_job, synthetic.ARCHIVE_URL)
    text = page.text
    assert record.sha256 in text and len(record.sha256) == 64
    assert "2026-11-20T10:11:12+00:00" in text  # capture time to the second
    assert "data-final-url" in text and synthetic.ARCHIVE_URL in text
    assert re.search(r"data-http-status>\s*200", text)
    assert f'<mark id="passage" data-passage>{synthetic.RIA_PASSAGE}</mark>' in text
    # the raw page is never rendered: no script from it reaches the page, not even as markup
    assert "window.__pwned" not in text and "<script>window" not in text
    raw = reviewer.get(
        f"/dashboard/jobs/{ru_job}/snapshot", params={"source": synthetic.ARCHIVE_URL}
    )
    assert raw.headers["content-type"].startswith("text/plain")
    assert raw.headers["content-disposition"].startswith("attachment")
    assert b"window.__pwned" in raw.content  # the evidence, byte for byte, as a download
    import hashlib

    assert hashlib.sha256(raw.content).hexdigest() == record.sha256
    assert reviewer.get(url, params={"source": "https://nowhere.example/"}).status_code == 404


def test_comments_per_quote_and_article_enter_the_audit_trail(reviewer, job_id, store):
    _post(reviewer, job_id, "/comments", {"quote": "2", "body": "Call the Herald desk"})
    _post(reviewer, job_id, "/comments", {"body": "Whole piece looks fine"})
    _post(reviewer, job_id, "/comments", {"quote": "2", "body": "   "}, status=400)
    page = reviewer.get(f"/dashboard/jobs/{job_id}?q=2").text
    assert "Call the Herald desk" in _panel(page, 2)
    article_thread = page[page.index('id="article-comments"') : page.index('id="audit"')]
    assert "Whole piece looks fine" in article_thread
    actions = [(e.action, e.quote_index, e.after) for e in store.list_audit(job_id)]
    assert actions == [
        ("comment", 1, {"comment": "Call the Herald desk"}),
        ("comment", None, {"comment": "Whole piece looks fine"}),
    ]
    audit = _text(page[page.index('id="audit"') :])
    assert "Rita Reviewer commented on quote 2: “Call the Herald desk”" in audit


def test_assign_to_nobody_by_default_and_unassign(editor, job_id, store):
    page = editor.get(f"/dashboard/jobs/{job_id}").text
    select = page[
        page.index('id="assign-article"') : page.index(
            "</select>", page.index('id="assign-article"')
        )
    ]
    assert re.search(r'<option value="" selected>— nobody —</option>', select)
    _post(editor, job_id, "/assign", {"assignee": "rita"})
    _post(editor, job_id, "/quotes/1/assign", {"assignee": "ed"})
    _post(editor, job_id, "/assign", {"assignee": "rita", "unassign": "1"})
    _post(editor, job_id, "/quotes/1/assign", {"assignee": ""})  # choosing "nobody"
    page = editor.get(f"/dashboard/jobs/{job_id}").text
    assert re.search(r"data-article-assignee>nobody<", page)
    actions = [(e.action, e.quote_index, e.before, e.after) for e in store.list_audit(job_id)]
    assert actions[-2:] == [
        ("unassign", None, {"assignee": "rita"}, {"assignee": None}),
        ("unassign", 0, {"assignee": "ed"}, {"assignee": None}),
    ]
    assert "Ed Editor took the article away from Rita Reviewer; nobody has it now" in _text(page)


def test_not_a_quote_leaves_counts_and_exports(reviewer, editor, ru_job, store):
    listing = reviewer.get("/dashboard/jobs").text
    row = listing[listing.index(f'data-job="{ru_job}"') :]
    row = row[: row.index("</tr>")]
    assert "not found</span> 1" in row
    _post(reviewer, ru_job, "/quotes/4/dismiss", {"reason": ""}, status=400)
    _post(reviewer, ru_job, "/quotes/4/dismiss", {"reason": "A summary, not a quotation"})
    entry = store.list_audit(ru_job)[-1]
    assert (entry.action, entry.quote_index) == ("review.dismiss", 3)
    assert entry.after["reason"] == "A summary, not a quotation"
    page = reviewer.get(f"/dashboard/jobs/{ru_job}").text
    counts = page[page.index("data-counts") : page.index("</span></p>", page.index("data-counts"))]
    assert "v-not_found" not in counts
    assert "1 dismissed as not quotes" in page
    listing = reviewer.get("/dashboard/jobs").text
    row = listing[listing.index(f'data-job="{ru_job}"') :]
    assert "v-not_found" not in row[: row.index("</tr>")]
    csv_text = reviewer.get(f"/dashboard/jobs/{ru_job}/export.csv").content.decode("utf-8-sig")
    assert synthetic.Q4 not in csv_text and synthetic.Q1 in csv_text
    assert "1 items were dismissed" in reviewer.get(f"/dashboard/jobs/{ru_job}/export.md").text
    assert "Rita Reviewer marked quote 4 as not a quote: “A summary, not a quotation”" in _text(
        page
    )


def test_list_counts_reflect_reviewed_verdicts(reviewer, ru_job):
    _post(
        reviewer,
        ru_job,
        "/quotes/2/review",
        {"action": "override", "verdict": "paraphrased", "reason": "Rounded figure"},
    )
    listing = reviewer.get("/dashboard/jobs").text
    row = listing[listing.index(f'data-job="{ru_job}"') :]
    row = row[: row.index("</tr>")]
    assert "v-altered" not in row and "paraphrased</span> 1" in row


@pytest.mark.parametrize(
    "query",
    ["Орлов", "ТАСС", "tass", "РИА", "tass.com/economy", "строительство потратили", "Павел"],
)
def test_search_finds_speaker_outlet_alias_url_and_quote_text(reviewer, job_id, ru_job, query):
    page = reviewer.get("/dashboard/jobs", params={"q": query}).text
    assert set(re.findall(r'data-job="([^"]+)"', page)) == {ru_job}


def test_search_finds_the_english_story_by_speaker(reviewer, job_id, ru_job):
    page = reviewer.get("/dashboard/jobs", params={"q": "Helen Marsh"}).text
    assert set(re.findall(r'data-job="([^"]+)"', page)) == {job_id}


def test_audit_trail_reads_as_sentences_with_the_raw_record_a_click_away(reviewer, job_id, store):
    quotes = store.get_job(job_id).result["quotes"]
    n = next(i for i, q in enumerate(quotes, 1) if q["verdict"] == "altered")
    _post(
        reviewer,
        job_id,
        f"/quotes/{n}/review",
        {"action": "override", "verdict": "paraphrased", "reason": "Herald rewords it"},
    )
    for lang, sentence in (
        (
            "en",
            f"Rita Reviewer changed the verdict of quote {n} from altered to paraphrased: “Herald rewords it”",
        ),
        (
            "ru",
            f"Rita Reviewer меняет вердикт цитаты {n} с «искажена» на «пересказ»: «Herald rewords it»",
        ),
    ):
        page = reviewer.get(f"/dashboard/jobs/{job_id}?lang={lang}").text
        audit = page[page.index('id="audit"') :]
        assert sentence in _text(audit)
        raw = audit[audit.index("<details") : audit.index("</details>")]
        assert (
            "&#34;action&#34;: &#34;review.override&#34;" in raw
            or '"action": "review.override"' in html.unescape(raw)
        )


def test_progress_follows_quotes_as_they_are_judged(reviewer, store, monkeypatch):
    from dataclasses import dataclass

    from quotetrail.core.models import Quote, SourceStatus
    from quotetrail.core.report import evaluate
    from worker import runtime, tasks

    @dataclass(frozen=True)
    class Page:
        status: SourceStatus
        text: str

    seen: list[tuple[int, int]] = []
    quotes = [Quote("one two three"), Quote("four five six"), Quote("seven eight")]
    pages = [Page(SourceStatus(f"p{n}", "ok"), "one two three. four five six.") for n in (1, 2)]
    evaluate(quotes, pages, on_quote=lambda done, total: seen.append((done, total)))
    # source by source: each page judged against every quote, in quotes' worth of work
    assert seen == [(1, 3), (3, 3)]
    seen.clear()
    evaluate(quotes, [], on_quote=lambda done, total: seen.append((done, total)))
    assert seen == [(3, 3)]  # nothing to judge against: done at once

    job, _ = store.create_job({"article": {"text": "x"}})
    store.start_job(job.id, quotes_total=3, sources_total=0, article={})
    monkeypatch.setattr(runtime, "store", lambda: store)
    monkeypatch.setattr(runtime, "redis_client", lambda: None)
    judged = tasks._judged_counter(job.id, every=0)
    judged(1, 3)
    assert store.get_job(job.id).quotes_done == 1
    judged(2, 3)
    assert store.get_job(job.id).quotes_done == 2
    judged(3, 3)  # the end is written with the report (complete_job), not here
    slow = tasks._judged_counter(job.id, every=3600)
    slow(1, 3)
    slow(2, 3)  # within the interval: not written
    assert store.get_job(job.id).quotes_done == 2
    data = reviewer.get(f"/dashboard/jobs/{job.id}/progress").json()
    assert (data["quotes_done"], data["quotes_total"]) == (2, 3)
    assert data["quotes_text"] == "Quotes aligned: 2 of 3"


def test_outlet_names_use_name_ru_in_russian_once_the_registry_has_it(monkeypatch):
    from dataclasses import dataclass

    from api.dashboard import panel

    @dataclass(frozen=True)
    class WithRussianName:
        name: str
        name_ru: str

    monkeypatch.setattr(panel, "outlet_record", lambda name: WithRussianName("TASS", "ТАСС"))
    assert panel.outlet_display("tass", "ru") == "ТАСС"
    assert panel.outlet_display("tass", "en") == "TASS"
    monkeypatch.undo()
    assert panel.outlet_display("TASS", "ru") == "ТАСС"  # the registry's own name_ru
    assert panel.outlet_display("Nobody Weekly", "ru") == "Nobody Weekly"
    assert panel.outlet_display(None, "ru") is None


def test_reasons_in_plain_words_both_languages():
    from api.dashboard.reasons import explain

    assert explain("negation dropped: not", "en").text == (
        "The quote drops the source's negation: not."
    )
    assert explain("date changed: spring → autumn", "ru").text == (
        "Другая дата или период: в источнике «spring», в цитате «autumn»."
    )
    assert explain("https://x.example/a answered HTTP 404", "ru").text == (
        "Страница ответила HTTP 404."
    )
    unknown = explain("a reason the core invents tomorrow", "ru")
    assert (unknown.text, unknown.lang) == ("a reason the core invents tomorrow", "en")
