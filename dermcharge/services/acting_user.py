"""Who is acting, for the audit log: the signed-in user when there is one, else the OS login."""

from __future__ import annotations

import getpass
import os

ACTOR_ENV = "DERMCHARGE_USER"


def default_actor() -> str:
    """$DERMCHARGE_USER, else the operating-system login name, else "unknown"."""
    named = os.environ.get(ACTOR_ENV, "").strip()
    if named:
        return named
    try:
        return getpass.getuser() or "unknown"
    except (OSError, KeyError):  # no login name in some containers
        return "unknown"
