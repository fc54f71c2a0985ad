"""`quotetrail serve`'s watchdog: keeps its embedded worker alive and sweeps the jobs.

    serve ─► Supervisor thread, every `check_every` s:
               worker child exited, or its heartbeat file is older than `silent_after`
                 └─► kill it (whole group) ─► wait the backoff (1, 2, 4 … 30 s)
                     ─► start a new child ─► re-send every unfinished job (recover)
               every `sweep_interval` s: the stall sweep, here in `serve`, where a dead
               worker cannot stop it
    /readyz asks `status()`: "ok", "starting", "dead" or "silent".

The worker child touches its heartbeat file from its own timer (celery_app.HeartbeatStep);
a child that is alive but stopped or wedged stops touching it. Re-sending after a restart
is what makes delete-on-delivery safe in the embedded queue: messages the dead worker
held are gone, but the store still says the job is unfinished, and tasks are idempotent.

What ends it: `stop()` (serve shutting down) ends the thread and stops the child.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import subprocess
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

log = logging.getLogger("quotetrail.serve")

HEARTBEAT_ENV = "QUOTETRAIL_WORKER_HEARTBEAT_FILE"
HEARTBEAT_EVERY = 2.0  # seconds between two touches by the worker


class Supervisor(threading.Thread):
    def __init__(
        self,
        start_child: Callable[[], subprocess.Popen],
        heartbeat: Path,
        *,
        on_restart: Callable[[], Any] | None = None,
        sweep: Callable[[], Any] | None = None,
        sweep_interval: float = 30.0,
        silent_after: float = 20.0,
        startup_grace: float = 30.0,
        check_every: float = 0.5,
        max_backoff: float = 30.0,
    ) -> None:
        super().__init__(name="quotetrail-supervisor", daemon=True)
        self._start_child = start_child
        self.heartbeat = heartbeat
        self._on_restart = on_restart
        self._sweep = sweep
        self.sweep_interval = sweep_interval
        self.silent_after = silent_after
        self.startup_grace = startup_grace
        self.check_every = check_every
        self.max_backoff = max_backoff
        self.restarts = 0
        self.child: subprocess.Popen | None = None
        self._started_at = 0.0
        self._stopping = threading.Event()
        self._lock = threading.Lock()

    # -- what /readyz reads -------------------------------------------------------------

    def status(self) -> str:
        with self._lock:
            child, started_at = self.child, self._started_at
        if child is None or child.poll() is not None:
            return "dead"
        age = self._heartbeat_age()
        if age is None or self._heartbeat_mtime() < started_at:
            # No heartbeat from this child yet: starting, until the grace runs out.
            return "starting" if time.time() - started_at < self.startup_grace else "silent"
        return "ok" if age <= self.silent_after else "silent"

    # -- the loop ----------------------------------------------------------------------

    def start_worker(self) -> None:
        with self._lock:
            self.child = self._start_child()
            self._started_at = time.time()

    def run(self) -> None:
        backoff = 1.0
        next_sweep = time.monotonic() + self.sweep_interval
        while not self._stopping.wait(self.check_every):
            state = self.status()
            if state in ("dead", "silent"):
                code = self.child.poll() if self.child is not None else None
                log.error(
                    "embedded worker %s (exit %s); restarting in %.0f s", state, code, backoff
                )
                self._kill_child()
                if self._stopping.wait(backoff):
                    return
                backoff = min(self.max_backoff, backoff * 2)
                self.start_worker()
                self.restarts += 1
                self._safely(self._on_restart, "re-sending unfinished jobs")
            elif state == "ok" and time.time() - self._started_at > 60:
                backoff = 1.0  # a minute of health forgives the past
            due = self.sweep_interval > 0 and time.monotonic() >= next_sweep
            if self._sweep is not None and due:
                next_sweep = time.monotonic() + self.sweep_interval
                self._safely(self._sweep, "sweeping jobs")

    def stop(self, timeout: float = 30.0) -> None:
        self._stopping.set()
        if self.is_alive() and threading.current_thread() is not self:
            self.join(timeout=5)
        child = self.child
        if child is None or child.poll() is not None:
            return
        child.send_signal(signal.SIGTERM)  # warm shutdown: running tasks finish or go back
        try:
            child.wait(timeout)
        except subprocess.TimeoutExpired:
            self._kill_child()

    # -- helpers -----------------------------------------------------------------------

    def _kill_child(self) -> None:
        """SIGKILL the worker and its pool processes (they share serve's process group, so
        they are found by parent pid), and reap it."""
        child = self.child
        if child is None:
            return
        for pid in [*children_of(child.pid), child.pid]:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(pid, signal.SIGKILL)
        child.wait()

    def _heartbeat_mtime(self) -> float:
        try:
            return self.heartbeat.stat().st_mtime
        except FileNotFoundError:
            return 0.0

    def _heartbeat_age(self) -> float | None:
        mtime = self._heartbeat_mtime()
        return None if not mtime else max(0.0, time.time() - mtime)

    @staticmethod
    def _safely(action: Callable[[], Any] | None, what: str) -> None:
        if action is None:
            return
        try:
            action()
        except Exception:
            log.exception("supervisor: %s failed; will try again", what)


def children_of(pid: int) -> list[int]:
    """Direct children of `pid` (Linux /proc); empty where /proc is not available."""
    found = []
    for entry in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = entry.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if len(fields) > 1 and fields[1] == str(pid):
            found.append(int(entry.parent.name))
    return found


def touch(path: Path) -> None:
    """The worker's side: say "alive" (called from its timer thread)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a"):
        pass
    os.utime(path)
