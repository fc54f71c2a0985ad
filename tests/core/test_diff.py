"""Word diffs compare normalised words but show the original ones."""

from __future__ import annotations

from quotetrail.core.diff import render_diff, word_diff
from quotetrail.core.models import DiffOp


def test_identical_up_to_normalisation_is_one_equal_run() -> None:
    ops = word_diff("“We will NOT pay,” she said", '"we will not pay" - She said')
    assert ops == (DiffOp("equal", "We will NOT pay,” she said", 'we will not pay" - She said'),)


def test_insert_delete_replace_runs() -> None:
    ops = word_diff("we will pay 40,000 euros today", "we will not pay 4,000 euros")
    # Editors' convention: the quote edits the source. "not" is a source word the quote
    # dropped (delete); "today" is a word the quote adds (insert).
    assert [op.op for op in ops] == ["equal", "delete", "equal", "replace", "equal", "insert"]
    assert ops[1] == DiffOp("delete", "", "not")
    assert ops[3] == DiffOp("replace", "40,000", "4,000")
    assert ops[5] == DiffOp("insert", "today", "")


def test_adjacent_edits_merge_into_one_replace() -> None:
    ops = word_diff("Aliyev told reporters", "Pashinyan said to reporters")
    assert ops[0] == DiffOp("replace", "Aliyev told", "Pashinyan said to")
    assert ops[1].op == "equal"


def test_editorial_insertions_are_left_out() -> None:
    ops = word_diff("the [Azerbaijani] president said", "the president said")
    assert [op.op for op in ops] == ["equal"]


def test_russian_and_yo() -> None:
    ops = word_diff("Всё решено, сказал он", "Все не решено, — сказал он")
    assert [op.op for op in ops] == ["equal", "delete", "equal"]
    assert ops[1].source == "не"


def test_render_diff_is_readable() -> None:
    text = render_diff(word_diff("we will pay", "we will not pay"))
    assert text == "we will [-not-] pay"  # the quote dropped the source's "not"
    assert render_diff(word_diff("we will pay", "we pay")) == "we {+will+} pay"  # quote adds
    assert render_diff(word_diff("a b", "a c")) == "a [-c-] {+b+}"  # source c, quote b


def test_empty_sides() -> None:
    assert word_diff("", "") == ()
    assert word_diff("hello", "") == (DiffOp("insert", "hello", ""),)
    assert word_diff("", "hello") == (DiffOp("delete", "", "hello"),)
