"""Print a visit's superbill: turn a visit record and its coded claim into the plain superbill
record, and hand that to the superbill package (imported only when a PDF is wanted)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from dermcharge.codesets.icd10.catalog import Icd10Catalog, normalize_code
from dermcharge.domain.claim import ClaimLine, CodedClaim, Finding, Severity
from dermcharge.domain.record import Address, Insurance, Practice, VisitRecord
from dermcharge.domain.superbill_record import (
    POINTER_LETTERS,
    Signature,
    SuperbillDiagnosis,
    SuperbillLine,
    SuperbillRecord,
)
from dermcharge.domain.visit import Payer, Visit
from dermcharge.fees.demo import demo_fee_schedule
from dermcharge.fees.schedule import FeeSchedule, schedule_for

if TYPE_CHECKING:  # storage is imported only by the functions that read the database
    from dermcharge.domain.stored import StoredVisit
    from dermcharge.storage.database import Database

# Printed when a visit record has no practice block: plainly an example, with the CMS example NPI.
DEMO_PRACTICE = Practice(
    name="Demo Dermatology Clinic",
    npi="1234567893",
    tax_id="00-0000000",
    phone="000-555-0100",
    address=Address(line1="1 Example Way", city="Springfield", state="IL", zip="62701"),
)

# Names of the place-of-service codes a dermatology practice uses; source: CMS Place of Service
# Code Set (https://www.cms.gov/medicare/coding-billing/place-of-service-codes/code-sets).
PLACE_OF_SERVICE_NAMES = {
    "02": "Telehealth (not in patient's home)",
    "10": "Telehealth in patient's home",
    "11": "Office",
    "12": "Home",
    "19": "Off campus outpatient hospital",
    "21": "Inpatient hospital",
    "22": "On campus outpatient hospital",
    "24": "Ambulatory surgical center",
    "31": "Skilled nursing facility",
    "32": "Nursing facility",
}

PAYER_KIND_NAMES = {
    Payer.MEDICARE: "Medicare",
    Payer.MEDICAID: "Medicaid",
    Payer.COMMERCIAL: "Commercial insurance",
    Payer.SELF_PAY: "Self-pay (patient)",
}

ProgressCallback = Callable[[int, int], None]

# How the engine's code-set keys read in the superbill footer.
CODE_SET_NAMES = {
    "icd10cm": "ICD-10-CM",
    "cpt": "CPT/HCPCS",
    "rules": "Coding rules",
    "ptp": "NCCI PTP",
    "mue": "MUE",
}


def default_icd10_catalog(on: date) -> Icd10Catalog:
    """The ICD-10-CM release in force on the date (the compact index the engine codes with)."""
    from dermcharge.codesets.icd10.releases import catalog_for

    return catalog_for(on)


def _our_description(line: ClaimLine) -> str:
    if line.description:
        return line.description
    from dermcharge.codesets.cpt import cpt_table

    return cpt_table().description(line.cpt) or "(no description on file)"


def _is_cosmetic(line: ClaimLine, visit: Visit) -> bool:
    return any(
        index is not None
        and 0 <= index < len(visit.procedures)
        and visit.procedures[index].cosmetic
        for index in line.procedures
    )


def _error_messages(findings: Sequence[Finding]) -> list[str]:
    messages = []
    for finding in findings:
        if finding.severity is not Severity.ERROR:
            continue
        where = ""
        if finding.lines:
            label = "Line" if len(finding.lines) == 1 else "Lines"
            where = f"{label} {', '.join(str(n) for n in finding.lines)}: "
        action = f" — {finding.action}" if finding.action else ""
        messages.append(f"{where}{finding.message}{action}")
    return messages


def _code_set_versions(used: dict[str, str], icd: Icd10Catalog) -> tuple[tuple[str, str], ...]:
    """(name, version) pairs for the footer: what the claim says it used, plus the ICD-10-CM
    release and the CPT table the superbill itself read when the claim does not name them."""
    versions: dict[str, str] = {}
    for key, value in used.items():
        name = CODE_SET_NAMES.get(key.lower(), key)
        versions[name] = value.removeprefix(name).strip() or value
    versions.setdefault("ICD-10-CM", icd.release.removeprefix("ICD-10-CM").strip())
    if "CPT/HCPCS" not in versions:
        from dermcharge.codesets.cpt import cpt_table

        start = cpt_table().provenance.get("effective_from")
        if start:
            versions["CPT/HCPCS"] = f"table in force from {start}"
    return tuple(versions.items())


def _insurance(record: VisitRecord, priority: str) -> Insurance | None:
    return next((i for i in record.insurance if i.priority.strip().lower() == priority), None)


def build_superbill_record(
    record: VisitRecord,
    claim: CodedClaim,
    *,
    status: str = "draft",
    signature: Signature | None = None,
    fee_schedules: Sequence[FeeSchedule] | None = None,
    amount_collected: Decimal = Decimal("0.00"),
    next_appointment: str = "",
    visit_reference: str = "",
    open_findings: Sequence[Finding] | None = None,
    catalog: Icd10Catalog | None = None,
    demo_practice: bool = False,
) -> SuperbillRecord:
    """The superbill for one coded visit.

    `fee_schedules` defaults to the shipped demo schedule (example fees); the one for the
    visit's payer in force on the date of service is used. `open_findings` defaults to all the
    claim's findings; its errors print in the warning box. A visit without a practice block gets
    the demo practice, one without a patient block a placeholder to fill in by hand.
    """
    visit = record.visit
    on = visit.date_of_service
    icd = catalog if catalog is not None else default_icd10_catalog(on)
    schedules = fee_schedules if fee_schedules is not None else (demo_fee_schedule(),)
    schedule = schedule_for(schedules, visit.payer.value, on, record.primary_payer_name)
    errors = _error_messages(claim.findings if open_findings is None else open_findings)

    letters: dict[str, str] = {}
    diagnoses = []
    for index, code in enumerate(claim.diagnoses):
        dotted = normalize_code(code)
        if index >= len(POINTER_LETTERS):
            errors.append(f"Diagnosis {dotted}: a claim holds at most 12 diagnoses (A–L).")
            continue
        letters[dotted] = POINTER_LETTERS[index]
        diagnoses.append(
            SuperbillDiagnosis(POINTER_LETTERS[index], dotted, icd.description(dotted))
        )

    lines = []
    for number, line in enumerate(claim.lines, start=1):
        pointers = []
        for code in line.diagnoses:
            letter = letters.get(normalize_code(code))
            if letter is None:
                errors.append(f"Line {number}: diagnosis {code} is not in the claim's list.")
            else:
                pointers.append(letter)
        cosmetic = _is_cosmetic(line, visit)
        fee = schedule.fee_for(line.cpt, line.modifiers, on=on) if schedule else None
        lines.append(
            SuperbillLine(
                code=line.cpt,
                modifiers=line.modifiers,
                description=_our_description(line),
                pointers=tuple(pointers),
                units=line.units,
                fee=fee,
                cosmetic=cosmetic,
                self_pay=cosmetic or visit.payer is Payer.SELF_PAY,
            )
        )

    # Cosmetic services: never on the claim, printed as self-pay at the practice's cash price
    # (the self-pay fee schedule), labelled COSMETIC and SELF-PAY (coding-rules.md §15).
    cash = schedule_for(schedules, "self_pay", on)
    for line in claim.self_pay:
        lines.append(
            SuperbillLine(
                code=line.cpt,
                modifiers=line.modifiers,
                description=_our_description(line),
                pointers=tuple(
                    letters[normalize_code(c)]
                    for c in line.diagnoses
                    if normalize_code(c) in letters
                ),
                units=line.units,
                fee=cash.fee_for(line.cpt, line.modifiers, on=on) if cash else None,
                cosmetic=True,
                self_pay=True,
            )
        )

    code_sets = _code_set_versions(claim.code_sets, icd)
    place = record.place_of_service
    return SuperbillRecord(
        practice=record.practice or DEMO_PRACTICE,
        practice_is_demo=record.practice is None or demo_practice,
        date_of_service=on,
        place_of_service=place,
        place_of_service_name=PLACE_OF_SERVICE_NAMES.get(place, ""),
        provider=record.provider,
        patient=record.patient,
        primary_insurance=_insurance(record, "primary"),
        secondary_insurance=_insurance(record, "secondary"),
        payer_kind=PAYER_KIND_NAMES.get(visit.payer, str(visit.payer)),
        visit_reference=visit_reference,
        status="signed" if signature is not None else status,
        diagnoses=tuple(diagnoses),
        lines=tuple(lines),
        amount_collected=amount_collected,
        signature=signature,
        next_appointment=next_appointment,
        errors=tuple(errors),
        code_sets=code_sets,
        fee_schedule_label=schedule.label if schedule else "no fee schedule in force",
        example_fees=bool(schedule and schedule.example_fees),
    )


def superbill_pdf(superbill: SuperbillRecord, *, printed_at: datetime | None = None) -> bytes:
    """One superbill as PDF bytes (ReportLab is loaded on first use, not at import);
    `printed_at` becomes the file's creation date."""
    from dermcharge.superbill import render_superbill

    return render_superbill(superbill, printed_at=printed_at)


def superbills_pdf(
    superbills: Sequence[SuperbillRecord],
    progress: ProgressCallback | None = None,
    *,
    printed_at: datetime | None = None,
) -> bytes:
    """A day's superbills as one PDF; `progress(done, total)` as each is laid out."""
    from dermcharge.superbill import render_batch

    return render_batch(superbills, progress, printed_at=printed_at)


def _stored_signature(stored: StoredVisit) -> Signature | None:
    """Who signed and when; the login name is added when it is not the provider's own name."""
    if stored.signed_at is None:
        return None
    provider = stored.record.provider
    signer = (stored.signed_by or "").strip()
    if provider is None or not provider.name.strip():
        return Signature(name=signer or "unknown signer", signed_at=stored.signed_at)
    name = f"{provider.name}, {provider.credentials}" if provider.credentials else provider.name
    if signer and signer not in (provider.name, name):
        name = f"{name} (signed in as {signer})"
    return Signature(name=name, signed_at=stored.signed_at)


def superbill_for_stored(
    stored: StoredVisit,
    *,
    fee_schedules: Sequence[FeeSchedule] | None = None,
    catalog: Icd10Catalog | None = None,
    coder: Callable[[Visit], CodedClaim] | None = None,
    demo_practice: bool = False,
) -> SuperbillRecord:
    """The superbill of a stored visit: its status and signature, and only the error findings
    nobody has acknowledged or overridden. A visit stored without a claim is coded now.
    `demo_practice` (services.demo_marker.is_demo_practice) marks it "DEMO — not a claim"."""
    claim = stored.claim
    if claim is None:
        from dermcharge.coding.engine import code_visit

        claim = (coder or code_visit)(stored.record.visit)
    decided = {f.position for f in stored.findings if f.decision is not None}
    open_findings = [f for i, f in enumerate(claim.findings) if i not in decided]
    reference = f"Visit {stored.id}"
    if stored.amendment:
        reference += f" · amendment {stored.amendment}"
    return build_superbill_record(
        stored.record,
        claim,
        status=str(stored.status),
        signature=_stored_signature(stored),
        fee_schedules=fee_schedules,
        visit_reference=reference,
        open_findings=open_findings,
        catalog=catalog,
        demo_practice=demo_practice,
    )


def practice_superbill(db: Database, stored: StoredVisit) -> SuperbillRecord:
    """The superbill of a visit as the practice prints it: fees from its own schedules in force
    on the date of service (else the demo schedule), marked when the practice is the demo."""
    from dermcharge.services.demo_marker import is_demo_practice

    return superbill_for_stored(
        stored,
        fee_schedules=_practice_fee_schedules(db, None),
        demo_practice=is_demo_practice(db),
    )


def _practice_fee_schedules(
    db: Database, given: Sequence[FeeSchedule] | None
) -> Sequence[FeeSchedule] | None:
    """The schedules given, else the practice's (fee_schedules.practice_fee_schedules: the same
    ones the visit editor prices with)."""
    if given is not None:
        return given
    from dermcharge.services.fee_schedules import practice_fee_schedules

    return practice_fee_schedules(db)


def stored_visit_pdf(
    db: Database, visit_id: int, *, fee_schedules: Sequence[FeeSchedule] | None = None
) -> bytes:
    """The superbill of visit `visit_id` (NotFound from storage when there is none); fees from
    `fee_schedules`, else the practice's stored schedules, else the demo schedule."""
    from dermcharge.services.demo_marker import is_demo_practice
    from dermcharge.services.visits import open_visit

    stored = open_visit(db, visit_id)
    schedules = _practice_fee_schedules(db, fee_schedules)
    superbill = superbill_for_stored(
        stored, fee_schedules=schedules, demo_practice=is_demo_practice(db)
    )
    return superbill_pdf(superbill, printed_at=db.clock())


def day_superbills_pdf(
    db: Database,
    on: date,
    *,
    fee_schedules: Sequence[FeeSchedule] | None = None,
    progress: ProgressCallback | None = None,
) -> bytes | None:
    """Every visit of the day as one PDF, in the day list's order; None when there are none."""
    from dermcharge.services.visit_export import visits_on

    stored_visits = visits_on(db, on)
    if not stored_visits:
        return None
    catalog = default_icd10_catalog(on)
    from dermcharge.services.demo_marker import is_demo_practice

    schedules = _practice_fee_schedules(db, fee_schedules)
    demo = is_demo_practice(db)
    records = [
        superbill_for_stored(stored, fee_schedules=schedules, catalog=catalog, demo_practice=demo)
        for stored in stored_visits
    ]
    return superbills_pdf(records, progress, printed_at=db.clock())
