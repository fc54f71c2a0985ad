"""Score quote extraction against hand-annotated attributions, with the literature's metrics.

    English: _data/<split>.jsonl (rebuilt from PolNeAR train/dev by build.py, git-ignored)
    Russian: ru_*.jsonl (written for this project, committed; one table per file)
        --> extract_quotes(text) --> align predictions to gold contents by character overlap
        --> table: exact-boundary and partial-overlap P/R/F1, token F1, speaker accuracy,
            by direct and reported

    python devset/attribution/evaluate.py                  # en dev + ru synthetic
    python devset/attribution/evaluate.py --split train --limit 200
    python devset/attribution/evaluate.py --show-errors 20

Conventions (stated so figures can be compared):

* **Speech only.** A gold attribution counts when its cue is a verb or phrase of saying
  (`SPEECH_CUES`: say, tell, according to, add, warn, deny, ... and the bare ":"/"―"
  that PolNeAR uses for quotes without a verb). Beliefs, plans and findings ("wants",
  "shows", "believes") are not speech; a prediction that only overlaps one of them is
  neither right nor wrong (it is left out of precision).
* **Direct vs reported.** A gold content is *direct* when quote marks (also the ''
  of NYT copy) enclose at least 80% of its characters, else *reported* (mixed quotes
  are reported). The marks are followed across the gaps between a content's pieces:
  PolNeAR stores a quote of several sentences as one piece per sentence.
* **Exact boundary.** Both spans are compared word for word (punctuation and quote
  marks not compared) after dropping one leading "that"/«что»: quotetrail returns the
  reported clause *without* the complementiser, PolNeAR includes it. A gold content
  split in pieces (an interrupted quote, or one piece per sentence as PolNeAR stores a
  quote of several sentences) is matched by the fragments aligned to it, joined in
  text order.
* **Partial overlap.** A prediction is right when it shares a character with a speech
  gold content; a gold is found when some prediction is aligned to it.
* **Speaker accuracy**, over found golds with a gold source: the predicted speaker (or,
  when an outlet is the source and the speaker is None, the cited outlet) shares
  a content word with the gold source; a gold pronoun source ("he", "she", "they") is
  first replaced by the nearest earlier gold source of the article that is not a pronoun
  (PolNeAR has no coreference layer; this is an approximation, and a stricter one than
  the annotators' own "he"). A gold source that is "who"/"whose" or a role description
  ("the Vermont senator") also accepts the person the article itself ties to it: the
  name written just before "who", or the last person before the source written with
  that role as a title ("Vermont Sen. Jane Roe") or appositive ("Jane Roe, the Vermont
  senator") whose link carries the description's capitalised words; every predicted
  name word must be in that person's name (`coreferent`). The word-overlap figure
  alone is printed beside it ("word overlap with the gold source alone").
* **Token F1** (the Russian measure): tokens of predicted contents that fall inside the
  aligned gold content, micro-averaged over the set.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))

from quotetrail.core.extract import extract_quotes  # noqa: E402
from quotetrail.core.outlets import OutletRegistry  # noqa: E402

SPEECH_CUES = re.compile(
    r"\b(?:say|says|said|saying|tell|tells|told|telling|according|add|adds|added|adding"
    r"|note|notes|noted|noting|write|writes|wrote|writing|report|reports|reported|reporting"
    r"|announce[sd]?|announcing|ask|asks|asked|asking|acknowledge[sd]?|acknowledging"
    r"|warn|warns|warned|warning|claim|claims|claimed|claiming|argue[sd]?|arguing"
    r"|insist|insists|insisted|insisting|state[sd]?|stating|declare[sd]?|declaring"
    r"|explain|explains|explained|explaining|emphasi[sz]e[sd]?|emphasi[sz]ing|stress|stressed"
    r"|stresses|stressing|recall|recalls|recalled|respond|responds|responded|reply|replied"
    r"|replies|comment|comments|commented|mention|mentions|mentioned|suggest|suggests"
    r"|suggested|suggesting|tweet|tweets|tweeted|put it|continue[sd]?|remark|remarked"
    r"|confirm|confirms|confirmed|deny|denies|denied|denying|admit|admits|admitted"
    r"|concede[sd]?|assert|asserts|asserted|vow|vows|vowed|promise[sd]?|promising|pledge[sd]?"
    r"|urge[sd]?|urging|call(?:s|ed|ing)? (?:for|on)|disclose[sd]?|reveal|reveals|revealed"
    r"|statement|interview|spokes\w+|echoed|predicted|predicts|testified|wrote in)\b"
    r"|^\W+$",
    re.IGNORECASE,
)
CLAIMS_AS_REPORTED = False  # --with-claims: score `claim` items as reported speech
PRONOUNS = frozenset(re.findall(r"\S+", "he she they him her them his it i we you"))
STOP = frozenset(re.findall(r"\S+", "the a an of and 's mr mr. ms ms. mrs mrs. dr dr. in"))
MARKS = "\"“”‘’'«»„"
EDGE = MARKS + " \t\n.,;:!?—–-()[]"
TOKEN = re.compile(r"\w+")


def norm(s: str) -> str:
    s = s.strip(EDGE)
    s = re.sub(r"^(?:that|что)(?:\s+|\W+)", "", s, flags=re.IGNORECASE).strip(EDGE)
    return re.sub(r"\s+", " ", s).lower()


def same_words(pred: list[str], gold: list[str]) -> bool:
    """Exact boundary: the same words, pieces joined in order (punctuation not compared).

    Each piece is trimmed as in `norm`; a sentence's full stop is kept inside a
    prediction but trimmed at the end of a gold piece, so only the words can agree.
    """
    joined = [norm(" ".join(norm(x) for x in side)) for side in (pred, gold)]
    return TOKEN.findall(joined[0]) == TOKEN.findall(joined[1])


def words(s: str | None) -> set[str]:
    return {w.lower() for w in TOKEN.findall(s or "")} - STOP


def _scan_marks(chunk: str, depth: bool) -> tuple[int, bool]:
    """Characters of chunk inside quote marks (marks counted as inside), and the depth after."""
    inside = 0
    # NYT copy writes '' for a double quote: read it as one (same length, offsets hold)
    for ch in chunk.replace("''", ' "'):
        if ch in '"“”«»':
            if ch in "“«":
                depth = True
            elif ch in "”»":
                depth = False
                inside += 1
                continue
            else:
                depth = not depth
                if not depth:
                    inside += 1
                    continue
        inside += depth
    return inside, depth


def quoted_share(text: str, pieces: list[tuple[int, int]]) -> float:
    """How much of a content (its pieces, in text order) lies between quote marks.

    The marks are followed across the gaps between pieces: PolNeAR cuts a quote of
    several sentences into one piece per sentence, and only the first carries the
    opening mark ("“A. | B.”" is all quoted, not half).
    """
    inside, depth, total = 0, False, 0
    pos = pieces[0][0]
    for a, b in pieces:
        if a > pos:
            depth = _scan_marks(text[pos:a], depth)[1]
        n, depth = _scan_marks(text[a:b], depth)
        inside, total, pos = inside + n, total + (b - a), max(pos, b)
    return inside / max(1, total)


@dataclass
class Gold:
    pieces: list[tuple[int, int]]
    source: str
    kind: str  # direct | reported
    speech: bool
    pronoun: bool = False
    preds: list = field(default_factory=list)
    # the person the article itself ties to `source` (see `coreferent`): also accepted
    alias: str = ""


@dataclass
class Tally:
    n_pred: dict = field(default_factory=lambda: {"direct": 0, "reported": 0})
    ok_partial: dict = field(default_factory=lambda: {"direct": 0, "reported": 0})
    ok_exact: dict = field(default_factory=lambda: {"direct": 0, "reported": 0})
    n_gold: dict = field(default_factory=lambda: {"direct": 0, "reported": 0})
    found: dict = field(default_factory=lambda: {"direct": 0, "reported": 0})
    exact: dict = field(default_factory=lambda: {"direct": 0, "reported": 0})
    spk_n: dict = field(default_factory=lambda: {"direct": 0, "reported": 0})
    spk_ok: dict = field(default_factory=lambda: {"direct": 0, "reported": 0})
    pron_n: int = 0
    pron_ok: int = 0
    spk_strict: int = 0  # speaker right by word overlap with the gold source alone
    tok_tp: int = 0
    tok_pred: int = 0
    tok_gold: int = 0


def tokens_in(text: str, a: int, b: int) -> set[int]:
    return {a + m.start() for m in TOKEN.finditer(text[a:b])}


def score_article(text: str, golds: list[Gold], preds, tally: Tally, errors: list, same) -> None:
    preds = [
        replace(p, kind="reported") if p.kind == "claim" and CLAIMS_AS_REPORTED else p
        for p in preds
    ]
    for p in preds:
        if p.kind not in ("direct", "reported"):
            continue
        best, overlap = None, 0
        for g in golds:
            ov = sum(max(0, min(p.end, b) - max(p.start, a)) for a, b in g.pieces)
            if ov > overlap:
                best, overlap = g, ov
        if best is not None and not best.speech:
            continue  # overlaps a belief/plan attribution only: not scored
        tally.n_pred[p.kind] += 1
        pt = tokens_in(text, p.start, p.end)
        tally.tok_pred += len(pt)
        if best is None:
            errors.append(("FP", p.kind, p.text[:160], p.speaker))
            continue
        best.preds.append(p)
        tally.ok_partial[p.kind] += 1
        tally.tok_tp += len(pt & set().union(*(tokens_in(text, a, b) for a, b in best.pieces)))
    for g in golds:
        if not g.speech:
            continue
        k = g.kind
        tally.n_gold[k] += 1
        tally.tok_gold += sum(len(tokens_in(text, a, b)) for a, b in g.pieces)
        gold_text = " ".join(text[a:b] for a, b in g.pieces)
        if not g.preds:
            errors.append(("FN", k, gold_text[:160], g.source))
            continue
        tally.found[k] += 1
        ps = sorted(g.preds, key=lambda p: p.start)
        if same_words([p.text for p in ps], [text[a:b] for a, b in g.pieces]):
            tally.exact[k] += 1
            for p in ps:
                tally.ok_exact[p.kind if p.kind != "claim" else "reported"] += 1
        else:
            errors.append(("BOUND", k, f"{gold_text[:120]!r} <> {ps[0].text[:120]!r}", ""))
        if g.source:
            # an outlet as the source is carried by `cited_source` (speaker None)
            said = ps[0].speaker or ps[0].cited_source
            strict = same(said, g.source)
            ok = strict or (bool(g.alias) and same_alias(said, g.alias))
            tally.spk_strict += strict
            tally.spk_n[k] += 1
            tally.spk_ok[k] += ok
            if g.pronoun:
                tally.pron_n += 1
                tally.pron_ok += ok
            if not ok:
                errors.append(("SPEAKER", k, gold_text[:80], f"{ps[0].speaker!r} <> {g.source!r}"))
            elif not strict:
                errors.append(("ALIAS", k, gold_text[:80], f"{said!r} = {g.source!r} ({g.alias})"))


def same_en(pred: str | None, gold: str) -> bool:
    pw, gw = words(pred), words(gold)
    return bool(pw & gw)


def same_ru(pred: str | None, gold: str) -> bool:
    if not pred:
        return False
    outlet = _outlets().resolve(gold)
    if outlet is not None and pred in (outlet.name, outlet.name_ru):
        return True  # «пишет «Коммерсантъ»»: the cited outlet, by its registry name
    pred, gold = pred.lower().replace("ё", "е"), gold.lower().replace("ё", "е")
    return pred == gold or gold.split()[-1] == pred.split()[-1]


def _outlets() -> OutletRegistry:
    global _REGISTRY
    if _REGISTRY is None:
        _REGISTRY = OutletRegistry.default()
    return _REGISTRY


_REGISTRY: OutletRegistry | None = None


# Coreferent gold sources. PolNeAR marks the words at the cue ("the Vermont senator",
# "who"), not the person; the extractor names the person the article gave earlier, as
# issue 8 asks. Accepted only where the article itself ties that person to the words.
ROLE_HEADS = {
    "senator": "sen|senator",
    "governor": "gov|governor",
    "representative": "rep|representative",
    "congressman": "rep|congressman",
    "congresswoman": "rep|congresswoman",
    "general": "gen|general",
    "admiral": "adm|admiral",
    **{
        w: w
        for w in re.findall(
            r"\S+",
            "president secretary candidate nominee chairman chairwoman chair spokesman"
            " spokeswoman spokesperson businessman businesswoman mogul billionaire director"
            " attorney lawyer judge mayor leader ambassador minister official adviser advisor"
            " aide manager chief founder executive ceo professor economist analyst strategist"
            " pollster host commentator anchor author columnist editor front-runner"
            " frontrunner speaker commissioner sheriff prosecutor justice actor actress"
            " activist mother father wife husband daughter son sister brother",
        )
    },
}
NAME = r"[A-Z][\w'’.-]*(?:[^\S\n]+[A-Z][\w'’.-]*){0,3}"  # never across a line
RELATIVE = frozenset({"who", "whose"})
TITLES = frozenset(
    re.findall(r"\S+", "mr ms mrs dr sen gov rep gen president senator governor secretary")
)


def role_head(src: str) -> str | None:
    """The role noun a description is about ("the 68-year-old former secretary of state" ->
    secretary), or None when the source is not a description of a person by role."""
    first = re.split(r"\s+(?:of|who|at|for|from|in|with)\s+|,", src.strip())[0].split()
    if not first or first[0].lower() not in ("the", "a", "an") or not first[-1].islower():
        return None
    head = first[-1].lower()
    return head if head in ROLE_HEADS else None


def coreferent(text: str, src: str, at: int) -> str:
    """The named person the article ties to a gold source that is not a name, else "".

    * "who"/"whose": the name written just before it ("Jane Roe, who said ...").
    * a role description ("the Vermont senator"): the last person before `at` whom the
      article wrote with that role as a title ("Vermont Sen. Jane Roe") or in an
      appositive ("Jane Roe, the Vermont senator"), and whose link also carries each
      capitalised word of the description (so "the Texas senator" never becomes the
      last senator named).
    """
    before = text[:at]
    if words(src) <= RELATIVE:
        m = re.search(rf"({NAME})\s*,?\s*$", before)
        if m is None or re.search(r"\b(?:on|in|at|of|from|for|to|by)\s+$", before[: m.start()]):
            return ""  # "a Republican on Capitol Hill, who": a place, not the antecedent
        return full_name(text, m.group(1))
    head = role_head(src)
    if head is None:
        return ""
    heads = ROLE_HEADS[head]
    marks = [w.lower() for w in re.findall(r"\b[A-Z][\w-]+", src)[1:] if w.lower() not in STOP]
    title = rf"(?i:\b(?:{heads})\b)\.?\s+({NAME})"
    appos = rf"({NAME}),\s+(?:the|a|an)\s+(?:[\w'’-]+\s+){{0,5}}?(?i:(?:{heads}))\b"
    links = [
        (m.start(1), m.group(1), text[max(0, m.start() - 25) : m.end() + 20])
        for m in re.finditer(title, before)
    ]
    links += [(m.start(), m.group(1), m.group(0)) for m in re.finditer(appos, before)]
    for _at, name, context in sorted(links, reverse=True):
        if all(w in context.lower() for w in marks):
            return full_name(text, name)
    return ""


def full_name(text: str, name: str) -> str:
    """`name` without a possessive, with the first name the article gives its surname
    when it gives only one ("Obama" -> "Barack Obama"; left as is beside a "Michelle
    Obama"), so a match on the surname alone never accepts the wrong family member."""
    name = re.sub(r"['’]s?$", "", name.strip(" .,"))
    parts = [w for w in name.split() if w.lower().strip(".") not in TITLES]
    if len(parts) != 1:
        return " ".join(parts)
    firsts = set(re.findall(rf"\b([A-Z][a-z]+)\s+(?:[A-Z]\.\s+)?{re.escape(parts[0])}\b", text))
    firsts -= {w.capitalize() for w in TITLES} | {"The", "A", "An"}
    return f"{firsts.pop()} {parts[0]}" if len(firsts) == 1 else parts[0]


def same_alias(pred: str | None, alias: str) -> bool:
    """Every name word of the prediction is in the article's name for the gold source."""
    pw = {w for w in words(pred) if w not in TITLES}
    return bool(pw) and pw <= words(alias)


def load_en(split: str, limit: int | None):
    path = HERE / "_data" / f"{split}.jsonl"
    if not path.exists():
        raise SystemExit(f"{path} missing: run devset/attribution/build.py --polnear PATH first")
    with path.open(encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if limit and i >= limit:
                break
            d = json.loads(line)
            text = d["text"]
            golds, last_named, last_alias = [], "", ""
            rels = sorted(d["relations"], key=lambda r: min(a for a, _ in r["content"]))
            for r in rels:
                cue = " ".join(text[a:b] for a, b in r["cue"])
                src = " ".join(text[a:b] for a, b in sorted(r["source"]))
                pron = bool(src) and words(src) <= PRONOUNS
                if src and not pron:
                    at = min(a for a, _ in r["source"])
                    last_named, last_alias = src, coreferent(text, src, at)
                resolved = last_named if pron else src
                pieces = sorted(tuple(p) for p in r["content"])  # stored out of order
                share = quoted_share(text, pieces)
                golds.append(
                    Gold(
                        pieces,
                        resolved,
                        "direct" if share >= 0.8 else "reported",
                        bool(SPEECH_CUES.search(cue)) or not cue.strip(),
                        pronoun=pron and words(src) & {"he", "she"} != set(),
                        alias=last_alias if src else "",
                    )
                )
            yield d["id"], text, golds


def load_ru(path: Path):
    with path.open(encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if not line.strip():
                continue
            d = json.loads(line)
            text = d["text"]
            golds = []
            for q in d["quotes"]:
                pieces = []
                for part in q["content"] if isinstance(q["content"], list) else [q["content"]]:
                    a = text.find(part)
                    if a < 0:
                        raise SystemExit(f"ru line {i + 1}: content not in text: {part!r}")
                    pieces.append((a, a + len(part)))
                golds.append(
                    Gold(pieces, q.get("speaker") or "", q["kind"], True, q.get("pronoun", False))
                )
            yield f"ru{i + 1}", text, golds


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def table(name: str, t: Tally) -> None:
    print(f"\n== {name}")
    print(
        f"{'':10} {'gold':>5} {'pred':>5} | {'exP':>5} {'exR':>5} {'exF1':>5} | {'ptP':>5} {'ptR':>5} {'ptF1':>5} | {'spk':>5}"
    )
    for k in ("direct", "reported", "all"):
        keys = ("direct", "reported") if k == "all" else (k,)
        s = lambda d, keys=keys: sum(d[x] for x in keys)  # noqa: E731
        npred, ngold = s(t.n_pred), s(t.n_gold)
        ep, er = s(t.ok_exact) / max(1, npred), s(t.exact) / max(1, ngold)
        pp, pr = s(t.ok_partial) / max(1, npred), s(t.found) / max(1, ngold)
        spk = s(t.spk_ok) / max(1, s(t.spk_n))
        print(
            f"{k:10} {ngold:>5} {npred:>5} | {ep:5.2f} {er:5.2f} {f1(ep, er):5.2f} |"
            f" {pp:5.2f} {pr:5.2f} {f1(pp, pr):5.2f} | {spk:5.2f}"
        )
    tp, tr = t.tok_tp / max(1, t.tok_pred), t.tok_tp / max(1, t.tok_gold)
    print(
        f"token P {tp:.2f} R {tr:.2f} F1 {f1(tp, tr):.2f}; he/she speaker accuracy "
        f"{t.pron_ok}/{t.pron_n} = {t.pron_ok / max(1, t.pron_n):.2f}"
    )
    n = sum(t.spk_n.values())
    print(
        f"speaker accuracy {sum(t.spk_ok.values())}/{n} = {sum(t.spk_ok.values()) / max(1, n):.3f}"
        f" (word overlap with the gold source alone: {t.spk_strict}/{n}"
        f" = {t.spk_strict / max(1, n):.3f})"
    )


def run(articles, same, show: int, min_confidence: float = 0.0) -> Tally:
    registry = OutletRegistry.default()
    tally, errors = Tally(), []
    for _id, text, golds in articles:
        # (keyword only when asked for, so the script also scores older code: "before")
        extra = {"min_confidence": min_confidence} if min_confidence else {}
        preds = extract_quotes(text, registry, **extra)
        score_article(text, golds, preds, tally, errors, same)
    for e in errors[:show]:
        print(" ", *e, sep=" | ")
    return tally


def main() -> None:
    parser = argparse.ArgumentParser(description="attribution metrics on the development sample")
    parser.add_argument("--split", default="dev", choices=("dev", "train", "none"))
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument(
        "--ru",
        nargs="*",
        default=[str(p) for p in sorted(HERE.glob("ru_*.jsonl"))],
        help="Russian sets, one table each (default: every ru_*.jsonl here; none: --ru)",
    )
    parser.add_argument("--show-errors", type=int, default=0)
    parser.add_argument("--min-confidence", type=float, default=0.0)
    parser.add_argument("--with-claims", action="store_true", help="count claims as reported")
    args = parser.parse_args()
    global CLAIMS_AS_REPORTED
    CLAIMS_AS_REPORTED = args.with_claims
    mc = args.min_confidence
    if args.split != "none":
        table(
            f"English PolNeAR {args.split}",
            run(load_en(args.split, args.limit), same_en, args.show_errors, mc),
        )
    for path in map(Path, args.ru):
        if path.is_file():
            name = f"Russian {path.stem.removeprefix('ru_')}"
            table(name, run(load_ru(path), same_ru, args.show_errors, mc))


if __name__ == "__main__":
    main()
