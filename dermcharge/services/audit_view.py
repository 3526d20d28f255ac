"""The audit log for an admin to read (never to change: there is no call for that)."""

from __future__ import annotations

from dermcharge.domain.stored import AuditEntry
from dermcharge.security.accounts import User
from dermcharge.security.roles import Action
from dermcharge.storage import audit_queries
from dermcharge.storage.database import Database


def recent_audit(
    db: Database,
    *,
    by: User,
    limit: int = audit_queries.DEFAULT_PAGE,
    actor: str | None = None,
    entity: str | None = None,
    action: str | None = None,
) -> list[AuditEntry]:
    by.require(Action.VIEW_AUDIT)
    with db.read() as session:
        return audit_queries.recent_entries(
            session, limit=limit, actor=actor, entity=entity, action=action
        )
