"""The main window on a small SQLite database built through the services: the day's visits,
filters, opening a visit, and the start-up command."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date

import pytest
from PySide6.QtCore import QDate

from dermcharge.domain.record import Insurance, Patient, Provider, VisitRecord
from dermcharge.domain.visit import Diagnosis, Kind, Laterality, Payer, Procedure, Visit
from dermcharge.gui.app import LOADED_LINE, READY_LINE
from dermcharge.gui.app_backend import AppBackend
from dermcharge.gui.main_window import MainWindow
from dermcharge.gui.visit_window import VisitWindow
from dermcharge.services import visits
from dermcharge.services.database import open_app_database

DOS = date(2026, 11, 20)
PROVIDER = Provider(name="Jane Doe", npi="1234567893", credentials="MD")


def _record(account: str, last: str, procedures=()) -> VisitRecord:
    return VisitRecord(
        visit=Visit(date_of_service=DOS, payer=Payer.MEDICARE, procedures=tuple(procedures)),
        patient=Patient(
            first_name="Ada", last_name=last, dob=date(1951, 3, 14), sex="F", account_number=account
        ),
        insurance=(Insurance(payer_name="Medicare Part B", member_id="1EG4TE5MK73"),),
        provider=PROVIDER,
    )


@pytest.fixture
def db_url(tmp_path, monkeypatch):
    monkeypatch.setenv("DERMCHARGE_DATA_DIR", str(tmp_path / "data"))
    url = f"sqlite:///{tmp_path / 'clinic.sqlite'}"
    db = open_app_database(url)
    biopsy = Procedure(kind=Kind.BIOPSY_TANGENTIAL, site="forearm", laterality=Laterality.LEFT,
                       diagnosis=Diagnosis(finding="neoplasm_unspecified_behavior"),
                       path_pending=True)  # fmt: skip
    visits.create_visit(db, _record("A-1001", "Okafor", [biopsy]), actor="test")
    visits.create_visit(db, _record("A-1002", "Zeller"), actor="test")
    db.dispose()
    return url


@pytest.fixture
def window(qtbot, db_url):
    db = open_app_database(db_url)
    win = MainWindow(AppBackend(db, "tester"), DOS, "tester",
                     ("ICD-10-CM FY2026 loaded", "FY2027 is in force"))  # fmt: skip
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    for other in list(win.visit_windows):
        other.close()
    db.dispose()


def test_lists_the_days_visits_with_their_codes(window, qtmodeltester):
    model = window.visit_model
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    names = sorted(model.index(r, 0).data() for r in range(2))
    assert names == ["Okafor, Ada", "Zeller, Ada"]
    codes = {model.index(r, 0).data(): model.index(r, 5).data() for r in range(2)}
    assert codes["Okafor, Ada"].startswith("11102")
    assert window.ui.providerCombo.count() == 2  # all providers + Jane Doe
    assert "newer release" in window.code_set_label.text()
    assert "SQLite" in window.database_label.text()


def test_date_and_status_filters(window):
    window.ui.dateEdit.setDate(QDate(2026, 11, 21))
    assert window.visit_model.rowCount() == 0
    window.ui.dateEdit.setDate(QDate(2026, 11, 20))
    assert window.visit_model.rowCount() == 2
    window.ui.statusCombo.setCurrentIndex(window.ui.statusCombo.findData("signed"))
    assert window.visit_model.rowCount() == 0


def test_open_visit_edits_and_saves_through_the_services(qtbot, window):
    editor_window = window.open_selected_visit()
    assert isinstance(editor_window, VisitWindow)
    qtbot.waitExposed(editor_window)
    flow = editor_window.flow
    flow.set_em("99213")
    with qtbot.waitSignal(editor_window.visit_saved, timeout=5000):
        pass  # the autosave fires after a pause in editing
    reopened = window.backend.open_visit(editor_window.stored.id)
    assert reopened.record.visit.em.code == "99213"
    assert reopened.version > 1
    codes = [window.visit_model.index(r, 5).data() for r in range(window.visit_model.rowCount())]
    assert any("99213" in c for c in codes)


def test_mark_ready_then_sign(qtbot, window):
    editor_window = window.open_selected_visit()
    editor_window.mark_ready()
    assert editor_window.stored.status == "ready"
    from tests.gui.exam_room.person import click, when_dialog_opens

    # Sign asks first (what is still open); the biopsy's pending pathology is only a warning.
    when_dialog_opens(lambda dialog: click(dialog, dialog.confirm_button))
    editor_window.sign()
    assert editor_window.stored.status == "signed"
    assert not editor_window.editor.ui.mainSplitter.isEnabled()  # a signed visit is locked


def test_gui_command_exits_when_ready(db_url, tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DERMCHARGE_DATA_DIR=str(tmp_path / "d"))
    done = subprocess.run(
        [sys.executable, "-m", "dermcharge", "gui", "--exit-when-ready", "--db", db_url],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [READY_LINE, LOADED_LINE]  # painted, then all loaded
    assert "Traceback" not in done.stderr


def test_gui_command_reports_an_unusable_database(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DERMCHARGE_DATA_DIR=str(tmp_path / "d"))
    url = f"sqlite:///{tmp_path / 'missing-dir' / 'x' / 'db.sqlite'}"
    done = subprocess.run(
        [sys.executable, "-m", "dermcharge", "gui", "--exit-when-ready", "--db", url],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith("dermcharge gui:")


def test_new_visit_for_the_selected_patient_opens_an_empty_visit(qtbot, window):
    window.ui.visitsView.selectRow(0)
    patient = window.visit_model.row_at(0).patient_name
    editor_window = window.new_visit()
    assert isinstance(editor_window, VisitWindow)
    assert editor_window.flow.visit.procedures == ()
    assert window.visit_model.rowCount() == 3
    assert f"{editor_window.stored.record.patient.last_name}," in patient


def test_new_patient_dialog_builds_a_record_the_services_accept(qtbot, window):
    from dermcharge.gui.new_patient_dialog import NewPatientDialog

    dialog = NewPatientDialog(window.backend.providers(), DOS, window)
    qtbot.addWidget(dialog)
    dialog.ui.buttonBox.accepted.emit()  # nothing typed yet: the problems show, no record
    assert "First name: required" in dialog.ui.problemsLabel.text()
    qtbot.keyClicks(dialog.ui.firstNameEdit, "Grace")
    qtbot.keyClicks(dialog.ui.lastNameEdit, "Hopper")
    qtbot.keyClicks(dialog.ui.dobEdit, "12/09/1906")
    dialog.ui.sexCombo.setCurrentIndex(dialog.ui.sexCombo.findData("F"))
    qtbot.keyClicks(dialog.ui.accountEdit, "A-2001")
    qtbot.keyClicks(dialog.ui.memberIdEdit, "2AB3CD4EF56")
    assert dialog.problems() == []
    stored = window.backend.create_visit(dialog.record())
    assert stored.record.patient.last_name == "Hopper"
    window.refresh_visits()
    assert window.visit_model.rowCount() == 3


def test_patient_search_by_name_account_and_birth_date(qtbot, window):
    for query, expected in (("okaf", "Okafor, Ada"), ("A-1002", "Zeller, Ada"),
                            ("1951-03-14", "Okafor, Ada")):  # fmt: skip
        window.ui.patientSearchEdit.setText(query)
        window.search_patients()
        names = [window.patient_model.row_at(r).name
                 for r in range(window.patient_model.rowCount())]  # fmt: skip
        assert expected in names, (query, names)
    window.ui.patientSearchEdit.setText("nobody-by-that-name")
    window.search_patients()
    assert window.patient_model.rowCount() == 0
