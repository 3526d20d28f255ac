"""CMS-1500 (02/12) claim forms as PDF: data only, for the pre-printed red form, or the form
drawn with the data (for payers that take a printed image). Six service lines a form; a claim
with more continues on more forms (claims_out.cms1500_fields pages them)."""

from __future__ import annotations

from collections.abc import Sequence
from io import BytesIO

from reportlab.lib.colors import Color, black
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from dermcharge.claims_out.claim_record import ClaimOut
from dermcharge.claims_out.cms1500_fields import form_pages
from dermcharge.superbill.cms1500_layout import (
    CAPTIONS,
    COLUMN_PT,
    LEFT_PT,
    LINE_CAPTION,
    LINE_PT,
    position,
    service_line,
)

FORM_RED = Color(0.82, 0.16, 0.16)
MODES = ("full", "red")


def _point(line: int, column: int, offset: tuple[float, float]) -> tuple[float, float]:
    _width, height = LETTER
    return LEFT_PT + (column - 1) * COLUMN_PT + offset[0], height - line * LINE_PT - offset[1]


def render_cms1500(
    claims: Sequence[ClaimOut],
    *,
    mode: str = "full",
    offset_mm: tuple[float, float] = (0.0, 0.0),
) -> bytes:
    """The forms of every claim, in order. `offset_mm` moves the data right and down (printer
    alignment on pre-printed forms); the drawn form moves with it in full mode."""
    if mode not in MODES:
        raise ValueError(f"CMS-1500 mode {mode!r} must be one of {MODES}")
    offset = (offset_mm[0] * mm, offset_mm[1] * mm)
    buffer = BytesIO()
    canvas = Canvas(buffer, pagesize=LETTER, pageCompression=1)
    canvas.setTitle("CMS-1500 claims")
    canvas.setAuthor("dermcharge")
    for claim in claims:
        for boxes in form_pages(claim):
            if mode == "full":
                _draw_form(canvas, offset)
            canvas.setFillColor(black)
            canvas.setFont("Courier", 11)
            for box, text in boxes.items():
                if text:
                    x, y = _point(*position(box), offset)
                    canvas.drawString(x, y, text.upper())
            canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _draw_form(canvas: Canvas, offset: tuple[float, float]) -> None:
    """The 1500's frame in red: title, box captions above their data lines, the line grid."""
    width, _height = LETTER
    left, right = LEFT_PT - 4 + offset[0], width - LEFT_PT + 4 + offset[0]
    canvas.setStrokeColor(FORM_RED)
    canvas.setFillColor(FORM_RED)
    canvas.setFont("Helvetica-Bold", 11)
    x, y = _point(6, 1, offset)
    canvas.drawString(x, y + 2, "HEALTH INSURANCE CLAIM FORM")
    canvas.setFont("Helvetica", 6)
    canvas.drawString(x, y - 6, "APPROVED BY NATIONAL UNIFORM CLAIM COMMITTEE (NUCC) 02/12")
    canvas.setLineWidth(0.6)
    for line in (7, *range(9, 28, 2), 28, 30, 31, 35, 37, 41, 42, 55, 56, 57, 62):
        _x, y = _point(line, 1, offset)
        canvas.line(left, y - 3, right, y - 3)
    for number in range(1, 7):  # the shaded half of each service line
        _x, y = _point(service_line(number) - 1, 1, offset)
        canvas.setFillColor(Color(1, 0.93, 0.93))
        canvas.rect(left, y - 3, right - left, LINE_PT, stroke=0, fill=1)
        _x, y = _point(service_line(number), 1, offset)
        canvas.line(left, y - 3, right, y - 3)
    canvas.setFillColor(FORM_RED)
    canvas.setFont("Helvetica", 5.5)
    for box, caption in CAPTIONS:
        x, y = _point(*position(box), offset)
        canvas.drawString(x, y + 8, caption)
    x, y = _point(service_line(1) - 1, 1, offset)
    canvas.drawString(x, y + 8, LINE_CAPTION)
    _x, bottom = _point(62, 1, offset)
    _x, top = _point(7, 1, offset)
    canvas.rect(left, bottom - 3, right - left, top - bottom, stroke=1, fill=0)
    for column in (31, 50):  # the form's two main columns
        x, _y = _point(1, column, offset)
        canvas.line(x - 3, bottom - 3, x - 3, top - 3)
