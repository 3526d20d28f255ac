"""The app's start with sign-in: the two steps `app.run` calls around making the main window."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QMainWindow

from dermcharge.gui.app_backend import AppBackend
from dermcharge.gui.secure_backend import SecureBackend
from dermcharge.gui.security_menu import SecurityMenu
from dermcharge.gui.session_guard import SessionGuard
from dermcharge.gui.sign_in import idle_ms, sign_in_at_start
from dermcharge.security.errors import SecurityError
from dermcharge.services.database import Database


def sign_in_or_quit(db: Database, *, exit_when_ready: bool = False) -> SecureBackend | None:
    """A backend for the signed-in user; None when they quit (or, unattended, cannot sign in)."""
    try:
        user = sign_in_at_start(db, exit_when_ready=exit_when_ready)
    except SecurityError as refused:
        print(f"dermcharge gui: {refused}", file=sys.stderr)
        return None
    return SecureBackend(db, user) if user is not None else None


def guard_session(window: QMainWindow, backend: AppBackend | None) -> SessionGuard | None:
    """Idle lock, switch user, role limits and the Security menu for the main window."""
    if not isinstance(backend, SecureBackend):
        return None
    guard = SessionGuard(backend, window, idle_ms(backend.db))
    window.security_menu = SecurityMenu(window, guard)  # type: ignore[attr-defined]
    window.session_guard = guard  # type: ignore[attr-defined]
    return guard
