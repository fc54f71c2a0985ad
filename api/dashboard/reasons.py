"""The core's English reason strings, said in plain words in the reader's language.

    "number changed: 40 billion → 4 billion"
        └─ split at the first ": " ─► kind "number changed", detail "40 billion → 4 billion"
        └─ "A → B" (always source → quote in the core) ─► "the source says …, the quote …"
        └─ catalogue key reason.<kind> in EN / RU, with {detail}

The core keeps one English vocabulary (CLI, JSON, tests); this is its translation layer
for the dashboard and its exports, so no reason reaches a Russian page in English unless
the core invents a new one: then the original is shown, marked as English (lang="en"),
rather than dropped. What ends it: every reason gets a Reason, never an error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from api.dashboard.i18n import translate

# Reason kinds the core writes, "kind: detail" or a whole phrase; key = catalogue suffix.
KINDS: dict[str, str] = {
    "number changed": "number_changed",
    "number not in source": "number_missing",
    "numbers in another order": "number_order",
    "names in another order": "name_order",
    "name changed": "name_changed",
    "name not in source passage": "name_missing",
    "date changed": "date_changed",
    "ordinal changed": "ordinal_changed",
    "word changed": "word_changed",
    "negation dropped": "negation_dropped",
    "negation added": "negation_added",
    "negation differs": "negation_differs",
    "limiter dropped": "limiter_dropped",
    "limiter added": "limiter_added",
    "source context doubts it": "context_doubts",
    "source context negates it": "context_negates",
    "source context limits it": "context_limits",
    "omission hides negation": "omission_negation",
    "editorial insertion replaces negation": "editorial_negation",
    "editorial insertion replaces": "editorial_replaces",
}
PHRASES: dict[str, str] = {
    "negation differs": "negation_differs",
    "source negates it": "source_negates",
    "negation differs: the source negates another clause": "negation_other_clause",
    "the quote has no words to look for": "no_words",
    "the source has no text": "no_text",
    "the quote has only function words": "function_words",
    "no passage shares the quote's words": "no_shared_words",
}
_HTTP = re.compile(r"(?:^|\s)answered HTTP (\d{3})\b")


@dataclass(frozen=True, slots=True)
class Reason:
    """`text` in the asked language; `lang` is the language it is actually in."""

    text: str
    lang: str
    raw: str


def explain(raw: str, lang: str) -> Reason:
    """One reason in plain words; an unknown one comes back as is, tagged English."""
    raw = " ".join(str(raw or "").split())
    if raw in PHRASES:
        return Reason(translate(lang, "reason." + PHRASES[raw]), lang, raw)
    http = _HTTP.search(raw)
    if http and "robots.txt" not in raw:
        return Reason(translate(lang, "reason.http", status=http.group(1)), lang, raw)
    kind, sep, detail = raw.partition(": ")
    if sep and kind in KINDS:
        return Reason(
            translate(lang, "reason." + KINDS[kind], detail=_detail(detail, lang)), lang, raw
        )
    return Reason(raw, "en", raw)


def explain_all(raws, lang: str) -> list[Reason]:
    return [explain(r, lang) for r in raws or ()]


def _detail(detail: str, lang: str) -> str:
    was, arrow, now = detail.partition(" → ")
    if not arrow:
        return detail
    return translate(lang, "reason.arrow", was=was.strip(), now=now.strip())
