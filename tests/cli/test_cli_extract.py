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


SEED = (
    "She said the old bridge over the river would reopen in the spring.\n\n"
    "Prime Minister Arvid Sollen publicly thanked the neighbouring states and President "
    "Mara Quist personally for the support. This was reported by Gazeta.ru.\n\n"
    "On Facebook, he thanked Quist for helping restore calm on the border.\n\n"
)


def test_extract_json_has_claims_and_confidence(capsys, tmp_path):
    article = tmp_path / "seed.txt"
    article.write_text(SEED, encoding="utf-8")
    assert main(["extract", str(article), "--format", "json"]) == 0
    quotes = json.loads(capsys.readouterr().out)["quotes"]
    claims = [q for q in quotes if q["kind"] == "claim"]
    assert [(q["speaker"], q["cue"], q["cited_source"]) for q in claims] == [
        ("Arvid Sollen", "thanked", "Gazeta.ru"),
        ("Arvid Sollen", "thanked", "Facebook"),
    ]
    assert all(0.0 <= q["confidence"] <= 1.0 for q in quotes)


def test_min_confidence_flag_hides_low_items(capsys, tmp_path):
    article = tmp_path / "seed.txt"
    article.write_text(SEED, encoding="utf-8")
    assert main(["extract", str(article), "--format", "json"]) == 0
    every = json.loads(capsys.readouterr().out)["quotes"]
    assert main(["extract", str(article), "--format", "json", "--min-confidence"]) == 0
    shown = json.loads(capsys.readouterr().out)["quotes"]
    assert any(q["confidence"] < 0.5 for q in every)
    assert shown == [q for q in every if q["confidence"] >= 0.5]
    assert main(["extract", str(article), "--format", "json", "--min-confidence", "0.99"]) == 0
    assert json.loads(capsys.readouterr().out)["quotes"] == []


def test_min_confidence_out_of_range_is_a_usage_error(capsys, tmp_path):
    article = tmp_path / "seed.txt"
    article.write_text(SEED, encoding="utf-8")
    try:
        code = main(["extract", str(article), "--min-confidence", "7"])
    except SystemExit as exc:
        code = exc.code
    assert code == 2
    assert "between 0 and 1" in capsys.readouterr().err
