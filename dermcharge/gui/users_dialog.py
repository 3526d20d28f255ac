"""Security ▸ Users: the admin adds accounts, disables them and resets passwords."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dermcharge.security.accounts import User
from dermcharge.security.errors import SecurityError
from dermcharge.security.roles import ROLE_WORDS, Action, Role, roles_text
from dermcharge.services import users
from dermcharge.services.database import Database
from dermcharge.storage.errors import StorageError


class AddUserDialog(QDialog):
    def __init__(self, db: Database, by: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Add a user — dermcharge")
        self.db, self.by = db, by
        self.added: User | None = None
        self.username_edit = QLineEdit()
        self.name_edit = QLineEdit()
        self.password_edit = QLineEdit()
        self.repeat_edit = QLineEdit()
        for edit in (self.password_edit, self.repeat_edit):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.role_boxes = {role: QCheckBox(ROLE_WORDS[role]) for role in Role}
        roles_row = QHBoxLayout()
        for box in self.role_boxes.values():
            roles_row.addWidget(box)
        self.error_label = QLabel("")
        self.error_label.setStyleSheet("color: #b00020")
        self.error_label.setWordWrap(True)
        form = QFormLayout()
        form.addRow("&User name", self.username_edit)
        form.addRow("&Full name", self.name_edit)
        form.addRow("Roles", roles_row)
        form.addRow("&Password (8+ characters)", self.password_edit)
        form.addRow("&Repeat password", self.repeat_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.try_add)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    def try_add(self) -> None:
        if self.password_edit.text() != self.repeat_edit.text():
            self.error_label.setText("The two passwords differ.")
            return
        roles = [role.value for role, box in self.role_boxes.items() if box.isChecked()]
        try:
            self.added = users.add_user(
                self.db,
                username=self.username_edit.text(),
                display_name=self.name_edit.text(),
                roles=roles,
                password=self.password_edit.text(),
                by=self.by,
            )
        except (SecurityError, StorageError) as refused:
            self.error_label.setText(str(refused))
            return
        self.accept()


class UsersDialog(QDialog):
    def __init__(self, db: Database, by: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        by.require(Action.MANAGE_USERS)
        self.setWindowTitle("Users — dermcharge")
        self.db, self.by = db, by
        self.list = QListWidget()
        add = QPushButton("&Add…")
        disable = QPushButton("&Disable")
        reset = QPushButton("&Reset password…")
        add.clicked.connect(self.add_user)
        disable.clicked.connect(self.disable_selected)
        reset.clicked.connect(self.reset_selected)
        row = QHBoxLayout()
        for button in (add, disable, reset):
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(row)
        self.resize(520, 360)
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        for user in users.list_users(self.db, by=self.by):
            state = "" if user.active else " — disabled"
            text = f"{user.username}: {roles_text(user.roles)} ({user.display_name}){state}"
            item = QListWidgetItem(text)
            item.setData(256, user.username)
            self.list.addItem(item)

    def _selected(self) -> str | None:
        item = self.list.currentItem()
        return str(item.data(256)) if item is not None else None

    def _try(self, change: object) -> None:
        try:
            change()  # type: ignore[operator]
        except (SecurityError, StorageError) as refused:
            QMessageBox.warning(self, "dermcharge", str(refused))
        self.refresh()

    def add_user(self) -> None:
        dialog = AddUserDialog(self.db, self.by, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()

    def disable_selected(self) -> None:
        name = self._selected()
        if name is not None:
            self._try(lambda: users.disable_user(self.db, name, by=self.by))

    def reset_selected(self) -> None:
        name = self._selected()
        if name is None:
            return
        password, ok = QInputDialog.getText(
            self, "Reset password", f"New password for {name}:", QLineEdit.EchoMode.Password
        )
        if ok:
            self._try(lambda: users.change_password(self.db, name, password, by=self.by))
