"""Display-only translation of cross-language passages (optional; verdicts never use it).

    report ─► evidence whose passage is in another language than its quote
           ─► Translator (LibreTranslate URL | Argos Translate package) ─► evidence.translation

Configured by the operator: QUOTETRAIL_TRANSLATE_URL (a LibreTranslate server, e.g.
http://127.0.0.1:5000) or QUOTETRAIL_TRANSLATE_ARGOS (a local .argosmodel package
path). Nothing set → no translation, and `translation` stays null. What ends it: a
translator that fails leaves that passage's translation null and logs why; the
verdict was decided before this step and is never touched.
"""

from __future__ import annotations

import logging
import os
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from quotetrail.core.anchors import text_lang
from quotetrail.core.models import Evidence, QuoteResult, Report

log = logging.getLogger(__name__)
TIMEOUT = 10.0


class TranslatorUnavailable(RuntimeError):
    """The configured translation backend cannot be used; the message says why."""


class Translator(Protocol):
    name: str

    def translate(self, text: str, source: str, target: str) -> str: ...


class LibreTranslate:
    """A LibreTranslate server's POST /translate (its URL set by the operator)."""

    def __init__(self, url: str, api_key: str | None = None, timeout: float = TIMEOUT) -> None:
        self.name = f"LibreTranslate {url}"
        self._endpoint = url.rstrip("/") + "/translate"
        self._api_key = api_key
        import httpx  # only when a translator is configured: a CLI run never pays for it

        self._client = httpx.Client(timeout=timeout, follow_redirects=False, trust_env=False)

    def translate(self, text: str, source: str, target: str) -> str:
        body = {"q": text, "source": source, "target": target, "format": "text"}
        if self._api_key:
            body["api_key"] = self._api_key
        response = self._client.post(self._endpoint, json=body)
        response.raise_for_status()
        translated = response.json().get("translatedText")
        if not isinstance(translated, str):
            raise ValueError("LibreTranslate answered without translatedText")
        return translated


class ArgosTranslator:
    """Argos Translate with a local .argosmodel package (installed once, offline)."""

    def __init__(self, package_path: str) -> None:
        if not Path(package_path).exists():
            raise TranslatorUnavailable(f"no Argos package at {package_path}")
        try:
            import argostranslate.package
            import argostranslate.translate
        except ImportError as exc:
            raise TranslatorUnavailable("argostranslate is not installed") from exc
        argostranslate.package.install_from_path(package_path)
        self._translate = argostranslate.translate.translate
        self.name = f"Argos Translate {Path(package_path).name}"

    def translate(self, text: str, source: str, target: str) -> str:
        return str(self._translate(text, source, target))


def load_translator() -> Translator | None:
    """The configured translator, or None when none is configured or it cannot load.

    Loaded once per process for a given setting (an Argos package is a model; a
    LibreTranslate client keeps its connections), not once per job."""
    return _translator_for(
        os.environ.get("QUOTETRAIL_TRANSLATE_URL", "").strip(),
        os.environ.get("QUOTETRAIL_TRANSLATE_KEY") or None,
        os.environ.get("QUOTETRAIL_TRANSLATE_ARGOS", "").strip(),
    )


@lru_cache(maxsize=4)
def _translator_for(url: str, key: str | None, argos: str) -> Translator | None:
    try:
        if url:
            return LibreTranslate(url, key)
        if argos:
            return ArgosTranslator(argos)
    except TranslatorUnavailable as exc:
        log.warning("passage translation unavailable: %s", exc)
    return None


def add_translations(report: Report, translator: Translator | None) -> Report:
    """Fill `translation` for every passage in another language than its quote."""
    if translator is None:
        return report
    done: dict[tuple[str, str], str | None] = {}
    quotes = tuple(_translated(r, translator, done) for r in report.quotes)
    return replace(report, quotes=quotes)


def _translated(
    result: QuoteResult, translator: Translator, done: dict[tuple[str, str], str | None]
) -> QuoteResult:
    target = text_lang(result.quote.text)
    if target is None:
        return result
    evidence = tuple(_one(ev, target, translator, done) for ev in result.evidence)
    return replace(result, evidence=evidence)


def _one(
    ev: Evidence, target: str, translator: Translator, done: dict[tuple[str, str], str | None]
) -> Evidence:
    if not ev.passage or not ev.lang or ev.lang == target:
        return ev
    key = (ev.passage, target)
    if key not in done:
        try:
            done[key] = translator.translate(ev.passage, ev.lang, target)
        except Exception as exc:  # a translator failing leaves the passage untranslated
            log.warning("could not translate a passage with %s: %s", translator.name, exc)
            done[key] = None
    return replace(ev, translation=done[key])
