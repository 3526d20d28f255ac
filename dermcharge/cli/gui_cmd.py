"""`dermcharge gui`: open the desktop app (plain `dermcharge` does the same)."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from dermcharge.cli.errors import EXIT_FAILURE, CliError


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "gui", parents=[common], help="open the desktop app (the default command)"
    )
    parser.add_argument(
        "--exit-when-ready",
        action="store_true",
        help="exit 0 as soon as the main window is interactive (smoke test and start-up bench)",
    )
    parser.set_defaults(handler=run_gui)


def _ask_passphrase(db_option: str | None) -> Any:
    """Open an encrypted database with a passphrase asked in a dialog (Qt loads for it)."""
    from dermcharge.gui.passphrase_prompt import open_with_dialog

    db = open_with_dialog(db_option)
    if db is None:
        raise CliError("the encrypted database was not opened (no passphrase)", EXIT_FAILURE)
    return db


def _open_before_the_window(db_option: str | None, exit_when_ready: bool) -> Any:
    """The database opened in full before any window: PostgreSQL, an encrypted or new file, a
    schema to migrate — anything the start-up reader declines."""
    try:
        from dermcharge.services.database import open_app_database
        from dermcharge.services.encryption import NeedsPassphrase
        from dermcharge.services.errors import StorageError
    except ImportError as missing:
        message = f"the storage layer is not installed ({missing.name})"
        raise CliError(message, EXIT_FAILURE) from None
    try:
        return open_app_database(db_option)
    except NeedsPassphrase as needs:
        if exit_when_ready:  # no one is there to type it
            raise CliError(str(needs), EXIT_FAILURE) from None
        return _ask_passphrase(db_option)  # an encrypted file whose key is not in the keyring
    except StorageError as error:
        raise CliError(str(error), EXIT_FAILURE) from None


def _open_in_full(db_option: str | None) -> Any:
    from dermcharge.services.database import open_app_database

    return open_app_database(db_option)


def run_gui(args: argparse.Namespace) -> int:
    try:
        from dermcharge.gui.app import run  # Qt loads only for this command
        from dermcharge.gui.database_opening import OpeningDatabase
    except ImportError as missing:
        raise CliError(
            f"the desktop app needs PySide6 ({missing.name} is missing): "
            "pip install 'dermcharge[gui]'",
            EXIT_FAILURE,
        ) from None
    from dermcharge.services.acting_user import default_actor
    from dermcharge.services.first_window import open_startup_reader, resolve_database_url

    # A plain SQLite file at this version's schema: the first window reads it with sqlite3 while
    # the storage layer loads on a worker thread (gui/database_opening.py).
    reader = open_startup_reader(resolve_database_url(args.db))
    if reader is not None:
        opening = OpeningDatabase(lambda: _open_in_full(args.db), reader)
    else:
        opening = OpeningDatabase.already_open(
            _open_before_the_window(args.db, args.exit_when_ready)
        )
    try:
        return run(
            opening, default_actor(), today=date.today(), exit_when_ready=args.exit_when_ready
        )
    finally:
        opening.close()
