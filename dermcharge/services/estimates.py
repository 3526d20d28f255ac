"""Estimates for a planned visit or a list of codes: priced with the fee schedule in force for
the patient's payer (a self-pay patient's: the practice's cash prices), made a Good Faith
Estimate for self-pay patients, printed, and kept with the patient when one is named."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from dermcharge.codesets.cpt import cpt_table
from dermcharge.domain.record import Practice, Provider
from dermcharge.fees.schedule import FeeSchedule, schedule_for
from dermcharge.reports.estimates import Estimate, EstimateParty, PriceFor, build_estimate
from dermcharge.services.fee_schedules import stored_fee_schedules
from dermcharge.storage import estimate_repository
from dermcharge.storage import people_repository as people
from dermcharge.storage.database import Database
from dermcharge.storage.errors import InvalidRecord, NotFound
from dermcharge.superbill.estimate_pdf import estimate_pdf

_CODE_UNITS = re.compile(r"^([A-Z0-9]{5})(?:[xX*](\d{1,3}))?$")
PAYERS = ("medicare", "medicaid", "commercial", "self_pay")

PlannedLine = tuple[str, int, tuple[str, ...], tuple[str, ...]]  # code, units, modifiers, dx


def parse_codes(texts: list[str]) -> list[PlannedLine]:
    """Codes as typed on the command line: "11102", "17003x11" (units), comma or space separated."""
    planned: list[PlannedLine] = []
    problems = []
    for text in (part for raw in texts for part in re.split(r"[,\s]+", raw) if part):
        match = _CODE_UNITS.match(text.strip().upper())
        if match is None:
            problems.append(f"--codes: {text!r} is not a CPT/HCPCS code (with optional xUNITS)")
            continue
        units = int(match.group(2) or 1)
        if units < 1:
            problems.append(f"--codes: {text!r} has no units")
            continue
        planned.append((match.group(1), units, (), ()))
    if problems or not planned:
        raise InvalidRecord(problems or ["--codes: give at least one code"])
    return planned


def planned_from_claim(claim_json: dict[str, Any]) -> list[PlannedLine]:
    """The billable lines of a coded visit (the `dermcharge code` output shape)."""
    return [
        (
            str(line["cpt"]),
            int(line["units"]),
            tuple(line.get("modifiers", ())),
            tuple(line.get("diagnoses", ())),
        )
        for line in claim_json.get("lines", [])
    ]


@dataclass(frozen=True)
class EstimateFor:
    payer: str
    patient_name: str
    patient_dob: date | None
    expected_date: date | None
    provider_npi: str | None = None
    account_number: str | None = None


def _party(name: str, npi: str, tax_id: str, practice: Practice | None) -> EstimateParty:
    address = ""
    if practice is not None:
        a = practice.address
        address = ", ".join(part for part in (a.line1, a.city, a.state, a.zip) if part)
    return EstimateParty(name, npi, tax_id, address)


def make_estimate(db: Database, planned: list[PlannedLine], request: EstimateFor) -> Estimate:
    if request.payer not in PAYERS:
        raise InvalidRecord([f"--payer: {request.payer!r} must be one of {', '.join(PAYERS)}"])
    today = db.clock().date()
    on = request.expected_date or today
    schedules = stored_fee_schedules(db)
    schedule = schedule_for(schedules, request.payer, on)
    with db.read() as session:
        practice = people.get_practice(session)
        provider: Provider | None = None
        if request.provider_npi:
            provider_id = people.find_provider_id(session, request.provider_npi)
            if provider_id is None:
                raise NotFound(f"--provider: no provider with NPI {request.provider_npi}")
            provider = people.get_provider(session, provider_id)
    practice_party = _party(
        practice.name if practice else "(practice not set up)",
        practice.npi if practice else "",
        practice.tax_id if practice else "",
        practice,
    )
    provider_party = (
        _party(f"{provider.name} {provider.credentials}".strip(), provider.npi, "", practice)
        if provider
        else practice_party
    )
    return build_estimate(
        codes=planned,
        price_for=_pricer(schedule, on),
        describe=_describe,
        patient_name=request.patient_name,
        patient_dob=request.patient_dob,
        payer_kind=request.payer,
        expected_date=request.expected_date,
        issued_on=today,
        provider=provider_party,
        practice=practice_party,
        schedule_label=schedule.label if schedule else "no fee schedule in force",
    )


def _pricer(schedule: FeeSchedule | None, on: date) -> PriceFor:
    def price(code: str, modifiers: tuple[str, ...]) -> Decimal | None:
        return schedule.fee_for(code, modifiers, on=on) if schedule else None

    return price


def _describe(code: str) -> str:
    found = cpt_table().get(code)
    return found.description if found is not None else "service (description not on file)"


def estimate_pdf_bytes(db: Database, estimate: Estimate) -> bytes:
    return estimate_pdf(estimate, printed_at=db.clock())


def keep_with_patient(
    db: Database, account_number: str, estimate: Estimate, pdf: bytes, *, actor: str
) -> int:
    """Store the estimate with the patient of `account_number` (audited); its id."""
    with db.write() as session:
        patient_id = people.find_patient_id(session, account_number)
        if patient_id is None:
            raise NotFound(f"--account: no patient with account number {account_number}")
        items = {
            "items": [
                {
                    "code": item.code,
                    "units": item.units,
                    "unit_price": None if item.unit_price is None else str(item.unit_price),
                    "diagnoses": list(item.diagnoses),
                }
                for item in estimate.items
            ],
            "payer": estimate.payer_kind,
            "schedule": estimate.schedule_label,
        }
        return estimate_repository.add_estimate(
            session,
            patient_id=patient_id,
            good_faith=estimate.good_faith,
            expected_date=estimate.expected_date,
            total=estimate.total,
            items=items,
            pdf=pdf,
            actor=actor,
            at=db.clock(),
        )
