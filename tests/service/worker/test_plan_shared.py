"""A job's plan is the CLI's plan: one `plan_check`, no network (HTML given inline)."""

from __future__ import annotations

import pytest

from quotetrail.core.outlets import OutletRegistry
from quotetrail.errors import InputError
from quotetrail.pipeline import MAX_LINK_SOURCES, ArticleInput, plan_check
from worker.plan import Plan, build_plan

REGISTRY = OutletRegistry.default()

ARTICLE = """<!doctype html><html lang="en"><head><title>Quay</title>
<link rel="canonical" href="https://news.example/harbour/quay"></head><body><article>
<p>Port director Anna Keller told <a href="/mirror/quay">TASS</a>:
&ldquo;The new quay will take its first cargo ships in March.&rdquo;</p>
<p>Readers can <a href="/harbour/quay#comments">discuss it below</a> or read
<a href="https://archive.example/gazeta-copy">the Gazeta.ru report</a> and
<a href="https://www.gazeta.ru/business/quay.shtml">its original</a>.</p>
</article></body></html>"""


def test_build_plan_labels_links_like_the_cli() -> None:
    plan = build_plan({"article": {"html": ARTICLE}}, None, REGISTRY)
    cli = plan_check(  # discovery is on by default in the CLI as in the service
        ArticleInput(html=ARTICLE), [], [], fetcher=None, registry=REGISTRY, discover=True
    )
    assert list(plan.specs) == cli.specs
    assert list(plan.quotes) == cli.quotes
    assert plan.article == cli.article
    by_url = {s.source: (s.name, s.origin) for s in plan.specs}
    assert by_url == {
        # relative link resolved against the canonical URL, labelled by its anchor text
        "https://news.example/mirror/quay": ("TASS", "outlet"),
        "https://archive.example/gazeta-copy": (None, "link"),  # "the Gazeta.ru report"
        "https://www.gazeta.ru/business/quay.shtml": ("Gazeta.ru", "outlet"),  # by address
    }  # and no "#comments" link back to the article itself
    assert plan.quotes[0].cited_source == "TASS"


def test_the_label_survives_the_task_message() -> None:
    plan = build_plan({"article": {"html": ARTICLE}}, None, REGISTRY)
    again = Plan.from_dict(plan.to_dict())
    assert again.specs == plan.specs and again.quotes == plan.quotes


def test_links_are_capped_as_in_the_cli() -> None:
    links = "".join(f'<a href="https://site.example/p{i}">page {i}</a> ' for i in range(40))
    html = (
        "<html><body><article><p>The mayor said: &ldquo;We will open the bridge in "
        f"spring.&rdquo; See {links}.</p></article></body></html>"
    )
    plan = build_plan({"article": {"html": html}}, None, REGISTRY)
    assert len(plan.specs) == MAX_LINK_SOURCES


def test_errors_speak_of_the_request_not_cli_flags() -> None:
    with pytest.raises(InputError, match="give sources, or an article") as caught:
        build_plan({"article": {"text": "The mayor said: “We will open it.”"}}, None, REGISTRY)
    assert "--source" not in str(caught.value)
    relative = (
        '<html><body><p>He said: &ldquo;Yes, we will.&rdquo; <a href="/x">x</a></p></body></html>'
    )
    with pytest.raises(InputError, match="relative") as caught:
        build_plan({"article": {"html": relative}}, None, REGISTRY)
    assert "--source" not in str(caught.value)


def test_min_confidence_hides_the_articles_low_confidence_items() -> None:
    html = (
        "<html><body><article><p>Port director Anna Keller said: “The quay opens in March.”</p>"
        "<p>He said the old harbour would take ships again in the spring.</p>"
        '<p>Read <a href="https://www.gazeta.ru/business/quay.shtml">Gazeta.ru</a>.</p>'
        "</article></body></html>"
    )
    every = build_plan({"article": {"html": html}}, None, REGISTRY)
    sure = build_plan({"article": {"html": html}, "min_confidence": 0.5}, None, REGISTRY)
    assert any(q.confidence < 0.5 for q in every.quotes)
    assert [q.text for q in sure.quotes] == [q.text for q in every.quotes if q.confidence >= 0.5]
    assert sure.quotes and all(q.confidence >= 0.5 for q in sure.quotes)
