"""At start, for a database encrypted with a passphrase: ask for it until it opens (or Cancel)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from dermcharge.services import encryption
from dermcharge.services.database import Database
from dermcharge.services.errors import StorageError

Ask = Callable[[str], str | None]  # the message -> the passphrase typed, or None for Cancel


def ask_with_dialog(message: str, parent: QWidget | None = None) -> str | None:
    text, ok = QInputDialog.getText(
        parent, "dermcharge — encrypted database", message, QLineEdit.EchoMode.Password
    )
    return text if ok else None


def open_asking_passphrase(
    cli_value: str | None, ask: Ask = ask_with_dialog, attempts: int = 5
) -> Database | None:
    """The opened database; None when the person cancels or gives up after `attempts`."""
    try:
        return encryption.open_unlocked(cli_value)
    except encryption.NeedsPassphrase as needs:
        message = f"{needs}\n\nPassphrase:"
    for _ in range(attempts):
        passphrase = ask(message)
        if passphrase is None:
            return None
        try:
            return encryption.open_unlocked(cli_value, passphrase=passphrase)
        except StorageError:
            message = "That passphrase does not open the database. Passphrase:"
    return None


def open_with_dialog(cli_value: str | None) -> Database | None:
    """For start-up, before the app exists: make the QApplication the dialog needs, then ask."""
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        QApplication([])
    return open_asking_passphrase(cli_value)
