"""The discovery development set: synthetic outlets, articles and the right answers.

    python devset/discovery/world.py --write     # (re)writes cases.jsonl from SEED

Five fake outlets, each listing its articles a different way, served on their own
loopback addresses by `serve()`:

    Harbor Wire    127.0.0.21  sitemap index → one child per day, <news:title>, numeric URLs
    Valley Post    127.0.0.22  gzipped sitemap, <lastmod> only, English slugs
    Ridge Herald   127.0.0.23  feed (recent) + paginated daily archive pages, 40 a page
    Steppe Courier 127.0.0.24  Russian: daily archive, Cyrillic titles, transliterated slugs
    Delta Review   127.0.0.25  wayback_prefix: listed only by a fake CDX server (127.0.0.26)

Each outlet publishes DECOYS articles a day for 40 days (other officials saying similar
things: same verbs, other numbers and places). A case is an article that credits one
outlet in words only, the quote, the article's date (0–4 days after the original)
and the URL of the original: the right answer. Everything is written by this script.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

SEED = 20201116
START = date(2020, 10, 1)
DAYS = 40
DECOYS = 60  # articles per outlet per day besides the originals
CASES_PER_OUTLET = 10

EN_VERBS = ("open", "build", "repair", "close", "fund", "rebuild", "inspect", "replace")
EN_NOUNS = ("bridges", "schools", "clinics", "tram depots", "ferry piers", "libraries",
            "bus stations", "sports halls", "water towers", "fire stations")  # fmt: skip
EN_PLACES = ("Eastmere", "Northvale", "Kerrow", "Linden Bay", "Ashford", "Millbrook",
             "Stonegate", "Redcliff")  # fmt: skip
EN_WHEN = ("by next autumn", "before the winter", "within two years", "this summer",
           "by the end of the year", "next spring")  # fmt: skip
EN_PEOPLE = ("Anna Keller", "Tom Briggs", "Olga Berg", "Marcus Hale", "Ines Duarte",
             "Pavel Novak", "Lena Sørensen", "Omar Haddad", "Ruth Ames", "Jonas Weber",
             "Clara Mendes", "Victor Lamb")  # fmt: skip
RU_VERBS = ("откроем", "построим", "отремонтируем", "закроем", "реконструируем")
RU_NOUNS = ("школ", "мостов", "больниц", "парков", "станций", "библиотек")
RU_PLACES = ("Казани", "Самаре", "Перми", "Твери", "Туле", "Вологде")
RU_WHEN = ("до конца года", "к осени", "в течение двух лет", "этим летом")
RU_PEOPLE = ("Анна Котова", "Игорь Лебедев", "Мария Соколова", "Олег Федоров",
             "Денис Волков", "Елена Морозова")  # fmt: skip


@dataclass(frozen=True)
class OutletSpec:
    id: str
    name: str
    host: str
    lang: str
    kind: str


OUTLETS = (
    OutletSpec("harbor", "Harbor Wire", "127.0.0.21", "en", "sitemap_index"),
    OutletSpec("valley", "Valley Post", "127.0.0.22", "en", "sitemap_gz"),
    OutletSpec("ridge", "Ridge Herald", "127.0.0.23", "en", "archive"),
    OutletSpec("steppe", "Steppe Courier", "127.0.0.24", "ru", "archive_ru"),
    OutletSpec("delta", "Delta Review", "127.0.0.25", "en", "wayback"),
)
ARCHIVE_HOST = "127.0.0.26"


def _statement(rng: random.Random, lang: str) -> tuple[str, str]:
    """(speaker, quote) — a promise with a number, a place and a time."""
    n = rng.randint(2, 19)
    if lang == "ru":
        quote = (
            f"Мы {rng.choice(RU_VERBS)} {n} {rng.choice(RU_NOUNS)} в {rng.choice(RU_PLACES)} "
            f"{rng.choice(RU_WHEN)}"
        )
        return rng.choice(RU_PEOPLE), quote
    quote = (
        f"We will {rng.choice(EN_VERBS)} {n} {rng.choice(EN_NOUNS)} in {rng.choice(EN_PLACES)} "
        f"{rng.choice(EN_WHEN)}"
    )
    return rng.choice(EN_PEOPLE), quote


def _title(rng: random.Random, speaker: str, quote: str, lang: str, plain: bool) -> str:
    """A headline: sometimes names the speaker, sometimes only the topic."""
    words = quote.split()
    topic = " ".join(words[3:6]) if lang == "en" else " ".join(words[2:5])
    surname = speaker.split()[-1]
    if plain:
        return f"City plans: {topic}" if lang == "en" else f"Планы города: {topic}"
    return f"{surname} promises {topic}" if lang == "en" else f"{surname} пообещал: {topic}"


def _slug(title: str) -> str:
    import cyrtranslit

    latin = cyrtranslit.to_latin(title, "ru").lower()
    latin = unicodedata.normalize("NFKD", latin).encode("ascii", "ignore").decode("ascii")
    return "-".join("".join(c if c.isalnum() else " " for c in latin).split())[:70]


def build(seed: int = SEED) -> dict:
    """Every outlet's articles (decoys and originals) and the cases."""
    rng = random.Random(seed)
    articles: dict[str, list[dict]] = {o.id: [] for o in OUTLETS}
    cases = []
    serial = 7_000_000
    for outlet in OUTLETS:
        for d in range(DAYS):
            day = START + timedelta(days=d)
            for _ in range(DECOYS):
                speaker, quote = _statement(rng, outlet.lang)
                serial += 1
                title = _title(rng, speaker, quote, outlet.lang, rng.random() < 0.4)
                articles[outlet.id].append(
                    {"day": day.isoformat(), "speaker": speaker, "quote": quote,
                     "title": title, "serial": serial}
                )  # fmt: skip
        for c in range(CASES_PER_OUTLET):
            day = START + timedelta(days=rng.randint(8, DAYS - 6))
            speaker, quote = _statement(rng, outlet.lang)
            serial += 1
            plain = c % 3 == 0  # a third of the originals' headlines do not name the speaker
            entry = {
                "day": day.isoformat(),
                "speaker": speaker,
                "quote": quote,
                "title": _title(rng, speaker, quote, outlet.lang, plain),
                "serial": serial,
            }
            articles[outlet.id].append(entry)
            published = day + timedelta(days=rng.randint(0, 4))
            cases.append(
                {"id": f"{outlet.id}-{c}", "outlet": outlet.id, "lang": outlet.lang,
                 "quote": quote, "speaker": speaker, "original_day": day.isoformat(),
                 "article_day": published.isoformat(), "serial": serial}
            )  # fmt: skip
    return {"articles": articles, "cases": cases}


def article_path(outlet: OutletSpec, a: dict) -> str:
    day = date.fromisoformat(a["day"])
    if outlet.kind == "sitemap_index":
        return f"/politics/{a['serial']}"
    if outlet.kind == "archive_ru":
        return f"/news/{day:%Y/%m/%d}/{_slug(a['title'])}-{a['serial']}"
    return f"/{day:%Y/%m/%d}/{_slug(a['title'])}-{a['serial']}"


def page_html(a: dict, lang: str) -> str:
    day = a["day"]
    if lang == "ru":
        body = f"<p>{escape(a['speaker'])} выступил на совещании.</p><p>«{escape(a['quote'])}», — сказал {escape(a['speaker'])}.</p>"
    else:
        body = f'<p>{escape(a["speaker"])} spoke at a council meeting.</p><p>"{escape(a["quote"])}," {escape(a["speaker"])} said.</p>'
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{escape(a["title"])}</title>'
        f'<meta property="article:published_time" content="{day}T09:00:00Z"></head><body>'
        f"<article><h1>{escape(a['title'])}</h1>{body}</article></body></html>"
    )


def case_article(case: dict, outlet: OutletSpec) -> str:
    """The article that credits the outlet in words only (no link)."""
    day = case["article_day"]
    q, who = escape(case["quote"]), escape(case["speaker"])
    if outlet.lang == "ru":
        text = f"<p>«{q}», — заявил {who}, передает {escape(outlet.name)}.</p>"
        lang = "ru"
    else:
        text = f'<p>"{q}," {who} said, as quoted by {escape(outlet.name)}.</p>'
        lang = "en"
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>Digest</title>'
        f'<meta property="article:published_time" content="{day}T18:00:00Z"></head><body>'
        f"<article><h1>Digest</h1>{text}</article></body></html>"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="write cases.jsonl")
    args = parser.parse_args()
    data = build()
    if args.write:
        with (HERE / "cases.jsonl").open("w", encoding="utf-8") as f:
            for case in data["cases"]:
                f.write(json.dumps(case, ensure_ascii=False) + "\n")
    print(f"{len(data['cases'])} cases, {sum(len(v) for v in data['articles'].values())} articles")


if __name__ == "__main__":
    main()
