"""The audit trail's check on open: the append-only triggers put back when someone removed them
(and that logged), then the hash chain verified (storage.audit_chain)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from dermcharge.storage.audit_chain import ChainStatus, missing_guard, restore_guard, verify_chain
from dermcharge.storage.audit_log import append_audit


def check_audit_trail(engine: Any, *, from_start: bool = False) -> ChainStatus:
    """On open: recreate missing append-only triggers (and log that they were missing), then
    verify the chain. Never raises for what it finds: a broken chain is reported, not fatal,
    so the practice can still work and an admin can look into it."""
    try:
        with engine.begin() as connection:
            missing = missing_guard(connection)
            if missing:
                restore_guard(connection, missing)
        with Session(engine.execution_options(dermcharge_write=True)) as session, session.begin():
            status = verify_chain(session, from_start=from_start)
            if missing:
                append_audit(
                    session,
                    at=datetime.now(UTC),
                    actor="dermcharge",
                    action="audit_guard_restored",
                    entity="database",
                    entity_id="audit_log",
                    before={"missing_triggers": missing},
                    after=None,
                )
    except SQLAlchemyError as error:
        return ChainStatus(0, 0, problems=(f"the audit trail could not be checked: {error}",))
    if not missing:
        return status
    found = (
        f"the audit log's append-only triggers were missing ({', '.join(missing)}): someone "
        "removed them with a database tool; they have been recreated",
    )
    return ChainStatus(
        status.verified_up_to, status.checked, found + status.problems, tuple(missing)
    )
