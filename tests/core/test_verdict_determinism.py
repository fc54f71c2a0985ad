"""The same quote and page get the same verdict, passage and score in every process.

Python salts string hashes per process, so a set of words iterates in a different
order in each worker. The paraphrase search summed float weights and picked
five-letter prefixes in that order; on these dev-set cases the chosen passage (and
with it the offsets a reviewer sees) changed from one hash seed to the next.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# dev-set cases whose passage moved with the hash seed before sums and prefixes were ordered
CASES = ("en_clinic-09", "b2-en-16", "b2-en-19", "en_farm-09", "en_rail-07", "long-en-10")
SEEDS = ("0", "1", "2", "3", "4", "5")

_JUDGE = """
import json, sys
sys.path.insert(0, sys.argv[1])
import evaluate
from quotetrail.core.verdict import judge
wanted = set(json.loads(sys.argv[2]))
for case in evaluate.load_cases():
    if case["id"] in wanted:
        ev = judge(case["quote"], evaluate.page_text(case), case["id"])
        print(case["id"], ev.verdict, ev.score, ev.start, ev.end, ev.reasons)
"""


def _judged(seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", _JUDGE, str(ROOT / "devset"), json.dumps(CASES)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=120,
    )
    return done.stdout


def test_verdicts_do_not_depend_on_the_hash_seed() -> None:
    outputs = {seed: _judged(seed) for seed in SEEDS}
    first = outputs[SEEDS[0]]
    assert len(first.splitlines()) == len(CASES)  # every case was found and judged
    assert all(out == first for out in outputs.values()), outputs
