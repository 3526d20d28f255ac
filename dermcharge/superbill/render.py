"""Lay out superbills on US Letter pages: one visit, or a day's visits as one PDF."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from functools import partial
from io import BytesIO

from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageBreakIfNotEmpty,
    PageTemplate,
    Spacer,
)

from dermcharge.domain.superbill_record import SuperbillRecord
from dermcharge.superbill.blocks import closing, header, parties, visit_facts, warning_box
from dermcharge.superbill.charge_tables import diagnosis_table, line_table, totals
from dermcharge.superbill.display_text import patient_name, us_date
from dermcharge.superbill.fonts import BOLD, register_fonts
from dermcharge.superbill.page_decor import (
    FOOTER_BAND,
    HEADER_BAND,
    MARGIN,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    SuperbillCanvas,
    draw_page_decor,
)
from dermcharge.superbill.text_columns import TextLine, text_block

ProgressCallback = Callable[[int, int], None]  # (superbills laid out so far, total)

FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN


class _SuperbillStart(Flowable):
    """Takes no room; tells the canvas which superbill the following pages belong to."""

    def __init__(
        self, index: int, record: SuperbillRecord, total: int, progress: ProgressCallback | None
    ) -> None:
        super().__init__()
        self.index = index
        self.record = record
        self.total = total
        self.progress = progress

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        canvas = self.canv
        canvas.record_index = self.index
        canvas.current_record = self.record
        if self.progress is not None:
            self.progress(self.index, self.total)


def _on_page_end(canvas: SuperbillCanvas, _doc: BaseDocTemplate) -> None:
    record = getattr(canvas, "current_record", None)
    if record is not None:
        draw_page_decor(canvas, record)


def superbill_flowables(record: SuperbillRecord) -> list[Flowable]:
    """One superbill's content, top to bottom."""
    width = FRAME_WIDTH
    story: list[Flowable] = [header(record, width), parties(record, width), Spacer(0, 4)]
    story.append(visit_facts(record, width))
    alert = warning_box(record, width)
    if alert is not None:
        story += [Spacer(0, 6), alert]
    story += [
        _section("Diagnoses"),
        diagnosis_table(record, width),
        _section("Services"),
        line_table(record, width),
        KeepTogether([totals(record, width), Spacer(0, 8), closing(record, width)]),
    ]
    return story


def _section(title: str) -> Flowable:
    return text_block([TextLine(title, BOLD, 9, space_before=6)], FRAME_WIDTH, bottom_padding=2)


def _document(buffer: BytesIO, title: str, author: str) -> BaseDocTemplate:
    frame = Frame(
        MARGIN,
        MARGIN + FOOTER_BAND - 8,
        FRAME_WIDTH,
        PAGE_HEIGHT - 2 * MARGIN - HEADER_BAND - FOOTER_BAND + 8,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="content",
    )
    doc = BaseDocTemplate(
        buffer,
        pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
        title=title,
        author=author,
        subject="Superbill",
        creator="dermcharge",
        invariant=True,  # the same record always gives the same bytes
    )
    doc.addPageTemplates([PageTemplate(id="superbill", frames=[frame], onPageEnd=_on_page_end)])
    return doc


def render_batch(
    records: Sequence[SuperbillRecord],
    progress: ProgressCallback | None = None,
    *,
    printed_at: datetime | None = None,
) -> bytes:
    """Superbills one after another in one PDF, each starting on a new page and numbered
    "page x of y" on its own. `progress(done, total)` is called as each one is laid out and
    once more, (total, total), when the PDF is complete. `printed_at` becomes the PDF's creation
    date; without it the file carries ReportLab's fixed date, so the same records always give
    the same bytes."""
    if not records:
        raise ValueError("a batch needs at least one superbill")
    register_fonts()
    buffer = BytesIO()
    first = records[0]
    if len(records) == 1:
        who = patient_name(first.patient) if first.patient else "placeholder patient"
        title = f"Superbill — {who} — {us_date(first.date_of_service)}"
    else:
        title = f"Superbills — {len(records)} visits"
    doc = _document(buffer, title, first.practice.name)
    story: list[Flowable] = []
    for index, record in enumerate(records):
        if index:
            story.append(PageBreakIfNotEmpty())
        story.append(_SuperbillStart(index, record, len(records), progress))
        story += superbill_flowables(record)
    doc.build(story, canvasmaker=partial(SuperbillCanvas, printed_at=printed_at))
    if progress is not None:
        progress(len(records), len(records))
    return buffer.getvalue()


def render_superbill(record: SuperbillRecord, *, printed_at: datetime | None = None) -> bytes:
    """One visit's superbill as PDF bytes."""
    return render_batch([record], printed_at=printed_at)
