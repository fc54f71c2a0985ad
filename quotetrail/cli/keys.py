"""`quotetrail apikey create|revoke|list`: API keys for the HTTP API, from the shell.

The key itself is printed once, by `create`; the store keeps only its SHA-256, so a
lost key cannot be shown again — revoke it and create another.
"""

from __future__ import annotations

import argparse
import json

from quotetrail.config import ServiceConfig


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("apikey", help="manage API keys for the HTTP API")
    keys = parser.add_subparsers(dest="apikey_command", required=True, parser_class=type(parser))

    create = keys.add_parser("create", help="create a key and print it (once)")
    create.add_argument("name", help="who or what the key is for, e.g. 'newsroom-bot'")
    create.add_argument("--json", action="store_true", help="print id, name and key as JSON")
    create.set_defaults(handler=_create)

    revoke = keys.add_parser("revoke", help="revoke a key by its id (key_…)")
    revoke.add_argument("key_id")
    revoke.set_defaults(handler=_revoke)

    listing = keys.add_parser("list", help="list keys (never the keys themselves)")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=_list)


def _store():
    from quotetrail.store import Store

    store = Store.from_config(ServiceConfig.from_env())
    store.migrate()  # idempotent: the first key can be made before the server ever ran
    return store


def _create(args: argparse.Namespace) -> int:
    from quotetrail.cli import UsageError

    if not args.name.strip():
        raise UsageError("give the key a name")
    store = _store()
    try:
        record, token = store.create_api_key(args.name)
    finally:
        store.close()
    if args.json:
        print(json.dumps({"id": record.id, "name": record.name, "key": token}))
    else:
        print(f"created {record.id} ({record.name})")
        print(f"key: {token}")
        print("store it now: it is not shown again")
    return 0


def _revoke(args: argparse.Namespace) -> int:
    from quotetrail.cli import UsageError

    store = _store()
    try:
        record = store.revoke_api_key(args.key_id)
    finally:
        store.close()
    if record is None:
        raise UsageError(f"no API key {args.key_id!r} (see `quotetrail apikey list`)")
    print(f"revoked {record.id} ({record.name})")
    return 0


def _list(args: argparse.Namespace) -> int:
    store = _store()
    try:
        records = store.list_api_keys()
    finally:
        store.close()
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "id": r.id,
                        "name": r.name,
                        "prefix": r.prefix,
                        "created_at": r.created_at.isoformat(),
                        "revoked_at": r.revoked_at.isoformat() if r.revoked_at else None,
                        "last_used_at": r.last_used_at.isoformat() if r.last_used_at else None,
                    }
                    for r in records
                ]
            )
        )
        return 0
    if not records:
        print("no API keys")
        return 0
    for r in records:
        state = f"revoked {r.revoked_at:%Y-%m-%d}" if r.revoked_at else "active"
        used = f"last used {r.last_used_at:%Y-%m-%d %H:%M}" if r.last_used_at else "never used"
        print(f"{r.id}  {r.prefix}…  {state:<18}  {used:<26}  {r.name}")
    return 0
