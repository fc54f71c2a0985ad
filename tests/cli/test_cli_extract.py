"""`quotetrail extract`: the quotes an article holds, as text or JSON."""

from __future__ import annotations

import json

from quotetrail.cli import main
from tests.cli.conftest import ALTERED_QUOTE, ARTICLE_TEMPLATE, MATCHED_QUOTE


def test_extract_json(capsys, tmp_path):
    article = tmp_path / "a.html"
    article.write_text(ARTICLE_TEMPLATE.format(link="https://example.test/s"), encoding="utf-8")
    assert main(["extract", str(article), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    texts = [q["text"] for q in data["quotes"]]
    assert MATCHED_QUOTE in texts and ALTERED_QUOTE in texts
    first = data["quotes"][texts.index(MATCHED_QUOTE)]
    assert "Berg" in (first["speaker"] or "")
    assert data["article"]["title"].startswith("Eastmere pier to reopen")
    assert data["article"]["quotes"] == len(texts)


def test_extract_text(capsys, tmp_path):
    article = tmp_path / "a.html"
    article.write_text(ARTICLE_TEMPLATE.format(link="https://example.test/s"), encoding="utf-8")
    assert main(["extract", str(article)]) == 0
    out = capsys.readouterr().out
    assert f"“{MATCHED_QUOTE}”" in out
    assert "quotes found" in out
