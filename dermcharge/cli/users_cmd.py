"""`dermcharge users list|add|passwd|disable|enable|roles|idle-lock`: accounts from the shell.

Access model (SECURITY.md): local-admin mode unless $DERMCHARGE_USER and $DERMCHARGE_PASSWORD
name an account, which must then hold the admin role. Passwords are never command-line arguments
(other users on the machine can read those): they come from a prompt, or one line of stdin with
--password-stdin.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from typing import Any

from dermcharge.cli.errors import EXIT_FAILURE, EXIT_USAGE, CliError
from dermcharge.cli.visits_cmd import command_database
from dermcharge.domain.npi import compact, npi_problem
from dermcharge.security.accounts import User
from dermcharge.security.errors import AccessDenied, InvalidAccount, LoginFailed
from dermcharge.security.roles import roles_text
from dermcharge.services import encryption, practice_setup, users
from dermcharge.services.cli_access import cli_user
from dermcharge.services.database import Database, resolve_database_url
from dermcharge.services.errors import StorageError


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser("users", help="manage sign-in accounts (admin)")
    actions = parser.add_subparsers(dest="users_command", metavar="ACTION", required=True)

    listing = actions.add_parser("list", parents=[common], help="every account and its roles")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler=run_list)

    add = actions.add_parser(
        "add", parents=[common], help="add an account (the first one must be an admin)"
    )
    add.add_argument("username")
    add.add_argument(
        "--roles", required=True, help="provider, medical_assistant, biller, admin (comma list)"
    )
    add.add_argument("--name", default="", help="the name shown in the app")
    add.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    add.add_argument(
        "--npi", help="the provider (on file) this account signs for, by individual NPI"
    )
    add.set_defaults(handler=run_add)

    passwd = actions.add_parser("passwd", parents=[common], help="set an account's password")
    passwd.add_argument("username")
    passwd.add_argument("--password-stdin", action="store_true", help="read it from stdin")
    passwd.set_defaults(handler=run_passwd)

    for name, handler, text in (
        ("disable", run_disable, "stop an account from signing in (kept for the audit log)"),
        ("enable", run_enable, "let a disabled account sign in again"),
    ):
        action = actions.add_parser(name, parents=[common], help=text)
        action.add_argument("username")
        action.set_defaults(handler=handler)

    roles = actions.add_parser("roles", parents=[common], help="replace an account's roles")
    roles.add_argument("username")
    roles.add_argument("roles", help="comma list, e.g. provider,admin")
    roles.set_defaults(handler=run_roles)

    idle = actions.add_parser(
        "idle-lock", parents=[common], help="show or set the minutes before the app locks"
    )
    idle.add_argument("minutes", nargs="?", type=int)
    idle.set_defaults(handler=run_idle_lock)

    verify = actions.add_parser(
        "verify-audit",
        parents=[common],
        help="check the whole audit trail's hash chain and its append-only triggers",
    )
    verify.set_defaults(handler=run_verify_audit)

    encrypt = actions.add_parser(
        "encrypt-database",
        parents=[common],
        help="encrypt the SQLite database in place with SQLCipher (close the app first)",
    )
    key = encrypt.add_mutually_exclusive_group(required=True)
    key.add_argument("--keyring", action="store_true", help="a random key kept in the OS keyring")
    key.add_argument(
        "--passphrase-stdin", action="store_true", help="read the passphrase from stdin"
    )
    encrypt.set_defaults(handler=run_encrypt_database)


def _signed_in(db: Database) -> User:
    try:
        return cli_user(db)
    except LoginFailed as refused:
        raise CliError(str(refused), EXIT_FAILURE) from None


def _refusal(error: Exception) -> CliError:
    if isinstance(error, InvalidAccount):
        return CliError(error.problems, EXIT_USAGE)
    return CliError(str(error), EXIT_FAILURE)


def _read_password(from_stdin: bool, what: str = "password") -> str:
    if from_stdin:
        line = sys.stdin.readline()
        if not line:
            raise CliError(f"no {what} on standard input")
        return line.rstrip("\r\n")
    if not sys.stdin.isatty():
        raise CliError(f"no terminal to ask for the {what}; pipe it in with --{what}-stdin")
    first = getpass.getpass(f"New {what}: ")
    if getpass.getpass("Repeat it: ") != first:
        raise CliError("the two passwords differ; nothing was changed")
    return first


def _describe(user: User) -> dict[str, Any]:
    return {
        "username": user.username,
        "name": user.display_name,
        "roles": roles_text(user.roles).split(),
        "active": user.active,
    }


def run_list(args: argparse.Namespace) -> int:
    with command_database(args.db) as db:
        try:
            accounts = users.list_users(db, by=_signed_in(db))
        except (AccessDenied, InvalidAccount) as error:
            raise _refusal(error) from None
    if args.json:
        json.dump([_describe(u) for u in accounts], sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    if not accounts:
        print("no accounts yet: the first `dermcharge users add NAME --roles admin` makes one")
        return 0
    for user in accounts:
        state = "" if user.active else "  (disabled)"
        print(f"{user.username:<24} {roles_text(user.roles):<32} {user.display_name}{state}")
    return 0


def run_add(args: argparse.Namespace) -> int:
    if args.npi is not None and (problem := npi_problem(args.npi)) is not None:
        raise CliError(f"--npi: {problem}")
    password = _read_password(args.password_stdin)
    with command_database(args.db) as db:
        new_provider = args.npi is not None and compact(args.npi) not in {
            compact(entry.provider.npi) for entry in practice_setup.providers(db)
        }
        try:
            if not users.users_exist(db):
                added = users.create_first_admin(
                    db, args.username, args.name, password, args.roles, provider_npi=args.npi
                )
            else:
                added = users.add_user(
                    db,
                    username=args.username,
                    display_name=args.name,
                    roles=args.roles,
                    password=password,
                    by=_signed_in(db),
                    provider_npi=args.npi,
                )
        except (AccessDenied, InvalidAccount, LoginFailed) as error:
            raise _refusal(error) from None
    signs_for = f", signs for NPI {args.npi.strip()}" if args.npi else ""
    print(f"added {added.username} ({roles_text(added.roles)}){signs_for}")
    if new_provider:
        print(
            f"users add: no provider had NPI {compact(args.npi)}: one was added under the name "
            f"{added.display_name or added.username!r}; a visit naming the provider fills in "
            "the rest, or complete it in Practice ▸ Settings ▸ Providers",
            file=sys.stderr,
        )
    return 0


def run_passwd(args: argparse.Namespace) -> int:
    password = _read_password(args.password_stdin)
    with command_database(args.db) as db:
        try:
            users.change_password(db, args.username, password, by=_signed_in(db))
        except (AccessDenied, InvalidAccount, LoginFailed) as error:
            raise _refusal(error) from None
    print(f"password changed for {args.username.strip().casefold()}")
    return 0


def _change(args: argparse.Namespace, what: str) -> int:
    with command_database(args.db) as db:
        try:
            by = _signed_in(db)
            if what == "disable":
                user = users.disable_user(db, args.username, by=by)
            elif what == "enable":
                user = users.enable_user(db, args.username, by=by)
            else:
                user = users.set_roles(db, args.username, args.roles, by=by)
        except (AccessDenied, InvalidAccount) as error:
            raise _refusal(error) from None
    state = "active" if user.active else "disabled"
    print(f"{user.username}: {roles_text(user.roles)} ({state})")
    return 0


def run_disable(args: argparse.Namespace) -> int:
    return _change(args, "disable")


def run_enable(args: argparse.Namespace) -> int:
    return _change(args, "enable")


def run_roles(args: argparse.Namespace) -> int:
    return _change(args, "roles")


def run_verify_audit(args: argparse.Namespace) -> int:
    """Exit 0 when the chain holds from its first entry to its last, 1 (each problem on a line)
    when it is broken."""
    from dermcharge.services.audit_integrity import verify_whole_trail

    with command_database(args.db) as db:
        try:
            status = verify_whole_trail(db, by=_signed_in(db))
        except AccessDenied as error:
            raise _refusal(error) from None
    if status.broken:
        raise CliError([f"audit trail: {p}" for p in status.problems], EXIT_FAILURE)
    print(
        f"audit trail intact: {status.checked} entries checked, up to entry {status.verified_up_to}"
    )
    return 0


def run_idle_lock(args: argparse.Namespace) -> int:
    with command_database(args.db) as db:
        try:
            if args.minutes is not None:
                users.set_idle_minutes(db, args.minutes, by=_signed_in(db))
            minutes = users.idle_minutes(db)
        except (AccessDenied, InvalidAccount) as error:
            raise _refusal(error) from None
    print(f"the app locks after {minutes} idle minutes")
    return 0


def run_encrypt_database(args: argparse.Namespace) -> int:
    passphrase = _read_password(True, "passphrase") if args.passphrase_stdin else None
    url = resolve_database_url(args.db)
    if encryption.is_encrypted(url):
        raise CliError(f"{encryption.sqlite_file(url)} is encrypted already", EXIT_USAGE)
    with command_database(args.db) as db:  # sign in (and check the file opens) first
        by = _signed_in(db)
    try:
        result = encryption.encrypt_database(
            url, by=by, passphrase=passphrase, use_keyring=args.keyring
        )
    except AccessDenied as error:
        raise _refusal(error) from None
    except StorageError as error:
        raise CliError(str(error), EXIT_FAILURE) from None
    where = (
        "the OS keyring" if args.keyring else "your passphrase (keep it safe: it cannot be reset)"
    )
    print(f"encrypted {result.path} ({result.rows} rows in {result.tables} tables); key: {where}")
    return 0
