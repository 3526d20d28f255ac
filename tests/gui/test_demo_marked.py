"""The demo practice and a real one kept apart: the demo says so in the window title and on
every superbill ("DEMO — not a claim"); a practice set up by hand shows neither."""

from __future__ import annotations

import io
from datetime import date

import pypdf
import pytest

from dermcharge.domain.record import Address, Insurance, Patient, Practice, Provider, VisitRecord
from dermcharge.domain.visit import Payer, Visit
from dermcharge.gui.app_backend import AppBackend
from dermcharge.gui.main_window import MainWindow
from dermcharge.security.accounts import local_admin
from dermcharge.services import practice_setup, visits
from dermcharge.services.database import open_app_database
from dermcharge.services.demo import fill_demo_database
from dermcharge.services.superbill_print import day_superbills_pdf, stored_visit_pdf

DOS = date(2026, 11, 20)
MARK = "DEMO — not a claim"


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture
def demo_db(tmp_path, monkeypatch):
    monkeypatch.setenv("DERMCHARGE_DATA_DIR", str(tmp_path / "data"))
    db = open_app_database(f"sqlite:///{tmp_path / 'demo.sqlite'}")
    fill_demo_database(db, today=DOS, patients=4, days=1)
    yield db
    db.dispose()


@pytest.fixture
def real_db(tmp_path, monkeypatch):
    monkeypatch.setenv("DERMCHARGE_DATA_DIR", str(tmp_path / "data"))
    db = open_app_database(f"sqlite:///{tmp_path / 'real.sqlite'}")
    admin = local_admin("manager")
    practice_setup.set_practice(
        db, {"name": "Prairie Dermatology", "npi": "1245319599", "tax_id": "371234567"}, by=admin
    )
    provider = Provider(name="Jane Doe", npi="1234567893", credentials="MD")
    practice_setup.add_provider(db, provider, by=admin)
    record = VisitRecord(
        visit=Visit(date_of_service=DOS, payer=Payer.MEDICARE),
        patient=Patient("Ada", "Okafor", date(1951, 3, 14), "F", "A-1001"),
        insurance=(Insurance("Medicare Part B", "1EG4TE5MK73"),),
        provider=provider,
        practice=Practice("Prairie Dermatology", "1245319599", "371234567", address=Address()),
    )
    visits.create_visit(db, record, actor="test")
    yield db
    db.dispose()


def _window(qtbot, db) -> MainWindow:
    window = MainWindow(AppBackend(db, "tester"), DOS, "tester")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_demo_says_so_in_the_title_and_on_every_superbill(qtbot, demo_db) -> None:
    assert MARK in _window(qtbot, demo_db).windowTitle()
    day = _text(day_superbills_pdf(demo_db, DOS) or b"")
    pages = day.count("SUPERBILL")
    assert pages >= 1 and day.count(MARK) == pages
    first = visits.list_visits(demo_db, DOS)[0].id
    assert MARK in _text(stored_visit_pdf(demo_db, first))


def test_a_practice_set_up_by_hand_is_not_marked(qtbot, real_db) -> None:
    assert MARK not in _window(qtbot, real_db).windowTitle()
    text = _text(day_superbills_pdf(real_db, DOS) or b"")
    assert "Prairie Dermatology" in text and MARK not in text
