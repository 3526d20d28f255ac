"""The boxed blocks of a superbill: practice and title, patient, insurance, visit, signature."""

from __future__ import annotations

from dermcharge.domain.record import Insurance
from dermcharge.domain.superbill_record import SuperbillRecord
from dermcharge.superbill.display_text import (
    SEX_NAMES,
    address_lines,
    insurance_subscriber,
    patient_name,
    provider_name,
    us_date,
    us_datetime,
)
from dermcharge.superbill.fonts import BOLD
from dermcharge.superbill.styles import ALERT, ALERT_SHADE, MUTED, SHADE
from dermcharge.superbill.text_columns import Column, TextColumns, TextLine, bold, label

BLANK = "_______________________"


def _field(name: str, value: str) -> str:
    return f"{name} {value.strip() or '—'}"


def header(record: SuperbillRecord, width: float) -> TextColumns:
    practice = record.practice
    left = [bold(practice.name, 13)]
    if record.practice_is_demo:
        left.append(TextLine("DEMO — not a claim", BOLD, 9, color=ALERT))
        left.append(
            TextLine("Demo practice — example details, not a real practice", size=7, color=MUTED)
        )
    left += [TextLine(line) for line in address_lines(practice.address)]
    left.append(TextLine(_field("Phone", practice.phone)))
    ids = f"{_field('Billing NPI', practice.npi)} · {_field('Tax ID', practice.tax_id)}"
    left.append(TextLine(ids))
    status = "Signed" if record.is_signed else f"{record.status.capitalize()} — not signed"
    right = [TextLine("SUPERBILL", BOLD, 17, align="right")]
    if record.visit_reference:
        right.append(TextLine(record.visit_reference, align="right"))
    right.append(TextLine(f"Status: {status}", BOLD, align="right"))
    if record.payer_kind:
        right.append(TextLine(_field("Billed to", record.payer_kind), align="right"))
    return TextColumns(
        [Column(left), Column(right)],
        [width * 0.64, width * 0.36],
        boxed=False,
        bottom_padding=6,
    )


def _patient_lines(record: SuperbillRecord) -> list[TextLine]:
    patient = record.patient
    if patient is None:
        return [
            bold("Placeholder patient — no patient details were given; fill in by hand."),
            TextLine(f"Name {BLANK}", space_before=3),
            TextLine(f"DOB {BLANK}", space_before=3),
            TextLine(f"Account {BLANK}", space_before=3),
        ]
    sex = SEX_NAMES.get(patient.sex.upper(), patient.sex)
    lines = [
        bold(patient_name(patient)),
        TextLine(f"{_field('DOB', us_date(patient.dob))} · {_field('Sex', sex)}"),
        TextLine(_field("Account", patient.account_number)),
    ]
    lines += [TextLine(line) for line in address_lines(patient.address)]
    if patient.phone:
        lines.append(TextLine(_field("Phone", patient.phone)))
    return lines


def _insurance_lines(insurance: Insurance | None) -> list[TextLine]:
    if insurance is None:
        return [TextLine("None on file")]
    lines = [bold(insurance.payer_name)]
    if insurance.plan:
        lines.append(TextLine(insurance.plan))  # under the payer: "Aetna", "Open Access"
    lines += [
        TextLine(_field("Member ID", insurance.member_id)),
        TextLine(_field("Group", insurance.group)),
        TextLine(_field("Subscriber", insurance_subscriber(insurance))),
    ]
    return lines


def parties(record: SuperbillRecord, width: float) -> TextColumns:
    return TextColumns(
        [
            Column([label("Patient"), *_patient_lines(record)]),
            Column([label("Primary insurance"), *_insurance_lines(record.primary_insurance)]),
            Column([label("Secondary insurance"), *_insurance_lines(record.secondary_insurance)]),
        ],
        [width / 3] * 3,
    )


def visit_facts(record: SuperbillRecord, width: float) -> TextColumns:
    provider = record.provider
    provider_lines = (
        [bold(provider_name(provider)), TextLine(_field("NPI", provider.npi))]
        if provider
        else [TextLine(f"Not recorded {BLANK}"), TextLine(f"NPI {BLANK}")]
    )
    pos = record.place_of_service
    pos_text = f"{pos} — {record.place_of_service_name}" if record.place_of_service_name else pos
    return TextColumns(
        [
            Column([label("Rendering provider"), *provider_lines], SHADE),
            Column([label("Date of service"), bold(us_date(record.date_of_service))], SHADE),
            Column([label("Place of service"), TextLine(pos_text)], SHADE),
        ],
        [width / 3] * 3,
    )


def warning_box(record: SuperbillRecord, width: float) -> TextColumns | None:
    """Open error findings, printed so nobody bills past them unawares."""
    if not record.errors:
        return None
    count = len(record.errors)
    lines = [
        TextLine(
            f"⚠ {count} open error{'s' if count != 1 else ''} — fix before this claim is sent",
            BOLD,
            color=ALERT,
        )
    ]
    lines += [TextLine(f"• {message}", color=ALERT) for message in record.errors]
    return TextColumns(
        [Column(lines, ALERT_SHADE)],
        [width],
        padding=7,
        bottom_padding=5,
        border=ALERT,
        border_width=1.2,
    )


def closing(record: SuperbillRecord, width: float) -> TextColumns:
    """Next appointment, the electronic signature once signed, and the signature line."""
    appointment = record.next_appointment.strip() or BLANK
    left = [label("Next appointment"), TextLine(appointment)]
    right: list[TextLine] = []
    if record.signature is not None:
        right += [
            label("Electronic signature"),
            TextLine(
                f"Electronically signed by {record.signature.name} "
                f"on {us_datetime(record.signature.signed_at)}"
            ),
        ]
    right += [
        TextLine("PROVIDER SIGNATURE", BOLD, 6.5, MUTED, space_before=5 if right else 0),
        TextLine("______________________________ Date ____________", space_before=12),
    ]
    return TextColumns([Column(left), Column(right)], [width * 0.4, width * 0.6], bottom_padding=6)
