"""The signed-in session around the main window: what `app.run` adds once the database is open."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow

from dermcharge.gui.app_backend import AppBackend
from dermcharge.gui.practice_menu import PracticeMenu
from dermcharge.gui.secure_backend import SecureBackend
from dermcharge.gui.security_menu import SecurityMenu
from dermcharge.gui.session_guard import SessionGuard
from dermcharge.gui.sign_in import idle_ms


def guard_session(window: QMainWindow, backend: AppBackend | None) -> SessionGuard | None:
    """Idle lock, switch user, role limits, the Practice and Security menus for the window."""
    if not isinstance(backend, SecureBackend):
        return None
    guard = SessionGuard(backend, window, idle_ms(backend.db))
    window.practice_menu = PracticeMenu(window, guard)  # type: ignore[attr-defined]
    window.security_menu = SecurityMenu(window, guard)  # type: ignore[attr-defined]
    from dermcharge.gui.billing_menu import BillingMenu

    window.billing_menu = BillingMenu(window, guard)  # type: ignore[attr-defined]
    from dermcharge.gui.reports_menu import ReportsMenu

    window.reports_menu = ReportsMenu(window, guard)  # type: ignore[attr-defined]
    window.session_guard = guard  # type: ignore[attr-defined]
    return guard
