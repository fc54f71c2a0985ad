"""The sources: which pages to read for a check, and reading them into evidence.

    user's --source specs ─┐
    the article's links ───┴─► sources_for ─► [SourceSpec], deduplicated, outlet-labelled
                                                 │
                      read_sources (small thread pool; politeness is per host in the fetcher)
                                                 └─► read_source ─► SourceText (status, text, body)

A source's problems never raise: a page that cannot be fetched, decoded or read
becomes a SourceText with status "error" and a reason in words, which the report
turns into `unverifiable` evidence; a broken page must not sink the other sources.
The outlet a source stands for comes from its label, its address, where it
redirected to, or the page's own canonical address and og:site_name (a mirror, a
saved copy), so a worker that labels from stored records gets the same answer.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import replace
from typing import TYPE_CHECKING, Any
from urllib.parse import urldefrag

from quotetrail.core.document import (
    Document,
    document_from_bytes,
    document_from_html,
    document_from_text,
)
from quotetrail.core.models import SourceStatus
from quotetrail.core.outlets import OutletRegistry
from quotetrail.errors import InputError
from quotetrail.fetch.errors import FetchError
from quotetrail.pipeline.article import CANONICAL_LINK
from quotetrail.pipeline.inputs import (
    DEFAULT_WORKERS,
    MAX_LINK_SOURCES,
    Progress,
    SourceOrigin,
    SourceSpec,
    SourceText,
    error_reason,
    guess_content_type,
    iso_or_none,
    read_file_bytes,
)

if TYPE_CHECKING:  # httpx (the fetcher's client) loads only when something is fetched
    from quotetrail.fetch import Fetcher

_SITE_NAME = re.compile(
    r"""<meta\b[^>]*\bproperty=["']og:site_name["'][^>]*\bcontent=["']([^"'>]+)""", re.I
)


def sources_for(
    document: Document | None,
    user_sources: Sequence[SourceSpec],
    registry: OutletRegistry,
    *,
    max_links: int = MAX_LINK_SOURCES,
    labels: Mapping[str, str] | None = None,
    article_urls: Sequence[str | None] = (),
) -> list[SourceSpec]:
    """The user's sources, then the article's links (deduplicated), labelled with their outlet.

    `labels` (from `link_outlets`) name the outlet of links whose address does not;
    links back to the article itself (`article_urls`: "#comments", share links) are skipped.
    """
    labels = labels or {}
    specs: list[SourceSpec] = []
    seen: set[str] = set()
    duplicates = duplicate_sources(user_sources)
    if duplicates:  # results are joined back on these strings: merging would lose one
        raise InputError(f"two sources have the same name: {', '.join(duplicates)}")
    for spec in user_sources:  # kept as typed
        seen.add(_dedupe_key(spec))
        specs.append(_with_outlet(spec, registry))
    links = document.links if document is not None else ()
    seen.update("url:" + urldefrag(u)[0] for u in article_urls if u)
    added = 0
    for link in links:
        name = labels.get(link)
        origin: SourceOrigin = "outlet" if name else "link"
        spec = SourceSpec(source=link, kind="url", value=link, name=name, origin=origin)
        key = _dedupe_key(spec)
        if key in seen or added >= max_links:
            continue
        seen.add(key)
        added += 1
        specs.append(_with_outlet(spec, registry))
    return specs


def duplicate_sources(user_sources: Sequence[SourceSpec]) -> list[str]:
    """Source names given more than once, in first-seen order (each evidence row is keyed
    by its name, so two pasted texts with one name would silently become one)."""
    counts = Counter(spec.source for spec in user_sources)
    return [name for name, count in counts.items() if count > 1]


def _with_outlet(spec: SourceSpec, registry: OutletRegistry) -> SourceSpec:
    if spec.name or spec.kind != "url":
        return spec
    outlet = registry.for_url(spec.value)
    if outlet is None:
        return spec
    origin: SourceOrigin = "outlet" if spec.origin == "link" else spec.origin
    return replace(spec, name=outlet.name, origin=origin)


def _dedupe_key(spec: SourceSpec) -> str:
    if spec.kind == "url":
        return "url:" + urldefrag(spec.value)[0]
    if spec.kind == "file":
        return "file:" + os.path.abspath(spec.value)
    return f"{spec.kind}:{spec.source}"


def read_source(
    spec: SourceSpec, fetcher: Fetcher | None = None, registry: OutletRegistry | None = None
) -> SourceText:
    """Read one source; problems come back as status "error" with a reason, never as exceptions."""
    base = SourceStatus(
        source=spec.source,
        status="ok",
        outlet=source_outlet(spec, registry),
        found_by=spec.how_found,
        found_via=spec.found_via,
        archived_at=spec.archived_at,
    )
    try:
        if spec.kind == "text":
            document = document_from_text(spec.value)
            return SourceText(spec, base, document.text, document)
        if spec.kind == "html":
            document = document_from_html(spec.value)
            return SourceText(spec, base, document.text, document)
        if spec.kind == "file":
            body = read_file_bytes(spec.value)
            content_type = guess_content_type(spec.value, body)
            status = replace(base, outlet=source_outlet(spec, registry, body=body))
            try:
                document = document_from_bytes(body, content_type)
            except InputError as exc:
                return _failed(spec, status, str(exc), body=body, content_type=content_type)
            return SourceText(spec, status, document.text, document, body, content_type)
        if fetcher is None:
            return _failed(spec, base, "fetching is not available here")
        result = fetcher.fetch(spec.value)
        status = replace(
            base,
            final_url=result.final_url,
            fetched_at=iso_or_none(result.fetched_at),
            sha256=result.sha256,
        )
        outlet = source_outlet(spec, registry, final_url=result.final_url, body=result.body)
        status = replace(status, outlet=outlet)
        fetched = {
            "body": result.body,
            "content_type": result.content_type,
            "http_status": result.status,
        }
        try:
            document = document_from_bytes(result.body, result.content_type, result.final_url)
        except InputError as exc:
            return _failed(spec, status, str(exc), **fetched)
        return SourceText(spec, status, document.text, document, **fetched)
    except FetchError as exc:
        return _failed(spec, base, error_reason(exc), http_status=getattr(exc, "status", None))
    except InputError as exc:
        return _failed(spec, base, str(exc))
    except Exception as exc:  # a broken page must not sink the other sources' results
        return _failed(spec, base, f"unexpected error: {type(exc).__name__}: {exc}")


def read_sources(
    specs: Sequence[SourceSpec],
    fetcher: Fetcher | None,
    registry: OutletRegistry | None = None,
    *,
    progress: Progress | None = None,
    workers: int = DEFAULT_WORKERS,
) -> list[SourceText]:
    """Read all sources concurrently (small pool: politeness is per host in the fetcher); keep order."""
    if not specs:
        return []
    results: list[SourceText | None] = [None] * len(specs)
    with ThreadPoolExecutor(max_workers=max(1, min(workers, len(specs)))) as pool:
        futures = {pool.submit(read_source, s, fetcher, registry): i for i, s in enumerate(specs)}
        for done, future in enumerate(as_completed(futures), 1):
            i = futures[future]
            results[i] = future.result()
            if progress is not None:
                progress(done, len(specs), results[i])
    return [r for r in results if r is not None]


def _failed(spec: SourceSpec, base: SourceStatus, reason: str, **fetched: Any) -> SourceText:
    return SourceText(spec, replace(base, status="error", error=reason), **fetched)


def source_outlet(
    spec: SourceSpec,
    registry: OutletRegistry | None,
    *,
    final_url: str | None = None,
    body: bytes | None = None,
) -> str | None:
    """The outlet a source is credited to: its label, its address, where it redirected to,
    or — for a copy of the page (a saved file, a mirror) — the page's own canonical URL or
    og:site_name. Shared by `read_source` and the workers, which label from stored records.
    """
    if spec.name is not None or registry is None:
        return spec.name
    for url in (spec.value if spec.kind == "url" else None, final_url):
        outlet = registry.for_url(url) if url else None
        if outlet is not None:
            return outlet.name
    return page_outlet(body, registry) if body is not None else None


def page_outlet(body: bytes, registry: OutletRegistry) -> str | None:
    """The outlet a page says it belongs to (canonical / og:url, else og:site_name)."""
    head = body[:65536].decode("utf-8", "replace")
    for match in CANONICAL_LINK.finditer(head):
        outlet = registry.for_url(match.group(1) or match.group(2))
        if outlet is not None:
            return outlet.name
    site = _SITE_NAME.search(head)
    outlet = registry.resolve(site.group(1)) if site else None
    return outlet.name if outlet else None
