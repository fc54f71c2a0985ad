"""`quotetrail serve` / `quotetrail worker` argument handling (the processes are in
test_service_embedded.py)."""

import subprocess
import sys
from pathlib import Path

from quotetrail.cli import main
from quotetrail.cli.serve import _safe_url, worker_argv
from quotetrail.config import ServiceConfig


def _config(redis_url):
    return ServiceConfig(
        database_url="sqlite://", redis_url=redis_url, data_dir=Path("."), secret_key=""
    )


def test_embedded_worker_skips_cluster_chatter():
    argv = worker_argv(_config(None), concurrency=2, pool="prefork", log_level="info")
    assert argv[0] == "worker" and "--concurrency=2" in argv
    assert "--without-mingle" in argv
    redis_argv = worker_argv(
        _config("redis://h/0"), concurrency=4, pool="prefork", log_level="info"
    )
    assert "--without-mingle" not in redis_argv


def test_migrate_only_creates_the_database(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("QUOTETRAIL_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    assert main(["serve", "--migrate-only"]) == 0
    assert (tmp_path / "data" / "quotetrail.db").exists()
    assert "database ready" in capsys.readouterr().out


def test_unreachable_database_is_a_one_line_error(monkeypatch, capsys):
    monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg://nobody:secret@127.0.0.1:1/none")
    assert main(["serve", "--migrate-only"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("quotetrail: error: cannot open the database")
    assert "secret" not in err  # the password is not printed
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_bad_arguments_exit_2():
    result = subprocess.run(
        [sys.executable, "-m", "quotetrail.cli", "serve", "--concurrency", "0"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 2
    assert "must be at least 1" in result.stderr


def test_safe_url_hides_passwords():
    assert (
        _safe_url("postgresql+psycopg://u:pw@db:5432/q") == "postgresql+psycopg://u:***@db:5432/q"
    )
    assert _safe_url("sqlite:///var/q.db") == "sqlite:///var/q.db"
