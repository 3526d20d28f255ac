"""The superbill's tables: diagnoses A–L, the procedure lines, and the totals.

Cells that can never wrap (codes, letters, units, amounts) are plain strings drawn in the
table's font; only text that may need a second line becomes a Paragraph, which costs several
times more to lay out.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from dermcharge.domain.superbill_record import SuperbillLine, SuperbillRecord
from dermcharge.superbill.display_text import money
from dermcharge.superbill.fonts import BOLD, REGULAR
from dermcharge.superbill.styles import ALERT, FLAG_HEX, MUTED, RULE, SHADE, cell_style
from dermcharge.superbill.text_columns import TextLine, text_block

CELL_SIZE = 8
CELL_LEADING = 9.8
HEAD_SIZE = 7
PADDING = 3

_GRID = [
    ("FONT", (0, 0), (-1, -1), REGULAR, CELL_SIZE, CELL_LEADING),
    ("FONT", (0, 0), (-1, 0), BOLD, HEAD_SIZE, CELL_LEADING),
    ("TEXTCOLOR", (0, 0), (-1, 0), MUTED),
    ("LINEBELOW", (0, 0), (-1, 0), 0.8, RULE),
    ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
    ("BACKGROUND", (0, 0), (-1, 0), SHADE),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
    ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
    ("TOPPADDING", (0, 0), (-1, -1), 2),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
]

# Procedure table column widths in points, the description taking what is left.
_LINE_COLUMNS = {"no": 22, "code": 50, "mods": 56, "ptr": 44, "units": 30, "fee": 56, "total": 62}
_DX_COLUMNS = (26, 58)


def _wrapping(text: str, column_width: float) -> str | Paragraph:
    """The text as a plain cell when it fits on one line, else a Paragraph that wraps."""
    if stringWidth(text, REGULAR, CELL_SIZE) <= column_width - 2 * PADDING:
        return text
    return Paragraph(escape(text), cell_style())


def diagnosis_table(record: SuperbillRecord, width: float) -> Table:
    description_width = width - sum(_DX_COLUMNS)
    rows: list[list[Flowable | str]] = [["PTR", "ICD-10-CM", "DIAGNOSIS"]]
    missing: list[int] = []
    for dx in record.diagnoses:
        if not dx.description:
            missing.append(len(rows))
        text = dx.description or "not in this ICD-10-CM release"
        rows.append([dx.letter, dx.code, _wrapping(text, description_width)])
    if not record.diagnoses:
        rows.append(["", "", "No diagnoses on this claim"])
    table = Table(rows, colWidths=[*_DX_COLUMNS, description_width], repeatRows=1)
    commands = [*_GRID, ("FONT", (0, 1), (1, -1), BOLD, CELL_SIZE, CELL_LEADING)]
    commands += [("TEXTCOLOR", (2, row), (2, row), ALERT) for row in missing]
    table.setStyle(TableStyle(commands))
    return table


def _flags(line: SuperbillLine) -> str:
    tags = [tag for tag, on in (("COSMETIC", line.cosmetic), ("SELF-PAY", line.self_pay)) if on]
    return " · ".join(tags)


def _description_cell(line: SuperbillLine, width: float) -> str | Paragraph:
    flags = _flags(line)
    if not flags:
        return _wrapping(line.description, width)
    return Paragraph(
        f'{escape(line.description)}<br/><font name="{BOLD}" size="6.5" '
        f'color="{FLAG_HEX}">{flags}</font>',
        cell_style(),
    )


LINE_HEADINGS = ["#", "CPT/HCPCS", "MODIFIERS", "DESCRIPTION", "DX PTR", "UNITS", "FEE", "TOTAL"]


def line_table_rows(record: SuperbillRecord, width: float) -> list[list[Flowable | str]]:
    """Header row plus one row per claim line."""
    description_width = line_column_widths(width)[3]
    rows: list[list[Flowable | str]] = [list(LINE_HEADINGS)]
    for number, line in enumerate(record.lines, start=1):
        rows.append(
            [
                str(number),
                line.code,
                _wrapping(" ".join(line.modifiers), _LINE_COLUMNS["mods"]),
                _description_cell(line, description_width),
                _wrapping(" ".join(line.pointers), _LINE_COLUMNS["ptr"]),
                str(line.units),
                money(line.fee),
                money(line.total),
            ]
        )
    if not record.lines:
        rows.append(["", "", "", "No billable lines", "", "", "", ""])
    return rows


def line_column_widths(width: float) -> list[float]:
    c = _LINE_COLUMNS
    description = width - sum(c.values())
    return [c["no"], c["code"], c["mods"], description, c["ptr"], c["units"], c["fee"], c["total"]]


def line_table(record: SuperbillRecord, width: float) -> Table:
    table = Table(line_table_rows(record, width), colWidths=line_column_widths(width), repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                *_GRID,
                ("FONT", (1, 1), (1, -1), BOLD, CELL_SIZE, CELL_LEADING),
                ("ALIGN", (5, 0), (-1, -1), "RIGHT"),
            ]
        )
    )
    return table


def totals(record: SuperbillRecord, width: float) -> Table:
    notes: list[TextLine] = []
    missing = record.lines_without_fee
    if missing:
        verb = (
            "line has no fee in the schedule (shown as —) and is"
            if missing == 1
            else "lines have no fee in the schedule (shown as —) and are"
        )
        notes.append(TextLine(f"{missing} {verb} not in the total.", size=7.5, color=ALERT))
    if record.example_fees:
        notes.append(
            TextLine(
                "Fees are EXAMPLE FEES from the demo schedule, not this practice's charges.",
                size=7,
                color=MUTED,
            )
        )
    if any(line.self_pay for line in record.lines):
        notes.append(
            TextLine("Lines marked SELF-PAY are the patient's to pay.", size=7, color=MUTED)
        )
    figures = Table(
        [
            ["Total charges", money(record.total_charges)],
            ["Amount collected", money(record.amount_collected)],
            ["Balance due", money(record.balance)],
        ],
        colWidths=[104, 82],
    )
    figures.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), REGULAR, CELL_SIZE, CELL_LEADING),
                ("FONT", (0, 2), (-1, 2), BOLD, CELL_SIZE, CELL_LEADING),
                ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                ("LINEABOVE", (0, 2), (-1, 2), 0.8, RULE),
                ("BACKGROUND", (0, 2), (-1, 2), SHADE),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ]
        )
    )
    notes_width = width - 186 - 8
    table = Table(
        [[text_block(notes, notes_width) if notes else "", figures]],
        colWidths=[width - 186, 186],
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table
