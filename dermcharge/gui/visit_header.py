"""The one-line header of a visit: who, their coverage, the date, the provider and the place."""

from __future__ import annotations

from html import escape

from dermcharge.domain.record import VisitRecord
from dermcharge.domain.visit import Visit

PAYER_WORDS = {"medicare": "Medicare", "medicaid": "Medicaid", "commercial": "Commercial",
               "self_pay": "Self-pay"}  # fmt: skip
POS_WORDS = {"11": "Office", "22": "Outpatient hospital", "24": "ASC"}


def header_text(record: VisitRecord | None, visit: Visit) -> str:
    """Rich text: "<b>Ada Okafor</b> · 75 F · DOB 1951-03-14 · Medicare 1EG… · DOS …"."""
    parts = []
    if record is not None and record.patient is not None:
        patient = record.patient
        dos = visit.date_of_service
        birthday_to_come = (dos.month, dos.day) < (patient.dob.month, patient.dob.day)
        age = dos.year - patient.dob.year - birthday_to_come
        parts.append(f"<b>{escape(patient.first_name)} {escape(patient.last_name)}</b>")
        parts.append(f"{age} {escape(patient.sex)}")
        parts.append(f"DOB {patient.dob.isoformat()}")
        parts.append(f"acct {escape(patient.account_number)}")
    coverage = PAYER_WORDS.get(visit.payer.value, visit.payer.value)
    if record is not None and record.insurance:
        primary = record.insurance[0]
        coverage = f"{escape(primary.payer_name)} {escape(primary.member_id)}"
    parts.append(coverage)
    parts.append(f"{visit.patient_status.value} patient")
    parts.append(f"DOS {visit.date_of_service.isoformat()}")
    line = " · ".join(parts)
    if record is not None and record.provider is not None:
        provider = record.provider
        where = POS_WORDS.get(record.place_of_service, "POS")
        credentials = f" {escape(provider.credentials)}" if provider.credentials else ""
        line += f"<br>{escape(provider.name)}{credentials} · {where} ({record.place_of_service})"
    return line
