"""`dermcharge backup PATH` and `dermcharge restore PATH`, safe while the app is running."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from dermcharge.cli.visits_cmd import cli_error_for, command_database
from dermcharge.services import backup
from dermcharge.services.database import resolve_database_url
from dermcharge.services.errors import StorageError


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    backing_up = subparsers.add_parser(
        "backup",
        parents=[common],
        help="write a consistent copy of the database to a new file",
        description="Copy the database to PATH while the app may be running: SQLite through its "
        "online backup API, PostgreSQL through pg_dump (custom format).",
    )
    backing_up.add_argument(
        "path", metavar="PATH", help="the backup file to create (must not exist)"
    )
    backing_up.set_defaults(handler=run_backup)

    restoring = subparsers.add_parser(
        "restore",
        parents=[common],
        help="replace the database with a checked backup (keeps a copy of the current one)",
        description="Check PATH (integrity, dermcharge schema, a known schema version) and only "
        "then replace the database's contents with it. The database as it was is kept first; "
        "its location is printed.",
    )
    restoring.add_argument("path", metavar="PATH", help="a file written by `dermcharge backup`")
    restoring.set_defaults(handler=run_restore)


def run_backup(args: argparse.Namespace) -> int:
    with command_database(args.db) as db:
        written = backup.back_up(db, Path(args.path))
    print(f"backed up to {written}")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    try:  # restore by URL: a damaged database cannot be opened, and must still be restorable
        result = backup.restore_url(
            resolve_database_url(args.db), Path(args.path), stamp=datetime.now(UTC)
        )
    except StorageError as error:
        raise cli_error_for(error) from None
    with command_database(args.db):
        pass  # opening migrates the restored database to this version's schema
    if result.safety_copy is not None:
        print(f"the database as it was is kept in {result.safety_copy}")
    print(f"restored from {args.path} (schema {result.revision})")
    return 0
