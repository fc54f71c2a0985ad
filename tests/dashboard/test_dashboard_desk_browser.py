"""The review desk in headless Chromium: panels, phone and tablet sheets, the evidence
viewer, publish-ready exports, workflow, live progress, and axe-core on every page in
both languages and both viewports.

The dashboard runs in-process (uvicorn on 127.0.0.1, SQLite in tmp) over a store seeded
with the pipeline's own report and a synthetic Russian report carrying every new field.
axe-core comes from npm (.ci/browser.sh installs it into .ci/.npm). Writes the README's
screenshots to docs/screenshots/.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from api.dashboard import claimreview
from quotetrail.config import ServiceConfig
from quotetrail.store import Store
from quotetrail.store.users import UserStore
from tests.dashboard import synthetic
from tests.dashboard.conftest import PASSWORD, seed_finished_job
from tests.support.dispatcher import RecordingDispatcher
from tests.support.processes import free_port

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
AXE = ROOT / ".ci" / ".npm" / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "docs" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DESKTOP = {"width": 1280, "height": 860}
PHONE = {"width": 390, "height": 844}
TABLET = {"width": 768, "height": 1024}
ALTERED = "The work will cost 12 million"

if not Path(CHROMIUM).exists() and not os.environ.get("CI"):
    pytest.skip("Chromium is not installed (run .ci/browser.sh)", allow_module_level=True)


@pytest.fixture(scope="module")
def desk(tmp_path_factory) -> Iterator[dict]:
    """The dashboard on a loopback port, with users and two finished articles."""
    import uvicorn
    from fastapi import FastAPI

    from api.dashboard import mount

    data = tmp_path_factory.mktemp("desk")
    url = f"sqlite:///{data / 'quotetrail.db'}"
    store = Store(url)
    store.migrate()
    users = UserStore(store)
    users.add("ed", PASSWORD, "editor", "Ed Editor")
    users.add("rita", PASSWORD, "reviewer", "Rita Reviewer")
    users.add("ada", PASSWORD, "admin", "Ada Admin")
    english = seed_finished_job(store)
    russian = synthetic.seed(store)
    config = ServiceConfig(database_url=url, redis_url=None, data_dir=data, secret_key="desk")
    app = FastAPI()
    mount(app, store, config, dispatcher=RecordingDispatcher())
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "the dashboard did not start"
    try:
        yield {
            "base": f"http://127.0.0.1:{port}/dashboard",
            "store": store,
            "english": english,
            "russian": russian,
        }
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        store.close()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def open_page(browser, desk, user="rita", viewport=DESKTOP, lang="en", **options):
    context = browser.new_context(viewport=viewport, accept_downloads=True, **options)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.goto(f"{desk['base']}/login?lang={lang}")
    page.fill("#username", user)
    page.fill("#password", PASSWORD)
    page.click("form button.primary")
    page.wait_for_url("**/dashboard/jobs")
    return page


@pytest.fixture
def page(browser, desk):
    page = open_page(browser, desk)
    yield page
    page.context.close()


def quote_number(desk, job_key: str, start: str) -> int:
    quotes = desk["store"].get_job(desk[job_key]).result["quotes"]
    return next(i for i, q in enumerate(quotes, 1) if q["text"].startswith(start))


def fits_width(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_panel_leads_with_the_deciding_outlet(page, desk):
    page.goto(f"{desk['base']}/jobs/{desk['russian']}")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "article-view.png"))
    page.click("#q-2")
    panel = page.locator("#panel-2")
    assert panel.is_visible()
    deciding = panel.locator("[data-deciding]")
    assert deciding.locator(".src-outlet").first.inner_text() == "RIA Novosti"
    assert "web.archive.org" in deciding.inner_text()
    assert deciding.locator("[data-archived]").is_visible()
    # the legend sits beside the diff, not below every source
    passage = deciding.locator("[data-diff]").bounding_box()
    legend = deciding.locator("[data-diff-legend]").bounding_box()
    assert legend["x"] >= passage["x"] + passage["width"] - 1
    assert legend["y"] < passage["y"] + passage["height"]
    assert deciding.locator("del").first.inner_text() == "40 миллиардов"
    assert deciding.locator("ins").first.inner_text() == "4 миллиарда"
    # other sources are folded until asked for
    others = panel.locator("[data-others]")
    assert not others.locator(".others-list").is_visible()
    others.locator("summary").first.click()
    assert "TASS" in others.locator(".others-list").inner_text()
    panel_box = panel.bounding_box()
    assert panel_box["height"] < 2000
    page.evaluate("window.scrollTo(0, 0)")
    page.locator("#panels").evaluate("box => { box.scrollTop = 0; }")
    page.screenshot(path=str(SCREENSHOTS / "quote-panel.png"))
    assert page.errors == []


def test_comparison_cards_fit_the_panel(page, desk):
    n = quote_number(desk, "english", "The depot will reopen")
    page.goto(f"{desk['base']}/jobs/{desk['english']}?q={n}")
    panel = page.locator(f"#panel-{n}")
    cards = panel.locator(".wordings")
    if cards.count():
        width = panel.evaluate("p => p.clientWidth")
        assert cards.first.evaluate("c => c.scrollWidth") <= width
    assert panel.evaluate("p => p.scrollWidth <= p.clientWidth")


def test_cross_language_evidence_and_low_confidence_toggle(page, desk):
    page.goto(f"{desk['base']}/jobs/{desk['russian']}?lang=ru")
    page.click("#q-3")
    crosslang = page.locator("#panel-3 [data-crosslang]")
    assert crosslang.locator('blockquote[lang="en"]').inner_text() == synthetic.ENGLISH_PASSAGE
    assert page.locator("#q-3 sup").inner_text() == "T3"
    low = page.locator("#q-4")
    before = low.evaluate("a => getComputedStyle(a).backgroundColor")
    page.check("[data-hide-low]")
    after = low.evaluate("a => getComputedStyle(a).backgroundColor")
    assert before != after and after in ("rgba(0, 0, 0, 0)", "transparent")
    page.reload()
    assert page.is_checked("[data-hide-low]")  # remembered on this device
    page.uncheck("[data-hide-low]")


@pytest.mark.parametrize("viewport", [PHONE, TABLET], ids=["phone", "tablet"])
def test_phone_and_tablet_sheet(browser, desk, viewport):
    page = open_page(browser, desk, viewport=viewport)
    try:
        assert fits_width(page), "the article list is wider than the screen"
        page.goto(f"{desk['base']}/jobs/{desk['english']}")
        assert fits_width(page), "the article page is wider than the screen"
        n = quote_number(desk, "english", ALTERED)
        page.click(f"#q-{n}")
        panel = page.locator(f"#panel-{n}")
        panel.wait_for(state="visible")
        box = panel.bounding_box()
        assert box["y"] < viewport["height"] and box["y"] + 40 > 0, box
        assert page.evaluate(
            "document.activeElement && document.activeElement.closest('[data-panel]') !== null"
        )
        if viewport is PHONE:
            page.screenshot(path=str(SCREENSHOTS / "phone-view.png"))
        page.keyboard.press("Escape")
        assert not panel.is_visible()
        page.click(f"#q-{n}")
        assert panel.is_visible()
        page.go_back()
        panel.wait_for(state="hidden")
        assert f"/jobs/{desk['english']}" in page.url  # back closed the sheet, not the page
        page.click(f"#q-{n}")
        page.click(f"#panel-{n} [data-close]")
        assert not panel.is_visible()
        assert page.errors == []
    finally:
        page.context.close()


def test_evidence_viewer(page, desk):
    store = desk["store"]
    page.goto(f"{desk['base']}/jobs/{desk['russian']}?q=2")
    page.click("#panel-2 [data-deciding] [data-snapshot]")
    page.wait_for_url("**/evidence?**")
    mark = page.locator("mark#passage")
    assert mark.inner_text() == synthetic.RIA_PASSAGE
    assert mark.is_visible()
    box = page.locator(".evidence-text").bounding_box()
    mark_box = mark.bounding_box()
    assert box["y"] <= mark_box["y"] <= box["y"] + box["height"]
    record = store.get_snapshot(desk["russian"], synthetic.ARCHIVE_URL)
    assert page.locator("[data-sha256]").inner_text() == record.sha256
    assert "2026-11-20T10:11:12" in page.locator("[data-captured]").inner_text()
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("script:not([src])").count() == 0
    page.screenshot(path=str(SCREENSHOTS / "evidence-viewer.png"))
    with page.expect_download() as info:
        page.click("[data-raw]")
    raw = Path(info.value.path()).read_bytes()
    assert hashlib.sha256(raw).hexdigest() == record.sha256


def test_claimreview_from_the_export_form_validates(browser, desk):
    page = open_page(browser, desk, lang="ru")
    try:
        job = desk["english"]
        page.goto(f"{desk['base']}/jobs/{job}")
        page.click("details.claimreview-form summary")
        page.fill("#cr-name", "Долина. Проверка фактов")
        page.fill("#cr-url", "https://factdesk.example/")
        page.fill("#cr-page", "https://factdesk.example/checks/depot")
        page.click("[data-export=claimreview]")
        assert "Ни одна цитата этой статьи ещё не проверена" in page.inner_text("main")
        n = quote_number(desk, "english", ALTERED)
        page.goto(f"{desk['base']}/jobs/{job}?q={n}")
        panel = page.locator(f"#panel-{n}")
        panel.locator("button[data-action=confirm]").click()
        page.wait_for_selector(".flash-ok")
        page.click("details.claimreview-form summary")
        page.fill("#cr-name", "Долина. Проверка фактов")
        page.fill("#cr-url", "https://factdesk.example/")
        page.fill("#cr-page", "https://factdesk.example/checks/depot")
        with page.expect_download() as info:
            page.click("[data-export=claimreview]")
        data = json.loads(Path(info.value.path()).read_text("utf-8"))
        assert claimreview.validate(data) == []
        [review] = data["@graph"]
        assert review["reviewRating"]["alternateName"] == "Цитата искажена"
        assert review["author"]["name"] == "Долина. Проверка фактов"
    finally:
        page.context.close()


def test_workflow_signoff_comments_dismissal_and_audit(browser, desk):
    page = open_page(browser, desk, user="ed")
    try:
        job = desk["russian"]
        page.goto(f"{desk['base']}/jobs/{job}?q=4")
        panel = page.locator("#panel-4")
        panel.locator("details.dismiss summary").click()
        panel.locator("textarea[name=reason]").last.fill("A summary, not a quotation")
        panel.locator("button[data-action=dismiss]").click()
        page.wait_for_selector(".flash-ok")
        assert "dismissed" in page.locator("#q-4").get_attribute("class")
        page.fill("#cm-article", "Ask the desk about the toll")
        page.click("#article-comments button[data-action=comment]")
        page.wait_for_selector(".flash-ok")
        assert "Ask the desk about the toll" in page.inner_text("#article-comments")
        page.click("[data-action=mark-reviewed]")
        warning = page.locator("#signoff")
        assert warning.is_visible() and "3 of 3 quotes are not reviewed" in warning.inner_text()
        page.click("[data-action=confirm-signoff]")
        page.wait_for_selector(".flash-ok")
        assert page.locator(".st-reviewed").count() >= 1
        audit = page.locator("#audit li[data-audit-action='article.reviewed']")
        assert "with 3 quotes unreviewed" in audit.inner_text()
        raw = audit.locator("details.raw")
        assert not raw.locator("pre").is_visible()
        raw.locator("summary").click()
        assert '"unreviewed": 3' in raw.locator("pre").inner_text()
        page.click("button:has-text('Reopen the review')")
        page.wait_for_selector(".flash-ok")
    finally:
        page.context.close()


def test_live_progress_follows_judged_quotes(page, desk):
    store = desk["store"]
    job, _ = store.create_job({"article": {"text": "A long story."}}, owner="rita")
    store.start_job(job.id, quotes_total=3, sources_total=0, article={})
    page.goto(f"{desk['base']}/jobs/{job.id}")
    assert "0 of 3" in page.inner_text("[data-field=quotes]")
    store.set_progress(job.id, quotes_done=2)
    deadline = time.monotonic() + 10  # the page hears it from live events, no reload
    while "2 of 3" not in page.inner_text("[data-field=quotes]"):
        assert time.monotonic() < deadline, page.inner_text("[data-field=quotes]")
        page.wait_for_timeout(200)
    assert page.locator("[data-bar=quotes]").evaluate("b => b.value") == 2
    store.fail_job(job.id, "stopped by the test")


def test_search_finds_an_outlet_by_its_russian_alias(page, desk):
    page.goto(f"{desk['base']}/jobs?lang=ru")
    page.fill("#f-q", "ТАСС")
    page.press("#f-q", "Enter")
    page.wait_for_url("**/jobs?**")
    rows = page.locator("tr[data-job]")
    assert rows.count() >= 1
    assert {rows.nth(i).get_attribute("data-job") for i in range(rows.count())} == {desk["russian"]}


AXE_PAGES = [
    ("list", "/jobs"),
    ("article", "/jobs/{english}?q=2"),
    ("synthetic", "/jobs/{russian}?q=3"),
    ("evidence", "/jobs/{russian}/evidence?source=https%3A%2F%2Ftass.com%2Feconomy%2F200002&q=3"),
    ("submit", "/submit"),
    ("users", "/users"),
    ("error", "/jobs/no-such-job"),
    ("login", "/login"),
]


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_axe_finds_no_violations(browser, desk, lang, viewport):
    if not AXE.exists():
        pytest.fail(f"axe-core is missing at {AXE}: run .ci/browser.sh")
    # bypass_csp only so the test can inject axe; the pages' own CSP is tested elsewhere
    page = open_page(browser, desk, user="ada", viewport=viewport, lang=lang, bypass_csp=True)
    source = AXE.read_text("utf-8")
    problems = {}
    try:
        for name, path in AXE_PAGES:
            if name == "login":
                page.context.clear_cookies()
            page.goto(
                desk["base"] + path.format(**desk) + ("&" if "?" in path else "?") + f"lang={lang}"
            )
            page.add_script_tag(content=source)
            result = page.evaluate(
                "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
                ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(' | '))"
            )
            if result:
                problems[name] = result
        assert problems == {}
    finally:
        page.context.close()
