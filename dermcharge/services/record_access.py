"""Opening a patient's record, logged: who opened which visit or history, and when.

HIPAA §164.312(b) asks for audit controls over access to ePHI, not only changes; every open goes
through here (GUI and CLI), in the same transaction as the read, as an "open" audit entry.
"""

from __future__ import annotations

from dermcharge.domain.stored import StoredVisit, VisitSummary
from dermcharge.security.accounts import User
from dermcharge.security.roles import Action
from dermcharge.storage import visit_queries, visit_repository
from dermcharge.storage.audit_log import append_audit
from dermcharge.storage.database import Database


def open_visit_logged(db: Database, visit_id: int, *, actor: str) -> StoredVisit:
    with db.write() as session:
        stored = visit_repository.load_visit(session, visit_id)
        patient = stored.record.patient
        append_audit(
            session,
            at=db.clock(),
            actor=actor,
            action="open",
            entity="visit",
            entity_id=visit_id,
            before=None,
            after={
                "patient_id": stored.patient_id,
                "account_number": patient.account_number if patient else None,
            },
        )
        return stored


def patient_history_logged(db: Database, patient_id: int, *, actor: str) -> list[VisitSummary]:
    with db.read_connection() as connection:
        rows = visit_queries.patient_history(connection, patient_id)
    with db.write() as session:
        append_audit(
            session,
            at=db.clock(),
            actor=actor,
            action="open_history",
            entity="patient",
            entity_id=patient_id,
            before=None,
            after={"visits": len(rows)},
        )
    return rows


def open_visit_as(db: Database, visit_id: int, *, user: User) -> StoredVisit:
    """Open a visit for a signed-in user who may view records (AccessDenied otherwise)."""
    user.require(Action.VIEW_RECORDS)
    return open_visit_logged(db, visit_id, actor=user.username)
