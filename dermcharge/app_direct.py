"""`python -m dermcharge.app_direct [--exit-when-ready] [--db URL]`: the app without loading
every CLI command first (`dermcharge gui` builds the whole command parser before it starts).
It sits at the top of the package, beside __main__.py: an entry point that uses the command
line's `run_gui`, so that the GUI package never imports the CLI."""

from __future__ import annotations

import argparse
import sys

from dermcharge.cli.errors import CliError
from dermcharge.cli.gui_cmd import run_gui


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m dermcharge.app_direct")
    parser.add_argument("--db", metavar="URL")
    parser.add_argument("--exit-when-ready", action="store_true")
    args = parser.parse_args()
    try:
        return run_gui(args)
    except CliError as error:
        for line in error.lines:
            print(f"dermcharge gui: {line}", file=sys.stderr)
        return error.exit_code


raise SystemExit(main())
