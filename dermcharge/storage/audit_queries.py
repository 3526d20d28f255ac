"""Reading the audit log for the admin's viewer: newest first, filtered, a page at a time."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dermcharge.domain.stored import AuditEntry
from dermcharge.storage.audit_log import audit_entry
from dermcharge.storage.models import AuditRow

DEFAULT_PAGE = 500


def recent_entries(
    session: Session,
    *,
    limit: int = DEFAULT_PAGE,
    actor: str | None = None,
    entity: str | None = None,
    action: str | None = None,
) -> list[AuditEntry]:
    query = select(AuditRow).order_by(AuditRow.id.desc()).limit(max(1, limit))
    if actor:
        query = query.where(AuditRow.actor == actor)
    if entity:
        query = query.where(AuditRow.entity == entity)
    if action:
        query = query.where(AuditRow.action == action)
    return [audit_entry(row) for row in session.scalars(query)]


def count_since(
    session: Session, *, action: str, entity: str, entity_id: str, since: datetime
) -> int:
    """How many entries of one kind an entity got since a moment (e.g. failed sign-ins)."""
    query = (
        select(func.count())
        .select_from(AuditRow)
        .where(
            AuditRow.action == action,
            AuditRow.entity == entity,
            AuditRow.entity_id == entity_id,
            AuditRow.at >= since,
        )
    )
    return int(session.scalar(query) or 0)
