"""End to end in headless Chromium: the real service (`quotetrail serve`: API, dashboard,
embedded Celery worker, SQLite in tmp) checks an article whose sources a loopback
server plays, and a journalist reviews it in the browser.

(The README's screenshots come from test_dashboard_desk_browser.py.)
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from quotetrail.store import Store
from quotetrail.store.users import UserStore
from tests.dashboard import newsroom
from tests.support.local_server import Route, serving
from tests.support.processes import free_port, serve

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
PASSWORD = "correct horse battery"
FINISH_TIMEOUT_MS = 90_000

if not Path(CHROMIUM).exists() and not os.environ.get("CI"):
    pytest.skip("Chromium is not installed (run .ci/browser.sh)", allow_module_level=True)


@pytest.fixture(scope="module")
def service(tmp_path_factory) -> Iterator[str]:
    """`quotetrail serve` in its own process group, with two dashboard users."""
    data = tmp_path_factory.mktemp("service")
    store = Store(f"sqlite:///{data / 'quotetrail.db'}")
    store.migrate()
    users = UserStore(store)
    users.add("ada", PASSWORD, "admin", "Ada Admin")
    users.add("rita", PASSWORD, "reviewer", "Rita Reviewer")
    store.close()

    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env.update(QUOTETRAIL_DATA_DIR=str(data), QUOTETRAIL_SECRET_KEY="browser-test-secret")
    port = free_port()
    try:
        server = serve(
            env, data / "serve.log", port, concurrency=1, timeout=60, ready_path="/dashboard/login"
        )
    except AssertionError as exc:
        pytest.fail(f"quotetrail serve did not start: {exc}")
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.stop()  # our own process group only: the server and the worker it started


@pytest.fixture(scope="module")
def outlets() -> Iterator[dict[str, str]]:
    """The cited outlets, played on loopback: an HTML page and a plain-text transcript."""
    with serving({}) as site:
        site.routes["/robots.txt"] = Route(
            "User-agent: *\nAllow: /\n", headers={"Content-Type": "text/plain"}
        )
        site.routes["/city/depot"] = Route(newsroom.HERALD_HTML)
        site.routes["/bulletin"] = Route(
            newsroom.RADIO_TEXT, headers={"Content-Type": "text/plain; charset=utf-8"}
        )
        yield {"herald": site.url("/city/depot"), "radio": site.url("/bulletin")}


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 860}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.console_messages_seen = []
    page.on("console", lambda message: page.console_messages_seen.append(message.text))
    yield page
    context.close()


def sign_in(page, base: str, username: str) -> None:
    page.goto(base + "/dashboard/jobs")
    assert "/dashboard/login" in page.url
    page.fill("#username", username)
    page.fill("#password", PASSWORD)
    page.click("form button.primary")
    page.wait_for_url("**/dashboard/jobs")


def submit(page, base: str, *, mode: str, article: str, sources: list[str] = ()) -> str:
    page.goto(base + "/dashboard/submit")
    page.check(f"input[name=mode][value={mode}]")
    page.fill(f"#s-{mode}", article)
    if sources:
        page.fill("#s-sources", "\n".join(sources))
    page.click("form.submit-form button.primary")
    page.wait_for_url("**/dashboard/jobs/*")
    return page.url.rsplit("/", 1)[1].split("?")[0]


def wait_until_checked(page) -> None:
    """The page polls the job and reloads itself when it is done."""
    page.wait_for_selector("#article-text", timeout=FINISH_TIMEOUT_MS)


def test_review_an_article_end_to_end(page, service, outlets):
    sign_in(page, service, "rita")
    html = newsroom.article_html(outlets["herald"], outlets["radio"])
    job_id = submit(page, service, mode="html", article=html)
    assert page.locator("#progress").count() == 1 or page.locator("#article-text").count() == 1
    wait_until_checked(page)
    assert page.locator("h1").inner_text() == newsroom.ARTICLE_TITLE

    # Every quote is highlighted; the altered one is marked by colour class and letter.
    altered = page.locator("a.quote", has_text="The work will cost 12 million")
    assert "v-altered" in altered.get_attribute("class")
    assert altered.locator("sup").inner_text().startswith("A")

    # Open the quote: its panel shows the source passage with the word diff.
    altered.click()
    number = altered.get_attribute("data-quote")
    panel = page.locator(f"#panel-{number}")
    assert panel.is_visible()
    # suggestion mode, source = original: the source's 21 struck, the quote's 12 added
    assert panel.locator("[data-deciding] del").first.inner_text() == "21"
    assert panel.locator("[data-deciding] ins").first.inner_text() == "12"
    herald_host = outlets["herald"].split("/")[2].split(":")[0]
    assert herald_host in panel.locator("[data-deciding]").inner_text()
    assert panel.locator("[data-snapshot]").count() >= 1

    # Keyboard: j / k move between quotes and open their panels.
    page.keyboard.press("j")
    following = int(number) % page.locator("#article-text a.quote").count() + 1
    assert page.locator(f"#panel-{following}").is_visible() and not panel.is_visible()
    assert page.evaluate("document.activeElement.id") == f"q-{following}"
    page.keyboard.press("k")
    assert panel.is_visible()
    page.keyboard.press("Escape")
    assert not panel.is_visible()
    assert page.evaluate("document.activeElement.id") == f"q-{number}"
    page.keyboard.press("Enter")  # keyboard opening puts focus in the panel, for its forms
    assert panel.is_visible()
    assert page.evaluate("document.activeElement.id") == f"panel-{number}"
    page.keyboard.press("Escape")

    # Override the verdict with a reason; the audit trail shows it.
    altered.click()
    panel.locator("select[name=verdict]").select_option("matched")
    panel.locator("form.override textarea[name=reason]").fill(
        "The Herald corrected its figure to 12 million"
    )
    panel.locator("button[data-action=override]").click()
    page.wait_for_selector(".flash-ok")
    audit = page.locator("#audit li[data-audit-action='review.override']")
    assert audit.count() == 1
    assert "Rita Reviewer changed the verdict" in audit.inner_text()
    assert "12 million" in audit.inner_text()
    assert "v-matched" in page.locator(f"#q-{number}").get_attribute("class")

    # Export CSV: the override is in the rows, next to each source's own verdict.
    with page.expect_download() as download_info:
        page.click("[data-export=csv]")
    body = Path(download_info.value.path()).read_text("utf-8-sig")  # BOM first, for Excel
    rows = list(csv.DictReader(io.StringIO(body)))
    mine = [r for r in rows if r["quote"].startswith("The work will cost 12 million")]
    assert {r["verdict"] for r in mine} == {"matched"}
    herald_row = next(r for r in mine if r["source"] == outlets["herald"])
    assert herald_row["source verdict"] == "altered"
    assert herald_row["reviewer's reason"] == "The Herald corrected its figure to 12 million"
    assert herald_row["job"] == job_id

    # Switch the interface to Russian.
    page.click("[data-lang=ru]")
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "ru"
    assert "Журнал действий" in page.content()
    assert "Статьи" in page.locator("header.top nav").first.inner_text()
    page.goto(service + "/dashboard/jobs")
    assert page.locator("h1").inner_text() == "Статьи"
    assert not [m for m in page.console_messages_seen if "Content Security Policy" in m]


def test_planted_markup_never_runs(page, service, outlets):
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    sign_in(page, service, "rita")
    article = (
        "Riverton, Monday. The mayor spoke about the tram depot.\n\n"
        f"“Residents asked for this {newsroom.PWN_IMG} for a whole decade,” the mayor told "
        f"Valley Radio. {newsroom.PWN_SCRIPT} <svg onload=alert(1)></svg>\n"
    )
    submit(
        page, service, mode="text", article=article, sources=[outlets["radio"], outlets["herald"]]
    )
    wait_until_checked(page)
    quotes = page.locator("a.quote")
    assert quotes.count() >= 1
    assert "onerror" in page.locator("#article-text").inner_text()  # shown as text
    for index in range(quotes.count()):
        quotes.nth(index).click()
    assert page.evaluate("typeof window.__pwned") == "undefined"

    snapshot = page.locator(".source-line[data-source$='/bulletin'] [data-snapshot]").get_attribute(
        "href"
    )
    page.goto(service + snapshot)
    assert "window.__pwned" in page.locator("body").inner_text()
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert dialogs == []
    assert page.locator("img").count() == 0
