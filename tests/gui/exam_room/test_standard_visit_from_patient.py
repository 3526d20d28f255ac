"""The standard visit counted from the opened patient, every action a person makes, by position
and into whatever has focus: find the patient, New visit, then the capture itself.

Established Medicare patient; psoriasis managed (99213, separately identifiable); 12 actinic
keratoses on the face frozen; one tangential biopsy of the left forearm, pathology pending.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from dermcharge.domain.visit import Kind, Payer, Visit
from dermcharge.gui.main_window import MainWindow
from tests.gui.exam_room.conftest import DOS, clinic_record
from tests.gui.exam_room.person import click, click_at, focus_name, map_point, press, type_text

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def main_window(qtbot, backend):
    earlier = Visit(date_of_service=DOS - timedelta(days=90), payer=Payer.MEDICARE)
    backend.create_visit(clinic_record(earlier))  # an established patient, seen before
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


def test_standard_visit_from_the_opened_patient(qtbot, main_window):
    log: list[str] = []
    press(Qt.Key.Key_F, CTRL)
    log.append("Ctrl+F")
    type_text("okaf")
    log.append("type 'okaf'")
    press(Qt.Key.Key_Down)
    log.append("Down")
    assert focus_name() == "patientsView"  # the patient is open (chosen in the list)
    from_patient = len(log)

    click(main_window, main_window.ui.newVisitButton)
    log.append("click New visit")
    qtbot.waitUntil(lambda: len(main_window.visit_windows) == 1, timeout=5000)
    window = main_window.visit_windows[0]
    qtbot.waitExposed(window)
    window.activateWindow()  # the new window comes to the front (offscreen Qt has no WM)
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    editor, panel = window.editor, window.editor.procedure_panel
    assert window.flow.visit.patient_status.value == "established"

    click_at(window, map_point(window, editor, "forearm--left"))
    log.append("click left forearm")
    click(window, panel.kind_buttons[Kind.BIOPSY_TANGENTIAL])
    log.append("click Tangential bx")
    click_at(window, map_point(window, editor, "forehead"))
    log.append("click forehead")
    click(window, panel.kind_buttons[Kind.DESTRUCTION_PREMALIGNANT])
    log.append("click AK destroy")
    assert focus_name() == "countSpin"
    type_text("12")
    log.append("type 12")
    click(window, editor.em_buttons["99213"])
    log.append("click 99213")
    assert focus_name() == "emDxEdit"
    type_text("psoriasis")
    press(Qt.Key.Key_Return)
    log.append("type 'psoriasis' ⏎")

    lines = [(r.line.cpt, r.line.modifiers, r.line.units, r.line.diagnoses)
             for r in editor.claim_model.rows()]  # fmt: skip
    assert lines[0][:1] == ("99213",) and "25" in lines[0][1] and lines[0][3] == ("L40.0",)
    assert {line[0] for line in lines} >= {"99213", "11102", "17000", "17003"}
    assert next(line for line in lines if line[0] == "17003")[2] == 11
    assert len(log) - from_patient == 8, log  # from the opened patient
    assert len(log) == 11, log  # from the day list, finding the patient included
