"""Practice ▸ Settings is the admin's: enabled for an admin, disabled (with the reason) for a
medical assistant, and the dialog refuses anyone else even when opened directly."""

from __future__ import annotations

from datetime import date

import pytest

from dermcharge.gui.main_window import MainWindow
from dermcharge.gui.practice_settings import PracticeSettingsDialog
from dermcharge.gui.secure_backend import SecureBackend
from dermcharge.gui.secure_start import guard_session
from dermcharge.security.errors import AccessDenied
from dermcharge.services import users
from dermcharge.services.database import open_app_database

PASSWORD = "Correct-horse-battery-9"


@pytest.fixture
def db(tmp_path, monkeypatch):
    monkeypatch.setenv("DERMCHARGE_DATA_DIR", str(tmp_path / "data"))
    database = open_app_database(f"sqlite:///{tmp_path / 'clinic.sqlite'}")
    yield database
    database.dispose()


def _window(qtbot, db, user) -> MainWindow:
    window = MainWindow(None, date(2026, 11, 20), user.label)
    backend = SecureBackend(db, user)
    window.attach_backend(backend)
    guard_session(window, backend)
    qtbot.addWidget(window)
    return window


def test_only_an_admin_may_open_practice_settings(qtbot, db) -> None:
    admin = users.create_first_admin(db, "boss", "Pat Boss", PASSWORD)
    assistant = users.add_user(db, username="ma1", display_name="Mo Assist",
                               roles="medical_assistant", password=PASSWORD, by=admin)  # fmt: skip
    assert _window(qtbot, db, admin).practice_menu.settings_action.isEnabled()
    action = _window(qtbot, db, assistant).practice_menu.settings_action
    assert not action.isEnabled() and action.toolTip()
    with pytest.raises(AccessDenied):
        PracticeSettingsDialog(db, assistant)


def test_a_schedule_at_150_percent_of_medicare_from_the_fees_tab(qtbot, db, monkeypatch) -> None:
    from pathlib import Path

    from PySide6.QtCore import QDate, Qt
    from PySide6.QtWidgets import QInputDialog, QWidget

    from dermcharge.cli.main import main

    rvu_file = Path(__file__).resolve().parents[1] / "fixtures" / "cms" / "PPRRVU2026_Oct.csv"
    assert main(["tables", "import", str(rvu_file)]) == 0
    admin = users.create_first_admin(db, "boss", "Pat Boss", PASSWORD)
    dialog = PracticeSettingsDialog(db, admin)
    qtbot.addWidget(dialog)
    fees = dialog.fees_tab
    dialog.tabs.setCurrentWidget(fees)
    fees.start.setDate(QDate(2026, 10, 1))
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("150", True))
    qtbot.mouseClick(fees.findChild(QWidget, "feesFromMedicare"), Qt.MouseButton.LeftButton)
    shown = {fees.table.item(r, 2).text(): fees.table.item(r, 4).text()
             for r in range(fees.table.rowCount())}  # fmt: skip
    assert shown["11102"] == "149.30", fees.error.text()
