"""Who uses the app this time: sign-in at start, or the first run's admin account.

Automation (tests, the start-up benchmark) signs in with $DERMCHARGE_USER and
$DERMCHARGE_PASSWORD, checked like a typed password. A database with no accounts yet asks for the
admin account — except with --exit-when-ready, which starts and exits at once (smoke test and
benchmark on a fresh database) as the local administrator.
"""

from __future__ import annotations

import os

from PySide6.QtWidgets import QDialog

from dermcharge.gui.login_dialog import FirstAdminDialog, LoginDialog
from dermcharge.security.accounts import User, local_admin
from dermcharge.security.errors import SecurityError
from dermcharge.services import users
from dermcharge.services.cli_access import PASSWORD_ENV, USER_ENV, os_login
from dermcharge.services.database import Database


def sign_in_at_start(db: Database, *, exit_when_ready: bool = False) -> User | None:
    """The signed-in user, or None when the person chose Quit."""
    if not users.users_exist(db):
        if exit_when_ready:
            return local_admin(os_login())
        first = FirstAdminDialog(
            lambda name, full, pw: users.create_first_admin(db, name, full, pw)
        )
        return first.user if first.exec() == QDialog.DialogCode.Accepted else None
    message = "Sign in to dermcharge"
    name, password = os.environ.get(USER_ENV, "").strip(), os.environ.get(PASSWORD_ENV)
    if name and password is not None:
        try:
            return users.verify_login(db, name, password)
        except SecurityError as refused:
            if exit_when_ready:
                raise
            message = f"Signing in as {name} failed: {refused}"
    if exit_when_ready:  # no one is there to type a password
        raise SecurityError(
            f"this database has accounts: set ${USER_ENV} and ${PASSWORD_ENV} to start with "
            f"--exit-when-ready"
        )
    dialog = LoginDialog(lambda n, p: users.verify_login(db, n, p), message=message, username=name)
    return dialog.user if dialog.exec() == QDialog.DialogCode.Accepted else None


def idle_ms(db: Database) -> int:
    return users.idle_minutes(db) * 60_000
