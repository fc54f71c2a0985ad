"""schema.org ClaimReview for the reviewed quotes of an article, and its validator.

    reviewed quotes (dismissed ones left out) ──► one ClaimReview each:
        url            the fact-check page (settings or export form) + #quote-N
        author         the publisher (name + url, settings or export form)
        itemReviewed   Claim by the speaker; appearance = the checked article
        reviewRating   the documented scale (RATING) + a human-readable alternateName
                       in the UI language
    validate(doc) ──► list of problems (empty = passes schema.org's ClaimReview shape and
                      Google's Fact Check markup rules as documented for ClaimReview)

What ends it: NothingReviewed when no quote is reviewed (the page says so instead of
exporting an empty graph), SettingsMissing when publisher or page URL is not given.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

from api.dashboard.article import ArticleView

# The documented rating scale (README): 5 best. `unverifiable` has no numeric rating:
# Google allows a textual rating alone, and a number would claim more than we know.
RATING: dict[str, int] = {
    "matched": 5,
    "translated": 4,
    "paraphrased": 3,
    "altered": 2,
    "not_found": 1,
}
BEST, WORST = 5, 1

_ABSOLUTE = re.compile(r"^https?://[^\s/?#]+[^\s]*$", re.IGNORECASE)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z)?)?$")
REVIEW_KEYS = {
    "@type",
    "@context",
    "url",
    "claimReviewed",
    "datePublished",
    "author",
    "itemReviewed",
    "reviewRating",
    "inLanguage",
    "name",
}
CLAIM_KEYS = {"@type", "author", "appearance", "firstAppearance", "datePublished", "name"}
RATING_KEYS = {"@type", "ratingValue", "bestRating", "worstRating", "alternateName"}


class NothingReviewed(Exception):
    """No quote of the article is reviewed: ClaimReview would be an empty promise."""


class SettingsMissing(Exception):
    """Publisher name/URL or the fact-check page URL is missing or not http(s)."""


def is_absolute(value: Any) -> bool:
    return isinstance(value, str) and bool(_ABSOLUTE.match(value))


def build(
    job,
    view: ArticleView,
    *,
    page_url: str,
    publisher_name: str,
    publisher_url: str,
    lang: str,
    t: Callable[..., str],
) -> dict[str, Any]:
    if not publisher_name.strip() or not is_absolute(publisher_url) or not is_absolute(page_url):
        raise SettingsMissing()
    reviewed = [q for q in view.quotes if q.review is not None and not q.dismissed]
    if not reviewed:
        raise NothingReviewed()
    article = (job.result or {}).get("article") or {}
    given = (job.request or {}).get("article") or {}
    article_url = article.get("url") or (given.get("url") if isinstance(given, dict) else None)
    appearance: dict[str, Any] | None = None
    if is_absolute(article_url):
        appearance = {"@type": "CreativeWork", "url": article_url}
        if article.get("title"):
            appearance["headline"] = article["title"]
        if article.get("date"):
            appearance["datePublished"] = str(article["date"])
    graph = []
    for quote in reviewed:
        data = quote.data
        claim: dict[str, Any] = {"@type": "Claim"}
        if data.get("speaker"):
            claim["author"] = {"@type": "Person", "name": data["speaker"]}
        if appearance:
            claim["appearance"] = [appearance]
            claim["firstAppearance"] = appearance
        rating: dict[str, Any] = {
            "@type": "Rating",
            "alternateName": t(f"rating.{quote.verdict}"),
        }
        if quote.verdict in RATING:
            rating.update(ratingValue=RATING[quote.verdict], bestRating=BEST, worstRating=WORST)
        graph.append(
            {
                "@type": "ClaimReview",
                "url": f"{page_url.split('#')[0]}#quote-{quote.number}",
                "claimReviewed": data.get("text", ""),
                "datePublished": quote.review.created_at.date().isoformat(),
                "inLanguage": lang,
                "author": {"@type": "Organization", "name": publisher_name, "url": publisher_url},
                "itemReviewed": claim,
                "reviewRating": rating,
            }
        )
    return {"@context": "https://schema.org", "@graph": graph}


def validate(doc: Any) -> list[str]:
    """Problems with a ClaimReview JSON-LD document; [] when it passes.

    Checks schema.org's shape (types, known properties, nesting) and Google's Fact Check
    markup rules: required claimReviewed, reviewRating.alternateName, url and author
    name; an absolute url; numeric ratings inside bestRating/worstRating; appearance
    URLs absolute; alternateName readable, not a machine token.
    """
    problems: list[str] = []
    if not isinstance(doc, dict):
        return ["the document is not a JSON object"]
    context = doc.get("@context")
    if context not in ("https://schema.org", "http://schema.org", "https://schema.org/"):
        problems.append("@context must be https://schema.org")
    items = doc.get("@graph", [doc] if doc.get("@type") else None)
    if not isinstance(items, list) or not items:
        return [*problems, "no ClaimReview in the document"]
    for n, item in enumerate(items):
        problems += [f"item {n}: {p}" for p in _review_problems(item)]
    return problems


def _review_problems(item: Any) -> list[str]:
    if not isinstance(item, dict) or item.get("@type") != "ClaimReview":
        return ["@type must be ClaimReview"]
    out = [f"unknown property {k}" for k in item if k not in REVIEW_KEYS]
    if not is_absolute(item.get("url")):
        out.append("url must be the absolute address of the fact-check page")
    if not _text(item.get("claimReviewed")):
        out.append("claimReviewed is required")
    if "datePublished" in item and not _is_date(item["datePublished"]):
        out.append("datePublished must be an ISO 8601 date")
    out += [f"author: {p}" for p in _party_problems(item.get("author"), required=True)]
    if item.get("author", {}).get("url") is not None and not is_absolute(item["author"]["url"]):
        out.append("author.url must be absolute")
    out += [f"reviewRating: {p}" for p in _rating_problems(item.get("reviewRating"))]
    out += [f"itemReviewed: {p}" for p in _claim_problems(item.get("itemReviewed"))]
    return out


def _rating_problems(rating: Any) -> list[str]:
    if not isinstance(rating, dict) or rating.get("@type") != "Rating":
        return ["must be a Rating"]
    out = [f"unknown property {k}" for k in rating if k not in RATING_KEYS]
    name = rating.get("alternateName")
    if not _text(name):
        out.append("alternateName (the textual rating) is required")
    elif name in RATING or name == "unverifiable" or "_" in name:
        out.append(f"alternateName {name!r} is a machine token, not a readable rating")
    if "ratingValue" in rating:
        value, best, worst = (rating.get(k) for k in ("ratingValue", "bestRating", "worstRating"))
        if not all(
            isinstance(v, int | float) and not isinstance(v, bool) for v in (value, best, worst)
        ):
            out.append("a numeric ratingValue needs numeric bestRating and worstRating")
        elif not worst <= value <= best:
            out.append("ratingValue must lie between worstRating and bestRating")
    return out


def _claim_problems(claim: Any) -> list[str]:
    if not isinstance(claim, dict) or claim.get("@type") != "Claim":
        return ["must be a Claim"]
    out = [f"unknown property {k}" for k in claim if k not in CLAIM_KEYS]
    if "author" in claim:
        out += [f"author: {p}" for p in _party_problems(claim["author"], required=True)]
    appearances = claim.get("appearance", [])
    if not isinstance(appearances, list):
        appearances = [appearances]
    if "firstAppearance" in claim:
        appearances = [*appearances, claim["firstAppearance"]]
    for work in appearances:
        if not isinstance(work, dict) or not str(work.get("@type", "")).endswith(
            ("CreativeWork", "Article", "NewsArticle", "WebPage")
        ):
            out.append("appearance must be a CreativeWork")
        elif not is_absolute(work.get("url")):
            out.append("appearance url must be absolute")
    if "datePublished" in claim and not _is_date(claim["datePublished"]):
        out.append("datePublished must be an ISO 8601 date")
    return out


def _party_problems(party: Any, *, required: bool) -> list[str]:
    if party is None:
        return ["is required"] if required else []
    if not isinstance(party, dict) or party.get("@type") not in ("Organization", "Person"):
        return ["must be an Organization or a Person"]
    return [] if _text(party.get("name")) else ["name is required"]


def _text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _is_date(value: Any) -> bool:
    if not isinstance(value, str) or not _DATE.match(value):
        return False
    try:
        date.fromisoformat(value[:10])
    except ValueError:
        return False
    return True
