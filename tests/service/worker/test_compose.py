"""docker-compose.yml and the Dockerfile checked against the code (Docker cannot run here)."""

import importlib
import re
import shlex
from pathlib import Path

import pytest
import yaml
from celery import Celery

from quotetrail.cli import build_parser
from worker.celery_app import queue_name

ROOT = Path(__file__).resolve().parents[3]
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
SERVICES = COMPOSE["services"]


def _code_text() -> str:
    files = [p for d in ("quotetrail", "worker", "api") for p in (ROOT / d).rglob("*.py")]
    return "\n".join(p.read_text(encoding="utf-8") for p in files)


def _option(command: list[str], name: str) -> str:
    for i, arg in enumerate(command):
        if arg == name:
            return command[i + 1]
        if arg.startswith(name + "="):
            return arg.split("=", 1)[1]
    raise AssertionError(f"{name} missing from {command}")


def test_all_services_present():
    assert {"redis", "postgres", "api", "worker", "flower"} <= set(SERVICES)


def test_redis_is_durable_and_never_evicts():
    command = SERVICES["redis"]["command"]
    assert _option(command, "--appendonly") == "yes"
    assert _option(command, "--maxmemory-policy") == "noeviction"
    assert SERVICES["redis"].get("volumes")


def test_postgres_keeps_its_data_in_a_volume():
    volumes = SERVICES["postgres"]["volumes"]
    assert any(v.endswith(":/var/lib/postgresql/data") for v in volumes)
    named = volumes[0].split(":", 1)[0]
    assert named in COMPOSE["volumes"]


def test_worker_is_scalable():
    worker = SERVICES["worker"]
    assert "container_name" not in worker
    assert "ports" not in worker


def test_worker_command_names_the_real_celery_app_and_queue():
    command = SERVICES["worker"]["command"]
    assert command[:2] == ["celery", "-A"]
    module = importlib.import_module(command[2])
    assert isinstance(module.app, Celery)
    assert "worker" in command
    assert _option(command, "-Q") == queue_name()
    assert "worker.tasks" in module.app.conf.include


def test_api_command_points_to_a_real_app_factory():
    command = SERVICES["api"]["command"]
    assert command[0] == "uvicorn" and "--factory" in command
    target = next(a for a in command[1:] if ":" in a and not a.startswith("-"))
    module_name, attr = target.split(":")
    factory = getattr(importlib.import_module(module_name), attr)
    assert callable(factory)


def test_migrate_command_is_a_real_cli_invocation():
    command = SERVICES["migrate"]["command"]
    assert command[0] == "quotetrail"
    args = build_parser().parse_args(command[1:])
    assert args.migrate_only


@pytest.mark.parametrize("service", ["api", "worker", "migrate"])
def test_environment_names_are_read_by_the_code(service):
    env = SERVICES[service]["environment"]
    code = _code_text()
    for name in env:
        assert f'"{name}"' in code, f"{service}: {name} is not read anywhere in the code"
    assert env["DATABASE_URL"].startswith("postgresql+psycopg://")
    assert "@postgres:" in env["DATABASE_URL"]
    assert env["REDIS_URL"].startswith("redis://redis:")


def test_flower_watches_the_same_broker():
    command = " ".join(SERVICES["flower"]["command"])
    assert "flower" in command
    assert SERVICES["worker"]["environment"]["REDIS_URL"] in command


def test_dockerfile_copies_real_packages_and_runs_a_real_command():
    text = (ROOT / "Dockerfile").read_text()
    for src in re.findall(r"^COPY\s+(\S+)\s+\./", text, flags=re.M):
        if src != "README.md":  # the lead's README; pyproject needs it at build time
            assert (ROOT / src).exists(), src
    cmd = re.search(r"^CMD\s+(\[.*\])", text, flags=re.M).group(1)
    argv = yaml.safe_load(cmd)
    assert argv[0] == "quotetrail"
    build_parser().parse_args(argv[1:])
    assert "USER" in text  # not root


def test_compose_commands_are_lists():
    # a string command would go through a shell and break on quoting
    for name, service in SERVICES.items():
        if "command" in service:
            assert isinstance(service["command"], list), name
            assert shlex.join(service["command"])


def test_only_the_api_is_published():
    published = {name for name, service in SERVICES.items() if service.get("ports")}
    assert published == {"api"}


def test_compose_ships_no_default_secret():
    env = COMPOSE["x-quotetrail-env"]
    assert re.fullmatch(r"\$\{QUOTETRAIL_SECRET_KEY:\?[^}]+\}", env["QUOTETRAIL_SECRET_KEY"])
    assert "change-me" not in (ROOT / "docker-compose.yml").read_text()


def test_flower_is_opt_in_and_behind_basic_auth():
    flower = SERVICES["flower"]
    assert "ports" not in flower and flower.get("profiles") == ["ops"]
    assert flower["environment"]["FLOWER_BASIC_AUTH"].startswith("${FLOWER_BASIC_AUTH:?")


def test_the_api_knows_it_listens_beyond_loopback_and_aggregates_metrics():
    env = SERVICES["api"]["environment"]
    assert env["QUOTETRAIL_BIND_HOST"] == "0.0.0.0"
    assert env["PROMETHEUS_MULTIPROC_DIR"] in SERVICES["api"]["tmpfs"]
