"""Visit use cases for the GUI, the CLI and tests: list, open, create, save, review, sign, amend.

Each call is one transaction: it stores everything or, on any error, nothing. Changes to an
existing visit take the `expected_version` the caller opened; a stale one raises VisitConflict and
the caller keeps its edits. Every function returns the visit as stored afterwards.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from dermcharge.domain.claim import CodedClaim
from dermcharge.domain.record import Patient, VisitRecord
from dermcharge.domain.stored import (
    AuditEntry,
    ClaimLineSummary,
    FindingDecision,
    SignedVersion,
    StoredVisit,
    VisitSummary,
)
from dermcharge.domain.visit import Visit
from dermcharge.domain.workflow import VisitAction, VisitStatus, allowed_actions
from dermcharge.services.errors import SignRefused
from dermcharge.services.record_checks import (
    date_of_service_problems,
    insurance_problems,
    patient_problems,
    place_of_service_problems,
    provider_problems,
)
from dermcharge.services.record_checks import practice_problems as practice_problems_of
from dermcharge.storage import people_repository as people
from dermcharge.storage import visit_queries, visit_repository
from dermcharge.storage.audit_log import audit_entries
from dermcharge.storage.database import Database
from dermcharge.storage.errors import InvalidRecord

Coder = Callable[[Visit], CodedClaim]

__all__ = [
    "ClaimLineSummary",
    "Coder",
    "FindingDecision",
    "SignRefused",
    "SignedVersion",
    "StoredVisit",
    "VisitAction",
    "VisitStatus",
    "VisitSummary",
    "allowed_actions",
]


def engine_coder(visit: Visit) -> CodedClaim:
    """The coding engine (imported on first use, so storage tests can run without it)."""
    from dermcharge.coding.engine import code_visit

    return code_visit(visit)


def list_visits(
    db: Database,
    on: date,
    *,
    provider_id: int | None = None,
    status: VisitStatus | None = None,
) -> list[VisitSummary]:
    with db.read_connection() as connection:
        return visit_queries.list_day(connection, on, provider_id=provider_id, status=status)


def patient_history(db: Database, patient_id: int) -> list[VisitSummary]:
    with db.read_connection() as connection:
        return visit_queries.patient_history(connection, patient_id)


def open_visit(db: Database, visit_id: int) -> StoredVisit:
    with db.read() as session:
        return visit_repository.load_visit(session, visit_id)


def create_visit(
    db: Database, record: VisitRecord, *, actor: str, coder: Coder = engine_coder
) -> StoredVisit:
    """Store a new draft visit, coded; the patient is matched by account number and the provider
    by NPI, and either is created from the record when it is new."""
    today = db.clock().date()
    problems = patient_problems(record.patient, today) + place_of_service_problems(
        record.place_of_service
    )
    problems += date_of_service_problems(record.visit.date_of_service, record.patient)
    problems += provider_problems(record.provider, needs_name=False)
    problems += insurance_problems(record.insurance)
    if problems:
        raise InvalidRecord(problems)
    assert record.patient is not None and record.provider is not None
    claim = coder(record.visit)
    at = db.clock()
    with db.write() as session:
        provider_id = people.find_provider_id(session, record.provider.npi)
        if provider_id is None:
            if not record.provider.name.strip():
                raise InvalidRecord(
                    [
                        f"provider.npi: {record.provider.npi} is not on file; give the "
                        f"provider's name (and credentials) to add them"
                    ]
                )
            provider_id = people.add_provider(session, record.provider, actor=actor, at=at)
        else:
            people.complete_provider(session, provider_id, record.provider, actor=actor, at=at)
        patient_id = people.find_patient_id(session, record.patient.account_number)
        if patient_id is None:
            patient_id = people.add_patient(
                session, record.patient, record.insurance, actor=actor, at=at
            )
        else:
            on_file, insurance_on_file = people.get_patient(session, patient_id)
            _check_same_patient(on_file, record.patient)
            if record.insurance and record.insurance != insurance_on_file:
                # The visit record carries the insurance the patient presented at this visit:
                # it becomes the insurance on file (audited, as any change to a patient).
                people.update_patient(
                    session, patient_id, on_file, record.insurance, actor=actor, at=at
                )
        if record.practice is not None and people.get_practice(session) is None:
            # The first record that names the practice sets it up; after that the practice's
            # own settings are the authority and a record's practice block is only printed.
            if practice_problems := practice_problems_of(record.practice):
                raise InvalidRecord(practice_problems)
            people.save_practice(session, record.practice, actor=actor, at=at)
        visit_id = visit_repository.add_visit(
            session,
            record.visit,
            claim,
            patient_id=patient_id,
            provider_id=provider_id,
            place_of_service=record.place_of_service,
            actor=actor,
            at=at,
        )
        return visit_repository.load_visit(session, visit_id)


def _check_same_patient(on_file: Patient, given: Patient) -> None:
    """An account number that points at someone else is a misfiled visit waiting to happen."""
    same = (on_file.last_name.strip().casefold(), on_file.dob) == (
        given.last_name.strip().casefold(),
        given.dob,
    )
    if not same:
        raise InvalidRecord(
            [
                f"patient.account_number: {given.account_number} belongs to "
                f"{on_file.last_name}, {on_file.first_name} (DOB {on_file.dob.isoformat()}), not "
                f"{given.last_name}, {given.first_name} (DOB {given.dob.isoformat()}); check the "
                f"account number"
            ]
        )


def save_visit(
    db: Database,
    visit_id: int,
    visit: Visit,
    *,
    expected_version: int,
    actor: str,
    place_of_service: str | None = None,
    provider_id: int | None = None,
    coder: Coder = engine_coder,
) -> StoredVisit:
    """Save edits to a draft (or ready) visit, recoded; raises VisitConflict when stale."""
    if place_of_service is not None and (problems := place_of_service_problems(place_of_service)):
        raise InvalidRecord(problems)
    claim = coder(visit)
    with db.write() as session:
        current = visit_repository.load_visit(session, visit_id)
        visit_repository.update_visit(
            session,
            visit_id,
            visit,
            claim,
            expected_version=expected_version,
            place_of_service=place_of_service or current.record.place_of_service,
            actor=actor,
            at=db.clock(),
            provider_id=provider_id,
        )
        return visit_repository.load_visit(session, visit_id)


def _transition(
    db: Database,
    visit_id: int,
    action: VisitAction,
    *,
    expected_version: int,
    actor: str,
    reason: str = "",
) -> StoredVisit:
    with db.write() as session:
        visit_repository.change_status(
            session,
            visit_id,
            action,
            expected_version=expected_version,
            actor=actor,
            at=db.clock(),
            reason=reason,
        )
        return visit_repository.load_visit(session, visit_id)


def mark_ready(db: Database, visit_id: int, *, expected_version: int, actor: str) -> StoredVisit:
    return _transition(
        db, visit_id, VisitAction.MARK_READY, expected_version=expected_version, actor=actor
    )


def reopen(db: Database, visit_id: int, *, expected_version: int, actor: str) -> StoredVisit:
    return _transition(
        db, visit_id, VisitAction.REOPEN, expected_version=expected_version, actor=actor
    )


def open_error_findings(stored: StoredVisit) -> list[FindingDecision]:
    """The stored claim's `error` findings nobody has overridden: what blocks signing."""
    return [
        finding
        for finding in stored.findings
        if finding.severity == "error" and finding.decision != "overridden"
    ]


def sign(
    db: Database,
    visit_id: int,
    *,
    expected_version: int,
    actor: str,
    override_reason: str | None = None,
) -> StoredVisit:
    """Sign a visit that is ready for review.

    A claim with open `error` findings is not signed (SignRefused lists them) unless the signer
    gives an override reason: then every open error is recorded as overridden with that reason
    (who and when, in the findings and the audit log) and the signature's audit entry carries
    the reason too. All of it is one transaction.
    """
    reason = (override_reason or "").strip()
    with db.write() as session:
        current = visit_repository.load_visit(session, visit_id)
        # A stale version or a visit not ready for signing: change_status says so below.
        signable = current.version == expected_version and current.status is VisitStatus.READY
        blocking = open_error_findings(current) if signable else []
        if blocking and not reason:
            raise SignRefused(visit_id, blocking)
        at = db.clock()
        for finding in blocking:
            visit_repository.decide_finding(
                session,
                visit_id,
                finding.position,
                decision="overridden",
                reason=reason,
                actor=actor,
                at=at,
            )
        visit_repository.change_status(
            session,
            visit_id,
            VisitAction.SIGN,
            expected_version=expected_version,
            actor=actor,
            at=at,
            reason=f"signed with errors overridden: {reason}" if blocking else "",
        )
        return visit_repository.load_visit(session, visit_id)


def mark_billed(db: Database, visit_id: int, *, expected_version: int, actor: str) -> StoredVisit:
    return _transition(
        db, visit_id, VisitAction.MARK_BILLED, expected_version=expected_version, actor=actor
    )


def amend(
    db: Database, visit_id: int, *, expected_version: int, actor: str, reason: str
) -> StoredVisit:
    """Reopen a signed (or billed) visit as a draft; the signed version is kept for good."""
    return _transition(
        db,
        visit_id,
        VisitAction.AMEND,
        expected_version=expected_version,
        actor=actor,
        reason=reason,
    )


def decide_finding(
    db: Database, visit_id: int, position: int, *, decision: str, reason: str, actor: str
) -> StoredVisit:
    """Acknowledge or override finding number `position` (0-based) of the visit's claim."""
    problems = []
    if decision not in ("acknowledged", "overridden"):
        problems.append(f"decision: {decision!r} must be acknowledged or overridden")
    if decision == "overridden" and not reason.strip():
        problems.append("reason: overriding a finding needs a reason")
    if problems:
        raise InvalidRecord(problems)
    with db.write() as session:
        visit_repository.decide_finding(
            session,
            visit_id,
            position,
            decision=decision,
            reason=reason,
            actor=actor,
            at=db.clock(),
        )
        return visit_repository.load_visit(session, visit_id)


def visit_audit(db: Database, visit_id: int) -> list[AuditEntry]:
    with db.read() as session:
        return audit_entries(session, "visit", visit_id)


def signed_versions(db: Database, visit_id: int) -> list[SignedVersion]:
    with db.read() as session:
        return visit_repository.signed_versions(session, visit_id)


def import_visit_record(
    db: Database, data: object, *, actor: str, coder: Coder = engine_coder
) -> StoredVisit:
    """Store a visit record given as decoded JSON (the contract's visit plus who and where);
    explicit ICD-10-CM codes are checked against the release in force on the date of service."""
    from dermcharge.coding.engine import default_catalog
    from dermcharge.coding.visit_json import InvalidVisit
    from dermcharge.services.visit_record_input import parse_visit_record

    try:
        record = parse_visit_record(data, catalog_for=default_catalog)
    except InvalidVisit as invalid:
        raise InvalidRecord(invalid.problems) from None
    return create_visit(db, record, actor=actor, coder=coder)


def import_visit_record_json(data: object, *, db_url: str | None) -> int:
    """`dermcharge code --save`: import into the database the CLI names; the new visit's id."""
    from dermcharge.services.acting_user import default_actor
    from dermcharge.services.database import open_app_database

    db = open_app_database(db_url)
    try:
        return import_visit_record(db, data, actor=default_actor()).id
    finally:
        db.dispose()
