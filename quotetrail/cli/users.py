"""`quotetrail user add|passwd|role|list|disable|enable`: dashboard accounts from the shell.

The first admin can only come from here (the dashboard's user page needs an admin).
Passwords are read from a prompt, or from stdin with --password-stdin for scripts;
never from the command line, where `ps` and shell history would keep them.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from quotetrail.config import ServiceConfig

ROLES = ("reviewer", "editor", "admin")


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("user", help="manage review dashboard users")
    users = parser.add_subparsers(dest="user_command", required=True, parser_class=type(parser))

    add = users.add_parser("add", help="create a user")
    add.add_argument("username")
    add.add_argument("--role", choices=ROLES, default="reviewer")
    add.add_argument("--name", default="", help="display name")
    add.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    add.set_defaults(handler=_add)

    passwd = users.add_parser("passwd", help="set a user's password")
    passwd.add_argument("username")
    passwd.add_argument("--password-stdin", action="store_true")
    passwd.set_defaults(handler=_passwd)

    role = users.add_parser("role", help="change a user's role")
    role.add_argument("username")
    role.add_argument("role", choices=ROLES)
    role.set_defaults(handler=_role)

    listing = users.add_parser("list", help="list users")
    listing.set_defaults(handler=_list)

    disable = users.add_parser("disable", help="stop a user from signing in")
    disable.add_argument("username")
    disable.set_defaults(handler=_disable)

    enable = users.add_parser("enable", help="let a disabled user sign in again")
    enable.add_argument("username")
    enable.set_defaults(handler=_enable)


def _users():
    from quotetrail.store import Store
    from quotetrail.store.users import UserStore

    store = Store.from_config(ServiceConfig.from_env())
    store.migrate()  # idempotent; lets `user add` create the first admin on a fresh database
    return UserStore(store)


def _read_password(from_stdin: bool) -> str:
    from quotetrail.cli import UsageError

    if from_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    elif sys.stdin.isatty():
        password = getpass.getpass("Password: ")
        if getpass.getpass("Again: ") != password:
            raise UsageError("the passwords do not match")
    else:
        raise UsageError("no terminal to ask for the password: use --password-stdin")
    return password


def _run(action) -> int:
    """Run a user-store call, turning its errors into one-line usage errors."""
    from quotetrail.cli import UsageError
    from quotetrail.store.users import UserError

    try:
        return action()
    except UserError as exc:
        raise UsageError(str(exc)) from None


def _actor() -> str:
    return f"cli:{getpass.getuser()}"


def _add(args: argparse.Namespace) -> int:
    users = _users()
    password = _read_password(args.password_stdin)

    def action() -> int:
        user = users.add(args.username, password, args.role, args.name, actor=_actor())
        print(f"created {user.username} ({user.role})")
        return 0

    return _run(action)


def _passwd(args: argparse.Namespace) -> int:
    users = _users()
    password = _read_password(args.password_stdin)

    def action() -> int:
        user = users.set_password(args.username, password, actor=_actor())
        print(f"password of {user.username} changed")
        return 0

    return _run(action)


def _role(args: argparse.Namespace) -> int:
    users = _users()

    def action() -> int:
        user = users.set_role(args.username, args.role, actor=_actor())
        print(f"{user.username} is now {user.role}")
        return 0

    return _run(action)


def _set_disabled(args: argparse.Namespace, disabled: bool) -> int:
    users = _users()

    def action() -> int:
        user = users.set_disabled(args.username, disabled, actor=_actor())
        print(f"{user.username} {'disabled' if disabled else 'enabled'}")
        return 0

    return _run(action)


def _disable(args: argparse.Namespace) -> int:
    return _set_disabled(args, True)


def _enable(args: argparse.Namespace) -> int:
    return _set_disabled(args, False)


def _list(args: argparse.Namespace) -> int:
    users = _users()
    rows = users.list()
    if not rows:
        print("no users; create the first admin with: quotetrail user add NAME --role admin")
        return 0
    width = max(len(u.username) for u in rows)
    for user in rows:
        state = "disabled" if user.disabled else "active"
        last = user.last_login_at.isoformat(timespec="minutes") if user.last_login_at else "never"
        print(
            f"{user.username:<{width}}  {user.role:<8}  {state:<8}  last sign-in {last}  {user.display_name}"
        )
    return 0
