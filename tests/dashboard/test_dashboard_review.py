"""The article view, quote panels, verdict review, assignment and the audit trail."""

from __future__ import annotations

import re

from tests.dashboard.conftest import HERALD, csrf_token


def quote_number(job, text_start: str) -> int:
    quotes = job.result["quotes"]
    return next(i for i, q in enumerate(quotes, 1) if q["text"].startswith(text_start))


def test_article_view_highlights_every_placed_quote(reviewer, job_id, store):
    job = store.get_job(job_id)
    page = reviewer.get(f"/dashboard/jobs/{job_id}")
    assert page.status_code == 200
    assert "Riverton will rebuild the old tram depot, mayor says" in page.text
    for number, quote in enumerate(job.result["quotes"], 1):
        anchor = re.search(rf'<a class="quote v-(\w+)[^"]*" id="q-{number}"[^>]*>', page.text)
        assert anchor, f"quote {number} not highlighted"
        assert anchor.group(1) == quote["verdict"]
        # Readable without colour: the verdict's letter follows the quote.
        letter = {"matched": "M", "paraphrased": "P", "altered": "A", "not_found": "N"}
        if quote["verdict"] in letter:
            assert f'aria-hidden="true">{letter[quote["verdict"]]}{number}</sup>' in page.text


def test_quote_panel_shows_evidence_with_inline_diff(reviewer, job_id, store):
    job = store.get_job(job_id)
    n = quote_number(job, "The work will cost 12 million")
    page = reviewer.get(f"/dashboard/jobs/{job_id}?q={n}")
    panel = page.text[page.text.index(f'id="panel-{n}"') :]
    panel = panel[: panel.index("</section>")]
    assert "hidden" not in panel[: panel.index(">")]  # the asked-for panel is open
    assert "Helen Marsh" in panel
    # Led by the deciding source, named by its outlet (here its host: no registry outlet).
    deciding = panel[panel.index("data-deciding") :]
    assert '<strong class="src-outlet">herald.example</strong>' in deciding
    # Suggestion mode, source = original: the source's 21 struck, the quote's 12 added.
    assert "<del>21</del>" in panel and "<ins>12</ins>" in panel
    assert "data-diff-legend" in panel and "words the quote adds" in panel
    assert "The number differs: the source says “21 million”, the quote “12 million”" in panel
    assert "/evidence?source=https%3A%2F%2Fherald.example%2Fcity%2Fdepot" in panel
    assert f'href="{HERALD}" rel="noopener noreferrer nofollow"' in panel


def test_other_panels_start_hidden(reviewer, job_id):
    page = reviewer.get(f"/dashboard/jobs/{job_id}")
    assert re.findall(r'<section class="panel[^"]*" id="panel-\d+"[^>]*hidden>', page.text)
    assert not re.findall(r'<section class="panel[^"]*" id="panel-\d+"[^>]*-1">', page.text)


def test_cross_source_comparison_groups_wordings(reviewer, job_id, store):
    job = store.get_job(job_id)
    page = reviewer.get(f"/dashboard/jobs/{job_id}")
    compare = page.text[page.text.index('id="compare-h"') :]
    assert '<table class="comparison"' not in page.text  # cards that fit any width
    for quote in job.result["quotes"]:
        for group in quote["comparison"]:
            # each carrying source by its name (host here), never a raw URL
            host = group["sources"][0].split("/")[2]
            assert host in compare


def test_confirm_records_review_and_audit(reviewer, job_id, store):
    job = store.get_job(job_id)
    n = quote_number(job, "The depot will reopen")
    token = csrf_token(reviewer.get(f"/dashboard/jobs/{job_id}").text)
    response = reviewer.post(
        f"/dashboard/jobs/{job_id}/quotes/{n}/review",
        data={"action": "confirm", "verdict": "matched", "csrf_token": token},
    )
    assert response.status_code == 200
    assert "Saved." in response.text
    [entry] = store.list_audit(job_id)
    assert (entry.actor, entry.action, entry.quote_index) == ("rita", "review.confirm", n - 1)
    assert entry.before == {"verdict": "matched", "reviewed": False}
    assert entry.after["verdict"] == "matched"
    assert 'data-audit-action="review.confirm"' in response.text
    assert "in review" in response.text  # the article moved out of "not reviewed"


def test_override_requires_a_reason(reviewer, job_id, store):
    job = store.get_job(job_id)
    n = quote_number(job, "The work will cost")
    token = csrf_token(reviewer.get(f"/dashboard/jobs/{job_id}").text)
    response = reviewer.post(
        f"/dashboard/jobs/{job_id}/quotes/{n}/review",
        data={"action": "override", "verdict": "matched", "reason": "   ", "csrf_token": token},
    )
    assert response.status_code == 400
    assert "An override needs a reason." in response.text
    assert store.list_audit(job_id) == []


def test_override_changes_the_verdict_shown_and_keeps_the_original(reviewer, job_id, store):
    job = store.get_job(job_id)
    n = quote_number(job, "The work will cost")
    token = csrf_token(reviewer.get(f"/dashboard/jobs/{job_id}").text)
    reason = "Herald corrected its figure to 12 million on Tuesday"
    reviewer.post(
        f"/dashboard/jobs/{job_id}/quotes/{n}/review",
        data={"action": "override", "verdict": "matched", "reason": reason, "csrf_token": token},
    )
    page = reviewer.get(f"/dashboard/jobs/{job_id}?q={n}")
    assert re.search(rf'<a class="quote v-matched[^"]*" id="q-{n}"', page.text)
    panel = page.text[page.text.index(f'id="panel-{n}"') :]
    assert reason in panel[: panel.index("</section>")]
    [entry] = store.list_audit(job_id)
    assert entry.action == "review.override"
    assert entry.before["verdict"] == "altered" and entry.after["verdict"] == "matched"
    assert entry.after["reason"] == reason


def test_unknown_verdict_and_quote_are_refused(reviewer, job_id, store):
    token = csrf_token(reviewer.get(f"/dashboard/jobs/{job_id}").text)
    bad = reviewer.post(
        f"/dashboard/jobs/{job_id}/quotes/1/review",
        data={"action": "override", "verdict": "true", "reason": "x", "csrf_token": token},
    )
    assert bad.status_code == 400
    missing = reviewer.post(
        f"/dashboard/jobs/{job_id}/quotes/99/review",
        data={"action": "confirm", "verdict": "matched", "csrf_token": token},
    )
    assert missing.status_code == 404
    assert reviewer.get("/dashboard/jobs/no-such-job").status_code == 404
    hand_edited = reviewer.get(f"/dashboard/jobs/{job_id}?q=abc")
    assert hand_edited.status_code == 404 and "Not found." in hand_edited.text
    assert store.list_audit(job_id) == []


def test_reviewer_cannot_assign_or_sign_off(reviewer, job_id, store):
    token = csrf_token(reviewer.get(f"/dashboard/jobs/{job_id}").text)
    assign = reviewer.post(
        f"/dashboard/jobs/{job_id}/assign", data={"assignee": "rita", "csrf_token": token}
    )
    sign_off = reviewer.post(
        f"/dashboard/jobs/{job_id}/state", data={"state": "reviewed", "csrf_token": token}
    )
    assert (assign.status_code, sign_off.status_code) == (403, 403)
    assert store.list_audit(job_id) == []


def test_editor_assigns_and_signs_off_then_reviews_lock(editor, reviewer, job_id, store):
    token = csrf_token(editor.get(f"/dashboard/jobs/{job_id}").text)
    editor.post(f"/dashboard/jobs/{job_id}/assign", data={"assignee": "rita", "csrf_token": token})
    editor.post(
        f"/dashboard/jobs/{job_id}/quotes/2/assign", data={"assignee": "ed", "csrf_token": token}
    )
    unknown = editor.post(
        f"/dashboard/jobs/{job_id}/assign", data={"assignee": "ghost", "csrf_token": token}
    )
    assert unknown.status_code == 400
    listing = editor.get("/dashboard/jobs")
    row = listing.text[listing.text.index(f'data-job="{job_id}"') :]
    assert "<td>rita</td>" in row[: row.index("</tr>")]

    # Quotes are unreviewed: a warning first, and only an explicit confirmation signs off.
    warned = editor.post(
        f"/dashboard/jobs/{job_id}/state", data={"state": "reviewed", "csrf_token": token}
    )
    total = len(store.get_job(job_id).result["quotes"])
    assert warned.status_code == 409
    assert f"{total} of {total} quotes are not reviewed yet" in warned.text
    assert store.list_audit(job_id)[-1].action == "assign"  # nothing signed off yet
    editor.post(
        f"/dashboard/jobs/{job_id}/state",
        data={"state": "reviewed", "confirm_unreviewed": "1", "csrf_token": token},
    )
    page = reviewer.get(f"/dashboard/jobs/{job_id}")
    assert "The article is marked reviewed" in page.text
    assert f"Ed Editor signed the article off with {total} quotes unreviewed" in page.text
    locked = reviewer.post(
        f"/dashboard/jobs/{job_id}/quotes/1/review",
        data={"action": "confirm", "verdict": "matched", "csrf_token": csrf_token(page.text)},
    )
    assert locked.status_code == 400

    actions = [(e.actor, e.action, e.before, e.after) for e in store.list_audit(job_id)]
    assert actions == [
        ("ed", "assign", {"assignee": None}, {"assignee": "rita"}),
        ("ed", "assign", {"assignee": None}, {"assignee": "ed"}),
        (
            "ed",
            "article.reviewed",
            {"state": "unreviewed"},
            {"state": "reviewed", "unreviewed": total},
        ),
    ]


def test_audit_trail_cannot_be_edited(reviewer, job_id, store):
    import pytest
    from sqlalchemy import text
    from sqlalchemy.exc import DatabaseError

    token = csrf_token(reviewer.get(f"/dashboard/jobs/{job_id}").text)
    reviewer.post(
        f"/dashboard/jobs/{job_id}/quotes/1/review",
        data={"action": "confirm", "verdict": "matched", "csrf_token": token},
    )
    with pytest.raises(DatabaseError), store.engine.begin() as connection:
        connection.execute(text("UPDATE audit SET actor = 'someone else'"))
    assert store.list_audit(job_id)[0].actor == "rita"
    # And the page offers no way to change it: no form posts to an audit URL.
    assert "/audit" not in "".join(
        re.findall(r'action="([^"]+)"', reviewer.get(f"/dashboard/jobs/{job_id}").text)
    )


def test_job_list_filters_and_search(reviewer, editor, job_id, store):
    other, _ = store.create_job({"article": {"text": "A queued story about ferries."}}, owner="ed")
    listing = reviewer.get("/dashboard/jobs")
    assert job_id in listing.text and other.id in listing.text

    def ids(query: str) -> set[str]:
        page = reviewer.get("/dashboard/jobs?" + query)
        return set(re.findall(r'data-job="([^"]+)"', page.text))

    assert ids("verdict=altered") == {job_id}
    assert ids("status=queued") == {other.id}
    assert ids("q=tram+depot") == {job_id}
    assert ids("q=ferries") == {other.id}
    assert ids("needs_review=1") == {job_id}
    assert ids("review=reviewed") == set()
    assert ids("from=2000-01-01&to=2000-01-02") == set()
    token = csrf_token(editor.get(f"/dashboard/jobs/{job_id}").text)
    editor.post(
        f"/dashboard/jobs/{job_id}/state",
        data={"state": "reviewed", "confirm_unreviewed": "1", "csrf_token": token},
    )
    assert ids("needs_review=1") == set()
    assert ids("review=reviewed") == {job_id}
    assert ids("mine=1") == set()
    editor.post(f"/dashboard/jobs/{job_id}/assign", data={"assignee": "rita", "csrf_token": token})
    assert ids("mine=1") == {job_id}
    # Unfinished jobs carry the address their row polls for live status.
    page = reviewer.get("/dashboard/jobs").text
    assert f'data-progress-url="/dashboard/jobs/{other.id}/progress"' in page
    assert f'data-progress-url="/dashboard/jobs/{job_id}/progress"' not in page


def test_progress_endpoint_reports_counts(reviewer, store):
    job, _ = store.create_job({"article": {"text": "x"}})
    store.start_job(job.id, quotes_total=3, sources_total=2, article={})
    store.save_source(job.id, "https://a.example/", status="ok", body=b"hi", text="hi")
    data = reviewer.get(f"/dashboard/jobs/{job.id}/progress").json()
    assert (data["status"], data["sources_done"], data["sources_total"]) == ("running", 1, 2)
    assert data["finished"] is False
    page = reviewer.get(f"/dashboard/jobs/{job.id}")
    assert 'id="progress"' in page.text and "Sources fetched: 1 of 2" in page.text


def test_submit_creates_and_enqueues_a_job(reviewer, dispatcher, store):
    page = reviewer.get("/dashboard/submit")
    token = csrf_token(page.text)
    response = reviewer.post(
        "/dashboard/submit",
        data={
            "mode": "url",
            "url": "https://courier.example/2026/depot",
            "sources": "https://herald.example/city/depot\n\nhttps://radio.example/bulletin\n",
            "quotes": "The depot will reopen as a library",
            "csrf_token": token,
        },
    )
    assert response.status_code == 200
    [job_id] = dispatcher.enqueued
    assert str(response.url).endswith(f"/dashboard/jobs/{job_id}")
    job = store.get_job(job_id)
    assert job.owner == "rita"
    assert job.request == {
        "article": {"url": "https://courier.example/2026/depot"},
        "sources": [
            {"url": "https://herald.example/city/depot"},
            {"url": "https://radio.example/bulletin"},
        ],
        "quotes": ["The depot will reopen as a library"],
    }
    assert store.list_audit(job_id)[0].action == "job.submitted"


def test_submit_refuses_bad_input_with_messages(reviewer, dispatcher):
    token = csrf_token(reviewer.get("/dashboard/submit").text)
    empty = reviewer.post(
        "/dashboard/submit", data={"mode": "text", "text": " ", "csrf_token": token}
    )
    assert empty.status_code == 400 and "Give the article" in empty.text
    bad_url = reviewer.post(
        "/dashboard/submit", data={"mode": "url", "url": "ftp://x.example/", "csrf_token": token}
    )
    assert bad_url.status_code == 400 and "must start with http" in bad_url.text
    bad_source = reviewer.post(
        "/dashboard/submit",
        data={"mode": "text", "text": "Story", "sources": "not a url", "csrf_token": token},
    )
    assert bad_source.status_code == 400 and "Line 1 of the sources" in bad_source.text
    assert "not a url" in bad_source.text  # the form keeps what was typed
    assert dispatcher.enqueued == []


def test_quotes_are_listed_when_the_article_text_is_unknown(reviewer, job_id, store):
    """A URL article whose page was not kept: quotes still reachable, and the page says why."""
    report = store.get_job(job_id).result
    job, _ = store.create_job({"article": {"url": "https://courier.example/depot"}})
    store.start_job(job.id, quotes_total=len(report["quotes"]), sources_total=0, article={})
    store.finish_job(job.id, report)
    page = reviewer.get(f"/dashboard/jobs/{job.id}").text
    assert 'id="article-text"' not in page
    assert "so its quotes are listed instead of highlighted" in page
    assert page.count('<li><a class="quote') == len(report["quotes"])
