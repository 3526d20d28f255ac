"""Superbills on screen and on paper: a preview dialog (QtPdf) and Qt's print dialog.

The PDF comes from the superbill service (ReportLab is imported there, only when printing); here
its pages are shown with QPdfView and painted onto the printer page by page.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QRectF, QSize, Signal
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget


def load_pdf(data: bytes, parent: QObject) -> QPdfDocument:
    document = QPdfDocument(parent)
    buffer = QBuffer(parent)
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    return document


class SuperbillPreviewDialog(QDialog):
    """The superbill as it will print, with Print… beside Close."""

    print_requested = Signal()

    def __init__(self, pdf: bytes, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Superbill preview — {title}")
        self.resize(820, 900)
        self.pdf = pdf
        self.document = load_pdf(pdf, self)
        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        print_button = buttons.addButton("&Print…", QDialogButtonBox.ButtonRole.ActionRole)
        print_button.setToolTip("Print this superbill (Ctrl+P)")
        print_button.setShortcut("Ctrl+P")
        print_button.clicked.connect(self.print_requested)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(buttons)


def print_pdf(
    pdf: bytes, printer: QPrinter, progress: Callable[[int, int], None] | None = None
) -> int:
    """Paint every page onto the printer at its resolution; returns the pages printed."""
    holder = QObject()
    document = load_pdf(pdf, holder)
    pages = document.pageCount()
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        for page in range(pages):
            if page:
                printer.newPage()
            target = printer.pageLayout().paintRectPixels(printer.resolution())
            points = document.pagePointSize(page)
            scale = min(target.width() / points.width(), target.height() / points.height())
            size = QSize(round(points.width() * scale), round(points.height() * scale))
            image = document.render(page, size)
            painter.drawImage(QRectF(0, 0, size.width(), size.height()), image)
            if progress:
                progress(page + 1, pages)
    finally:
        painter.end()
        holder.deleteLater()
    return pages


def ask_and_print(pdf: bytes, parent: QWidget, title: str) -> bool:
    """Qt's print dialog, then the pages; False when the user cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(f"Print — {title}")
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    return print_pdf(pdf, printer) > 0
