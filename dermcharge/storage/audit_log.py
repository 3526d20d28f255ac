"""The append-only audit log: who changed what, when, with the state before and after.

There is deliberately no function to change or remove an entry, and the database's triggers
refuse UPDATE and DELETE on the table (see the initial migration).
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dermcharge.domain.stored import AuditEntry
from dermcharge.storage.models import AuditRow


def _json_safe(value: dict[str, Any] | None) -> dict[str, Any] | None:
    # Dates and decimals become strings so every backend stores the same JSON.
    if value is None:
        return None
    result: dict[str, Any] = json.loads(json.dumps(value, default=str))
    return result


def append_audit(
    session: Session,
    *,
    at: datetime,
    actor: str,
    action: str,
    entity: str,
    entity_id: int | str,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> None:
    session.add(
        AuditRow(
            at=at,
            actor=actor,
            action=action,
            entity=entity,
            entity_id=str(entity_id),
            before=_json_safe(before),
            after=_json_safe(after),
        )
    )


def add_audited(
    session: Session,
    row: Any,
    entity: str,
    *,
    after: dict[str, Any],
    actor: str,
    at: datetime,
    entity_id: int | str | None = None,
) -> int:
    """Insert a new row and log its creation in the same transaction; the row's id."""
    session.add(row)
    session.flush()  # the id, for the log and the caller
    append_audit(
        session,
        at=at,
        actor=actor,
        action="create",
        entity=entity,
        entity_id=row.id if entity_id is None else entity_id,
        before=None,
        after=after,
    )
    return int(row.id)


def audit_entries(
    session: Session, entity: str | None = None, entity_id: int | str | None = None
) -> list[AuditEntry]:
    """Entries oldest first, optionally for one entity (e.g. "visit", 12)."""
    query = select(AuditRow).order_by(AuditRow.id)
    if entity is not None:
        query = query.where(AuditRow.entity == entity)
    if entity_id is not None:
        query = query.where(AuditRow.entity_id == str(entity_id))
    return [audit_entry(row) for row in session.scalars(query)]


def audit_entry(row: AuditRow) -> AuditEntry:
    """The record for one audit row."""
    return AuditEntry(
        id=row.id,
        at=row.at,
        actor=row.actor,
        action=row.action,
        entity=row.entity,
        entity_id=row.entity_id,
        before=row.before,
        after=row.after,
    )
