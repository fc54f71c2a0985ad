"""Alembic migrations, kept inside the package so `Store.migrate()` works when installed."""
