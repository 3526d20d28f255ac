"""A patient estimate, or for a self-pay patient the Good Faith Estimate, as a one-page PDF."""

from __future__ import annotations

from datetime import datetime
from io import BytesIO

from reportlab.lib import colors
from reportlab.lib.pagesizes import letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from dermcharge.reports.estimates import Estimate
from dermcharge.superbill.fonts import BOLD, register_fonts


def _money(value: object) -> str:
    return "no price set" if value is None else f"${value:,.2f}"


def estimate_pdf(estimate: Estimate, *, printed_at: datetime) -> bytes:
    font = register_fonts()
    out = BytesIO()
    document = SimpleDocTemplate(
        out,
        pagesize=letter,
        leftMargin=0.7 * inch,
        rightMargin=0.7 * inch,
        topMargin=0.6 * inch,
        bottomMargin=0.6 * inch,
        title="Good Faith Estimate" if estimate.good_faith else "Patient estimate",
        author="dermcharge",
    )
    title = ParagraphStyle("title", fontName=BOLD, fontSize=16, leading=20)
    head = ParagraphStyle("head", fontName=BOLD, fontSize=10, leading=13, spaceBefore=8)
    body = ParagraphStyle("body", fontName=font, fontSize=9, leading=12)
    story: list[object] = [
        Paragraph("Good Faith Estimate" if estimate.good_faith else "Patient estimate", title),
        Paragraph(
            f"Issued {estimate.issued_on.isoformat()} · printed "
            f"{printed_at.strftime('%Y-%m-%d %H:%M')} UTC · prices: {estimate.schedule_label}",
            body,
        ),
        Paragraph("Patient", head),
        Paragraph(
            f"{estimate.patient_name} · date of birth "
            f"{estimate.patient_dob.isoformat() if estimate.patient_dob else 'not given'}",
            body,
        ),
        Paragraph("Service", head),
        Paragraph(
            f"{estimate.service or 'as listed below'} · expected on "
            f"{estimate.expected_date.isoformat() if estimate.expected_date else 'a date to be set'}",
            body,
        ),
        Paragraph("Provider and practice", head),
    ]
    for label, party in (("Provider", estimate.provider), ("Practice", estimate.practice)):
        story.append(
            Paragraph(
                f"<b>{label}:</b> {party.name} · NPI {party.npi or '—'} · "
                f"TIN {party.tax_id or '—'} · {party.address or ''}",
                body,
            )
        )
    story.append(Paragraph("Expected items and services", head))
    rows = [["Code", "Service", "Diagnoses", "Units", "Unit price", "Expected charge"]]
    rows += [
        [
            item.code,
            Paragraph(item.description, body),
            " ".join(item.diagnoses),
            str(item.units),
            _money(item.unit_price),
            _money(item.total),
        ]
        for item in estimate.items
    ]
    rows.append(
        ["", Paragraph("<b>Total expected charges</b>", body), "", "", "", _money(estimate.total)]
    )
    grid = Table(
        rows, colWidths=[0.6 * inch, 2.7 * inch, 0.9 * inch, 0.5 * inch, 0.9 * inch, 1.3 * inch]
    )
    grid.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), font),
                ("FONTNAME", (0, 0), (-1, 0), BOLD),
                ("FONTSIZE", (0, 0), (-1, -1), 9),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E8EEF6")),
                ("GRID", (0, 0), (-1, -1), 0.25, colors.HexColor("#B0B8C4")),
                ("ALIGN", (3, 1), (-1, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    story += [grid, Spacer(1, 0.1 * inch)]
    if estimate.diagnoses:
        story.append(Paragraph(f"Diagnosis codes: {', '.join(estimate.diagnoses)}", body))
    if estimate.separately_scheduled:
        story.append(Paragraph("To be scheduled separately", head))
        story += [Paragraph(text, body) for text in estimate.separately_scheduled]
    story.append(Paragraph("Please read", head))
    story += [Paragraph(text, body) for text in estimate.disclaimers]
    document.build(story)  # type: ignore[arg-type]
    return out.getvalue()
