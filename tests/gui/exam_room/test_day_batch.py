"""Defect 1: Print the day's superbills… must finish, report and give the button back."""

from __future__ import annotations

from datetime import date

import pytest

from dermcharge.domain.record import Insurance, Patient, Provider, VisitRecord
from dermcharge.domain.visit import Diagnosis, EmService, Payer, Visit
from dermcharge.gui import superbill_printing
from dermcharge.gui.app_backend import AppBackend
from dermcharge.gui.main_window import MainWindow
from dermcharge.services import visits
from dermcharge.services.database import open_app_database
from tests.gui.exam_room.person import click

DOS = date(2026, 11, 20)


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("DERMCHARGE_DATA_DIR", str(tmp_path / "data"))
    db = open_app_database(f"sqlite:///{tmp_path / 'clinic.sqlite'}")
    provider = Provider(name="Jane Doe", npi="1234567893", credentials="MD")
    for number in range(3):
        em = EmService("99213", diagnoses=(Diagnosis(finding="psoriasis"),))
        visit = Visit(date_of_service=DOS, payer=Payer.MEDICARE, em=em)
        patient = Patient("Ada", f"Patient{number}", date(1951, 3, 14), "F", f"A-{number}")
        record = VisitRecord(visit, patient, (Insurance("Medicare Part B", "1EG4TE5MK73"),),
                             provider)  # fmt: skip
        visits.create_visit(db, record, actor="test")
    win = MainWindow(AppBackend(db, "tester"), DOS, "tester")
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    yield win
    db.dispose()


def test_the_days_batch_finishes_and_gives_the_button_back(qtbot, window, monkeypatch):
    printed: list[bytes] = []
    monkeypatch.setattr(
        superbill_printing, "ask_and_print", lambda pdf, parent, title: printed.append(pdf) or True
    )
    button = window.ui.printDayButton
    assert button.isEnabled()
    click(window, button)
    qtbot.waitUntil(lambda: bool(printed), timeout=60000)  # today: stuck at 0 % for good
    assert printed[0].startswith(b"%PDF")
    qtbot.waitUntil(button.isEnabled, timeout=5000)
    assert not window.ui.batchProgress.isVisible()
    assert "printer" in window.statusBar().currentMessage()
    # A second batch runs too (the first one's thread is gone, not stuck).
    click(window, button)
    qtbot.waitUntil(lambda: len(printed) == 2, timeout=60000)
