"""The main window's Billing menu: shown to billers only (providers and medical assistants work
elsewhere); it opens the Billing view."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from dermcharge.gui.billing_view import BillingView
from dermcharge.gui.menu_bar import add_menu
from dermcharge.gui.session_guard import SessionGuard
from dermcharge.security.accounts import User
from dermcharge.security.roles import Role


class BillingMenu:
    def __init__(self, window: QMainWindow, guard: SessionGuard) -> None:
        self.window, self.guard = window, guard
        self.menu = add_menu(window, "&Billing")
        self.open_action = QAction("Billing &queue and exports…", window)
        self.open_action.setShortcut(QKeySequence("Ctrl+Shift+B"))
        self.open_action.triggered.connect(self.open_billing)
        self.menu.addAction(self.open_action)
        self.view: BillingView | None = None
        guard.unlocked.connect(self.apply_roles)
        self.apply_roles(guard.user)

    def apply_roles(self, user: User) -> None:
        shown = user.active and Role.BILLER in user.roles
        self.menu.menuAction().setVisible(shown)
        self.open_action.setEnabled(shown)

    def open_billing(self) -> BillingView:
        self.view = BillingView(self.guard.backend.db, self.guard.user, self.window)
        self.view.show()
        return self.view
