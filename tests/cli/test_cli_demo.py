"""`quotetrail demo`: a full run over loopback that shows every verdict."""

from __future__ import annotations

import json

from quotetrail.cli import main
from quotetrail.core.models import VERDICTS


def test_demo_json_shows_every_verdict(capsys):
    code = main(["demo", "--format", "json"])
    out = capsys.readouterr().out
    assert code == 0
    report = json.loads(out)
    overall = {q["verdict"] for q in report["quotes"]}
    per_source = {e["verdict"] for q in report["quotes"] for e in q["evidence"]}
    assert {"matched", "paraphrased", "altered", "not_found"} <= overall
    assert overall | per_source == set(VERDICTS)
    # every source has evidence for every quote
    sources = [s["source"] for s in report["sources"]]
    for q in report["quotes"]:
        assert sorted(e["source"] for e in q["evidence"]) == sorted(sources)
    # the article's links went through the real fetcher on loopback
    assert all(s.startswith("http://127.0.0.1:") for s in sources)
    statuses = {s["outlet"]: s["status"] for s in report["sources"]}
    assert statuses.get("TASS") == "ok"
    assert statuses.get("Gazeta.ru") == "ok"
    assert "error" in statuses.values()
    cited = {q["cited_source"] for q in report["quotes"]}
    assert {"TASS", "Gazeta.ru"} <= cited


def test_demo_text(capsys):
    assert main(["demo", "--color", "never"]) == 0
    out = capsys.readouterr().out
    for verdict in ("MATCHED", "PARAPHRASED", "ALTERED", "NOT_FOUND"):
        assert verdict in out
    assert "unverifiable" in out
    assert "Sources" in out
