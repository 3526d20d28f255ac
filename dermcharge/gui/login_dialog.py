"""Sign-in, and the first run's admin account. Built in code: two small forms."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from dermcharge.gui.new_account_dialog import CreateAccount, NewAccountDialog, error_label
from dermcharge.security.accounts import User
from dermcharge.security.errors import SecurityError
from dermcharge.services.errors import StorageError

Authenticate = Callable[[str, str], User]
CreateAdmin = CreateAccount


class LoginDialog(QDialog):
    """Asks for a user name and password until `authenticate` accepts them (or Quit)."""

    def __init__(
        self,
        authenticate: Authenticate,
        *,
        message: str = "Sign in to dermcharge",
        username: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("dermcharge — sign in")
        self._authenticate = authenticate
        self.user: User | None = None
        self.message_label = QLabel(message)
        self.message_label.setWordWrap(True)
        self.username_edit = QLineEdit(username)
        self.username_edit.setObjectName("usernameEdit")
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("passwordEdit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.error_label = error_label()
        form = QFormLayout()
        form.addRow("&User name", self.username_edit)
        form.addRow("&Password", self.password_edit)
        self.buttons = QDialogButtonBox()
        self.sign_in_button = self.buttons.addButton(
            "Sign in", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.quit_button = self.buttons.addButton("Quit", QDialogButtonBox.ButtonRole.RejectRole)
        # Return in the password field signs in (once): no button may also take it as default.
        for button in (self.sign_in_button, self.quit_button):
            button.setAutoDefault(False)
        self.buttons.accepted.connect(self.try_sign_in)
        self.password_edit.returnPressed.connect(self.try_sign_in)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message_label)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        (self.password_edit if username else self.username_edit).setFocus()
        self.setWindowModality(Qt.WindowModality.ApplicationModal)

    def try_sign_in(self) -> None:
        try:
            self.user = self._authenticate(self.username_edit.text(), self.password_edit.text())
        except (SecurityError, StorageError) as refused:
            self.password_edit.clear()
            self.error_label.setText(str(refused))
            self.password_edit.setFocus()
            return
        self.password_edit.clear()  # nothing of the password stays in the widget
        self.error_label.clear()
        self.accept()


class FirstAdminDialog(NewAccountDialog):
    """The first run: make the admin account (more accounts come from Security ▸ Users)."""

    def __init__(self, create_admin: CreateAdmin, parent: QWidget | None = None) -> None:
        super().__init__(
            create_admin,
            title="dermcharge — first run",
            intro="No one has an account yet. Create the administrator, who then adds the "
            "provider, medical assistants and billers (Security ▸ Users).",
            username="admin",
            parent=parent,
        )
