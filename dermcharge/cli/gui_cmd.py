"""`dermcharge gui`: open the desktop app (plain `dermcharge` does the same)."""

from __future__ import annotations

import argparse
from datetime import date

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


def run_gui(args: argparse.Namespace) -> int:
    try:
        from dermcharge.services.acting_user import default_actor
        from dermcharge.services.database import open_app_database
        from dermcharge.storage.errors import StorageError
    except ImportError as missing:
        message = f"the storage layer is not installed ({missing.name})"
        raise CliError(message, EXIT_FAILURE) from None
    try:
        db = open_app_database(args.db)
    except StorageError as error:
        raise CliError(str(error), EXIT_FAILURE) from None
    try:
        from dermcharge.gui.app import run  # Qt loads only for this command
    except ImportError as missing:
        raise CliError(
            f"the desktop app needs PySide6 ({missing.name} is missing): "
            "pip install 'dermcharge[gui]'",
            EXIT_FAILURE,
        ) from None
    try:
        return run(db, default_actor(), today=date.today(), exit_when_ready=args.exit_when_ready)
    finally:
        db.dispose()
