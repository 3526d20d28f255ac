"""Who the environment says is at the keyboard: the operating-system login, and the account named
in $DERMCHARGE_USER / $DERMCHARGE_PASSWORD for automation (SECURITY.md, "The command line").

Kept apart from the services so the app's sign-in dialog can read them before the database
layer has loaded."""

from __future__ import annotations

import getpass

USER_ENV = "DERMCHARGE_USER"
PASSWORD_ENV = "DERMCHARGE_PASSWORD"


def os_login() -> str:
    try:
        return getpass.getuser() or "unknown"
    except (OSError, KeyError):
        return "unknown"
