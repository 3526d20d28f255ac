"""Who the command line acts as (see SECURITY.md, "The command line").

With $DERMCHARGE_USER and $DERMCHARGE_PASSWORD both set, the CLI signs in as that account and
is held to its roles. Otherwise it runs in local-admin mode: the operating-system account that
can open the database (read the SQLite file, or hold the PostgreSQL URL with its password) is
trusted as an administrator, because it could read or change the data directly anyway; its
actions are audited as "os:<login>". An unverified $DERMCHARGE_USER alone grants nothing.
"""

from __future__ import annotations

import os

from dermcharge.security.accounts import User, local_admin
from dermcharge.security.environment_identity import PASSWORD_ENV, USER_ENV, os_login
from dermcharge.security.errors import LoginFailed
from dermcharge.services import users
from dermcharge.storage.database import Database

__all__ = ["PASSWORD_ENV", "USER_ENV", "cli_user", "os_login"]


def cli_user(db: Database) -> User:
    """The signed-in account when credentials are given, else the local administrator."""
    name = os.environ.get(USER_ENV, "").strip()
    password = os.environ.get(PASSWORD_ENV)
    if password is None:
        return local_admin(os_login())
    if not name:
        raise LoginFailed(f"${PASSWORD_ENV} is set but ${USER_ENV} is not; set both or neither")
    return users.verify_login(db, name, password)
