"""Service settings read from the environment, in one place so api/, worker/ and the CLI agree.

The embedded default needs nothing: SQLite in ./var and an in-process broker. Setting
REDIS_URL and DATABASE_URL turns the same code into the distributed service.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path


def _default_data_dir() -> Path:
    return Path(os.environ.get("QUOTETRAIL_DATA_DIR", "var")).resolve()


@dataclass(frozen=True)
class ServiceConfig:
    database_url: str
    redis_url: str | None
    data_dir: Path
    secret_key: str
    extra: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_env(cls) -> ServiceConfig:
        data_dir = _default_data_dir()
        database_url = os.environ.get("DATABASE_URL") or f"sqlite:///{data_dir / 'quotetrail.db'}"
        return cls(
            database_url=database_url,
            redis_url=os.environ.get("REDIS_URL") or None,
            data_dir=data_dir,
            secret_key=os.environ.get("QUOTETRAIL_SECRET_KEY", ""),
        )
