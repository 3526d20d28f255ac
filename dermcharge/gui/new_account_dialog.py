"""A dialog that makes one account: user name, full name, the password typed twice, and any rows
the caller adds (the roles). The first run's administrator and Security ▸ Users both use it."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from dermcharge.security.accounts import User
from dermcharge.security.errors import SecurityError
from dermcharge.services.errors import StorageError

CreateAccount = Callable[[str, str, str], User]  # username, display name, password


def error_label() -> QLabel:
    """The red line under a form where a refusal is explained (sign-in, accounts, encryption)."""
    label = QLabel("")
    label.setStyleSheet("color: #b00020")
    label.setWordWrap(True)
    return label


class NewAccountDialog(QDialog):
    """Asks until `create` accepts the account (or Cancel); the account is in `user`."""

    def __init__(
        self,
        create: CreateAccount,
        *,
        title: str,
        intro: str = "",
        username: str = "",
        extra_rows: Sequence[tuple[str, QWidget | QLayout]] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._create = create
        self.user: User | None = None
        self.username_edit = QLineEdit(username)
        self.name_edit = QLineEdit()
        self.password_edit = QLineEdit()
        self.repeat_edit = QLineEdit()
        for edit in (self.password_edit, self.repeat_edit):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.error_label = error_label()
        form = QFormLayout()
        form.addRow("&User name", self.username_edit)
        form.addRow("&Full name", self.name_edit)
        for caption, field in extra_rows:
            form.addRow(caption, field)
        form.addRow("&Password (8+ characters)", self.password_edit)
        form.addRow("&Repeat password", self.repeat_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.try_create)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if intro:
            intro_label = QLabel(intro)
            intro_label.setWordWrap(True)
            layout.addWidget(intro_label)
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
        self.password_edit.clear()  # nothing of the password stays in the widgets
        self.repeat_edit.clear()
        self.accept()
