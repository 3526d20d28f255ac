"""What the practice set-up commands share: who acts, and how refusals become exit codes.

The acting user is the CLI's (services.cli_access): an account given by $DERMCHARGE_USER and
$DERMCHARGE_PASSWORD, else the local administrator. Changes need the admin role. A bad value is
exit 2 naming the field and the value; a refused sign-in or permission is exit 1.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

from dermcharge.cli.errors import EXIT_FAILURE, EXIT_USAGE, CliError
from dermcharge.security.accounts import User
from dermcharge.security.errors import AccessDenied, LoginFailed
from dermcharge.services.cli_access import cli_user
from dermcharge.services.database import Database
from dermcharge.services.errors import InvalidRecord, NotFound


def acting_user(db: Database) -> User:
    try:
        return cli_user(db)
    except LoginFailed as refused:
        raise CliError(str(refused), EXIT_FAILURE) from None


@contextmanager
def refusals() -> Iterator[None]:
    """Invalid input → exit 2 with each problem; no permission → exit 1."""
    try:
        yield
    except InvalidRecord as invalid:
        raise CliError(invalid.problems, EXIT_USAGE) from None
    except NotFound as missing:
        raise CliError(str(missing), EXIT_USAGE) from None
    except AccessDenied as denied:
        raise CliError(str(denied), EXIT_FAILURE) from None


def parse_date(option: str, text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise CliError(f"{option}: {text!r} must be a date YYYY-MM-DD") from None


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, indent=2, ensure_ascii=False, default=str)
    sys.stdout.write("\n")
