"""The main window's Reports menu: billers and admins see every provider's figures, a provider
their own; medical assistants do not see it."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from dermcharge.gui.menu_bar import add_menu
from dermcharge.gui.reports_window import ReportsWindow
from dermcharge.gui.session_guard import SessionGuard
from dermcharge.security.accounts import User
from dermcharge.security.roles import Role

REPORT_ROLES = frozenset({Role.BILLER, Role.ADMIN, Role.PROVIDER})


class ReportsMenu:
    def __init__(self, window: QMainWindow, guard: SessionGuard) -> None:
        self.window, self.guard = window, guard
        self.menu = add_menu(window, "&Reports")
        self.open_action = QAction("Practice &reports…", window)
        self.open_action.setShortcut(QKeySequence("Ctrl+Shift+R"))
        self.open_action.triggered.connect(self.open_reports)
        self.menu.addAction(self.open_action)
        self.view: ReportsWindow | None = None
        guard.unlocked.connect(self.apply_roles)
        self.apply_roles(guard.user)

    def apply_roles(self, user: User) -> None:
        shown = user.active and bool(REPORT_ROLES & user.roles)
        self.menu.menuAction().setVisible(shown)
        self.open_action.setEnabled(shown)

    def open_reports(self) -> ReportsWindow:
        self.view = ReportsWindow(self.guard.backend.db, self.guard.user, self.window)
        self.view.show()
        return self.view
