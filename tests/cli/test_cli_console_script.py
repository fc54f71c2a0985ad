"""The installed `quotetrail` console script, run as a real process."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from tests.cli.conftest import ALTERED_QUOTE, MATCHED_QUOTE

SCRIPT = shutil.which("quotetrail")


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["NO_COLOR"] = "1"
    return env


@pytest.mark.skipif(SCRIPT is None, reason="the quotetrail console script is not installed")
def test_console_script_verify_json_and_exit_status(statement_file):
    proc = subprocess.run(
        [
            SCRIPT,
            "verify",
            "-q",
            MATCHED_QUOTE,
            "-q",
            ALTERED_QUOTE,
            "-s",
            str(statement_file),
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env=_env(),
    )
    assert proc.returncode == 1, proc.stderr
    report = json.loads(proc.stdout)
    assert [q["verdict"] for q in report["quotes"]] == ["matched", "altered"]


@pytest.mark.skipif(SCRIPT is None, reason="the quotetrail console script is not installed")
def test_console_script_usage_error_is_one_line(tmp_path):
    proc = subprocess.run(
        [SCRIPT, "verify", str(tmp_path / "missing.html")],
        capture_output=True,
        text=True,
        timeout=120,
        env=_env(),
    )
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr


def test_python_dash_m_demo_runs_offline():
    proc = subprocess.run(
        [sys.executable, "-m", "quotetrail.cli", "demo", "--format", "json"],
        capture_output=True,
        text=True,
        timeout=120,
        env=_env(),
    )
    assert proc.returncode == 0, proc.stderr
    assert {q["verdict"] for q in json.loads(proc.stdout)["quotes"]} >= {"matched", "altered"}
