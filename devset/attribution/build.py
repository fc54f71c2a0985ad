"""Rebuild the English attribution development sample from a PolNeAR checkout.

    mirror (git dir or work tree) --> data/{train,dev}/text + attributions (brat standoff)
        --> one JSON line per article in devset/attribution/_data/<split>.jsonl (git-ignored)

Only the `train` and `dev` splits are read; the `test` split is refused outright,
because it is how this project's extraction is measured (issue 8). PolNeAR carries
no licence, so nothing derived from it is committed: run this script to rebuild.

    python devset/attribution/build.py --polnear /work/.mirror/networkdynamics+PolNeAR/repo
    (or set POLNEAR_DIR)

Where an article was annotated by several annotators, the first annotation file
(in name order) is kept, so each article counts once.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "_data"
SPLITS = ("train", "dev")


class Source:
    """Reads files from a git directory (bare mirror) or a plain checkout."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.git = not (root / "data").is_dir()

    def list(self, folder: str) -> list[str]:
        if not self.git:
            return sorted(p.name for p in (self.root / folder).iterdir())
        out = subprocess.run(
            ["git", f"--git-dir={self.root}", "ls-tree", "--name-only", "HEAD", f"{folder}/"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        return sorted(Path(line).name for line in out.splitlines())

    def read(self, path: str) -> str:
        if not self.git:
            return (self.root / path).read_text(encoding="utf-8")
        return subprocess.run(
            ["git", f"--git-dir={self.root}", "show", f"HEAD:{path}"],
            check=True,
            capture_output=True,
        ).stdout.decode("utf-8")


def parse_ann(ann: str) -> list[dict]:
    """Brat standoff → relations {source, cue, content: [[start, end], ...]}."""
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    relations = []
    for line in ann.splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            tid, info = fields[0], fields[1]
            label, offsets = info.split(" ", 1)
            pieces = [tuple(int(x) for x in part.split()) for part in offsets.split(";")]
            spans[tid] = (label, pieces)
        elif line.startswith("E") and len(fields) >= 2:
            args = fields[1]
            rel: dict[str, list] = {"source": [], "cue": [], "content": []}
            for arg in args.split():
                role, tid = arg.split(":")
                role = role.rstrip("0123456789").lower()
                if role in rel and tid in spans:
                    rel[role].extend(list(p) for p in spans[tid][1])
            if rel["content"]:
                relations.append(rel)
    return relations


def build(root: Path, splits: tuple[str, ...] = SPLITS, limit: int | None = None) -> None:
    src = Source(root)
    OUT.mkdir(exist_ok=True)
    for split in splits:
        if split == "test":
            raise SystemExit("refusing the PolNeAR test split: it is the held-out measure")
        texts = src.list(f"data/{split}/text")
        anns = src.list(f"data/{split}/attributions")
        by_article: dict[str, str] = {}
        for name in anns:
            by_article.setdefault(name.rsplit("_", 1)[0], name)
        n = 0
        with (OUT / f"{split}.jsonl").open("w", encoding="utf-8") as fh:
            for name in texts:
                stem = name.removesuffix(".txt")
                if stem not in by_article:
                    continue
                text = src.read(f"data/{split}/text/{name}")
                rels = parse_ann(src.read(f"data/{split}/attributions/{by_article[stem]}"))
                fh.write(json.dumps({"id": stem, "text": text, "relations": rels}) + "\n")
                n += 1
                if limit and n >= limit:
                    break
        print(f"{split}: {n} articles -> {OUT / (split + '.jsonl')}", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--polnear", default=os.environ.get("POLNEAR_DIR"))
    parser.add_argument("--split", action="append", choices=SPLITS)
    parser.add_argument("--limit", type=int, default=None, help="articles per split")
    args = parser.parse_args()
    if not args.polnear:
        raise SystemExit("give --polnear PATH (a PolNeAR git mirror or checkout) or POLNEAR_DIR")
    build(Path(args.polnear), tuple(args.split or SPLITS), args.limit)


if __name__ == "__main__":
    main()
