"""Reading a visit JSON file (or standard input) for a command, with clear errors."""

from __future__ import annotations

import json
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

from dermcharge.cli.errors import EXIT_FAILURE, CliError

# Longer integers are no count, id or measurement: they are read as infinity, which every field's
# check refuses naming the field (Python itself cannot turn more than 4,300 digits into an int).
MAX_INTEGER_DIGITS = 40


def _bounded_int(text: str) -> int | float:
    if len(text.lstrip("-")) > MAX_INTEGER_DIGITS:
        return float("-inf") if text.startswith("-") else float("inf")
    return int(text)


def _stdin_bytes() -> bytes | str:
    buffer = getattr(sys.stdin, "buffer", None)  # a text stream stands in for stdin in tests
    return buffer.read() if buffer is not None else sys.stdin.read()


def read_json(source: str) -> Any:
    """Decoded JSON from a path or "-"; a CliError naming the file and the problem otherwise."""
    name = "standard input" if source == "-" else source
    try:
        # Bytes, then strict UTF-8, for stdin as for a file: the text layer of sys.stdin decodes
        # by the locale (surrogateescape under C/POSIX) and lets invalid bytes through.
        raw = _stdin_bytes() if source == "-" else Path(source).read_bytes()
        text = raw if isinstance(raw, str) else raw.decode("utf-8")
    except FileNotFoundError:
        raise CliError(f"{name}: no such file", EXIT_FAILURE) from None
    except IsADirectoryError:
        raise CliError(f"{name}: is a folder, not a JSON file", EXIT_FAILURE) from None
    except UnicodeDecodeError:
        raise CliError(f"{name}: is not UTF-8 text") from None
    except OSError as error:
        raise CliError(f"{name}: cannot be read ({error.strerror})", EXIT_FAILURE) from None
    if not text.strip():
        raise CliError(f"{name}: is empty; expected a visit JSON object")
    try:
        # Decimals keep measurements exact (0.2 + 2 x 0.4 is 1.0, not 1.0000000000000002).
        return json.loads(text, parse_float=Decimal, parse_int=_bounded_int)
    except json.JSONDecodeError as error:
        raise CliError(
            f"{name}: malformed JSON at line {error.lineno}, column {error.colno}: {error.msg}"
        ) from None
    except RecursionError:
        raise CliError(f"{name}: JSON nested too deeply") from None
