"""Sample records and a stand-in coder, so storage tests do not depend on the coding rules."""

from __future__ import annotations

from datetime import date

from dermcharge.domain.claim import ClaimLine, CodedClaim, Finding, Severity
from dermcharge.domain.record import Address, Insurance, Patient, Provider, VisitRecord
from dermcharge.domain.visit import (
    Diagnosis,
    EmService,
    Kind,
    Laterality,
    Payer,
    Procedure,
    Visit,
)

VALID_NPI = "1234567893"
OTHER_VALID_NPI = "1245319599"
DOS = date(2026, 11, 20)

_CPT_BY_KIND = {Kind.DESTRUCTION_PREMALIGNANT: "17000", Kind.BIOPSY_PUNCH: "11104"}


def stand_in_coder(visit: Visit) -> CodedClaim:
    """One line per procedure, an E/M line, and a warning for pending pathology."""
    lines = []
    if visit.em is not None:
        lines.append(
            ClaimLine(visit.em.code, 1, ("25",), ("L71.9",), "office visit", "E/M", (None,))
        )
    findings = []
    for index, procedure in enumerate(visit.procedures):
        dx = (
            procedure.diagnosis.icd10
            if procedure.diagnosis and procedure.diagnosis.icd10
            else "L57.0"
        )
        lines.append(
            ClaimLine(
                _CPT_BY_KIND.get(procedure.kind, "17110"),
                procedure.count or 1,
                (),
                (dx,),
                f"{procedure.kind} stand-in",
                "stand-in coder",
                (index,),
            )
        )
        if procedure.path_pending:
            findings.append(
                Finding(
                    Severity.WARNING,
                    "pathology",
                    f"procedure {index + 1}: pathology pending",
                    procedures=(index,),
                )
            )
    diagnoses = tuple(dict.fromkeys(dx for line in lines for dx in line.diagnoses))
    return CodedClaim(
        tuple(lines), diagnoses, (), tuple(findings), {"cpt": "2026", "rules": "test"}
    )


def sample_visit(dos: date = DOS, *, count: int = 12) -> Visit:
    return Visit(
        date_of_service=dos,
        payer=Payer.MEDICARE,
        em=EmService("99213", diagnoses=(Diagnosis(finding="rosacea"),)),
        procedures=(
            Procedure(
                kind=Kind.DESTRUCTION_PREMALIGNANT,
                site="cheek",
                laterality=Laterality.LEFT,
                count=count,
                diagnosis=Diagnosis(finding="actinic_keratosis"),
            ),
            Procedure(
                kind=Kind.BIOPSY_PUNCH,
                site="thigh",
                laterality=Laterality.LEFT,
                diagnosis=Diagnosis(icd10="D23.72"),
                path_pending=True,
            ),
        ),
    )


def sample_patient(account: str = "A-1001", **changes: object) -> Patient:
    fields: dict[str, object] = {
        "first_name": "Zoë",
        "last_name": "O'Brien-Núñez",
        "dob": date(1951, 3, 14),
        "sex": "F",
        "account_number": account,
        "phone": "217-555-0100",
        "address": Address("1 Main St", "", "Springfield", "IL", "62701"),
    }
    fields.update(changes)
    return Patient(**fields)  # type: ignore[arg-type]


def sample_record(
    *,
    account: str = "A-1001",
    npi: str = VALID_NPI,
    dos: date = DOS,
    patient: Patient | None = None,
    provider: Provider | None = None,
) -> VisitRecord:
    return VisitRecord(
        visit=sample_visit(dos),
        patient=patient or sample_patient(account),
        insurance=(Insurance("Medicare Part B", "1EG4TE5MK73"),),
        provider=provider or Provider("Jane Doe", npi, "MD"),
        place_of_service="11",
    )
