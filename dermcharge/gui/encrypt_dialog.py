"""Security ▸ Encrypt database…: the admin encrypts the SQLite file in place, then the app
restarts (every connection to the plain file must be gone before the swap)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from dermcharge.gui.new_account_dialog import error_label
from dermcharge.security.accounts import User
from dermcharge.security.errors import SecurityError
from dermcharge.services import encryption
from dermcharge.services.database import Database
from dermcharge.services.errors import StorageError


class EncryptDialog(QDialog):
    def __init__(self, db: Database, by: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Encrypt the database — dermcharge")
        self.db, self.by = db, by
        self.result_text = ""
        intro = QLabel(
            "The database file will be encrypted with SQLCipher (AES-256). Close dermcharge on "
            "every other computer using this file first. dermcharge closes when it is done; "
            "start it again."
        )
        intro.setWordWrap(True)
        self.keyring_choice = QRadioButton("Keep a random key in this computer's keyring")
        self.passphrase_choice = QRadioButton("Use a passphrase (asked at every start)")
        self.keyring_choice.setChecked(True)
        self.passphrase_edit = QLineEdit()
        self.repeat_edit = QLineEdit()
        for edit in (self.passphrase_edit, self.repeat_edit):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow("Passphrase", self.passphrase_edit)
        form.addRow("Repeat it", self.repeat_edit)
        self.error_label = error_label()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.try_encrypt)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, self.keyring_choice, self.passphrase_choice):
            layout.addWidget(widget)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        if not encryption.sqlcipher_available():
            self.error_label.setText(str(encryption.EncryptionUnavailable()))
            buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)

    def try_encrypt(self) -> None:
        passphrase = None
        if self.passphrase_choice.isChecked():
            passphrase = self.passphrase_edit.text()
            if passphrase != self.repeat_edit.text():
                self.error_label.setText("The two passphrases differ.")
                return
        self.db.dispose()  # this app's connections to the plain file close before the swap
        try:
            result = encryption.encrypt_database(
                self.db.url,
                by=self.by,
                passphrase=passphrase,
                use_keyring=passphrase is None,
            )
        except (SecurityError, StorageError) as refused:
            self.error_label.setText(str(refused))
            return
        self.passphrase_edit.clear()
        self.repeat_edit.clear()
        self.result_text = f"Encrypted {result.path.name}: {result.rows} rows."
        self.accept()
