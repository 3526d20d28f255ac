"""The main window's Practice menu: Settings… for the admin (the practice, providers, payers,
fees, clearinghouse), and the first-run offer of the same right after the first admin account."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMessageBox

from dermcharge.gui.menu_bar import add_menu
from dermcharge.gui.session_guard import SessionGuard
from dermcharge.security.accounts import User
from dermcharge.security.errors import SecurityError
from dermcharge.security.roles import Action, refusal
from dermcharge.services.errors import StorageError


class PracticeMenu:
    def __init__(self, window: QMainWindow, guard: SessionGuard) -> None:
        self.window, self.guard = window, guard
        self.menu = add_menu(window, "&Practice")
        self.settings_action = QAction("&Settings…", window)
        self.settings_action.setObjectName("actionPracticeSettings")
        self.settings_action.triggered.connect(lambda: self.open_settings())
        self.menu.addAction(self.settings_action)
        guard.unlocked.connect(self.apply_roles)
        self.apply_roles(guard.user)

    def apply_roles(self, user: User) -> None:
        allowed = user.may(Action.MANAGE_SETTINGS)
        self.settings_action.setEnabled(allowed)
        self.settings_action.setToolTip("" if allowed else refusal(Action.MANAGE_SETTINGS))

    def open_settings(self, *, first_run: bool = False) -> None:
        from dermcharge.gui.practice_settings import PracticeSettingsDialog

        try:
            dialog = PracticeSettingsDialog(
                self.guard.backend.db, self.guard.user, self.window, first_run=first_run
            )
        except (SecurityError, StorageError) as error:
            QMessageBox.warning(self.window, "dermcharge", str(error))
            return
        self.dialog = dialog
        dialog.finished.connect(self._settings_closed)
        dialog.open()  # window-modal, without blocking the caller

    def _settings_closed(self) -> None:
        refresh = getattr(self.window, "attach_backend", None)
        backend = self.guard.backend
        if refresh is not None:
            refresh(backend)  # the providers list and the title follow the new settings
