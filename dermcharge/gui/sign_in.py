"""Who uses the app this time: sign-in at start, or the first run's admin account.

Automation (tests, the start-up benchmark) signs in with $DERMCHARGE_USER and
$DERMCHARGE_PASSWORD, checked like a typed password. A database with no accounts yet asks for the
admin account — except with --exit-when-ready, which starts and exits at once (smoke test and
benchmark on a fresh database) as the local administrator.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QDialog

from dermcharge.gui.database_opening import OpeningDatabase
from dermcharge.security.accounts import User, local_admin
from dermcharge.security.environment_identity import PASSWORD_ENV, USER_ENV, os_login
from dermcharge.security.errors import SecurityError

if TYPE_CHECKING:
    from dermcharge.services.database import Database


def sign_in_at_start(
    source: Database | OpeningDatabase, *, exit_when_ready: bool = False
) -> User | None:
    """The signed-in user, or None when the person chose Quit.

    With a database still opening, the dialog shows at once and the typed password is checked
    when the opening is done (usually long before the person has finished typing)."""
    opening = (
        source if isinstance(source, OpeningDatabase) else OpeningDatabase.already_open(source)
    )
    if not opening.users_exist():
        if exit_when_ready:
            return local_admin(os_login())
        from dermcharge.gui.login_dialog import FirstAdminDialog

        first = FirstAdminDialog(
            lambda name, full, pw: _users().create_first_admin(opening.database(), name, full, pw)
        )
        opening.start_after_first_paint(first)
        return first.user if first.exec() == QDialog.DialogCode.Accepted else None
    message = "Sign in to dermcharge"
    name, password = os.environ.get(USER_ENV, "").strip(), os.environ.get(PASSWORD_ENV)
    if name and password is not None:
        try:
            user: User = _users().verify_login(opening.database(), name, password)
            return user
        except SecurityError as refused:
            if exit_when_ready:
                raise
            message = f"Signing in as {name} failed: {refused}"
    if exit_when_ready:  # no one is there to type a password
        raise SecurityError(
            f"this database has accounts: set ${USER_ENV} and ${PASSWORD_ENV} to start with "
            f"--exit-when-ready"
        )
    from dermcharge.gui.login_dialog import LoginDialog

    dialog = LoginDialog(
        lambda n, p: _users().verify_login(opening.database(), n, p),
        message=message,
        username=name,
    )
    opening.start_after_first_paint(dialog)
    return dialog.user if dialog.exec() == QDialog.DialogCode.Accepted else None


def _users() -> Any:
    """The users service, imported when first needed: it loads with the database (on the worker
    thread), not before the first window."""
    from dermcharge.services import users

    return users


def idle_ms(db: Database) -> int:
    minutes: int = _users().idle_minutes(db)
    return minutes * 60_000
