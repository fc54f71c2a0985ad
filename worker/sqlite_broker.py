"""The embedded broker: a kombu transport over one SQLite table, atomic by construction.

    producer (API, a task) ── INSERT a row, COMMIT ──► wake every consumer (datagram)
    consumer (the worker) ── DELETE … RETURNING the oldest row of its queue ──► the task
                         └── nothing there: wait on its wake-up socket (or `polling_interval`)

kombu's filesystem transport wrote one file per message and could read a file before its
writer finished, killing the embedded worker (`JSONDecodeError`). Here a message exists
only once its transaction commits, and taking it is one statement, so no reader ever
sees half a message and no two readers get the same one. Consumers do not poll: each
binds a Unix datagram socket under `<folder>/wake/`, and a producer pings them after its
commit, so a hop costs a few milliseconds (the `polling_interval` wait is only a backstop
for a lost ping).

The queue is its own SQLite file (`<folder>/queue.db`, WAL), so queue traffic never holds
the store's write lock. A message is deleted when delivered: if the worker process is
killed while holding one, `quotetrail serve` restarts it and re-sends every unfinished
job from the store (tasks are idempotent), so nothing is lost and nothing is duplicated.

What ends it: `Channel.close`/`Transport` shutdown closes the connection and removes the
consumer's wake-up socket.
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import socket
import sqlite3
import threading
import uuid
from pathlib import Path
from queue import Empty
from time import monotonic
from typing import Any

from kombu.transport import virtual

ALIAS = "qtsqlite"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS messages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    queue TEXT NOT NULL,
    payload TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS messages_queue ON messages (queue, id);
"""


def queue_file(folder: Path) -> Path:
    return folder / "queue.db"


def _connect(folder: Path) -> sqlite3.Connection:
    folder.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(
        queue_file(folder), timeout=30, isolation_level=None, check_same_thread=False
    )
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: durable across a crash
    connection.executescript(_SCHEMA)
    return connection


def queued(folder: Path, queue: str) -> int:
    """Messages waiting in `queue` (for the sweep: a backlog is not a loss)."""
    if not queue_file(folder).exists():
        return 0
    connection = sqlite3.connect(queue_file(folder), timeout=5)
    try:
        row = connection.execute("SELECT count(*) FROM messages WHERE queue = ?", (queue,))
        return int(row.fetchone()[0])
    finally:
        connection.close()


class Waker:
    """The consumer's end of "notify, don't poll": a datagram socket to wait on."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder / "wake"
        self.folder.mkdir(parents=True, exist_ok=True)
        self.path = self.folder / f"{os.getpid()}-{uuid.uuid4().hex[:8]}.sock"
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(str(self.path))
        self.sock.setblocking(False)

    def wait(self, seconds: float) -> None:
        readable, _, _ = select.select([self.sock], [], [], max(0.0, seconds))
        if readable:
            self.drain()

    def drain(self) -> None:
        try:
            while self.sock.recv(64):
                pass
        except (BlockingIOError, OSError):
            pass

    def close(self) -> None:
        self.sock.close()
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()


def wake_consumers(folder: Path) -> None:
    """Ping every consumer's socket; remove the sockets of consumers that are gone."""
    wake = folder / "wake"
    try:
        paths = list(wake.iterdir())
    except FileNotFoundError:
        return
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sender:
        sender.setblocking(False)
        for path in paths:
            try:
                sender.sendto(b"1", str(path))
            except (ConnectionRefusedError, FileNotFoundError):
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()  # its process died without closing it
            except OSError:
                pass  # a full socket buffer: that consumer is awake already


class Channel(virtual.Channel):
    """One SQLite connection per channel (kombu uses a channel from one thread at a time)."""

    def __init__(self, connection: Any, **kwargs: Any) -> None:
        self.folder = connection.folder
        self._db = _connect(self.folder)
        self._lock = threading.Lock()
        super().__init__(connection, **kwargs)

    def _put(self, queue: str, message: dict[str, Any], **kwargs: Any) -> None:
        with self._lock:
            self._db.execute(
                "INSERT INTO messages (queue, payload) VALUES (?, ?)", (queue, json.dumps(message))
            )
        wake_consumers(self.folder)

    def _get(self, queue: str, timeout: float | None = None) -> dict[str, Any]:
        with self._lock:
            row = self._db.execute(
                "DELETE FROM messages WHERE id = "
                "(SELECT id FROM messages WHERE queue = ? ORDER BY id LIMIT 1) RETURNING payload",
                (queue,),
            ).fetchone()
        if row is None:
            raise Empty()
        return json.loads(row[0])

    def _size(self, queue: str) -> int:
        with self._lock:
            return int(
                self._db.execute(
                    "SELECT count(*) FROM messages WHERE queue = ?", (queue,)
                ).fetchone()[0]
            )

    def _purge(self, queue: str) -> int:
        with self._lock:
            return self._db.execute("DELETE FROM messages WHERE queue = ?", (queue,)).rowcount

    def _delete(self, queue: str, *args: Any, **kwargs: Any) -> None:
        self._purge(queue)

    def _new_queue(self, queue: str, **kwargs: Any) -> None:
        pass  # a queue is just the rows that name it

    def _has_queue(self, queue: str, **kwargs: Any) -> bool:
        return True

    def close(self) -> None:
        super().close()
        with self._lock:
            self._db.close()


class Transport(virtual.Transport):
    """`broker_url = "qtsqlite://"`, `broker_transport_options = {"folder": ...}`."""

    Channel = Channel
    implements = virtual.Transport.implements.extend(
        asynchronous=False, exchange_type=frozenset(["direct", "topic", "fanout"])
    )
    global_state = virtual.BrokerState()
    default_port = 0
    driver_type = "sqlite"
    driver_name = "sqlite3"
    polling_interval = 1.0  # only a backstop: consumers are woken by producers

    def __init__(self, client: Any, **kwargs: Any) -> None:
        super().__init__(client, **kwargs)
        self.state = self.global_state
        options = client.transport_options or {}
        self.folder = Path(options.get("folder") or "broker")
        self.polling_interval = float(options.get("polling_interval", self.polling_interval))
        self._waker: Waker | None = None

    def driver_version(self) -> str:
        return sqlite3.sqlite_version

    def drain_events(self, connection: Any, timeout: float | None = None) -> None:
        """kombu's loop, with the sleep replaced by a wait on the wake-up socket."""
        if self._waker is None:
            self._waker = Waker(self.folder)
        started = monotonic()
        while True:
            self._waker.drain()  # pings before this look are answered by this look
            try:
                self.cycle.get(self._deliver, timeout=timeout)
                return
            except Empty:
                left = None if timeout is None else timeout - (monotonic() - started)
                if left is not None and left <= 0:
                    raise TimeoutError() from None
                wait = self.polling_interval if left is None else min(left, self.polling_interval)
                if self._prefetch_full():
                    # Messages may be waiting that we may not take yet: no producer will
                    # ping when a pool process frees up, so look again soon.
                    wait = min(wait, 0.01)
                self._waker.wait(wait)

    def _prefetch_full(self) -> bool:
        return any(c._consumers and not c.qos.can_consume() for c in self.channels)

    def close_connection(self, connection: Any) -> None:
        super().close_connection(connection)
        if self._waker is not None:
            self._waker.close()
            self._waker = None


def register() -> None:
    """Make `qtsqlite://` known to kombu (idempotent)."""
    from kombu.transport import TRANSPORT_ALIASES

    TRANSPORT_ALIASES.setdefault(ALIAS, f"{__name__}:Transport")
