"""The append-only audit (enforced by the database) and hashed API keys."""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import delete, text, update
from sqlalchemy.exc import DBAPIError

from quotetrail.store import Store
from quotetrail.store.models import ApiKeyRow, AuditRow


def test_audit_appends_in_order(store: Store) -> None:
    job, _ = store.create_job({"a": 1})
    first = store.append_audit(
        actor="editor",
        action="verdict.override",
        job_id=job.id,
        quote_index=0,
        before={"verdict": "paraphrased"},
        after={"verdict": "altered"},
    )
    store.append_audit(actor="editor", action="signoff", job_id=job.id)
    store.append_audit(actor="admin", action="user.add", job_id=None)
    entries = store.list_audit(job.id)
    assert [e.action for e in entries] == ["verdict.override", "signoff"]
    assert entries[0] == first
    assert entries[0].before == {"verdict": "paraphrased"} and entries[0].quote_index == 0
    assert [e.action for e in store.list_audit(None)] == ["user.add"]


@pytest.mark.parametrize(
    "statement",
    [
        update(AuditRow).values(actor="someone else"),
        delete(AuditRow),
    ],
    ids=["update", "delete"],
)
def test_audit_refuses_update_and_delete(store: Store, statement) -> None:
    job, _ = store.create_job({"a": 1})
    store.append_audit(actor="editor", action="signoff", job_id=job.id)
    with pytest.raises(DBAPIError, match="append-only"), store.session() as session:
        session.execute(statement)
    assert [(e.actor, e.action) for e in store.list_audit(job.id)] == [("editor", "signoff")]


def test_audit_refuses_raw_sql_too(store: Store) -> None:
    store.append_audit(actor="editor", action="signoff", job_id=None)
    with pytest.raises(DBAPIError, match="append-only"), store.engine.begin() as connection:
        connection.execute(text("DELETE FROM audit WHERE actor = 'editor'"))
    assert len(store.list_audit(None)) == 1


def test_api_keys_are_stored_hashed_and_revocable(store: Store) -> None:
    record, token = store.create_api_key("  Newsroom   bot ")
    assert record.name == "Newsroom bot" and record.active
    assert token.startswith("qt_") and len(token) > 40
    assert token.startswith(record.prefix)
    with store.session() as session:
        row = session.get(ApiKeyRow, record.id)
        assert row.token_hash == hashlib.sha256(token.encode()).hexdigest()
        assert token not in (row.token_hash, row.prefix, row.name)
    assert store.verify_api_key(token).id == record.id
    assert store.verify_api_key(token + "x") is None
    assert store.verify_api_key("") is None
    revoked = store.revoke_api_key(record.id)
    assert revoked is not None and not revoked.active
    assert store.verify_api_key(token) is None
    assert store.revoke_api_key("key_missing") is None
    assert [k.id for k in store.list_api_keys()] == [record.id]


def test_api_key_needs_a_name(store: Store) -> None:
    with pytest.raises(ValueError):
        store.create_api_key("   ")
