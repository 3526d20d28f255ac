"""Defects 8, 9 and 19: the patient form starts empty, takes typed dates, keeps everything on a
refused save (the field marked, the reason in words), has an address and a secondary insurance,
and a patient on file can be corrected later."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from dermcharge.domain.visit import Payer, Visit
from dermcharge.gui.app_backend import AppBackend
from dermcharge.gui.main_window import MainWindow
from dermcharge.gui.typed_dates import DateNotUnderstood, parse_typed_date
from dermcharge.gui.visit_window import VisitWindow
from tests.gui.exam_room.conftest import DOS, clinic_record
from tests.gui.exam_room.person import click, focus_name, press, type_text, when_dialog_opens


@pytest.fixture
def main_window(qtbot, backend: AppBackend):
    backend.create_visit(clinic_record(Visit(date_of_service=DOS, payer=Payer.MEDICARE)))
    window = MainWindow(backend, DOS, "dr.doe")
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    yield window
    for other in list(window.visit_windows):
        other.close()


def fill_by_keyboard(fields: list[str]) -> None:
    """Type each value into the focused field, Tab to the next ("" skips a field)."""
    for value in fields:
        if value:
            type_text(value)
        press(Qt.Key.Key_Tab)


@pytest.mark.parametrize("typed", ["03/15/1948", "3/15/1948", "1948-03-15", "19480315",
                                   "03151948"])  # fmt: skip
def test_dates_are_read_as_staff_type_them(typed):
    assert parse_typed_date(typed) == date(1948, 3, 15)


def test_a_date_that_reads_two_ways_is_refused_not_guessed():
    with pytest.raises(DateNotUnderstood, match="MM/DD/YYYY"):
        parse_typed_date("02/30/1948")


def test_a_refused_save_keeps_the_dialog_and_says_it_in_words(qtbot, main_window, backend):
    outcome: dict[str, object] = {}

    def fill_in(dialog):
        ui = dialog.ui
        outcome["started_empty"] = (ui.dobEdit.text(), ui.sexCombo.currentData())
        assert focus_name() == "firstNameEdit"
        # first, last, DOB, sex (F by key), account (Okafor's!), phone, address, line 2, city,
        # state, ZIP, payer, payer name, member ID, policy holder (self; the holder's own fields
        # are disabled and skipped), secondary payer, secondary ID
        fill_by_keyboard(["Grace", "Hopper", "12/09/1906", "F", "A-1001", "555-0100",
                          "1 Navy Way", "", "Arlington", "va", "22201", "", "Medicare Part B",
                          "1EG4TE5MK99", "", "AARP Medigap", "MG-77"])  # fmt: skip
        click(dialog, ui.buttonBox.button(ui.buttonBox.StandardButton.Ok))
        outcome["refused"] = (dialog.isVisible(), ui.problemsLabel.text(),
                              ui.accountEdit.styleSheet(), ui.firstNameEdit.text())  # fmt: skip
        assert focus_name() == "accountEdit"  # the field at fault, ready to retype
        press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # select what is there
        type_text("A-2001")
        click(dialog, ui.buttonBox.button(ui.buttonBox.StandardButton.Ok))

    when_dialog_opens(fill_in)
    click(main_window, main_window.ui.newPatientButton)
    qtbot.waitUntil(lambda: "refused" in outcome, timeout=10000)
    assert outcome["started_empty"] == ("", None)  # no made-up birth date or sex
    visible, problems, marked, first_name = outcome["refused"]
    assert visible and first_name == "Grace"
    assert "Account number: A-1001 belongs to Okafor" in problems
    assert "patient.account_number" not in problems
    assert "border" in marked
    qtbot.waitUntil(lambda: len(main_window.visit_windows) == 1, timeout=10000)
    opened = main_window.visit_windows[0]
    assert isinstance(opened, VisitWindow)
    record = opened.stored.record
    assert record.patient.dob == date(1906, 12, 9)
    assert record.patient.sex == "F"
    assert (record.patient.address.city, record.patient.address.state) == ("Arlington", "VA")
    assert [(p.payer_name, p.priority) for p in record.insurance] == [
        ("Medicare Part B", "primary"), ("AARP Medigap", "secondary")]  # fmt: skip


def test_a_patient_on_file_can_be_corrected(qtbot, main_window, backend):
    main_window.ui.visitsView.selectRow(0)  # Okafor's visit of the day
    patient_id = main_window.visit_model.row_at(0).patient_id

    def correct(dialog):
        ui = dialog.ui
        assert ui.lastNameEdit.text() == "Okafor"
        assert ui.dobEdit.text() == "03/14/1951"
        click(dialog, ui.addressLine1Edit)
        type_text("12 Elm St")
        click(dialog, ui.cityEdit)
        type_text("Dayton")
        click(dialog, ui.buttonBox.button(ui.buttonBox.StandardButton.Ok))

    when_dialog_opens(correct)
    click(main_window, main_window.edit_patient_button)
    qtbot.waitUntil(lambda: backend.open_patient(patient_id)[0].address.city == "Dayton",
                    timeout=10000)  # fmt: skip
    patient, insurance = backend.open_patient(patient_id)
    assert patient.address.line1 == "12 Elm St"
    assert insurance[0].member_id == "1EG4TE5MK73"  # the coverage is kept


def test_a_childs_policy_holder_is_a_parent(qtbot, main_window):
    done: dict[str, object] = {}

    def fill_in(dialog):
        fill_by_keyboard(["Mia", "Okafor", "06/01/2015", "F", "A-3001", "", "", "", "", "", "",
                          "C", "Aetna", "W123456789"])  # fmt: skip
        assert focus_name() == "subscriberCombo"
        type_text("c")  # child
        assert dialog.subscriber_first_edit.isEnabled()
        fill_by_keyboard(["", "Ada", "Okafor", "03/14/1951", "F"])
        click(dialog, dialog.ui.buttonBox.button(dialog.ui.buttonBox.StandardButton.Ok))
        done["ok"] = True

    when_dialog_opens(fill_in)
    click(main_window, main_window.ui.newPatientButton)
    qtbot.waitUntil(lambda: len(main_window.visit_windows) == 1, timeout=10000)
    policy = main_window.visit_windows[0].stored.record.insurance[0]
    assert policy.relationship == "child"
    holder = policy.subscriber_person
    assert (holder.first_name, holder.last_name, holder.dob, holder.sex) == (
        "Ada", "Okafor", date(1951, 3, 14), "F")  # fmt: skip
