"""Security ▸ Users: the admin adds accounts, disables them and resets passwords."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dermcharge.gui.new_account_dialog import NewAccountDialog
from dermcharge.security.accounts import User
from dermcharge.security.errors import SecurityError
from dermcharge.security.roles import ROLE_WORDS, Action, Role, roles_text
from dermcharge.services import users
from dermcharge.services.database import Database
from dermcharge.services.errors import StorageError


class AddUserDialog(NewAccountDialog):
    """Security ▸ Users ▸ Add: an account with the roles ticked."""

    def __init__(self, db: Database, by: User, parent: QWidget | None = None) -> None:
        role_boxes = {role: QCheckBox(ROLE_WORDS[role]) for role in Role}
        roles_row = QHBoxLayout()
        for box in role_boxes.values():
            roles_row.addWidget(box)

        def create(username: str, display_name: str, password: str) -> User:
            roles = [role.value for role, box in role_boxes.items() if box.isChecked()]
            return users.add_user(db, username=username, display_name=display_name,
                                  roles=roles, password=password, by=by)  # fmt: skip

        super().__init__(create, title="Add a user — dermcharge",
                         extra_rows=[("Roles", roles_row)], parent=parent)  # fmt: skip
        self.role_boxes = role_boxes


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
