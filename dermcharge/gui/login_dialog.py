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

from dermcharge.security.accounts import User
from dermcharge.security.errors import SecurityError
from dermcharge.storage.errors import StorageError

Authenticate = Callable[[str, str], User]
CreateAdmin = Callable[[str, str, str], User]  # username, display name, password


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
        self.error_label = QLabel("")
        self.error_label.setStyleSheet("color: #b00020")
        self.error_label.setWordWrap(True)
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


class FirstAdminDialog(QDialog):
    """The first run: make the admin account (more accounts come from Security ▸ Users)."""

    def __init__(self, create_admin: CreateAdmin, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("dermcharge — first run")
        self._create = create_admin
        self.user: User | None = None
        intro = QLabel(
            "No one has an account yet. Create the administrator, who then adds the provider, "
            "medical assistants and billers (Security ▸ Users)."
        )
        intro.setWordWrap(True)
        self.username_edit = QLineEdit("admin")
        self.name_edit = QLineEdit()
        self.password_edit = QLineEdit()
        self.repeat_edit = QLineEdit()
        for edit in (self.password_edit, self.repeat_edit):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.error_label = QLabel("")
        self.error_label.setStyleSheet("color: #b00020")
        self.error_label.setWordWrap(True)
        form = QFormLayout()
        form.addRow("&User name", self.username_edit)
        form.addRow("&Full name", self.name_edit)
        form.addRow("&Password (8+ characters)", self.password_edit)
        form.addRow("&Repeat password", self.repeat_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.try_create)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    def try_create(self) -> None:
        if self.password_edit.text() != self.repeat_edit.text():
            self.error_label.setText("The two passwords differ.")
            return
        try:
            self.user = self._create(
                self.username_edit.text(), self.name_edit.text(), self.password_edit.text()
            )
        except (SecurityError, StorageError) as refused:
            self.error_label.setText(str(refused))
            return
        self.password_edit.clear()
        self.repeat_edit.clear()
        self.accept()
