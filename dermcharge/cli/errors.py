"""How commands report failure: one clear line per problem, a documented exit code, no traceback."""

from __future__ import annotations

import argparse
from collections.abc import Iterable

EXIT_OK = 0
EXIT_FAILURE = 1  # the command could not do its work (missing file, database unavailable ...)
EXIT_USAGE = 2  # the input is invalid; nothing was written


class CliError(Exception):
    def __init__(self, lines: str | Iterable[str], exit_code: int = EXIT_USAGE) -> None:
        self.lines = [lines] if isinstance(lines, str) else list(lines)
        self.exit_code = exit_code
        super().__init__("; ".join(self.lines))


MAX_ID = 2**63 - 1  # the largest row id SQLite and PostgreSQL (bigint) can hold


def record_id(text: str) -> int:
    """An argparse type for a stored record's id: a whole number from 1 to 2**63 - 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a record id (a whole number)") from None
    if not 1 <= value <= MAX_ID:
        raise argparse.ArgumentTypeError(f"{text} is not a record id (1 to {MAX_ID})")
    return value
