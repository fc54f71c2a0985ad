"""Prometheus metrics read from the store at scrape time, so every API process reports
the same truth: jobs by status, job durations, fetch outcomes by host."""

from __future__ import annotations

from collections.abc import Iterator

from prometheus_client import CollectorRegistry, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, HistogramMetricFamily
from prometheus_client.registry import Collector

from quotetrail.store import JOB_STATUSES, Store

DURATION_BUCKETS = (1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0, 600.0, 1800.0)


class StoreCollector(Collector):
    def __init__(self, store: Store):
        self.store = store

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

        fetches = CounterMetricFamily(
            "quotetrail_source_fetches",
            "Sources saved by jobs, by host and outcome",
            labels=["host", "outcome"],
        )
        for (host, outcome), count in sorted(self.store.fetch_outcomes().items()):
            fetches.add_metric([host or "none", outcome], count)
        yield fetches


def metrics_registry(store: Store) -> CollectorRegistry:
    registry = CollectorRegistry(auto_describe=False)
    registry.register(StoreCollector(store))
    return registry


def render(registry: CollectorRegistry) -> bytes:
    return generate_latest(registry)
