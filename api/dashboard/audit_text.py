"""Audit entries as sentences a reader follows ("Rita changed the verdict of quote 7 …").

    audit row (actor, action, quote_index, before, after)
        └─► catalogue key audit.sentence.<action>[.article] with who / n / verdicts /
            reason / assignee filled in the reader's language
        └─► unknown actions: "who: action" (the raw record stays a click away)

No web objects; the page shows the sentence and folds the raw JSON beneath it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

KNOWN = {
    "review.confirm",
    "review.override",
    "review.dismiss",
    "assign",
    "unassign",
    "comment",
    "article.reviewed",
    "article.reopened",
    "job.submitted",
    "job.canceled",
}


def sentence(entry: Mapping[str, Any], t: Callable[..., str], names: Mapping[str, str]) -> str:
    """One audit entry in plain words (`names`: user name -> display name)."""
    action = str(entry.get("action") or "")
    actor = str(entry.get("actor") or "")
    who = names.get(actor) or actor or t("audit.someone")
    before = entry.get("before") or {}
    after = entry.get("after") or {}
    index = entry.get("quote_index")
    if action not in KNOWN:
        return t("audit.sentence.other", who=who, action=action)
    key = "audit.sentence." + action
    values: dict[str, Any] = {"who": who}
    if index is not None:
        values["n"] = int(index) + 1
    elif action in ("assign", "unassign", "comment"):
        key += ".article"
    if action in ("review.confirm", "review.override"):
        values["was"] = _verdict(t, before.get("verdict"))
        values["now"] = _verdict(t, after.get("verdict"))
    if action in ("review.override", "review.dismiss"):
        values["reason"] = _short(after.get("reason"))
    if action == "assign":
        values["assignee"] = names.get(after.get("assignee"), after.get("assignee") or "")
    if action == "unassign":
        values["assignee"] = names.get(before.get("assignee"), before.get("assignee") or "")
    if action == "comment":
        values["text"] = _short(after.get("comment"))
    if action == "article.reviewed" and after.get("unreviewed"):
        key += ".unreviewed"
        values["count"] = after["unreviewed"]
    return t(key, **values)


def _verdict(t: Callable[..., str], verdict: Any) -> str:
    return t(f"verdict.{verdict}") if verdict else t("panel.unknown")


def _short(text: Any, limit: int = 200) -> str:
    words = " ".join(str(text or "").split())
    if len(words) <= limit:
        return words
    cut = words[:limit].rsplit(" ", 1)[0]
    return cut + "…"
