"""A stand-in for worker.dispatch's Dispatcher: the API and dashboard tests check what
would have been sent to the workers without running any."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class RecordingDispatcher:
    enqueued: list[str] = field(default_factory=list)
    canceled: list[str] = field(default_factory=list)

    def enqueue(self, job_id: str) -> None:
        self.enqueued.append(job_id)

    def cancel(self, job_id: str) -> None:
        self.canceled.append(job_id)
