"""Superbills on screen and on paper: a preview dialog and Qt's print dialog.

The PDF comes from the superbill service (ReportLab is imported there, only when printing); its
pages are rendered to images (pdf_pages: poppler's pdftoppm), shown in a scrolling preview and
painted onto the printer page by page.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QKeySequence,
    QPageSize,
    QPainter,
    QPixmap,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from dermcharge.gui.pdf_pages import PdfRenderError, render_pages

PREVIEW_DPI = 110
PRINT_DPI = 300


class SuperbillPreviewDialog(QDialog):
    """The superbill as it will print, with Print… beside Close."""

    print_requested = Signal()

    def __init__(self, pdf: bytes, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Superbill preview — {title}")
        self.resize(820, 900)
        self.pdf = pdf
        self.view = QScrollArea(self)
        self.view.setWidgetResizable(True)
        pages = QWidget(self.view)
        column = QVBoxLayout(pages)
        column.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        try:
            rendered = render_pages(pdf, PREVIEW_DPI)
            self.page_count = rendered.count
            for number, image in enumerate(rendered.images, start=1):
                page = QLabel(pages)
                page.setPixmap(QPixmap.fromImage(image))
                page.setAccessibleName(f"Page {number} of {rendered.count}")
                column.addWidget(page)
        except PdfRenderError as error:
            self.page_count = 0
            column.addWidget(QLabel(f"The preview cannot be shown: {error}", pages))
        self.view.setWidget(pages)
        self.page_labels = pages.findChildren(QLabel)
        self._originals = [label.pixmap() for label in self.page_labels if label.pixmap()]
        self.zoom = 0.0  # 0: fit the page width to the window (nothing cut off)
        for keys, step in (("Ctrl++", 1.25), ("Ctrl+=", 1.25), ("Ctrl+-", 0.8), ("Ctrl+0", 0.0)):
            action = QAction(self)
            action.setShortcut(QKeySequence(keys))
            action.triggered.connect(lambda _c=False, f=step: self.zoom_by(f))
            self.addAction(action)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        for text, tip, step in (("−", "Zoom out (Ctrl+-)", 0.8), ("Fit", "Fit the width (Ctrl+0)", 0.0),
                                ("+", "Zoom in (Ctrl++)", 1.25)):  # fmt: skip
            zoom_button = buttons.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
            zoom_button.setToolTip(tip)
            zoom_button.clicked.connect(lambda _c=False, f=step: self.zoom_by(f))
        print_button = buttons.addButton("&Print…", QDialogButtonBox.ButtonRole.ActionRole)
        print_button.setToolTip("Print this superbill (Ctrl+P)")
        print_button.setShortcut("Ctrl+P")
        print_button.clicked.connect(self.print_requested)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(buttons)

    def _fit_width(self) -> int:
        return max(200, self.view.viewport().width() - 24)

    def zoom_by(self, factor: float) -> None:
        """Scale the pages (factor 0: back to fitting the width)."""
        if not self._originals:
            return
        natural = self._originals[0].width()
        fit = self._fit_width() / natural
        self.zoom = 0.0 if factor == 0 else min(4.0, max(0.25, (self.zoom or fit) * factor))
        self._show_pages()

    def _show_pages(self) -> None:
        if not self._originals:
            return
        scale = self.zoom or self._fit_width() / self._originals[0].width()
        for label, original in zip(self.page_labels, self._originals, strict=False):
            label.setPixmap(original.scaledToWidth(
                round(original.width() * scale),
                Qt.TransformationMode.SmoothTransformation))  # fmt: skip

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self.zoom:
            self._show_pages()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._show_pages()


def print_pdf(
    pdf: bytes, printer: QPrinter, progress: Callable[[int, int], None] | None = None
) -> int:
    """Paint every page onto the printer, scaled to its printable area; returns the pages
    printed (0 when the printer or the renderer refused)."""
    try:
        rendered = render_pages(pdf, min(PRINT_DPI, max(72, printer.resolution())))
    except PdfRenderError:
        return 0
    pages = rendered.count
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        for page, image in enumerate(rendered.images):
            if page:
                printer.newPage()
            target = printer.pageLayout().paintRectPixels(printer.resolution())
            scale = min(target.width() / image.width(), target.height() / image.height())
            size = QSize(round(image.width() * scale), round(image.height() * scale))
            painter.drawImage(QRectF(0, 0, size.width(), size.height()), image)
            if progress:
                progress(page + 1, pages)
    finally:
        painter.end()
    return pages


def deliver(pdf: bytes, printer: QPrinter) -> bool:
    """Send the superbill where the print dialog said: "Print to File" saves the very PDF the
    CLI makes (Letter, with its text), never a picture of it; a printer gets the pages."""
    if printer.outputFormat() is QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        try:
            with open(printer.outputFileName(), "wb") as out:
                out.write(pdf)
        except OSError:
            return False
        return True
    return print_pdf(pdf, printer) > 0


def ask_and_print(pdf: bytes, parent: QWidget, title: str) -> bool:
    """Qt's print dialog (on the superbill's own Letter paper), then the pages; False when the
    user cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))  # as the superbill is laid out
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(f"Print — {title}")
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    return deliver(pdf, printer)
