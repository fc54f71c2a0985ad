"""A journalist's check end to end: a Russian agency story against the agency's page.

Synthetic article and page. The article credits one outlet it links to (РИА Новости)
and one it does not (ТАСС); it cuts a fragment out of a negating sentence, changes a
number and drops «лишь». Runs the real CLI against a loopback server.
"""

from __future__ import annotations

import json

from quotetrail.cli import main
from quotetrail.pipeline import ArticleInput, document_of, load_article
from tests.support.local_server import Route, serving

SOURCE_PAGE = """<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8">
<title>Кольцов: мост откроют в мае - РИА Новости</title>
<meta property="og:site_name" content="РИА Новости"></head><body><article>
<h1>Кольцов: мост откроют в мае</h1>
<p>МОСКВА, 12 ноя — РИА Новости. Губернатор Андрей Кольцов заявил, что мост откроют в мае.</p>
<p>«Мы не будем переносить сроки ещё раз. Мост откроется в мае», — сказал Кольцов РИА Новости.</p>
<p>«Я не думаю, что подрядчик сорвёт график», — добавил губернатор.</p>
<p>По его словам, на стройке сейчас работают 4 тыс. человек.</p>
<p>«Бесплатным проезд будет лишь для жителей Заречного района», — сказал Кольцов.</p>
</article></body></html>"""

ARTICLE = """<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8">
<title>Мост откроют весной</title></head><body><article><h1>Мост откроют весной</h1>
<p>Губернатор Андрей Кольцов пообещал открыть мост в мае, передает <a href="/ria/most">РИА Новости</a>.</p>
<p>«Мы не будем переносить сроки еще раз. Мост откроется в мае», — сказал Кольцов.</p>
<p>«Подрядчик сорвёт график», — признал губернатор.</p>
<p>По словам Кольцова, на стройке сейчас работают 40 тыс. человек.</p>
<p>«Бесплатным проезд будет для жителей Заречного района», — сказал Кольцов.</p>
<p>«Денег на второй мост в бюджете нет», — заявил Кольцов ТАСС.</p>
</article></body></html>"""

EXPECTED = {
    # a credited claim (no quoted words): judged for support, never `matched`
    "Андрей Кольцов пообещал открыть мост в мае": "paraphrased",
    "Мы не будем переносить сроки еще раз. Мост откроется в мае": "matched",
    "Подрядчик сорвёт график": "altered",  # cut out of «Я не думаю, что …»
    "на стройке сейчас работают 40 тыс. человек": "altered",
    "Бесплатным проезд будет для жителей Заречного района": "altered",  # «лишь» dropped
    "Денег на второй мост в бюджете нет": "unverifiable",  # TASS was never checked
}


def test_agency_story_against_its_source(capsys, tmp_path):
    routes = {"/ria/most": Route(SOURCE_PAGE)}
    with serving(routes) as server:
        article = tmp_path / "article.html"
        article.write_text(ARTICLE.replace('href="/', f'href="{server.url()}/'), "utf-8")
        code = main(
            ["verify", str(article), "--allow-network", "127.0.0.1/32", "--no-robots", "-f", "json"]
        )
    out = capsys.readouterr()
    assert code == 1, out.err
    report = json.loads(out.out)
    verdicts = {q["text"]: q["verdict"] for q in report["quotes"]}
    assert verdicts == EXPECTED
    [source] = report["sources"]
    assert source["status"] == "ok" and source["outlet"] == "RIA Novosti"
    text = document_of(load_article(ArticleInput(path=str(article)))).text
    for q in report["quotes"]:
        assert text[q["start"] : q["end"]] == q["text"]
        assert [e["source"] for e in q["evidence"]] == [source["source"]]
    reasons = {q["text"]: q["evidence"][0]["reasons"] for q in report["quotes"]}
    assert any("context" in r for r in reasons["Подрядчик сорвёт график"])
    assert any("лишь" in r for r in reasons["Бесплатным проезд будет для жителей Заречного района"])
