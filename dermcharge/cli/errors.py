"""How commands report failure: one clear line per problem, a documented exit code, no traceback."""

from __future__ import annotations

from collections.abc import Iterable

EXIT_OK = 0
EXIT_FAILURE = 1  # the command could not do its work (missing file, database unavailable ...)
EXIT_USAGE = 2  # the input is invalid; nothing was written


class CliError(Exception):
    def __init__(self, lines: str | Iterable[str], exit_code: int = EXIT_USAGE) -> None:
        self.lines = [lines] if isinstance(lines, str) else list(lines)
        self.exit_code = exit_code
        super().__init__("; ".join(self.lines))
