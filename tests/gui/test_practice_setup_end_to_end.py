"""Day one at a real practice, end to end from an empty database, through the widgets:
Practice ▸ Settings (the practice, two providers, Medicare and a commercial payer, each with its
fee schedule, the clearinghouse), a patient with insurance, the standard visit captured and
signed, and a superbill that shows the practice's own NPI, EIN and fees."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QWidget

from dermcharge.domain.visit import Kind
from dermcharge.gui.main_window import MainWindow
from dermcharge.gui.secure_backend import SecureBackend
from dermcharge.gui.secure_start import guard_session
from dermcharge.services import clearinghouse, users
from dermcharge.services.database import open_app_database
from tests.gui.test_standard_visit import UserActions

DOS = date(2026, 11, 20)
PASSWORD = "Correct-horse-battery-9"
MEDICARE_FEES = "code,modifier,fee\n99213,,131.00\n17000,,88.00\n17003,,9.50\n11102,,121.00\n"
ACME_FEES = "code,modifier,fee\n99213,,160.00\n17000,,110.00\n17003,,12.00\n11102,,150.00\n"


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("DERMCHARGE_DATA_DIR", str(tmp_path / "data"))
    db = open_app_database(f"sqlite:///{tmp_path / 'clinic.sqlite'}")
    # The administrator account comes first (the first-run dialog); she also sees patients.
    admin = users.create_first_admin(db, "jdoe", "Jane Doe", PASSWORD, "admin,provider")
    win = MainWindow(None, DOS, admin.label)
    backend = SecureBackend(db, admin)
    win.attach_backend(backend)
    guard_session(win, backend)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    yield win
    for other in list(win.visit_windows):
        other.close()
    db.dispose()


def _type(qtbot, widget: QWidget, text: str) -> None:
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    widget.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClicks(widget, text)


def _click(qtbot, button: QWidget) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _open_tab(qtbot, dialog, tab: QWidget) -> None:
    bar = dialog.tabs.tabBar()
    index = dialog.tabs.indexOf(tab)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert dialog.tabs.currentWidget() is tab


def _choose(qtbot, combo, text: str) -> None:
    """Focus the drop-down and step to the item with the arrow keys."""
    combo.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentText() == text:
            break
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == text


def _set_up_practice(qtbot, window, tmp_path: Path, monkeypatch) -> None:
    window.practice_menu.settings_action.trigger()
    dialog = window.practice_menu.dialog
    qtbot.waitExposed(dialog)

    practice = dialog.practice_tab
    for name, value in (
        ("name", "Prairie Dermatology"), ("npi", "1245319599"), ("tax_id", "37-1234567"),
        ("phone", "217-555-0199"), ("line1", "200 Oak Ave"), ("city", "Springfield"),
        ("state", "IL"), ("zip", "62701"),
    ):  # fmt: skip
        _type(qtbot, practice.fields[name], value)
    _click(qtbot, dialog.findChild(QWidget, "savePractice"))
    assert practice.error.text() == "Practice saved."

    providers = dialog.providers_tab
    _open_tab(qtbot, dialog, providers)
    for name, credentials, npi in (("Jane Doe", "MD", "1234567890"),):  # a mistyped NPI
        _type(qtbot, providers.name, name)
        _type(qtbot, providers.credentials, credentials)
        _type(qtbot, providers.npi, npi)
        _click(qtbot, providers.findChild(QWidget, "addProvider"))
    assert "'1234567890' fails its check digit" in providers.error.text()
    assert providers.table.rowCount() == 0  # nothing stored
    _type(qtbot, providers.npi, "1234567893")
    _click(qtbot, providers.findChild(QWidget, "addProvider"))
    _type(qtbot, providers.name, "Sam Lee")
    _type(qtbot, providers.credentials, "PA-C")
    _type(qtbot, providers.npi, "1987654328")
    _type(qtbot, providers.taxonomy, "363A00000X")
    _click(qtbot, providers.findChild(QWidget, "addProvider"))
    assert [providers.table.item(r, 2).text() for r in range(2)] == ["1234567893", "1987654328"]

    payers = dialog.payers_tab
    _open_tab(qtbot, dialog, payers)
    _type(qtbot, payers.name, "Medicare Part B")
    _type(qtbot, payers.payer_id, "SMIL0")
    _click(qtbot, payers.findChild(QWidget, "addPayer"))
    _type(qtbot, payers.name, "Acme Health")
    _choose(qtbot, payers.kind, "Commercial")
    _type(qtbot, payers.payer_id, "ACME1")
    _choose(qtbot, payers.distinct, "XS")
    _click(qtbot, payers.findChild(QWidget, "addPayer"))
    assert payers.table.rowCount() == 2

    fees = dialog.fees_tab
    _open_tab(qtbot, dialog, fees)
    fees.start.setDate(QDate(2026, 1, 1))
    for payer, text in (("Medicare Part B", MEDICARE_FEES), ("Acme Health", ACME_FEES)):
        path = tmp_path / f"{payer}.csv"
        path.write_text(text, encoding="utf-8")
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, p=path: (str(p), ""))
        _choose(qtbot, fees.payer, payer)
        _click(qtbot, fees.findChild(QWidget, "importFees"))
        assert fees.error.text().startswith(f"Imported {payer}.csv"), fees.error.text()
    # Correct Medicare's 17000 in the table: click the fee, F2, type, Enter.
    _choose(qtbot, fees.payer, "Medicare Part B")
    row = next(r for r in range(fees.table.rowCount()) if fees.table.item(r, 2).text() == "17000")
    cell = fees.table.visualItemRect(fees.table.item(row, 4)).center()
    qtbot.mouseClick(fees.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.keyClick(fees.table, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    editor = QApplication.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, "89.00")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: fees.table.item(row, 4).text() == "89.00")

    hub = dialog.clearinghouse_tab
    _open_tab(qtbot, dialog, hub)
    _type(qtbot, hub.fields["submitter_id"], "PRAIRIE01")
    _type(qtbot, hub.fields["submitter_name"], "Prairie Dermatology")
    _type(qtbot, hub.fields["receiver_id"], "ZIRMED")
    _click(qtbot, hub.findChild(QWidget, "saveClearinghouse"))
    dialog.reject()


def test_day_one_from_an_empty_database_to_a_superbill(qtbot, window, tmp_path, monkeypatch):
    from dermcharge.gui.new_patient_dialog import NewPatientDialog

    _set_up_practice(qtbot, window, tmp_path, monkeypatch)
    backend = window.backend
    assert clearinghouse.clearinghouse(backend.db).submitter_id == "PRAIRIE01"

    dialog = NewPatientDialog(backend.providers(), DOS, window)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.ui.firstNameEdit, "Ada")
    qtbot.keyClicks(dialog.ui.lastNameEdit, "Okafor")
    qtbot.keyClicks(dialog.ui.accountEdit, "A-1001")
    # The form starts without a birth date or sex (issue 14): typed as staff do.
    qtbot.keyClicks(dialog.ui.dobEdit, "03/14/1948")
    _choose(qtbot, dialog.ui.sexCombo, dialog.ui.sexCombo.itemText(1))
    qtbot.keyClicks(dialog.ui.payerNameEdit, "Medicare Part B")
    qtbot.keyClicks(dialog.ui.memberIdEdit, "1EG4TE5MK73")
    _choose(qtbot, dialog.ui.statusCombo, "established")
    _choose(qtbot, dialog.ui.providerCombo, dialog.ui.providerCombo.itemText(0))
    assert "Jane Doe" in dialog.ui.providerCombo.currentText()
    assert dialog.problems() == []
    stored = backend.create_visit(dialog.record())
    window.refresh_visits()

    visit_window = window.open_visit(stored.id)
    qtbot.waitExposed(visit_window)
    user = UserActions(qtbot, visit_window.editor)
    panel = visit_window.editor.procedure_panel
    user.click_region("forearm--left")
    user.click(panel.kind_buttons[Kind.BIOPSY_TANGENTIAL], "Tangential bx")
    user.click_region("forehead")
    user.click(panel.kind_buttons[Kind.DESTRUCTION_PREMALIGNANT], "AK destroy")
    user.type_into(panel.ui.countSpin, "12")
    user.click(visit_window.editor.em_buttons["99213"], "99213")
    user.type_into(visit_window.editor.ui.emDxEdit, "psoriasis", enter=True)
    visit_window.mark_ready()
    from tests.gui.exam_room.person import click, when_dialog_opens

    # Sign asks first (issue 14): the person reads what is open and confirms.
    when_dialog_opens(lambda dialog: click(dialog, dialog.confirm_button))
    visit_window.sign()
    assert visit_window.stored.status == "signed"

    pdf = visit_window._superbill_pdf()
    assert pdf is not None
    text = "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert "Prairie Dermatology" in text and "DEMO" not in text
    assert "1245319599" in text and "37-1234567" in text  # the practice's own NPI and EIN
    assert "89.00" in text  # 17000 at the fee corrected in the table (Medicare Part B)
    assert "131.00" in text and "121.00" in text  # 99213 and 11102 from Medicare's schedule
    assert "160.00" not in text  # not Acme's
