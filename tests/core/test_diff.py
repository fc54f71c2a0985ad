"""Word diffs compare normalised words but show the original ones."""

from __future__ import annotations

from quotetrail.core.diff import render_diff, word_diff
from quotetrail.core.models import DiffOp


def test_identical_up_to_normalisation_is_one_equal_run() -> None:
    ops = word_diff("“We will NOT pay,” she said", '"we will not pay" - She said')
    assert ops == (DiffOp("equal", "We will NOT pay,” she said", 'we will not pay" - She said'),)


def test_insert_delete_replace_runs() -> None:
    ops = word_diff("we will pay 40,000 euros today", "we will not pay 4,000 euros")
    assert [op.op for op in ops] == ["equal", "insert", "equal", "replace", "equal", "delete"]
    assert ops[1] == DiffOp("insert", "", "not")
    assert ops[3] == DiffOp("replace", "40,000", "4,000")
    assert ops[5] == DiffOp("delete", "today", "")


def test_adjacent_edits_merge_into_one_replace() -> None:
    ops = word_diff("Aliyev told reporters", "Pashinyan said to reporters")
    assert ops[0] == DiffOp("replace", "Aliyev told", "Pashinyan said to")
    assert ops[1].op == "equal"


def test_editorial_insertions_are_left_out() -> None:
    ops = word_diff("the [Azerbaijani] president said", "the president said")
    assert [op.op for op in ops] == ["equal"]


def test_russian_and_yo() -> None:
    ops = word_diff("Всё решено, сказал он", "Все не решено, — сказал он")
    assert [op.op for op in ops] == ["equal", "insert", "equal"]
    assert ops[1].source == "не"


def test_render_diff_is_readable() -> None:
    text = render_diff(word_diff("we will pay", "we will not pay"))
    assert text == "we will {+not+} pay"
    assert render_diff(word_diff("a b", "a c")) == "a [-b-] {+c+}"


def test_empty_sides() -> None:
    assert word_diff("", "") == ()
    assert word_diff("hello", "") == (DiffOp("delete", "hello", ""),)
    assert word_diff("", "hello") == (DiffOp("insert", "", "hello"),)
