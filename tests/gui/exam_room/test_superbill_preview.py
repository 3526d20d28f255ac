"""Defect 16: the preview fits the page to the window (title and Fee/Total not cut off) and
zooms; Print to File saves the same Letter PDF with text that the CLI makes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QDialog

from dermcharge.domain.visit import Diagnosis, EmService, Payer, Visit
from dermcharge.gui.superbill_printing import SuperbillPreviewDialog, deliver
from tests.gui.exam_room.conftest import DOS
from tests.gui.exam_room.person import click, press


def _visit() -> Visit:
    return Visit(date_of_service=DOS, payer=Payer.MEDICARE,
                 em=EmService("99213", diagnoses=(Diagnosis(finding="psoriasis"),)))  # fmt: skip


def test_preview_fits_the_width_and_zooms_by_keys(qtbot, open_window):
    window = open_window(_visit())
    click(window, window.editor.ui.previewButton)
    qtbot.waitUntil(
        lambda: any(isinstance(w, SuperbillPreviewDialog) and w.isVisible()
                    for w in QApplication.topLevelWidgets()), timeout=10000)  # fmt: skip
    dialog = next(w for w in QApplication.topLevelWidgets()
                  if isinstance(w, SuperbillPreviewDialog))  # fmt: skip
    assert dialog.width() <= 820
    page = dialog.page_labels[0]
    qtbot.waitUntil(lambda: page.pixmap().width() <= dialog.view.viewport().width(), timeout=3000)
    assert dialog.view.horizontalScrollBar().maximum() == 0  # nothing to the right, cut off
    fitted = page.pixmap().width()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    press(Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert page.pixmap().width() > fitted
    press(Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert page.pixmap().width() == fitted
    dialog.done(QDialog.DialogCode.Rejected)


def test_print_to_file_saves_the_clis_pdf(tmp_path, open_window):
    from dermcharge.services.superbill_print import superbill_for_stored, superbill_pdf

    window = open_window(_visit())
    pdf = superbill_pdf(superbill_for_stored(window.stored))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # what "Print to File" sets
    out = tmp_path / "superbill.pdf"
    printer.setOutputFileName(str(out))
    assert deliver(pdf, printer)
    assert out.read_bytes() == pdf  # text, Letter: the CLI's file, not an A4 picture of it
