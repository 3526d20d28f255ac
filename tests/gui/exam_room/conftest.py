"""A small clinic database (SQLite, built through the services) and a visit window on it."""

from __future__ import annotations

from datetime import date

import pytest

from dermcharge.domain.record import Insurance, Patient, Provider, VisitRecord
from dermcharge.domain.visit import EmService, Payer, Visit
from dermcharge.gui.app_backend import AppBackend
from dermcharge.gui.visit_window import VisitWindow
from dermcharge.services import visits
from dermcharge.services.database import open_app_database

DOS = date(2026, 11, 20)
PROVIDER = Provider(name="Jane Doe", npi="1234567893", credentials="MD")


def clinic_record(visit: Visit, account: str = "A-1001", last: str = "Okafor") -> VisitRecord:
    patient = Patient("Ada", last, date(1951, 3, 14), "F", account)
    return VisitRecord(visit, patient, (Insurance("Medicare Part B", "1EG4TE5MK73"),), PROVIDER)


@pytest.fixture
def backend(tmp_path, monkeypatch):
    monkeypatch.setenv("DERMCHARGE_DATA_DIR", str(tmp_path / "data"))
    db = open_app_database(f"sqlite:///{tmp_path / 'clinic.sqlite'}")
    yield AppBackend(db, "dr.doe")
    db.dispose()


@pytest.fixture
def open_window(qtbot, backend):
    """open_window(visit) -> a shown VisitWindow on that visit, stored as a draft."""

    def make(visit: Visit | None = None, *, saving: bool = True) -> VisitWindow:
        """saving=False: the window keeps its edits on screen only (no autosave)."""
        visit = visit or Visit(date_of_service=DOS, payer=Payer.MEDICARE)
        stored = backend.create_visit(clinic_record(visit))
        window = VisitWindow(stored, backend if saving else None)
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()  # a person works in the window in front
        qtbot.waitUntil(window.isActiveWindow, timeout=2000)
        return window

    return make


def em_without_diagnosis() -> Visit:
    """99213 pointing to no diagnosis: an `error` finding (the claim would be denied)."""
    return Visit(date_of_service=DOS, payer=Payer.MEDICARE, em=EmService("99213"))


__all__ = ["DOS", "clinic_record", "em_without_diagnosis", "visits"]
