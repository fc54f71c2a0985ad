"""Every interface string exists in both languages, and Russian pages carry no English.

Fails when a template or handler uses a key the catalogue lacks, when a key has no
Russian text, when a template holds words outside t(), or when a rendered Russian page
shows an English catalogue string.
"""

from __future__ import annotations

import ast
import html
import re
from pathlib import Path

import pytest

from api.dashboard import audit_text, reasons
from api.dashboard.article import SHOWN_VERDICTS
from api.dashboard.exports import CSV_QUOTE_COLUMNS, CSV_SOURCE_COLUMNS
from api.dashboard.i18n import EN, RU
from api.dashboard.panel import FOUND_BY
from quotetrail.store import JOB_STATUSES
from quotetrail.store.reviews import ARTICLE_STATES
from tests.dashboard import synthetic
from tests.dashboard.conftest import client_for, csrf_token

DASHBOARD = Path(__file__).resolve().parents[2] / "api" / "dashboard"
TEMPLATES = sorted((DASHBOARD / "templates").glob("*.html"))
# The product's and the format's names read the same in both languages.
LANGUAGE_NEUTRAL = {"app.name", "job.export.claimreview"}
KEY = re.compile(r"^[a-z_]+(\.[a-z0-9_]+)+$")
PREFIXES = {key.split(".")[0] for key in EN}


def _template_keys() -> set[str]:
    keys = set()
    for path in TEMPLATES:
        keys |= set(re.findall(r"""\bt\(\s*["']([^"'~]+)["']\s*[,)]""", path.read_text("utf-8")))
    return keys


def _python_keys() -> set[str]:
    keys = set()
    for path in sorted(DASHBOARD.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                value = node.value
                if (
                    KEY.match(value)
                    and value.split(".")[0] in PREFIXES
                    and not value.endswith((".html", ".py", ".css", ".js", ".svg"))
                    and value not in audit_text.KNOWN  # audit action names, not keys
                ):
                    keys.add(value)
    return keys


def _dynamic_keys() -> set[str]:
    keys = {f"verdict.{v}" for v in SHOWN_VERDICTS} | {f"rating.{v}" for v in SHOWN_VERDICTS}
    keys |= {f"status.{s}" for s in JOB_STATUSES} | {f"state.{s}" for s in ARTICLE_STATES}
    keys |= {f"role.{r}" for r in ("reviewer", "editor", "admin")}
    keys |= {f"found_by.{f}" for f in FOUND_BY}
    keys |= {f"kind.{k}" for k in ("direct", "reported", "claim", "term")}
    keys |= {f"anchor.{k}" for k in ("number", "name", "date", "negation")}
    keys |= {f"search.status.{s}" for s in ("ok", "refused", "unavailable")}
    keys |= {f"review.action.{a}" for a in ("confirm", "override", "dismiss")}
    keys |= {f"audit.{a}" for a in audit_text.KNOWN}
    keys |= {f"audit.sentence.{a}" for a in audit_text.KNOWN}
    keys |= {f"audit.sentence.{a}.article" for a in ("assign", "unassign", "comment")}
    keys |= {"audit.sentence.article.reviewed.unreviewed"}
    keys |= {f"reason.{k}" for k in (*reasons.KINDS.values(), *reasons.PHRASES.values())}
    keys |= {f"csv.{c}" for c in {*CSV_SOURCE_COLUMNS, *CSV_QUOTE_COLUMNS}}
    return keys


def test_every_key_has_both_languages():
    assert sorted(set(EN) - set(RU) - LANGUAGE_NEUTRAL) == []
    assert sorted(set(RU) - set(EN)) == []
    same = [
        k
        for k in RU
        if RU[k] == EN[k]
        and k not in LANGUAGE_NEUTRAL
        and re.search(r"[a-z]{4,}", re.sub(r"{\w+}", "", RU[k]))
    ]
    assert same == [], "copied English is not a translation"


@pytest.mark.parametrize("source", ["templates", "python", "dynamic"])
def test_every_key_used_is_in_the_catalogue(source):
    used = {"templates": _template_keys, "python": _python_keys, "dynamic": _dynamic_keys}[source]()
    assert used, "the scan found nothing: it is broken"
    assert sorted(k for k in used if k not in EN) == []


def test_placeholders_agree_between_languages():
    for key, english in EN.items():
        if key in RU:
            assert set(re.findall(r"{(\w+)}", english)) == set(re.findall(r"{(\w+)}", RU[key])), key


# Words allowed outside t() in templates: names, formats and a sample for the diff legend.
ALLOWED_WORDS = {"quotetrail", "abc", "JSON", "CSV", "EN", "RU", "SHA"}


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.name)
def test_templates_hold_no_words_outside_the_catalogue(path):
    text = path.read_text("utf-8")
    text = re.sub(r"{% block body_class %}.*?{% endblock %}", " ", text)  # a CSS class
    text = re.sub(r"{#.*?#}|{%.*?%}|{{.*?}}", " ", text, flags=re.S)
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", text, flags=re.S)
    text = re.sub(r"<[^>]*>", " ", text)
    words = {w for w in re.findall(r"[A-Za-zА-Яа-яЁё]{2,}", html.unescape(text))}
    assert sorted(words - ALLOWED_WORDS) == []


def test_the_template_check_catches_a_stray_word(tmp_path):
    stray = "<p>{{ t('job.article') }} Sources</p>"
    text = re.sub(r"{#.*?#}|{%.*?%}|{{.*?}}", " ", stray)
    assert re.findall(r"[A-Za-z]{2,}", re.sub(r"<[^>]*>", " ", text)) == ["Sources"]


def _visible(page: str) -> str:
    page = re.sub(r"<(script|style|pre)\b.*?</\1>", " ", page, flags=re.S)
    page = re.sub(r'<[^>]+\blang="en"[^>]*>.*?</', " ", page)  # marked as English on purpose
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def _english_only() -> list[str]:
    """English catalogue strings of two words or more that Russian says differently."""
    out = []
    for key, english in EN.items():
        if key in RU and RU[key] != english and not key.startswith(("csv.", "md.")):
            for part in re.split(r"{\w+}", english):
                part = part.strip(" .:,()—“”«»;")
                if len(re.findall(r"[A-Za-z]+", part)) >= 2:
                    out.append(part)
    return out


def test_russian_pages_show_no_english(app, users, store, job_id):
    ru_job = synthetic.seed(store)
    client = client_for(app, "ada")
    client.get("/dashboard/jobs?lang=ru")
    pages = {
        "list": "/dashboard/jobs",
        "job": f"/dashboard/jobs/{job_id}?q=2",
        "synthetic": f"/dashboard/jobs/{ru_job}?q=3",
        "evidence": f"/dashboard/jobs/{ru_job}/evidence?"
        + "source=https%3A%2F%2Ftass.com%2Feconomy%2F200002&q=3",
        "submit": "/dashboard/submit",
        "users": "/dashboard/users",
        "missing": "/dashboard/jobs/nope",
    }
    token = csrf_token(client.get(f"/dashboard/jobs/{job_id}").text)
    client.post(f"/dashboard/jobs/{job_id}/comments", data={"body": "ok", "csrf_token": token})
    english = _english_only()
    assert len(english) > 100
    for name, url in pages.items():
        text = _visible(client.get(url).text)
        found = [s for s in english if s in text]
        assert found == [], f"{name}: {found[:5]}"
    signoff = client.post(
        f"/dashboard/jobs/{job_id}/state", data={"state": "reviewed", "csrf_token": token}
    )
    assert signoff.status_code == 409
    assert [s for s in english if s in _visible(signoff.text)] == []
    # the same check on the English page finds plenty: it is not vacuous
    english_page = _visible(client.get(f"/dashboard/jobs/{ru_job}?q=3&lang=en").text)
    assert len([s for s in english if s in english_page]) > 20
