"""Visits: create, load, save with the optimistic version check, move through the workflow, amend.

Every function works inside the caller's transaction (`Database.write()`), checks the version the
caller last saw, and appends an audit entry; an error leaves nothing written.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from dermcharge.coding.claim_json import claim_from_json, claim_to_json
from dermcharge.coding.visit_json import InvalidVisit, parse_visit, visit_to_json
from dermcharge.domain.claim import CodedClaim
from dermcharge.domain.record import VisitRecord
from dermcharge.domain.stored import SignedVersion, StoredVisit
from dermcharge.domain.visit import Visit
from dermcharge.domain.workflow import (
    ACTION_WORDS,
    LOCKED,
    VisitAction,
    VisitStatus,
    next_status,
    refusal_hint,
)
from dermcharge.storage.audit_log import add_audited, append_audit
from dermcharge.storage.errors import (
    IllegalTransition,
    NotFound,
    StorageError,
    VisitConflict,
    VisitLocked,
)
from dermcharge.storage.models import FindingRow, VisitRow, VisitVersionRow
from dermcharge.storage.people_repository import get_patient, get_practice, get_provider
from dermcharge.storage.visit_rows import claim_summary, finding_decisions, write_child_rows


def _snapshot(row: VisitRow) -> dict[str, Any]:
    claim = None if row.claim_json is None else claim_from_json(row.claim_json)
    return {
        "status": row.status,
        "version": row.version,
        "amendment": row.amendment,
        "patient_id": row.patient_id,
        "provider_id": row.provider_id,
        "place_of_service": row.place_of_service,
        "visit": row.visit_json,
        "claim": claim_summary(claim),
    }


def add_visit(
    session: Session,
    visit: Visit,
    claim: CodedClaim | None,
    *,
    patient_id: int,
    provider_id: int,
    place_of_service: str,
    actor: str,
    at: datetime,
) -> int:
    row = VisitRow(
        patient_id=patient_id,
        provider_id=provider_id,
        date_of_service=visit.date_of_service,
        place_of_service=place_of_service,
        payer=str(visit.payer),
        status=str(VisitStatus.DRAFT),
        version=1,
        amendment=0,
        visit_json=visit_to_json(visit),
        claim_json=None if claim is None else claim_to_json(claim),
        code_sets=dict(claim.code_sets) if claim is not None else {},
        created_at=at,
        created_by=actor,
        updated_at=at,
        updated_by=actor,
    )
    visit_id = add_audited(session, row, "visit", after=_snapshot(row), actor=actor, at=at)
    write_child_rows(session, visit_id, visit, claim, at=at)
    session.flush()
    return visit_id


def _row_at_version(session: Session, visit_id: int, expected_version: int) -> VisitRow:
    # FOR UPDATE holds the row on PostgreSQL until commit; SQLite writers already hold the
    # database's write lock (BEGIN IMMEDIATE). Either way the check below cannot go stale.
    row = session.get(VisitRow, visit_id, with_for_update=True, populate_existing=True)
    if row is None:
        raise NotFound(f"no visit with id {visit_id}")
    if row.version != expected_version:
        raise VisitConflict(visit_id, expected_version, row.version)
    return row


def _flush_or_conflict(session: Session, row: VisitRow, expected_version: int) -> None:
    try:
        session.flush()
    except StaleDataError as error:
        raise VisitConflict(row.id, expected_version, expected_version + 1) from error


def update_visit(
    session: Session,
    visit_id: int,
    visit: Visit,
    claim: CodedClaim | None,
    *,
    expected_version: int,
    place_of_service: str,
    actor: str,
    at: datetime,
    provider_id: int | None = None,
) -> int:
    """Save new content for a draft or ready visit; returns the new version."""
    row = _row_at_version(session, visit_id, expected_version)
    status = VisitStatus(row.status)
    if next_status(status, VisitAction.EDIT) is None:
        raise VisitLocked(visit_id, status)
    before = _snapshot(row)
    row.date_of_service = visit.date_of_service
    row.payer = str(visit.payer)
    row.place_of_service = place_of_service
    if provider_id is not None:
        row.provider_id = provider_id
    row.visit_json = visit_to_json(visit)
    row.claim_json = None if claim is None else claim_to_json(claim)
    row.code_sets = dict(claim.code_sets) if claim is not None else {}
    row.updated_at, row.updated_by = at, actor
    row.version = expected_version + 1
    _flush_or_conflict(session, row, expected_version)
    write_child_rows(session, visit_id, visit, claim, at=at)
    append_audit(
        session,
        at=at,
        actor=actor,
        action="edit",
        entity="visit",
        entity_id=visit_id,
        before=before,
        after=_snapshot(row),
    )
    return row.version


def change_status(
    session: Session,
    visit_id: int,
    action: VisitAction,
    *,
    expected_version: int,
    actor: str,
    at: datetime,
    reason: str = "",
) -> int:
    """Move the visit through the workflow; an amendment first keeps the signed version.

    Returns the new version.
    """
    row = _row_at_version(session, visit_id, expected_version)
    status = VisitStatus(row.status)
    target = next_status(status, action)
    if target is None or action is VisitAction.EDIT:
        raise IllegalTransition(
            visit_id, status, ACTION_WORDS[action], refusal_hint(status, action)
        )
    if action is VisitAction.AMEND:
        if not reason.strip():
            raise IllegalTransition(visit_id, status, "amended", "an amendment needs a reason")
        _keep_signed_version(session, row, actor=actor, at=at, reason=reason)
    before = _snapshot(row)
    row.status = str(target)
    if action is VisitAction.SIGN:
        row.signed_at, row.signed_by = at, actor
    elif action is VisitAction.MARK_BILLED:
        row.billed_at = at
    elif action is VisitAction.AMEND:
        row.amendment += 1
        row.signed_at, row.signed_by, row.billed_at = None, None, None
    row.updated_at, row.updated_by = at, actor
    row.version = expected_version + 1
    _flush_or_conflict(session, row, expected_version)
    after = _snapshot(row)
    if reason:
        after["reason"] = reason
    append_audit(
        session,
        at=at,
        actor=actor,
        action=str(action),
        entity="visit",
        entity_id=visit_id,
        before=before,
        after=after,
    )
    return row.version


def _keep_signed_version(
    session: Session, row: VisitRow, *, actor: str, at: datetime, reason: str
) -> None:
    session.add(
        VisitVersionRow(
            visit_id=row.id,
            amendment=row.amendment,
            status=row.status,
            patient_id=row.patient_id,
            provider_id=row.provider_id,
            place_of_service=row.place_of_service,
            visit_json=row.visit_json,
            claim_json=row.claim_json,
            code_sets=row.code_sets,
            signed_at=row.signed_at,
            signed_by=row.signed_by,
            amended_at=at,
            amended_by=actor,
            reason=reason,
        )
    )


def decide_finding(
    session: Session,
    visit_id: int,
    position: int,
    *,
    decision: str,
    reason: str,
    actor: str,
    at: datetime,
) -> None:
    """Record that a person acknowledged or overrode one finding, and why."""
    visit = session.get(VisitRow, visit_id)
    if visit is None:
        raise NotFound(f"no visit with id {visit_id}")
    if VisitStatus(visit.status) in LOCKED:
        raise VisitLocked(visit_id, VisitStatus(visit.status))
    row = session.scalars(
        select(FindingRow).where(FindingRow.visit_id == visit_id, FindingRow.position == position)
    ).first()
    if row is None:
        raise NotFound(f"visit {visit_id} has no finding number {position + 1}")
    before = {"decision": row.decision, "decided_by": row.decided_by, "reason": row.reason}
    row.decision, row.decided_by, row.decided_at, row.reason = decision, actor, at, reason
    session.flush()
    append_audit(
        session,
        at=at,
        actor=actor,
        action=f"finding_{decision}",
        entity="visit",
        entity_id=visit_id,
        before=before,
        after={
            "finding": row.message,
            "check": row.check_name,
            "decision": decision,
            "reason": reason,
        },
    )


def load_visit(session: Session, visit_id: int) -> StoredVisit:
    row = session.get(VisitRow, visit_id)
    if row is None:
        raise NotFound(f"no visit with id {visit_id}")
    try:
        visit = parse_visit(row.visit_json)
    except InvalidVisit as error:  # stored by an older version whose rules were looser
        raise StorageError(f"visit {visit_id} cannot be read back: {error}") from error
    patient, insurance = get_patient(session, row.patient_id)
    record = VisitRecord(
        visit=visit,
        patient=patient,
        insurance=insurance,
        provider=get_provider(session, row.provider_id),
        practice=get_practice(session),
        place_of_service=row.place_of_service,
    )
    return StoredVisit(
        id=row.id,
        status=VisitStatus(row.status),
        version=row.version,
        amendment=row.amendment,
        record=record,
        claim=None if row.claim_json is None else claim_from_json(row.claim_json),
        patient_id=row.patient_id,
        provider_id=row.provider_id,
        findings=finding_decisions(session, row.id),
        code_sets=dict(row.code_sets),
        created_at=row.created_at,
        created_by=row.created_by,
        updated_at=row.updated_at,
        updated_by=row.updated_by,
        signed_at=row.signed_at,
        signed_by=row.signed_by,
        billed_at=row.billed_at,
    )


def signed_versions(session: Session, visit_id: int) -> list[SignedVersion]:
    rows = session.scalars(
        select(VisitVersionRow)
        .where(VisitVersionRow.visit_id == visit_id)
        .order_by(VisitVersionRow.amendment)
    )
    return [
        SignedVersion(
            visit_id=row.visit_id,
            amendment=row.amendment,
            status=VisitStatus(row.status),
            visit_json=row.visit_json,
            claim_json=row.claim_json,
            signed_at=row.signed_at,
            signed_by=row.signed_by,
            amended_at=row.amended_at,
            amended_by=row.amended_by,
            reason=row.reason,
        )
        for row in rows
    ]
