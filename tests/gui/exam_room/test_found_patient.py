"""Defect 14: from a patient found by search, a new visit is one action; the patient's visits
show their dates; Ctrl+F, type, Down, Enter, Enter opens the newest visit."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from dermcharge.domain.visit import Payer, Visit
from dermcharge.gui.main_window import MainWindow
from dermcharge.gui.visit_window import VisitWindow
from tests.gui.exam_room.conftest import DOS, clinic_record
from tests.gui.exam_room.person import click, focus_name, press, type_text

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def main_window(qtbot, backend):
    from datetime import timedelta

    backend.create_visit(clinic_record(Visit(date_of_service=DOS - timedelta(days=30),
                                             payer=Payer.MEDICARE)))  # fmt: skip
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


def test_ctrl_f_type_down_enter_enter_opens_the_patients_newest_visit(qtbot, main_window):
    assert main_window.visit_model.rowCount() == 0  # nothing on today's list
    press(Qt.Key.Key_F, CTRL)
    assert focus_name() == "patientSearchEdit"
    type_text("okaf")
    press(Qt.Key.Key_Down)
    assert focus_name() == "patientsView"
    press(Qt.Key.Key_Return)
    model = main_window.visit_model
    assert model.rowCount() == 1
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert "Date" in headers
    assert model.index(0, headers.index("Date")).data() == "2026-10-21"
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(main_window.visit_windows) == 1, timeout=5000)


def test_new_visit_for_the_patient_found(qtbot, main_window, backend):
    press(Qt.Key.Key_F, CTRL)
    type_text("okaf")
    press(Qt.Key.Key_Down)
    click(main_window, main_window.ui.newVisitButton)
    qtbot.waitUntil(lambda: len(main_window.visit_windows) == 1, timeout=5000)
    opened = main_window.visit_windows[0]
    assert isinstance(opened, VisitWindow)
    assert opened.stored.record.visit.date_of_service == DOS
    assert opened.stored.record.patient.last_name == "Okafor"
    assert "Choose a visit" not in main_window.statusBar().currentMessage()
