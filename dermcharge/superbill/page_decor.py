"""What every page carries: the running header, the footer with "page x of y", the DRAFT mark.

Pages are numbered per superbill, so a day's batch reads "page 1 of 2" for each visit. The
canvas keeps every page until the document is saved, then knows each superbill's page count.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from typing import Any

from reportlab.lib.pagesizes import LETTER
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from dermcharge.domain.superbill_record import SuperbillRecord
from dermcharge.superbill.bidi_text import visual
from dermcharge.superbill.display_text import patient_name, us_date
from dermcharge.superbill.fonts import BOLD, REGULAR
from dermcharge.superbill.styles import ALERT, MUTED, RULE

PAGE_WIDTH, PAGE_HEIGHT = LETTER
MARGIN = 36.0  # half an inch
HEADER_BAND = 24.0  # the running header above the frame
FOOTER_BAND = 30.0  # the footer below the frame
MIN_FONT_SIZE = 5.5


def fit_text(text: str, font: str, size: float, width: float) -> tuple[str, float]:
    """Shrink to fit `width`, down to MIN_FONT_SIZE; past that, cut with an ellipsis."""
    natural = stringWidth(text, font, size)
    if natural <= width:
        return text, size
    # Width grows in proportion to size: one division finds the size that fits.
    fitted_size = max(MIN_FONT_SIZE, int(size * width / natural * 4) / 4)
    if stringWidth(text, font, fitted_size) <= width:
        return text, fitted_size
    low, high = 0, len(text)  # the longest prefix that fits with the ellipsis
    while low < high:
        middle = (low + high + 1) // 2
        if stringWidth(text[:middle] + "…", font, fitted_size) <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low] + "…", fitted_size


def _draw_fitted(
    canvas: Canvas,
    x: float,
    y: float,
    text: str,
    font: str,
    size: float,
    width: float,
    align_right: bool = False,
) -> None:
    fitted, fitted_size = fit_text(text, font, size, width)
    fitted = visual(fitted)
    canvas.setFont(font, fitted_size)
    if align_right:
        canvas.drawRightString(x, y, fitted)
    else:
        canvas.drawString(x, y, fitted)


def running_header_text(record: SuperbillRecord) -> str:
    who = patient_name(record.patient) if record.patient else "Placeholder patient"
    parts = ["Superbill", who, f"DOS {us_date(record.date_of_service)}"]
    if record.patient and record.patient.account_number:
        parts.append(f"Acct {record.patient.account_number}")
    return " · ".join(parts)


def code_set_text(record: SuperbillRecord) -> str:
    versions = " · ".join(f"{name} {version}" for name, version in record.code_sets)
    return f"Code sets: {versions}" if versions else "Code sets: not recorded"


def fee_text(record: SuperbillRecord) -> str:
    label = record.fee_schedule_label or "no fee schedule"
    suffix = " — EXAMPLE FEES, not the practice's charges" if record.example_fees else ""
    return f"Fees: {label}{suffix}"


def draw_page_decor(canvas: Canvas, record: SuperbillRecord) -> None:
    """Header band, footer lines and (unsigned) the DRAFT watermark; the page number comes later."""
    canvas.saveState()
    width = PAGE_WIDTH - 2 * MARGIN
    top = PAGE_HEIGHT - MARGIN
    canvas.setFillColor(MUTED)
    _draw_fitted(canvas, MARGIN, top - 9, record.practice.name, BOLD, 8, width * 0.42)
    _draw_fitted(
        canvas,
        PAGE_WIDTH - MARGIN,
        top - 9,
        running_header_text(record),
        REGULAR,
        8,
        width * 0.56,
        align_right=True,
    )
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN, top - 14, PAGE_WIDTH - MARGIN, top - 14)
    bottom = MARGIN - 8
    canvas.line(MARGIN, bottom + 22, PAGE_WIDTH - MARGIN, bottom + 22)
    _draw_fitted(canvas, MARGIN, bottom + 13, code_set_text(record), REGULAR, 6.5, width - 80)
    _draw_fitted(canvas, MARGIN, bottom + 4, fee_text(record), REGULAR, 6.5, width - 80)
    if not record.is_signed:
        _draw_watermark(canvas)
    canvas.restoreState()


def _draw_watermark(canvas: Canvas) -> None:
    canvas.saveState()
    canvas.setFillColor(ALERT)
    canvas.setFillAlpha(0.11)
    canvas.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
    canvas.rotate(40)
    canvas.setFont(BOLD, 150)
    canvas.drawCentredString(0, -50, "DRAFT")
    canvas.restoreState()


def _stamp_creation_date(canvas: Canvas, printed_at: datetime) -> None:
    """Give the PDF's CreationDate/ModDate the print time, in UTC (ReportLab reads its own
    clock otherwise, or a fixed date in invariant mode)."""
    utc = printed_at.astimezone(UTC) if printed_at.tzinfo else printed_at
    stamp = canvas._doc._timeStamp
    stamp.YMDhms = (utc.year, utc.month, utc.day, utc.hour, utc.minute, utc.second)
    stamp.dhh = stamp.dmm = 0


class SuperbillCanvas(Canvas):
    """Holds pages back until save so each one can print "Page x of y" for its own superbill."""

    def __init__(self, *args: Any, printed_at: datetime | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.record_index = -1  # set by the flowable that starts each superbill
        self._held_pages: list[dict[str, Any]] = []
        if printed_at is not None:
            _stamp_creation_date(self, printed_at)

    def showPage(self) -> None:  # ReportLab's name
        self._held_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        pages_per_record = Counter(page["record_index"] for page in self._held_pages)
        seen: Counter[int] = Counter()
        for page in self._held_pages:
            self.__dict__.update(page)
            seen[self.record_index] += 1
            self._draw_page_number(seen[self.record_index], pages_per_record[self.record_index])
            super().showPage()
        super().save()

    def _draw_page_number(self, number: int, count: int) -> None:
        self.saveState()
        self.setFillColor(MUTED)
        self.setFont(BOLD, 7.5)
        self.drawRightString(PAGE_WIDTH - MARGIN, MARGIN - 8 + 8, f"Page {number} of {count}")
        self.restoreState()
