"""A report as a PDF: its chart (ReportLab graphics) above its table, on US Letter landscape."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from io import BytesIO

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import landscape, letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate, Spacer, TableStyle

from dermcharge.reports.report_tables import Cell, ChartSpec, ReportTable
from dermcharge.superbill.fonts import BOLD, register_fonts

CHART_BARS = 12  # the largest values; a chart of every provider-day would be unreadable
BAR_COLOUR = colors.HexColor("#2F6DB5")


def cell_text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return f"{value:,.2f}"
    return str(value)


def _number(value: Cell) -> float:
    try:
        return float(value or 0)
    except (TypeError, ValueError):
        return 0.0


def chart_drawing(table: ReportTable, spec: ChartSpec, width: float) -> Drawing:
    """Bars of `spec.value_column` per `spec.label_column` (summed per label), largest first."""
    sums: dict[str, float] = {}
    for i, row in enumerate(table.rows):
        if spec.only_rows is not None and i not in spec.only_rows:
            continue
        label = cell_text(row[spec.label_column]) or "—"
        sums[label] = sums.get(label, 0.0) + _number(row[spec.value_column])
    items = sorted(sums.items(), key=lambda item: -item[1])[:CHART_BARS]
    drawing = Drawing(width, 2.4 * inch)
    drawing.add(String(0, 2.25 * inch, spec.title, fontName=BOLD, fontSize=10))
    if not items:
        drawing.add(String(0, 1.2 * inch, "Nothing to chart in this range.", fontSize=9))
        return drawing
    chart = VerticalBarChart()
    chart.x, chart.y = 40, 30
    chart.width, chart.height = width - 60, 1.7 * inch
    chart.data = [[value for _label, value in items]]
    chart.categoryAxis.categoryNames = [label[:16] for label, _value in items]
    chart.categoryAxis.labels.fontName = register_fonts()
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.angle = 20 if len(items) > 5 else 0
    chart.valueAxis.labels.fontName = register_fonts()
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.bars[0].fillColor = BAR_COLOUR
    drawing.add(chart)
    return drawing


def report_pdf(table: ReportTable, *, printed_at: datetime) -> bytes:
    font = register_fonts()
    out = BytesIO()
    page = landscape(letter)
    document = SimpleDocTemplate(
        out,
        pagesize=page,
        leftMargin=0.5 * inch,
        rightMargin=0.5 * inch,
        topMargin=0.5 * inch,
        bottomMargin=0.5 * inch,
        title=table.title,
        author="dermcharge",
    )
    width = page[0] - inch
    title = ParagraphStyle("title", fontName=BOLD, fontSize=14, leading=17)
    small = ParagraphStyle("small", fontName=font, fontSize=8, leading=10)
    story: list[object] = [
        Paragraph(table.title, title),
        Paragraph(f"Printed {printed_at.strftime('%Y-%m-%d %H:%M')} UTC by dermcharge", small),
        Spacer(1, 0.15 * inch),
    ]
    if table.chart is not None:
        story += [chart_drawing(table, table.chart, width), Spacer(1, 0.15 * inch)]
    data = [list(table.columns)] + [[cell_text(cell) for cell in row] for row in table.rows]
    if not table.rows:
        data.append(["No visits in this range."] + [""] * (len(table.columns) - 1))
    grid = LongTable([[Paragraph(text, small) for text in row] for row in data], repeatRows=1)
    grid.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, 0), BOLD),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E8EEF6")),
                ("GRID", (0, 0), (-1, -1), 0.25, colors.HexColor("#B0B8C4")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    story.append(grid)
    for note in table.notes:
        story.append(Paragraph(note, small))
    document.build(story)  # type: ignore[arg-type]
    return out.getvalue()
