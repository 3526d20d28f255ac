"""Entry point: `dermcharge COMMAND ...`; plain `dermcharge` opens the desktop app."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from importlib import import_module

from dermcharge.cli.errors import EXIT_USAGE, CliError

# Each command lives in its own module with `register(subparsers, common)`; listed here so that
# `dermcharge --help` shows them all and a new command is one line.
COMMAND_MODULES = (
    "dermcharge.cli.code_cmd",
    "dermcharge.cli.check_cmd",
    "dermcharge.cli.icd_cmd",
    "dermcharge.cli.tables_cmd",
    "dermcharge.cli.visits_cmd",
    "dermcharge.cli.demo_cmd",
    "dermcharge.cli.backup_cmd",
    "dermcharge.cli.superbill_cmd",
    "dermcharge.cli.users_cmd",
    "dermcharge.cli.gui_cmd",
)


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        metavar="URL",
        help="database URL (default: $DERMCHARGE_DB, else the SQLite file in the user data folder)",
    )
    parser = argparse.ArgumentParser(
        prog="dermcharge",
        description="Dermatology charge capture: code, check, store and print visits.",
        parents=[common],
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = import_module(name)
        except ModuleNotFoundError as missing:
            if missing.name != name:
                raise
            continue  # a command whose layer is not installed (the core-only test environment)
        module.register(subparsers, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    if not args_list or args_list[0].startswith("--db"):
        args_list = ["gui", *args_list]
    try:
        args = parser.parse_args(args_list)
    except SystemExit as exit_:  # argparse exits 2 on usage errors, 0 on --help
        return int(exit_.code or 0)
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return EXIT_USAGE
    try:
        return int(handler(args) or 0)
    except CliError as error:
        for line in error.lines:
            print(f"dermcharge {args.command}: {line}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
