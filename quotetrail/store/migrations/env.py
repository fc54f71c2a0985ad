"""Alembic environment: runs on the connection `Store.migrate()` hands over.

Run from the command line too: `alembic -x url=sqlite:///var/quotetrail.db upgrade heads`
with `script_location = quotetrail.store:migrations` (Store.migrate() is simpler).
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from quotetrail.store.engine import create_store_engine, write_engine
from quotetrail.store.models import Base

config = context.config
target_metadata = Base.metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        transaction_per_migration=False,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option(
        "sqlalchemy.url"
    )
    engine = write_engine(create_store_engine(url))
    try:
        with engine.connect() as conn:
            _run(conn)
    finally:
        engine.dispose()


if context.is_offline_mode():
    raise SystemExit("quotetrail migrations run online only (Store.migrate())")
run_migrations_online()
