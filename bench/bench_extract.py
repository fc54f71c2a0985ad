"""How long quote extraction takes on large and hostile articles.

Run: python bench/bench_extract.py
Prints one line per case: characters, items found, best-of-5 CPU milliseconds of
this process (process_time: what one core spends, steady on a shared machine) and
best-of-5 wall milliseconds.
"""

from __future__ import annotations

import random
import time

from quotetrail.core.extract import extract_quotes
from quotetrail.core.outlets import OutletRegistry

EN_PARAGRAPHS = [
    'Russian President Vladimir Putin said on Tuesday: "We will not change course."',
    '"The talks are useful," Kremlin spokesman Dmitry Peskov told reporters. "But slow."',
    "According to Peskov, the next round will take place in March, TASS reports.",
    'He called the plan "unrealistic" and said the film "War and Peace" was better.',
    "Foreign Minister Sergei Lavrov noted that the sanctions had failed. This was reported by Gazeta.ru.",
    '"Nothing is decided yet," the minister said in an interview with Rossiya 24.',
]
RU_PARAGRAPHS = [
    "Президент России Владимир Путин заявил, что курс не изменится, передает ТАСС.",
    "«Переговоры полезны, — сказал Дмитрий Песков. — Но идут медленно».",
    "По словам Пескова, следующий раунд пройдет в марте. Об этом сообщает «Интерфакс».",
    "Партия «Единая Россия» и газета «Коммерсант» прокомментировали решение.",
    "«Ничего не решено», — подчеркнул глава государства в эфире телеканала «Россия 24».",
]


def article(size: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    parts: list[str] = []
    total = 0
    while total < size:
        p = rng.choice(EN_PARAGRAPHS + RU_PARAGRAPHS)
        parts.append(p)
        total += len(p) + 1
    return "\n".join(parts)[:size]


def hostile(size: int) -> dict[str, str]:
    return {
        "unclosed «": "«" * size,
        "alternating marks": ("«„“‘'\"" * size)[:size],
        "one long sentence": ("said that " * size)[:size],
        "capitalised words": ("Ivan Petrov Said " * size)[:size],
        "outlet names": ("ТАСС Интерфаксу РИА Новости " * size)[:size],
        "quotes, no cues": ('"a b c" ' * size)[:size],
        "no spaces": ("x" * size),
    }


def best_ms(text: str, registry: OutletRegistry) -> tuple[float, float, int]:
    cpu, wall = [], []
    found = 0
    for _ in range(5):
        c0, t0 = time.process_time(), time.perf_counter()
        found = len(extract_quotes(text, registry, include_terms=True))
        cpu.append(time.process_time() - c0)
        wall.append(time.perf_counter() - t0)
    return min(cpu) * 1000, min(wall) * 1000, found


def main() -> None:
    registry = OutletRegistry.default()
    extract_quotes("warm up", registry)
    cases = {f"news article {n // 1000}k": article(n) for n in (5_000, 50_000, 200_000)}
    cases.update(hostile(50_000))
    for name, text in cases.items():
        cpu, wall, found = best_ms(text, registry)
        print(
            f"{name:22} {len(text):>8} chars {found:>6} items {cpu:>9.1f} ms cpu {wall:>9.1f} ms wall"
        )


if __name__ == "__main__":
    main()
