"""`quotetrail apikey create|list|revoke` against a SQLite store in tmp_path."""

from __future__ import annotations

import json

import pytest

from quotetrail.cli import main
from quotetrail.store import Store


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("QUOTETRAIL_DATA_DIR", str(tmp_path))
    return tmp_path


def test_create_list_revoke(data_dir, capsys) -> None:
    assert main(["apikey", "create", "newsroom bot", "--json"]) == 0
    created = json.loads(capsys.readouterr().out)
    assert created["key"].startswith("qt_") and created["name"] == "newsroom bot"

    store = Store(f"sqlite:///{data_dir / 'quotetrail.db'}")
    try:
        assert store.verify_api_key(created["key"]).id == created["id"]

        assert main(["apikey", "list"]) == 0
        listing = capsys.readouterr().out
        assert created["id"] in listing and "active" in listing
        assert created["key"] not in listing  # only the prefix is ever shown

        assert main(["apikey", "revoke", created["id"]]) == 0
        assert "revoked" in capsys.readouterr().out
        assert store.verify_api_key(created["key"]) is None

        assert main(["apikey", "list", "--json"]) == 0
        (entry,) = json.loads(capsys.readouterr().out)
        assert entry["revoked_at"] is not None and "key" not in entry
    finally:
        store.close()


def test_revoke_unknown_key_is_a_usage_error(data_dir, capsys) -> None:
    assert main(["apikey", "revoke", "key_nope"]) == 2
    assert "no API key" in capsys.readouterr().err


def test_plain_create_prints_the_key_once(data_dir, capsys) -> None:
    assert main(["apikey", "create", "ci"]) == 0
    out = capsys.readouterr().out
    assert "qt_" in out and "not shown again" in out
