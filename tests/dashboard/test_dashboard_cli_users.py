"""`quotetrail user …`: the first admin comes from the shell."""

from __future__ import annotations

import io

import pytest

from quotetrail.cli import main
from quotetrail.store import Store
from quotetrail.store.users import UserStore


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("QUOTETRAIL_DATA_DIR", str(tmp_path))
    return tmp_path


def _stdin(monkeypatch, text: str) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(text))


def _users(data_dir) -> UserStore:
    return UserStore(Store(f"sqlite:///{data_dir / 'quotetrail.db'}"))


def test_first_admin_on_a_fresh_database(data_dir, monkeypatch, capsys):
    _stdin(monkeypatch, "a long enough password\n")
    assert (
        main(
            [
                "user",
                "add",
                "Chief",
                "--role",
                "admin",
                "--name",
                "Chief Editor",
                "--password-stdin",
            ]
        )
        == 0
    )
    assert "created chief (admin)" in capsys.readouterr().out
    users = _users(data_dir)
    assert users.authenticate("chief", "a long enough password").role == "admin"
    assert users.get_by_name("chief").display_name == "Chief Editor"


def test_passwd_role_disable_enable_list(data_dir, monkeypatch, capsys):
    _stdin(monkeypatch, "first password!\n")
    main(["user", "add", "sam", "--password-stdin"])
    _stdin(monkeypatch, "second password!\n")
    assert main(["user", "passwd", "sam", "--password-stdin"]) == 0
    assert main(["user", "role", "sam", "editor"]) == 0
    assert main(["user", "disable", "sam"]) == 0
    capsys.readouterr()
    assert main(["user", "list"]) == 0
    listing = capsys.readouterr().out
    assert "sam" in listing and "editor" in listing and "disabled" in listing
    assert main(["user", "enable", "sam"]) == 0
    users = _users(data_dir)
    assert users.authenticate("sam", "second password!").role == "editor"
    actions = [e.action for e in Store(f"sqlite:///{data_dir / 'quotetrail.db'}").list_audit(None)]
    assert actions == ["user.add", "user.passwd", "user.role", "user.disable", "user.enable"]


def test_errors_are_one_line_with_exit_2(data_dir, monkeypatch, capsys):
    _stdin(monkeypatch, "short\n")
    assert main(["user", "add", "kim", "--password-stdin"]) == 2
    assert (
        capsys.readouterr().err.strip() == "quotetrail: error: passwords need at least 8 characters"
    )
    assert main(["user", "role", "nobody", "admin"]) == 2
    assert "no user named 'nobody'" in capsys.readouterr().err
    _stdin(monkeypatch, "")  # not a terminal, no --password-stdin
    assert main(["user", "add", "kim"]) == 2
    assert "--password-stdin" in capsys.readouterr().err
    with pytest.raises(SystemExit) as bad_role:
        main(["user", "role", "kim", "owner"])
    assert bad_role.value.code == 2


def test_empty_list_says_how_to_start(data_dir, capsys):
    assert main(["user", "list"]) == 0
    assert "quotetrail user add NAME --role admin" in capsys.readouterr().out
