"""Sample superbill records, and ways to read a PDF back: its text and where each line sits."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pypdf
from reportlab.pdfbase.pdfmetrics import stringWidth

from dermcharge.domain.record import Address, Insurance, Patient, Practice, Provider
from dermcharge.domain.superbill_record import (
    Signature,
    SuperbillDiagnosis,
    SuperbillLine,
    SuperbillRecord,
)
from dermcharge.superbill.fonts import register_fonts

PRACTICE = Practice(
    name="Prairie Skin & Dermatology Associates",
    npi="1234567893",
    tax_id="12-3456789",
    phone="217-555-0199",
    address=Address("200 Example Ave", "Suite 3", "Springfield", "IL", "62701"),
)
PATIENT = Patient(
    first_name="Ada",
    last_name="O'Brien-Okafor",
    dob=date(1951, 3, 14),
    sex="F",
    account_number="A-1001",
    phone="217-555-0100",
    address=Address("1 Main St", "", "Springfield", "IL", "62701"),
)
SIGNED_AT = datetime(2026, 11, 20, 16, 45, tzinfo=UTC)


def typical_record(**changes: Any) -> SuperbillRecord:
    """A typical visit: E/M, 12 AKs frozen, a malignant excision; one error finding."""
    base = SuperbillRecord(
        practice=PRACTICE,
        date_of_service=date(2026, 11, 20),
        place_of_service="11",
        place_of_service_name="Office",
        provider=Provider("Jane Doe", "1245319599", "MD"),
        patient=PATIENT,
        primary_insurance=Insurance("Medicare Part B", "1EG4TE5MK73"),
        secondary_insurance=Insurance("Blue Cross Medigap", "XQZ123456789", "G-5500", "Plan G"),
        payer_kind="Medicare",
        visit_reference="Visit 42",
        diagnoses=(
            SuperbillDiagnosis("A", "L71.9", "Rosacea, unspecified"),
            SuperbillDiagnosis("B", "L57.0", "Actinic keratosis"),
            SuperbillDiagnosis("C", "C44.311", "Basal cell carcinoma of skin of nose"),
        ),
        lines=(
            SuperbillLine(
                "99214",
                ("25",),
                "Office visit, established patient, moderate",
                ("A",),
                1,
                Decimal("190.00"),
            ),
            SuperbillLine(
                "17000", (), "Destroy premalignant lesion, first", ("B",), 1, Decimal("110.00")
            ),
            SuperbillLine(
                "17003", (), "Destroy premalignant lesions 2-14, each", ("B",), 11, Decimal("12.00")
            ),
            SuperbillLine(
                "11642",
                ("59", "LT"),
                "Excise malignant lesion, face, 1.1-2.0 cm",
                ("C", "A"),
                1,
                Decimal("440.00"),
            ),
        ),
        amount_collected=Decimal("40.00"),
        next_appointment="Return in 3 months",
        errors=("Line 4: excised diameter 1.05 cm falls between CPT brackets.",),
        code_sets=(("CPT/HCPCS", "2026"), ("ICD-10-CM", "FY2026")),
        fee_schedule_label="Demo fee schedule (example fees)",
        example_fees=True,
    )
    return replace_record(base, **changes)


def replace_record(record: SuperbillRecord, **changes: Any) -> SuperbillRecord:
    from dataclasses import replace

    return replace(record, **changes)


def signed(record: SuperbillRecord) -> SuperbillRecord:
    return replace_record(record, status="signed", signature=Signature("Jane Doe, MD", SIGNED_AT))


def pages_text(pdf: bytes) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return [page.extract_text() for page in reader.pages]


def one_line(text: str) -> str:
    """Page text with line breaks as spaces, for phrases a cell may wrap."""
    return " ".join(text.split())


@dataclass(frozen=True)
class TextRun:
    """One line of text as drawn: where it starts and ends, in points from the page's left."""

    page: int
    text: str
    x0: float
    x1: float
    y: float
    rotated: bool


def text_runs(pdf: bytes) -> list[TextRun]:
    """Every drawn line with its extent, measured with the embedded DejaVu metrics."""
    register_fonts()
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    runs: list[TextRun] = []
    for number, page in enumerate(reader.pages, start=1):
        pieces: list[tuple[tuple[float, ...], str, float]] = []

        def visit(
            text: str,
            cm: Any,
            tm: Any,
            font: Any,
            size: float,
            pieces: list[tuple[tuple[float, ...], str, float]] = pieces,
        ) -> None:
            if not text.strip("\n") or not font:
                return
            name = str(font.get("/BaseFont", "")).split("+")[-1].lstrip("/")
            key = (*[round(v, 2) for v in cm], *[round(v, 2) for v in tm])
            if not pieces or pieces[-1][0] != key:
                text = text.lstrip()  # pypdf puts a space before a new line's first piece
            drawn = text.rstrip("\n")
            pieces.append((key, drawn, stringWidth(drawn, name, size)))

        page.extract_text(visitor_text=visit)
        merged: list[tuple[tuple[float, ...], str, float]] = []
        for key, text, width in pieces:  # pieces of one line share its start matrix
            if merged and merged[-1][0] == key:
                merged[-1] = (key, merged[-1][1] + text, merged[-1][2] + width)
            else:
                merged.append((key, text, width))
        for key, text, width in merged:
            a, b, _c, _d, e, f = key[:6]
            x = e + key[10] * a
            runs.append(TextRun(number, text, x, x + width, f + key[11], rotated=abs(b) > 1e-6))
    return runs
