"""A superbill read back from the PDF holds every field issue 6 lists, with the right figures."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from decimal import Decimal

import pypdf
from superbill_samples import (
    one_line,
    pages_text,
    replace_record,
    signed,
    text_runs,
    typical_record,
)

from dermcharge.domain.superbill_record import SuperbillLine, SuperbillRecord
from dermcharge.superbill import render_superbill


def _text(record: SuperbillRecord) -> str:
    return one_line("\n".join(pages_text(render_superbill(record))))


def test_typical_visit_is_one_us_letter_page(record: SuperbillRecord) -> None:
    reader = pypdf.PdfReader(io.BytesIO(render_superbill(record)))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (float(box.width), float(box.height)) == (612.0, 792.0)


def test_practice_provider_and_visit_facts(record: SuperbillRecord) -> None:
    text = _text(record)
    for expected in (
        "Prairie Skin & Dermatology Associates",
        "200 Example Ave",
        "Suite 3",
        "Springfield, IL 62701",
        "Phone 217-555-0199",
        "Billing NPI 1234567893",
        "Tax ID 12-3456789",
        "Jane Doe, MD",
        "NPI 1245319599",
        "DATE OF SERVICE 11/20/2026",
        "11 — Office",
        "Visit 42",
    ):
        assert expected in text, expected


def test_patient_and_both_insurances(record: SuperbillRecord) -> None:
    text = _text(record)
    for expected in (
        "O'Brien-Okafor, Ada",
        "DOB 03/14/1951",
        "Sex Female",
        "Account A-1001",
        "1 Main St",
        "Phone 217-555-0100",
        "PRIMARY INSURANCE Medicare Part B",
        "Member ID 1EG4TE5MK73",
        "SECONDARY INSURANCE Blue Cross Medigap Plan G",
        "Member ID XQZ123456789",
        "Group G-5500",
    ):
        assert expected in text, expected


def test_missing_secondary_insurance_says_so() -> None:
    text = _text(typical_record(secondary_insurance=None))
    assert "SECONDARY INSURANCE None on file" in text


def test_diagnoses_with_letters_codes_and_descriptions(record: SuperbillRecord) -> None:
    text = _text(record)
    assert "A L71.9 Rosacea, unspecified" in text
    assert "B L57.0 Actinic keratosis" in text
    assert "C C44.311 Basal cell carcinoma of skin of nose" in text


def test_lines_carry_code_modifiers_pointers_units_fee_and_total(record: SuperbillRecord) -> None:
    text = _text(record)
    assert "1 99214 25 Office visit, established patient, moderate A 1 $190.00 $190.00" in text
    assert "3 17003 Destroy premalignant lesions 2-14, each B 11 $12.00 $132.00" in text
    assert "4 11642 59 LT Excise malignant lesion, face, 1.1-2.0 cm C A 1 $440.00 $440.00" in text


def test_totals_collected_and_balance(record: SuperbillRecord) -> None:
    assert record.total_charges == Decimal("872.00")
    text = _text(record)
    assert "Total charges $872.00" in text
    assert "Amount collected $40.00" in text
    assert "Balance due $832.00" in text


def test_line_without_fee_is_shown_and_left_out_of_the_total(record: SuperbillRecord) -> None:
    lines = (*record.lines, SuperbillLine("88331", (), "Frozen section", ("C",), 1, None))
    text = _text(replace_record(record, lines=lines))
    assert "5 88331 Frozen section C 1 — —" in text
    assert "Total charges $872.00" in text
    assert "1 line has no fee in the schedule" in text


def test_cosmetic_and_self_pay_lines_are_marked(record: SuperbillRecord) -> None:
    cosmetic = SuperbillLine(
        "17110",
        (),
        "Destroy benign lesions, up to 14",
        ("B",),
        1,
        Decimal("140.00"),
        cosmetic=True,
        self_pay=True,
    )
    text = _text(replace_record(record, lines=(*record.lines, cosmetic)))
    assert "Destroy benign lesions, up to 14 COSMETIC · SELF-PAY" in text
    assert "COSMETIC" not in _text(record)


def test_next_appointment_and_signature_line(record: SuperbillRecord) -> None:
    text = _text(record)
    assert "NEXT APPOINTMENT Return in 3 months" in text
    assert "PROVIDER SIGNATURE" in text


def test_footer_names_code_sets_and_example_fees(record: SuperbillRecord) -> None:
    text = _text(record)
    assert "Code sets: CPT/HCPCS 2026 · ICD-10-CM FY2026" in text
    assert "EXAMPLE FEES" in text


def test_unsigned_superbill_is_watermarked_draft(record: SuperbillRecord) -> None:
    runs = text_runs(render_superbill(record))
    assert any(r.text == "DRAFT" and r.rotated for r in runs)
    assert "Draft — not signed" in _text(record)


def test_signed_superbill_has_signature_block_and_no_draft_mark(record: SuperbillRecord) -> None:
    pdf = render_superbill(signed(record))
    assert not any(r.text == "DRAFT" for r in text_runs(pdf))
    text = one_line(pages_text(pdf)[0])
    assert "Electronically signed by Jane Doe, MD on 11/20/2026 16:45 UTC" in text
    assert "Status: Signed" in text


def test_open_errors_are_printed_in_a_warning_box(record: SuperbillRecord) -> None:
    text = _text(record)
    assert "1 open error — fix before this claim is sent" in text
    assert "Line 4: excised diameter 1.05 cm falls between CPT brackets." in text
    clean = _text(replace_record(record, errors=()))
    assert "open error" not in clean


def test_placeholder_patient_and_demo_practice_are_labelled(record: SuperbillRecord) -> None:
    text = _text(replace_record(record, patient=None, practice_is_demo=True))
    assert "Placeholder patient — no patient details were given" in text
    assert "Demo practice — example details" in text


def test_same_record_gives_the_same_bytes(record: SuperbillRecord) -> None:
    assert render_superbill(record) == render_superbill(record)


def test_print_time_becomes_the_creation_date(record: SuperbillRecord) -> None:
    printed = datetime(2026, 11, 20, 17, 30, tzinfo=UTC)
    reader = pypdf.PdfReader(io.BytesIO(render_superbill(record, printed_at=printed)))
    assert reader.metadata is not None
    assert reader.metadata.creation_date == printed
    assert reader.metadata.title == "Superbill — O'Brien-Okafor, Ada — 11/20/2026"
