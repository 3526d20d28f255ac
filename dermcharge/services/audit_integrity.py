"""Is the audit trail whole? What admins are told (storage.audit_chain does the checking)."""

from __future__ import annotations

from dermcharge.security.accounts import User
from dermcharge.security.roles import Action
from dermcharge.storage.audit_chain import ChainStatus
from dermcharge.storage.audit_trail_check import check_audit_trail
from dermcharge.storage.database import Database

__all__ = ["ChainStatus", "admin_warning", "verify_whole_trail", "with_audit_check"]


def with_audit_check(db: Database) -> Database:
    """The database, its audit trail checked (db.audit_status): the append-only triggers put
    back if someone removed them, the hash chain verified from the last verified entry on."""
    db.audit_status = check_audit_trail(db.engine)
    return db


def verify_whole_trail(db: Database, *, by: User) -> ChainStatus:
    """Check every entry from the first (not only those since the last check); the result also
    becomes the database's audit_status."""
    by.require(Action.VIEW_AUDIT)
    db.audit_status = check_audit_trail(db.engine, from_start=True)
    return db.audit_status  # type: ignore[no-any-return]


def admin_warning(db: Database, user: User) -> str | None:
    """One line for an admin (whoever may read the audit log) when the check on open found the
    trail broken; None for others, or when all is well."""
    status = db.audit_status
    if status is None or not status.broken or not user.may(Action.VIEW_AUDIT):
        return None
    more = f" (and {len(status.problems) - 1} more)" if len(status.problems) > 1 else ""
    return f"Audit trail broken: {status.problems[0]}{more}"
