"""Superbills from the GUI: preview (pages rendered by pdftoppm), printing page by page, and the day's batch on a
worker thread with progress."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QLabel
from shiboken6 import isValid

from dermcharge.domain.record import Insurance, Patient, Provider, VisitRecord
from dermcharge.domain.visit import Diagnosis, EmService, Payer, Visit
from dermcharge.gui.app_backend import AppBackend
from dermcharge.gui.batch_print import start_batch
from dermcharge.gui.superbill_printing import SuperbillPreviewDialog, print_pdf
from dermcharge.services import visits
from dermcharge.services.database import open_app_database
from dermcharge.services.superbill_print import superbill_for_stored, superbill_pdf

DOS = date(2026, 11, 20)


@pytest.fixture
def backend(tmp_path, monkeypatch):
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
    yield AppBackend(db, "tester")
    db.dispose()


def test_preview_shows_the_superbill_pages(qtbot, backend):
    stored = backend.open_visit(backend.day_visits(DOS)[0].id)
    pdf = superbill_pdf(superbill_for_stored(stored))
    dialog = SuperbillPreviewDialog(pdf, "Patient0", None)
    qtbot.addWidget(dialog)
    assert dialog.page_count >= 1
    pages = dialog.view.widget().findChildren(QLabel)
    assert len(pages) == dialog.page_count
    assert not pages[0].pixmap().isNull()
    assert pages[0].pixmap().width() > 500  # a Letter page at the preview's 110 dpi


def test_preview_of_a_broken_pdf_says_so(qtbot):
    dialog = SuperbillPreviewDialog(b"%PDF-1.4 not really", "Broken", None)
    qtbot.addWidget(dialog)
    assert dialog.page_count == 0
    texts = [label.text() for label in dialog.view.widget().findChildren(QLabel)]
    assert any("cannot be shown" in text for text in texts)


def test_print_pdf_paints_every_page(qtbot, backend, tmp_path):
    stored = backend.open_visit(backend.day_visits(DOS)[0].id)
    pdf = superbill_pdf(superbill_for_stored(stored))
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    seen = []
    pages = print_pdf(pdf, printer, lambda done, total: seen.append((done, total)))
    assert pages >= 1
    assert seen[-1] == (pages, pages)
    assert out.read_bytes().startswith(b"%PDF")


class Relay(QObject):
    """Lives in the main thread, so the worker's signals reach the test queued, as in the window."""

    progressed = Signal(int, int)
    finished = Signal(bytes)


def test_day_batch_runs_on_a_worker_thread_with_progress(qtbot, backend):
    ids = [summary.id for summary in backend.day_visits(DOS)]
    progress = []
    relay = Relay()
    relay.progressed.connect(lambda done, total: progress.append((done, total)))
    with qtbot.waitSignal(relay.finished, timeout=60000) as blocker:
        thread, worker = start_batch(backend, ids, relay)
        worker.progressed.connect(relay.progressed)
        worker.finished.connect(relay.finished)
    qtbot.waitUntil(lambda: not isValid(thread), timeout=10000)  # finished, then deleted
    pdf = blocker.args[0]
    assert pdf.startswith(b"%PDF")
    assert progress and progress[-1][0] == progress[-1][1]
