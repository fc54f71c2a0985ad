"""Child processes for the integration tests: start on a free loopback port, wait until
they answer, kill their whole process group.

Shared by the worker harness (Celery, API, private Redis), the dashboard's browser test
and the API durability test, so all of them start and stop servers the same way.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import Any

import httpx


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Proc:
    """A child in its own session, so the whole tree (Celery's pool too) can be killed."""

    def __init__(self, argv: list[str], env: dict[str, str], log: Path):
        self.argv = argv
        self.env = env
        self.log = log
        self.popen: subprocess.Popen | None = None

    def start(self) -> Proc:
        out = self.log.open("ab")
        self.popen = subprocess.Popen(
            self.argv, env=self.env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
        out.close()
        return self

    def kill(self, sig: int = signal.SIGKILL) -> None:
        if self.popen is None or self.popen.poll() is not None:
            return
        try:
            os.killpg(self.popen.pid, sig)
        except ProcessLookupError:
            return
        try:
            self.popen.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(self.popen.pid, signal.SIGKILL)
            self.popen.wait(5)

    def stop(self) -> None:
        """SIGTERM, then SIGKILL the whole group: members may outlive the leader (a Celery
        worker child still in its warm shutdown after `serve` exited)."""
        self.kill(signal.SIGTERM)
        if self.popen is not None:
            with suppress(ProcessLookupError, PermissionError):
                os.killpg(self.popen.pid, signal.SIGKILL)

    def tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except FileNotFoundError:
            return ""


def wait_http(base: str, proc: Proc, timeout: float = 30, path: str = "/healthz") -> None:
    """Wait until `base + path` answers with 200; fail with the log if `proc` exits first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.popen.poll() is not None:
            raise AssertionError(f"{proc.argv} exited:\n{proc.tail()}")
        try:
            if httpx.get(base + path, timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"{base} did not answer:\n{proc.tail()}")


def wait_for(predicate: Callable[[], Any], timeout: float, what: str, *procs: Proc) -> Any:
    """Poll `predicate` until it returns something truthy; fail with the procs' logs."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.1)
    logs = "\n\n".join(f"--- {p.argv[:6]}\n{p.tail()}" for p in procs)
    raise AssertionError(f"timed out waiting for {what}\n{logs}")


def serve(
    env: dict[str, str],
    log: Path,
    port: int,
    *,
    concurrency: int = 2,
    worker: bool = True,
    timeout: float = 30,
    ready_path: str = "/healthz",
) -> Proc:
    """`quotetrail serve` (API, dashboard and, unless `worker=False`, an embedded worker),
    answering on 127.0.0.1:`port`."""
    argv = [sys.executable, "-m", "quotetrail.cli", "serve", "--port", str(port)]
    argv += ["--concurrency", str(concurrency)] if worker else ["--no-worker"]
    proc = Proc(argv, env, log).start()
    try:
        wait_http(f"http://127.0.0.1:{port}", proc, timeout, ready_path)
    except BaseException:
        proc.stop()
        raise
    return proc
