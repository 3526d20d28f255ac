"""A signed visit as a claim record (claims_out.ClaimOut): fees looked up, pointers numbered.

Fees come from the practice's stored fee schedule for the visit's payer in force on the date of
service, else the shipped example schedule (as the superbill does); a line whose code has no fee
is refused, never sent at zero.
"""

from __future__ import annotations

from collections.abc import Sequence

from dermcharge.claims_out.claim_record import (
    MAX_POINTERS,
    ClaimLineOut,
    ClaimOut,
    compact_code,
)
from dermcharge.domain.stored import StoredVisit
from dermcharge.fees.schedule import FeeSchedule, schedule_for


def claim_id_for(visit_id: int, amendment: int) -> str:
    """CLM01, the patient control number: one per visit and signed version ("DC42-0")."""
    return f"DC{visit_id}-{amendment}"


def build_claim(
    stored: StoredVisit,
    schedules: Sequence[FeeSchedule],
    *,
    frequency: str,
    original_claim_id: str = "",
) -> tuple[ClaimOut | None, list[str]]:
    """The claim record, or None and the problems (as "field: what is wrong")."""
    record, claim = stored.record, stored.claim
    if claim is None:
        return None, ["claim: the visit is not coded"]
    if record.patient is None or record.provider is None:
        return None, ["patient/provider: the visit names no patient or provider"]
    if record.practice is None:
        return None, ["practice: the practice is not set up (dermcharge practice set)"]
    visit = record.visit
    on = visit.date_of_service
    schedule = schedule_for(schedules, visit.payer.value, on, record.primary_payer_name)
    positions = {compact_code(code): n for n, code in enumerate(claim.diagnoses, start=1)}
    problems: list[str] = []
    lines = []
    for number, line in enumerate(claim.lines, start=1):
        fee = schedule.fee_for(line.cpt, line.modifiers, on=on) if schedule else None
        if fee is None:
            problems.append(
                f"lines[{number}].charge: no fee for {line.cpt} in the fee schedule in force "
                f"on {on.isoformat()}"
            )
            continue
        pointers = tuple(
            positions[compact_code(code)]
            for code in line.diagnoses
            if compact_code(code) in positions
        )[:MAX_POINTERS]
        if not pointers:
            problems.append(f"lines[{number}].diagnoses: {line.cpt} points to no diagnosis")
        lines.append(
            ClaimLineOut(
                cpt=line.cpt,
                modifiers=tuple(line.modifiers[:4]),
                units=line.units,
                unit_charge=fee,
                pointers=pointers,
                description=line.description,
            )
        )
    primary = next((p for p in record.insurance if p.priority == "primary"), None)
    out = ClaimOut(
        visit_id=stored.id,
        claim_id=claim_id_for(stored.id, stored.amendment),
        frequency=frequency,
        original_claim_id=original_claim_id,
        date_of_service=on,
        place_of_service=record.place_of_service,
        patient=record.patient,
        insurance=primary,
        payer_kind=visit.payer.value,
        provider=record.provider,
        practice=record.practice,
        diagnoses=tuple(claim.diagnoses),
        lines=tuple(lines),
        signed_at=stored.signed_at,
        amendment=stored.amendment,
    )
    return (None if problems else out), problems
