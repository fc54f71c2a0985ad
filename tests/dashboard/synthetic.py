"""A hand-written report carrying every field the other helpers are adding, in Russian.

All names, outlets' pages and figures are invented. The report has:
- a quote matched by a page the discovery step found through the outlet's search
  (`found_by: search`) and an archived copy (`found_by: wayback`, `archived_at`);
- a quote judged `translated` against an English page (evidence `lang`, `aligned[]`,
  `anchors[]`, `translation`);
- a low-confidence `claim` (`confidence` 0.3) and an altered quote with reasons;
- a top-level `searches[]` entry, one ok and one refused.
Offsets are computed from the texts, so the page highlights exactly these spans.
"""

from __future__ import annotations

import hashlib

TASS_URL = "https://tass.ru/ekonomika/100001"
ARCHIVE_URL = "https://web.archive.org/web/20261120101010/https://ria.ru/20261120/most.html"
ENGLISH_URL = "https://tass.com/economy/200002"

ARTICLE = (
    "Мост через Лесную откроют в декабре, сообщил губернатор Павел Орлов.\n\n"
    "«Мост будет открыт для движения в декабре», — заявил Орлов, как передает ТАСС.\n\n"
    "«На строительство потратили 4 миллиарда рублей», — сказал Орлов РИА Новости.\n\n"
    "«Мы не планируем повышать плату за проезд», — отметил губернатор в интервью TASS.\n\n"
    "По словам Орлова, жители давно ждали этот мост.\n"
)
Q1 = "Мост будет открыт для движения в декабре"
Q2 = "На строительство потратили 4 миллиарда рублей"
Q3 = "Мы не планируем повышать плату за проезд"
Q4 = "жители давно ждали этот мост"

TASS_TEXT = (
    "Губернатор Павел Орлов рассказал о сроках.\n\n"
    "«Мост будет открыт для движения в декабре», — сказал Орлов журналистам.\n"
)
RIA_TEXT = (
    "Орлов назвал стоимость работ.\n\n"
    "«На строительство потратили 40 миллиардов рублей», — сказал губернатор.\n"
)
ENGLISH_TEXT = (
    "Governor Pavel Orlov spoke about the bridge.\n\n"
    '"We do not plan to raise the toll," Orlov said in an interview.\n'
)
ENGLISH_PASSAGE = "We do not plan to raise the toll"
RIA_PASSAGE = "На строительство потратили 40 миллиардов рублей"


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def report() -> dict:
    s1, e1 = _span(ARTICLE, Q1)
    s2, e2 = _span(ARTICLE, Q2)
    s3, e3 = _span(ARTICLE, Q3)
    s4, e4 = _span(ARTICLE, Q4)
    ts, te = _span(TASS_TEXT, Q1)
    rs, re_ = _span(RIA_TEXT, RIA_PASSAGE)
    es, ee = _span(ENGLISH_TEXT, ENGLISH_PASSAGE)
    tass_ev = {
        "source": TASS_URL,
        "verdict": "matched",
        "score": 100.0,
        "passage": Q1,
        "start": ts,
        "end": te,
        "diff": [{"op": "equal", "quote": Q1, "source": Q1}],
        "reasons": [],
        "lang": "ru",
    }
    return {
        "article": {
            "source": "-",
            "url": "https://news.example/most",
            "title": "Мост через Лесную откроют в декабре",
            "lang": "ru",
            "chars": len(ARTICLE),
            "links": [],
            "quotes": 4,
            "date": "2026-11-20",
            "date_source": "page",
            "window": {"from": "2026-11-13", "to": "2026-11-21"},
        },
        "quotes": [
            {
                "text": Q1,
                "kind": "direct",
                "speaker": "Павел Орлов",
                "cue": "заявил",
                "cited_source": "TASS",
                "start": s1,
                "end": e1,
                "verdict": "matched",
                "score": 100.0,
                "confidence": 0.95,
                "evidence": [tass_ev],
                "comparison": [{"wording": Q1, "verdict": "matched", "sources": [TASS_URL]}],
            },
            {
                "text": Q2,
                "kind": "direct",
                "speaker": "Павел Орлов",
                "cue": "сказал",
                "cited_source": "RIA Novosti",
                "start": s2,
                "end": e2,
                "verdict": "altered",
                "score": 91.0,
                "confidence": 0.9,
                "evidence": [
                    {
                        "source": ARCHIVE_URL,
                        "verdict": "altered",
                        "score": 91.0,
                        "passage": RIA_PASSAGE,
                        "start": rs,
                        "end": re_,
                        "diff": [
                            {
                                "op": "equal",
                                "quote": "На строительство потратили",
                                "source": "На строительство потратили",
                            },
                            {"op": "replace", "quote": "4 миллиарда", "source": "40 миллиардов"},
                            {"op": "equal", "quote": "рублей", "source": "рублей"},
                        ],
                        "reasons": ["number changed: 40 миллиардов → 4 миллиарда"],
                        "lang": "ru",
                    },
                    {**tass_ev, "verdict": "not_found", "score": 12.0, "reasons": []},
                ],
                "comparison": [],
            },
            {
                "text": Q3,
                "kind": "direct",
                "speaker": "Павел Орлов",
                "cue": "отметил",
                "cited_source": "TASS",
                "start": s3,
                "end": e3,
                "verdict": "translated",
                "score": 88.0,
                "confidence": 0.85,
                "evidence": [
                    {
                        "source": ENGLISH_URL,
                        "verdict": "translated",
                        "score": 88.0,
                        "passage": ENGLISH_PASSAGE,
                        "start": es,
                        "end": ee,
                        "diff": [],
                        "reasons": [],
                        "lang": "en",
                        "aligned": [{"quote": Q3, "source": ENGLISH_PASSAGE, "score": 0.91}],
                        "anchors": [
                            {"kind": "negation", "quote": "не", "source": "not", "agree": True}
                        ],
                        "translation": "Мы не планируем поднимать плату за проезд",
                    }
                ],
                "comparison": [],
            },
            {
                "text": Q4,
                "kind": "claim",
                "speaker": "Павел Орлов",
                "cue": "по словам",
                "cited_source": None,
                "start": s4,
                "end": e4,
                "verdict": "not_found",
                "score": 0.0,
                "confidence": 0.3,
                "evidence": [
                    {
                        "source": TASS_URL,
                        "verdict": "not_found",
                        "score": 0.0,
                        "passage": "",
                        "start": -1,
                        "end": -1,
                        "diff": [],
                        "reasons": ["no passage shares the quote's words"],
                    }
                ],
                "comparison": [],
            },
        ],
        "sources": [
            {
                "source": TASS_URL,
                "status": "ok",
                "error": None,
                "outlet": "TASS",
                "final_url": TASS_URL,
                "fetched_at": "2026-11-20T10:11:12+00:00",
                "sha256": "a" * 64,
                "found_by": "search",
                "found_via": "https://tass.ru/search?text=мост",
                "archived_at": None,
            },
            {
                "source": ARCHIVE_URL,
                "status": "ok",
                "error": None,
                "outlet": "RIA Novosti",
                "final_url": ARCHIVE_URL,
                "fetched_at": "2026-11-20T10:11:13+00:00",
                "sha256": "b" * 64,
                "found_by": "wayback",
                "found_via": None,
                "archived_at": "2026-11-20T10:10:10Z",
            },
            {
                "source": ENGLISH_URL,
                "status": "ok",
                "error": None,
                "outlet": "TASS",
                "final_url": ENGLISH_URL,
                "fetched_at": "2026-11-20T10:11:14+00:00",
                "sha256": "c" * 64,
                "found_by": "sitemap",
                "found_via": "https://tass.com/sitemap.xml",
                "archived_at": None,
            },
        ],
        "searches": [
            {
                "outlet": "TASS",
                "quotes": [0, 2],
                "from": "2026-11-13",
                "to": "2026-11-21",
                "dates": [],
                "listed": 40,
                "fetched": 3,
                "status": "ok",
                "reason": None,
            },
            {
                "outlet": "Interfax",
                "quotes": [1],
                "from": "2026-11-13",
                "to": "2026-11-21",
                "dates": ["2026-11-01"],
                "listed": 0,
                "fetched": 0,
                "status": "refused",
                "reason": "answered HTTP 403",
            },
        ],
    }


def seed(store) -> str:
    """Store the synthetic job as a worker would: article text, sources, report."""
    data = report()
    job, _ = store.create_job({"article": {"text": ARTICLE}}, owner="rita")
    store.start_job(
        job.id,
        quotes_total=len(data["quotes"]),
        sources_total=len(data["sources"]),
        article={**data["article"], "text": ARTICLE},
    )
    pages = {TASS_URL: TASS_TEXT, ARCHIVE_URL: RIA_TEXT, ENGLISH_URL: ENGLISH_TEXT}
    for source, text in pages.items():
        body = f"<html><body><p>{text}</p><script>window.__pwned=1</script></body></html>"
        store.save_source(
            job.id,
            source,
            status="ok",
            content_type="text/html; charset=utf-8",
            body=body.encode("utf-8"),
            text=text,
            final_url=source,
            http_status=200,
            fetched_at="2026-11-20T10:11:12+00:00",
            sha256=hashlib.sha256(body.encode("utf-8")).hexdigest(),
        )
    store.finish_job(job.id, data)
    return job.id
