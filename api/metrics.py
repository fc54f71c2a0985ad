"""Prometheus metrics read from the store at scrape time, so every API process reports
the same truth: jobs by status, job durations, fetch outcomes (by host only on request:
host names tell an outsider what a newsroom is checking).

Per-process HTTP counters are aggregated across uvicorn workers with prometheus-client's
multiprocess mode whenever PROMETHEUS_MULTIPROC_DIR is set (compose sets it).
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator

from prometheus_client import CollectorRegistry, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, HistogramMetricFamily
from prometheus_client.multiprocess import MultiProcessCollector
from prometheus_client.registry import Collector

from quotetrail.store import JOB_STATUSES, Store

DURATION_BUCKETS = (1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0, 600.0, 1800.0)


MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"


class StoreCollector(Collector):
    def __init__(self, store: Store, *, by_host: bool = False):
        self.store = store
        self.by_host = by_host

    def collect(self) -> Iterator[GaugeMetricFamily | HistogramMetricFamily | CounterMetricFamily]:
        jobs = GaugeMetricFamily(
            "quotetrail_jobs", "Jobs in the store by status", labels=["status"]
        )
        counts = self.store.count_jobs_by_status()
        for status in JOB_STATUSES:
            jobs.add_metric([status], counts.get(status, 0))
        yield jobs

        durations = HistogramMetricFamily(
            "quotetrail_job_duration_seconds",
            "Time from a job's start to its end, by final status",
            labels=["status"],
        )
        by_status: dict[str, list[float]] = {}
        for status, seconds in self.store.job_durations():
            by_status.setdefault(status, []).append(seconds)
        for status, values in sorted(by_status.items()):
            buckets = [(str(b), sum(1 for v in values if v <= b)) for b in DURATION_BUCKETS]
            buckets.append(("+Inf", len(values)))
            durations.add_metric([status], buckets, sum(values))
        yield durations

        outcomes = self.store.fetch_outcomes()
        if self.by_host:
            fetches = CounterMetricFamily(
                "quotetrail_source_fetches",
                "Sources saved by jobs, by host and outcome",
                labels=["host", "outcome"],
            )
            for (host, outcome), count in sorted(outcomes.items()):
                fetches.add_metric([host or "none", outcome], count)
        else:
            fetches = CounterMetricFamily(
                "quotetrail_source_fetches", "Sources saved by jobs, by outcome", labels=["outcome"]
            )
            totals: Counter[str] = Counter()
            for (_host, outcome), count in outcomes.items():
                totals[outcome] += count
            for outcome, count in sorted(totals.items()):
                fetches.add_metric([outcome], count)
        yield fetches


def metrics_registry(store: Store, *, by_host: bool = False) -> CollectorRegistry:
    """The registry the app's own metrics are created in (HttpMetrics)."""
    registry = CollectorRegistry(auto_describe=False)
    registry.register(StoreCollector(store, by_host=by_host))
    return registry


def render(registry: CollectorRegistry) -> bytes:
    """The scrape body. In multiprocess mode the HTTP metrics come from every process's
    files, not this process's registry, so successive scrapes agree."""
    directory = os.environ.get(MULTIPROC_ENV)
    if not directory:
        return generate_latest(registry)
    merged = CollectorRegistry(auto_describe=False)
    MultiProcessCollector(merged, path=directory)
    for collector in _store_collectors(registry):
        merged.register(collector)
    return generate_latest(merged)


def _store_collectors(registry: CollectorRegistry) -> list[Collector]:
    return [c for c in list(registry._collector_to_names) if isinstance(c, StoreCollector)]
