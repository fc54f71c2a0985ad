"""`quotetrail serve` (API + workers in one process group) and `quotetrail worker`.

`serve` is the embedded default: on a fresh machine, with SQLite and no Redis, it
migrates the store, starts a Celery worker child on the embedded SQLite queue under
QUOTETRAIL_DATA_DIR, re-sends every job left unfinished by a previous run, and serves
the API with uvicorn. With REDIS_URL set the same command uses Redis instead, and
`quotetrail worker` adds worker processes anywhere that reaches Redis and the database.
"""

from __future__ import annotations

import argparse
import ctypes
import os
import signal
import subprocess
import sys
from collections.abc import Sequence

from quotetrail.config import ServiceConfig


def register(sub: argparse._SubParsersAction) -> None:
    serve = sub.add_parser(
        "serve",
        help="run the HTTP API and the workers (embedded mode: no Redis needed)",
        description=__doc__,
    )
    serve.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)"
    )
    serve.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000)")
    serve.add_argument(
        "--concurrency", type=_positive, default=2, help="worker processes to start (default 2)"
    )
    mode = serve.add_mutually_exclusive_group()
    mode.add_argument("--no-worker", action="store_true", help="serve the API only")
    mode.add_argument(
        "--migrate-only", action="store_true", help="create or upgrade the database, then exit"
    )
    serve.add_argument(
        "--log-level", default="warning", choices=("debug", "info", "warning", "error")
    )
    serve.set_defaults(handler=run_serve)

    worker = sub.add_parser(
        "worker",
        help="run a Celery worker (celery -A worker.celery_app worker)",
        description="A Celery worker for quotetrail jobs. Extra arguments after -- go to Celery.",
    )
    worker.add_argument("--concurrency", type=_positive, default=2, help="processes (default 2)")
    worker.add_argument("--pool", default="prefork", choices=("prefork", "threads", "solo"))
    worker.add_argument(
        "--recover",
        action="store_true",
        help="first re-send every unfinished job (after a broker was lost; tasks are idempotent)",
    )
    worker.add_argument(
        "--log-level", default="info", choices=("debug", "info", "warning", "error")
    )
    worker.add_argument("celery_args", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    worker.set_defaults(handler=run_worker)


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def worker_argv(config: ServiceConfig, *, concurrency: int, pool: str, log_level: str) -> list[str]:
    """The Celery command line, shared by `serve` and `worker` so both run the same worker."""
    from worker.celery_app import queue_name

    argv = [
        "worker",
        f"--pool={pool}",
        f"--concurrency={concurrency}",
        f"--loglevel={log_level.upper()}",
        "-Q",
        queue_name(),
    ]
    if not config.redis_url:
        # The embedded broker has no use for the cluster chatter; it only slows start-up.
        argv += ["--without-gossip", "--without-mingle", "--without-heartbeat"]
    return argv


def _prepare(config: ServiceConfig):  # -> Store
    from quotetrail.store import Store

    config.data_dir.mkdir(parents=True, exist_ok=True)
    store = Store.from_config(config)
    store.migrate()
    return store


def run_serve(args: argparse.Namespace) -> int:
    from quotetrail.cli import UsageError

    config = ServiceConfig.from_env()
    try:
        store = _prepare(config)
    except Exception as exc:
        first_line = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise UsageError(
            f"cannot open the database {_safe_url(config.database_url)}: {first_line}"
        ) from None
    if args.migrate_only:
        print(f"database ready: {_safe_url(config.database_url)}")
        return 0

    from worker.dispatch import get_dispatcher
    from worker.sweep import recover

    dispatcher = get_dispatcher(config)
    supervisor = None
    if not args.no_worker:
        supervisor = _supervisor(config, store, dispatcher, args.concurrency, args.log_level)
        supervisor.start_worker()
        if not config.redis_url:
            # Embedded: the only worker is ours, so anything unfinished lost its messages.
            resent = recover(store, dispatcher)
            if resent:
                print(f"re-sent {resent} job(s) left unfinished by the last run", flush=True)
        supervisor.start()
    status = supervisor.status if supervisor is not None else None
    try:
        return _run_api(config, store, dispatcher, args.host, args.port, args.log_level, status)
    finally:
        if supervisor is not None:
            supervisor.stop()


def _supervisor(config: ServiceConfig, store, dispatcher, concurrency: int, log_level: str):
    """The watchdog of the worker child; the stall sweep runs in it, in `serve` itself, so
    a dead worker cannot stop it (the child's own sweep is turned off)."""
    from worker import runtime
    from worker.supervise import HEARTBEAT_ENV, Supervisor
    from worker.sweep import recover, sweep_safely

    heartbeat = config.data_dir / "worker.heartbeat"
    env = {**os.environ, HEARTBEAT_ENV: str(heartbeat), "QUOTETRAIL_SWEEP_INTERVAL": "0"}
    settings = runtime.settings()
    return Supervisor(
        lambda: _start_worker_child(config, concurrency, log_level, env),
        heartbeat,
        on_restart=lambda: recover(store, dispatcher),
        sweep=sweep_safely,
        sweep_interval=settings.sweep_interval,
        silent_after=settings.worker_silent_after,
    )


def _run_api(
    config: ServiceConfig, store, dispatcher, host: str, port: int, log_level: str, status=None
) -> int:
    import uvicorn

    from api.app import create_app

    os.environ["QUOTETRAIL_BIND_HOST"] = host  # keys are required beyond loopback ("auto")
    app = create_app(config, store=store, dispatcher=dispatcher, worker_status=status)
    print(f"quotetrail API on http://{host}:{port} ({_mode(config)})", flush=True)
    uvicorn.run(app, host=host, port=port, log_level=log_level, access_log=False)
    return 0


def _mode(config: ServiceConfig) -> str:
    broker = "Redis" if config.redis_url else f"SQLite queue in {config.data_dir / 'broker'}"
    return f"{broker}, database {_safe_url(config.database_url)}"


def _start_worker_child(
    config: ServiceConfig, concurrency: int, log_level: str, env: dict[str, str] | None = None
) -> subprocess.Popen:
    argv = [sys.executable, "-m", "celery", "-A", "worker.celery_app"]
    argv += worker_argv(config, concurrency=concurrency, pool="prefork", log_level=log_level)
    return subprocess.Popen(argv, preexec_fn=_die_with_parent, env=env)


def _die_with_parent() -> None:
    """Linux: the worker gets SIGTERM if `serve` dies, even by SIGKILL (no orphan workers)."""
    try:
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except OSError:
        pass


def run_worker(args: argparse.Namespace) -> int:
    from worker.celery_app import app

    config = ServiceConfig.from_env()
    if args.recover:
        from worker.dispatch import get_dispatcher
        from worker.sweep import recover

        count = recover(_prepare(config), get_dispatcher(config))
        print(f"re-sent {count} unfinished job(s)", flush=True)
    extra: Sequence[str] = [a for a in args.celery_args if a != "--"]
    argv = worker_argv(
        config, concurrency=args.concurrency, pool=args.pool, log_level=args.log_level
    )
    app.worker_main(argv=[*argv, *extra])
    return 0


def _safe_url(url: str) -> str:
    """The database URL without its password, fit for logs."""
    if "@" not in url or "://" not in url:
        return url
    scheme, rest = url.split("://", 1)
    credentials, host = rest.rsplit("@", 1)
    user = credentials.split(":", 1)[0]
    return f"{scheme}://{user}:***@{host}"
