"""Measure the review desk's layout in headless Chromium (run by hand; prints figures).

    seed a temp store (the pipeline's English report + the synthetic Russian one)
        └─► dashboard on 127.0.0.1 (uvicorn thread) ─► Chromium at 1280×860, 768×1024, 390×844
            └─► page widths, the open panel's height and position, axe-core violations

Usage: PYTHONPATH=. python3 bench/dashboard_layout.py   (needs /usr/bin/chromium and
.ci/browser.sh's axe-core). Ends when every viewport is measured; loopback only.
"""

from __future__ import annotations

import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.dashboard import synthetic  # noqa: E402
from tests.dashboard.conftest import PASSWORD, seed_finished_job  # noqa: E402
from tests.support.dispatcher import RecordingDispatcher  # noqa: E402
from tests.support.processes import free_port  # noqa: E402

AXE = ROOT / ".ci" / ".npm" / "node_modules" / "axe-core" / "axe.min.js"
VIEWPORTS = {"desktop": (1280, 860), "tablet": (768, 1024), "phone": (390, 844)}


def serve(data: Path):
    import uvicorn
    from fastapi import FastAPI

    from api.dashboard import mount
    from quotetrail.config import ServiceConfig
    from quotetrail.store import Store
    from quotetrail.store.users import UserStore

    url = f"sqlite:///{data / 'q.db'}"
    store = Store(url)
    store.migrate()
    UserStore(store).add("ada", PASSWORD, "admin", "Ada Admin")
    jobs = {"english": seed_finished_job(store), "russian": synthetic.seed(store)}
    app = FastAPI()
    config = ServiceConfig(database_url=url, redis_url=None, data_dir=data, secret_key="bench")
    mount(app, store, config, dispatcher=RecordingDispatcher())
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return server, f"http://127.0.0.1:{port}/dashboard", jobs, store


def main() -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        server, base, jobs, store = serve(Path(tmp))
        quotes = store.get_job(jobs["english"]).result["quotes"]
        altered = next(i for i, q in enumerate(quotes, 1) if q["verdict"] == "altered")
        axe = AXE.read_text("utf-8") if AXE.exists() else None
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            print(
                f"{'viewport':9} {'list px':>8} {'article px':>10} {'panel h':>8} {'panel top':>9} {'axe':>4}"
            )
            for name, (width, height) in VIEWPORTS.items():
                context = browser.new_context(
                    viewport={"width": width, "height": height}, bypass_csp=True
                )
                page = context.new_page()
                page.goto(f"{base}/login")
                page.fill("#username", "ada")
                page.fill("#password", PASSWORD)
                page.click("form button.primary")
                page.wait_for_url("**/dashboard/jobs")
                list_width = page.evaluate("document.documentElement.scrollWidth")
                page.goto(f"{base}/jobs/{jobs['english']}")
                article_width = page.evaluate("document.documentElement.scrollWidth")
                page.click(f"#q-{altered}")
                box = page.locator(f"#panel-{altered}").bounding_box()
                violations = "n/a"
                if axe:
                    page.add_script_tag(content=axe)
                    violations = page.evaluate("async () => (await axe.run()).violations.length")
                print(
                    f"{name:9} {list_width:>8} {article_width:>10} {box['height']:>8.0f} "
                    f"{box['y']:>9.0f} {violations:>4}"
                )
                context.close()
            browser.close()
        server.should_exit = True


if __name__ == "__main__":
    main()
