"""Entry point: `dermcharge COMMAND ...`; plain `dermcharge` opens the desktop app."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from importlib import import_module

from dermcharge.cli.errors import EXIT_FAILURE, EXIT_USAGE, CliError
from dermcharge.file_modes import use_private_umask

# Each command lives in its own module with `register(subparsers, common)`. Only the module of
# the command being run is imported (the GUI starts faster); `--help` imports them all.
COMMANDS = {
    "code": "dermcharge.cli.code_cmd",
    "check": "dermcharge.cli.check_cmd",
    "icd": "dermcharge.cli.icd_cmd",
    "tables": "dermcharge.cli.tables_cmd",
    "visits": "dermcharge.cli.visits_cmd",
    "demo": "dermcharge.cli.demo_cmd",
    "backup": "dermcharge.cli.backup_cmd",
    "restore": "dermcharge.cli.backup_cmd",
    "superbill": "dermcharge.cli.superbill_cmd",
    "users": "dermcharge.cli.users_cmd",
    "practice": "dermcharge.cli.practice_cmd",
    "providers": "dermcharge.cli.providers_cmd",
    "payers": "dermcharge.cli.payers_cmd",
    "fees": "dermcharge.cli.fees_cmd",
    "claims": "dermcharge.cli.claims_cmd",
    "path": "dermcharge.cli.path_cmd",
    "report": "dermcharge.cli.report_cmd",
    "estimate": "dermcharge.cli.estimate_cmd",
    "gui": "dermcharge.cli.gui_cmd",
}
COMMAND_MODULES = tuple(dict.fromkeys(COMMANDS.values()))


def _command_of(args: Sequence[str]) -> str | None:
    """The command word in an argument list (skipping --db URL before it)."""
    rest = list(args)
    while rest:
        word = rest.pop(0)
        if word == "--db":
            rest = rest[1:]
        elif not word.startswith("-"):
            return word
    return None


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        metavar="URL",
        # SUPPRESS: a subcommand's own (absent) --db must not erase one given before it.
        default=argparse.SUPPRESS,
        help="database URL (default: $DERMCHARGE_DB, else the SQLite file in the user data folder)",
    )
    parser = argparse.ArgumentParser(
        prog="dermcharge",
        description="Dermatology charge capture: code, check, store and print visits.",
        parents=[common],
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    modules = [COMMANDS[only]] if only in COMMANDS else COMMAND_MODULES
    for name in modules:
        try:
            module = import_module(name)
        except ModuleNotFoundError as missing:
            if missing.name != name:
                raise
            continue  # a command whose layer is not installed (the core-only test environment)
        module.register(subparsers, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # Before anything is written: every file created from here on is private (0600/0700).
    use_private_umask()
    args_list = list(sys.argv[1:] if argv is None else argv)
    if _command_of(args_list) is None and not {"-h", "--help"} & set(args_list):
        args_list = ["gui", *args_list]
    parser = build_parser(_command_of(args_list))
    try:
        args = parser.parse_args(args_list)
    except SystemExit as exit_:  # argparse exits 2 on usage errors, 0 on --help
        return int(exit_.code or 0)
    if not hasattr(args, "db"):
        args.db = None
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
    except OSError as error:  # a file the command was given: too long a name, no permission ...
        where = f" ({error.filename})" if error.filename else ""
        print(f"dermcharge {args.command}: {error.strerror or error}{where}", file=sys.stderr)
        return EXIT_FAILURE
    except Exception as error:  # a bug: say so in one line, keep the details for a report
        report = _save_crash_report(args.command)
        print(
            f"dermcharge {args.command}: unexpected error ({type(error).__name__}: {error}); "
            f"nothing more was done. Details: {report}",
            file=sys.stderr,
        )
        return EXIT_FAILURE


def _save_crash_report(command: str) -> str:
    """The traceback, in a file under the data folder, for a bug report (no patient data is
    added beyond what the exception message itself holds)."""
    import traceback
    from datetime import UTC, datetime

    from dermcharge.app_dirs import data_dir
    from dermcharge.file_modes import create_private_file, private_folder

    try:
        # Private: an exception message may quote a patient's name or a visit's values.
        folder = private_folder(data_dir() / "crash-reports")
        path = folder / f"{datetime.now(UTC):%Y%m%dT%H%M%S%f}-{command}.txt"
        create_private_file(path)
        path.write_text(traceback.format_exc(), encoding="utf-8")
        return str(path)
    except OSError:
        return "could not be saved"
