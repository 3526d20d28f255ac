"""The main window's Security menu: lock, switch user, password, and the admin's tools."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QLabel, QLineEdit, QMainWindow, QMessageBox

from dermcharge.gui.menu_bar import add_menu
from dermcharge.gui.session_guard import SessionGuard
from dermcharge.security.accounts import User
from dermcharge.security.errors import SecurityError
from dermcharge.security.idle_lock import MAX_IDLE_MINUTES, MIN_IDLE_MINUTES
from dermcharge.security.roles import Action, refusal
from dermcharge.services import users
from dermcharge.services.errors import StorageError


class SecurityMenu:
    def __init__(self, window: QMainWindow, guard: SessionGuard) -> None:
        self.window, self.guard = window, guard
        self.db = guard.backend.db
        menu = add_menu(window, "&Security")
        self.menu = menu
        self.lock_action = self._add("&Lock now", self._lock, "Ctrl+L")
        self.switch_action = self._add("S&witch user…", guard.switch_user)
        self.password_action = self._add("Change my &password…", self.change_password)
        menu.addSeparator()
        self.admin_actions: dict[QAction, Action] = {
            self._add("&Users…", self.open_users): Action.MANAGE_USERS,
            self._add("&Idle lock…", self.set_idle_lock): Action.MANAGE_SETTINGS,
            self._add("&Audit log…", self.open_audit): Action.VIEW_AUDIT,
            self._add("&Encrypt database…", self.encrypt_database): Action.MANAGE_SETTINGS,
        }
        guard.unlocked.connect(self.apply_roles)
        self.apply_roles(guard.user)

    def _add(self, text: str, slot: object, keys: str = "") -> QAction:
        action = QAction(text, self.window)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)
        self.menu.addAction(action)
        return action

    def _lock(self) -> None:
        self.guard.lock()

    def apply_roles(self, user: User) -> None:
        self.password_action.setEnabled(user.id != 0)  # the local admin has no stored password
        for action, needed in self.admin_actions.items():
            action.setEnabled(user.may(needed))
            action.setToolTip("" if user.may(needed) else refusal(needed))
        self._show_audit_warning(user)

    def _show_audit_warning(self, user: User) -> None:
        """An admin signing in sees, in the status bar, that the audit trail is broken (the
        check on open found it); others see nothing of it."""
        from dermcharge.services.audit_integrity import admin_warning

        warning = admin_warning(self.db, user)
        label = getattr(self, "audit_warning_label", None)
        if label is None:
            label = QLabel()
            label.setStyleSheet("color: #b00020; font-weight: bold")
            self.window.statusBar().addPermanentWidget(label)
            self.audit_warning_label = label
        label.setText(f"⚠ {warning}" if warning else "")
        label.setToolTip("Security ▸ Audit log… shows the entries" if warning else "")
        label.setVisible(warning is not None)

    def _warn(self, error: Exception) -> None:
        QMessageBox.warning(self.window, "dermcharge", str(error))

    def change_password(self) -> None:
        user = self.guard.user
        old, ok = QInputDialog.getText(
            self.window, "Change password", "Current password:", QLineEdit.EchoMode.Password
        )
        if not ok:
            return
        new, ok = QInputDialog.getText(
            self.window,
            "Change password",
            "New password (8+ characters):",
            QLineEdit.EchoMode.Password,
        )
        if not ok:
            return
        try:
            users.change_password(self.db, user.username, new, by=user, old_password=old)
        except (SecurityError, StorageError) as error:
            self._warn(error)
            return
        self.window.statusBar().showMessage("Password changed", 4000)

    def open_users(self) -> None:
        from dermcharge.gui.users_dialog import UsersDialog

        try:
            UsersDialog(self.db, self.guard.user, self.window).exec()
        except (SecurityError, StorageError) as error:
            self._warn(error)

    def set_idle_lock(self) -> None:
        current = users.idle_minutes(self.db)
        minutes, ok = QInputDialog.getInt(
            self.window,
            "Idle lock",
            "Lock after this many idle minutes:",
            current,
            MIN_IDLE_MINUTES,
            MAX_IDLE_MINUTES,
        )
        if not ok:
            return
        try:
            users.set_idle_minutes(self.db, minutes, by=self.guard.user)
        except (SecurityError, StorageError) as error:
            self._warn(error)
            return
        self.guard.set_idle_ms(minutes * 60_000)

    def open_audit(self) -> None:
        from dermcharge.gui.audit_viewer import AuditViewer

        try:
            AuditViewer(self.db, self.guard.user, self.window).exec()
        except (SecurityError, StorageError) as error:
            self._warn(error)

    def encrypt_database(self) -> None:
        from dermcharge.gui.encrypt_dialog import EncryptDialog
        from dermcharge.services.encryption import is_encrypted

        if is_encrypted(self.db.url) or not self.db.url.startswith("sqlite:"):
            QMessageBox.information(
                self.window,
                "dermcharge",
                "This database is encrypted already or is not a "
                "local SQLite file (a PostgreSQL server encrypts its own disks).",
            )
            return
        dialog = EncryptDialog(self.db, self.guard.user, self.window)
        if dialog.exec() != EncryptDialog.DialogCode.Accepted:
            return
        QMessageBox.information(
            self.window,
            "dermcharge",
            f"{dialog.result_text}\n\ndermcharge closes now; start "
            "it again to open the encrypted database.",
        )
        self.guard.quit_app()
