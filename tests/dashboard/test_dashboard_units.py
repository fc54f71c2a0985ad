"""Pure pieces: the catalogue, highlighting segments, diffs, redirects, sessions."""

from __future__ import annotations

import re
from pathlib import Path

from api.dashboard.article import QuoteView, diff_pieces, segments
from api.dashboard.auth import safe_next
from api.dashboard.i18n import EN, RU, translate
from api.dashboard.sessions import Session, SessionCodec

TEMPLATES = Path(__file__).resolve().parents[2] / "api" / "dashboard" / "templates"


def test_every_string_has_a_russian_translation():
    missing = sorted(set(EN) - set(RU) - {"app.name"})
    assert missing == []
    for key, text in EN.items():  # the same placeholders on both sides
        if key in RU:
            assert set(re.findall(r"{(\w+)}", text)) == set(re.findall(r"{(\w+)}", RU[key])), key


def test_templates_use_only_known_keys():
    used = set()
    for path in TEMPLATES.glob("*.html"):
        used |= set(re.findall(r"""\bt\(["']([a-z_.]+)["']\s*[,)]""", path.read_text()))
    assert len(used) > 50 and used <= set(EN)
    # Keys built in templates ("verdict." ~ v) exist for every value they are built from.
    for prefix, values in {
        "verdict": ("matched", "paraphrased", "altered", "not_found", "unverifiable"),
        "status": ("queued", "running", "succeeded", "failed", "canceled"),
        "state": ("unreviewed", "in_review", "reviewed"),
        "role": ("reviewer", "editor", "admin"),
        "review.action": ("confirm", "override"),
        "submit.mode": ("text", "html", "url"),
    }.items():
        assert all(f"{prefix}.{value}" in EN for value in values), prefix


def test_translate_falls_back_to_english_then_key():
    assert translate("ru", "nav.jobs") == "Статьи"
    assert translate("de", "nav.jobs") == "Articles"
    assert translate("ru", "no.such.key") == "no.such.key"
    assert translate("en", "panel.title", n=3) == "Quote 3"


def _quote(index: int, start: int, end: int) -> QuoteView:
    return QuoteView(index, {"start": start, "end": end}, "matched", "matched")


def test_segments_cut_text_at_quotes_and_skip_overlaps():
    text = "He said hello there and goodbye."
    quotes = [_quote(0, 8, 19), _quote(1, 14, 25), _quote(2, 24, 31), _quote(3, -1, -1)]
    parts = segments(text, quotes)
    assert "".join(p.text for p in parts) == text
    assert [(p.text, p.quote) for p in parts if p.quote is not None] == [
        ("hello there", 0),
        ("goodbye", 2),
    ]
    assert [q.placed for q in quotes] == [True, False, True, False]


def test_segments_ignore_offsets_outside_the_text():
    assert segments("short", [_quote(0, 2, 99)]) == [segments("short", [])[0]]


def test_diff_pieces_mark_inserted_and_deleted_words():
    ops = [
        {"op": "equal", "quote": "will cost", "source": "will cost"},
        {"op": "replace", "quote": "12", "source": "21"},
        {"op": "insert", "quote": "really", "source": ""},
        {"op": "delete", "quote": "", "source": "about"},
    ]
    # Suggestion mode, source = original: dropped source words struck, quote's additions
    # underlined (a replace shows the source word struck, then the quote's word).
    assert [(p.kind, p.text) for p in diff_pieces(ops)] == [
        ("equal", "will cost"),
        ("del", "21"),
        ("ins", "12"),
        ("ins", "really"),
        ("del", "about"),
    ]


def test_safe_next_allows_only_dashboard_paths():
    assert safe_next("/dashboard/jobs/1?q=2", "/dashboard") == "/dashboard/jobs/1?q=2"
    for bad in ("https://evil.example/", "//evil.example", "/other", "/dashboard\\x", "", None):
        assert safe_next(bad, "/dashboard") is None


def test_session_codec_round_trip_and_tamper():
    codec = SessionCodec("k1")
    session = Session()
    session.login(7, 3)
    session.add_flash("ok", "done")
    loaded = codec.loads(codec.dumps(session))
    assert (loaded.user_id, loaded.version, loaded.csrf, loaded.flash) == (
        7,
        3,
        session.csrf,
        [("ok", "done")],
    )
    assert SessionCodec("other key").loads(codec.dumps(session)).user_id is None
    assert codec.loads("garbage").user_id is None
    assert not Session().csrf_ok(None) and not Session().csrf_ok("")
