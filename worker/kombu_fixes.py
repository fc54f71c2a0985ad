"""One fix to kombu's Redis transport that a worker needs to survive a Redis restart.

    Redis dies ─► the consumer's connection is collected ─► closing its channel restores
    the unacknowledged tasks ─► kombu 5.x builds a Redis client from a connection it has
    already torn down ─► AttributeError ─► "Unrecoverable error": the worker exits.

The same torn-down channel fails the acknowledgement of a task that was running across
the restart. Restoring cannot work while Redis is down anyway. The tasks stay in Redis's own
unacknowledged index, and any worker hands them out again after the visibility timeout
(120 s by default), so giving up the early restore loses nothing; a task still running
acknowledges itself once the worker has reconnected.

What ends it: nothing to run; `install()` (idempotent) swaps the Redis channel's QoS class.
"""

from __future__ import annotations

import logging
from typing import Any

log = logging.getLogger("quotetrail.worker")


def install() -> None:
    from kombu.transport import redis as kombu_redis

    if getattr(kombu_redis.Channel.QoS, "quotetrail_safe", False):
        return
    base = kombu_redis.Channel.QoS

    class SafeRestoreQoS(base):  # type: ignore[misc, valid-type]
        quotetrail_safe = True

        def restore_unacked(self, client: Any = None) -> Any:
            try:
                return super().restore_unacked(client)
            except Exception as exc:  # the broker is gone: see the module docstring
                log.warning(
                    "could not give back %d unacknowledged task(s) now (%s); Redis hands "
                    "them out again after the visibility timeout",
                    len(self._delivered),
                    exc,
                )
                self._delivered.clear()
                return None

        def ack(self, delivery_tag: Any) -> None:
            try:
                super().ack(delivery_tag)
            except AttributeError as exc:  # a task that outlived its (closed) channel
                log.warning(
                    "task finished after its broker connection was replaced (%s); Redis "
                    "hands it out again after the visibility timeout and it finds its "
                    "work done",
                    exc,
                )

    kombu_redis.Channel.QoS = SafeRestoreQoS
