"""Display-only passage translation: LibreTranslate on loopback; verdicts never change."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest

from quotetrail.core.models import Evidence, Quote, QuoteResult, Report
from quotetrail.translate import LibreTranslate, add_translations, load_translator


class FakeLibreTranslate(BaseHTTPRequestHandler):
    requests: ClassVar[list[dict]] = []
    fail = False

    def log_message(self, *args: object) -> None:
        pass

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).requests.append(body)
        if self.path != "/translate" or type(self).fail:
            self.send_response(500)
            self.end_headers()
            return
        out = json.dumps({"translatedText": f"[{body['target']}] {body['q']}"}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(out)))
        self.end_headers()
        self.wfile.write(out)


@pytest.fixture
def libre():
    FakeLibreTranslate.requests = []
    FakeLibreTranslate.fail = False
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeLibreTranslate)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _report() -> Report:
    ru = Evidence("ru-page", "translated", 92.0, "Мы восстановим плотину.", 0, 23, lang="ru")
    en = Evidence("en-page", "matched", 100.0, "We will restore the dam.", 0, 24, lang="en")
    result = QuoteResult(Quote("We will restore the dam."), "matched", 100.0, (en, ru, ru))
    return Report(quotes=(result,), sources=())


def test_other_language_passages_get_a_translation_once(libre) -> None:
    report = add_translations(_report(), LibreTranslate(libre))
    en, ru, ru_again = report.quotes[0].evidence
    assert en.translation is None  # same language as the quote: nothing to translate
    assert ru.translation == "[en] Мы восстановим плотину."
    assert ru_again.translation == ru.translation
    assert FakeLibreTranslate.requests == [
        {"q": "Мы восстановим плотину.", "source": "ru", "target": "en", "format": "text"}
    ]
    assert [e.verdict for e in report.quotes[0].evidence] == ["matched", "translated", "translated"]


def test_a_failing_translator_leaves_translation_null_and_verdicts_alone(libre) -> None:
    FakeLibreTranslate.fail = True
    report = add_translations(_report(), LibreTranslate(libre))
    assert all(e.translation is None for e in report.quotes[0].evidence)
    assert report.quotes[0].verdict == "matched"


def test_translator_is_chosen_by_settings(monkeypatch, tmp_path, libre) -> None:
    monkeypatch.delenv("QUOTETRAIL_TRANSLATE_URL", raising=False)
    monkeypatch.delenv("QUOTETRAIL_TRANSLATE_ARGOS", raising=False)
    assert load_translator() is None
    assert add_translations(_report(), None) == _report()
    monkeypatch.setenv("QUOTETRAIL_TRANSLATE_ARGOS", str(tmp_path / "missing.argosmodel"))
    assert load_translator() is None  # unavailable: logged, no translation
    monkeypatch.setenv("QUOTETRAIL_TRANSLATE_URL", libre)
    assert isinstance(load_translator(), LibreTranslate)
    assert load_translator() is load_translator()  # loaded once per process, not per job
