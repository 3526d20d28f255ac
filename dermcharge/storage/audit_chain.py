"""The audit log as a hash chain: each entry carries the hash of the one before it, so an entry
changed or removed with a database tool (after dropping the append-only triggers) breaks the
chain, and the app says so when it opens the database.

entry_hash = SHA-256 of the previous entry's hash and the entry's own content (when, who, what,
before, after) in one canonical JSON text. The first entry's previous hash is 64 zeros.

Appending takes the chain's lock first (PostgreSQL: a transaction-scoped advisory lock; SQLite:
the write lock every write transaction already holds from BEGIN IMMEDIATE), reads the newest
entry's hash, and inserts; the lock is held to commit, so ids follow the chain's order. Opening
verifies only what was added since the last verified entry (its id and hash kept in the
app_settings row VERIFIED_SETTING, written without an audit entry of its own), after checking
that entry is still there unchanged; the whole chain on request (`from_start`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, event, select, text
from sqlalchemy.orm import Session

from dermcharge.storage.models import AuditRow
from dermcharge.storage.user_models import SettingRow

GENESIS = "0" * 64
# pg_advisory_xact_lock key for appending to the chain ("dermaudt" as a 64-bit number).
CHAIN_LOCK_KEY = 0x6465726D61756474
BATCH = 2000
VERIFIED_SETTING = "audit_chain_verified"  # "<entry id> <entry hash>"

# The append-only guard, as the initial migration creates it (kept here to recreate it).
SQLITE_GUARD = {
    "audit_log_no_update": "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN "
    "SELECT RAISE(ABORT, 'the audit log is append-only: its rows cannot be changed'); END",
    "audit_log_no_delete": "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN "
    "SELECT RAISE(ABORT, 'the audit log is append-only: its rows cannot be deleted'); END",
}
POSTGRES_GUARD_FUNCTION = (
    "CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS "
    "$$ BEGIN RAISE EXCEPTION 'the audit log is append-only: % refused', TG_OP; END $$"
)
POSTGRES_GUARD = {
    "audit_log_no_update_delete": "CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR "
    "DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()",
    "audit_log_no_truncate": "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log "
    "FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()",
}


def _instant(at: datetime) -> str:
    """UTC to the microsecond, the same whichever backend gave the value back."""
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    return at.astimezone(UTC).isoformat(timespec="microseconds")


def entry_hash(
    previous: str,
    *,
    at: datetime,
    actor: str,
    action: str,
    entity: str,
    entity_id: str,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> str:
    content = json.dumps(
        [previous, _instant(at), actor, action, entity, entity_id, before, after],
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


def row_hash(row: AuditRow, previous: str) -> str:
    return entry_hash(
        previous,
        at=row.at,
        actor=row.actor,
        action=row.action,
        entity=row.entity,
        entity_id=row.entity_id,
        before=row.before,
        after=row.after,
    )


PENDING = "dermcharge_audit_pending"


def queue_entry(session: Session, row: AuditRow) -> None:
    """Keep `row` for this transaction's commit (link_pending_entries)."""
    session.info.setdefault(PENDING, []).append(row)


@event.listens_for(Session, "before_commit")
def link_pending_entries(session: Session) -> None:
    """At commit: take the chain's lock, link this transaction's entries in order and insert
    them. Taking the lock here rather than at each append keeps other writers waiting only for
    this commit, not for the rest of the transaction (bench/bench_concurrent_saves.py)."""
    pending: list[AuditRow] = session.info.pop(PENDING, [])
    if not pending:
        return
    previous = chain_previous(session)
    for row in pending:
        row.prev_hash = previous
        row.entry_hash = previous = row_hash(row, previous)
        session.add(row)
    session.flush()


@event.listens_for(Session, "after_rollback")
def _forget_pending_entries(session: Session) -> None:
    session.info.pop(PENDING, None)  # entries of a transaction that did not happen


def chain_previous(session: Session) -> str:
    """Take the chain's lock and give the newest entry's hash (GENESIS for an empty log)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": CHAIN_LOCK_KEY})
    newest = session.execute(
        select(AuditRow.entry_hash).order_by(AuditRow.id.desc()).limit(1)
    ).first()
    return GENESIS if newest is None or newest[0] is None else str(newest[0])


@dataclass(frozen=True)
class ChainStatus:
    """What the check on open found. `problems` is empty when all is well."""

    verified_up_to: int  # the newest entry whose chain checked out
    checked: int  # entries checked this time
    problems: tuple[str, ...] = ()
    guard_restored: tuple[str, ...] = ()  # triggers that were missing and have been recreated

    @property
    def broken(self) -> bool:
        return bool(self.problems)


def _rows_after(session: Session, after_id: int) -> Iterator[AuditRow]:
    last = after_id
    while True:
        batch = list(
            session.scalars(
                select(AuditRow).where(AuditRow.id > last).order_by(AuditRow.id).limit(BATCH)
            )
        )
        yield from batch
        if len(batch) < BATCH:
            return
        last = batch[-1].id
        session.expunge_all()  # a long log is walked in constant memory


def _walk(session: Session, after_id: int, previous: str) -> tuple[int, str, int, list[str]]:
    """Check every entry after `after_id`; (last good id, its hash, how many, problems)."""
    last_id, checked = after_id, 0
    for row in _rows_after(session, after_id):
        checked += 1
        if row.prev_hash != previous:
            return last_id, previous, checked, [
                f"audit entry {row.id} does not follow entry {last_id}: entries between them "
                "were removed or changed"
            ]  # fmt: skip
        if row.entry_hash != row_hash(row, previous):
            return last_id, previous, checked, [
                f"audit entry {row.id} ({row.action} {row.entity} {row.entity_id}) was changed "
                "after it was written"
            ]  # fmt: skip
        last_id, previous = row.id, str(row.entry_hash)
    return last_id, previous, checked, []


def _verified_mark(session: Session) -> tuple[int, str, datetime | None]:
    row = session.get(SettingRow, VERIFIED_SETTING)
    if row is None:
        return 0, GENESIS, None
    entry_id, _, digest = row.value.partition(" ")
    return (int(entry_id), digest, row.updated_at) if entry_id.isdigit() else (0, GENESIS, None)


def verify_chain(session: Session, *, from_start: bool = False) -> ChainStatus:
    """Check the entries added since the last verified one (all of them with `from_start`) and
    move the verified mark forward when they hold."""
    verified_id, verified_hash, verified_at = _verified_mark(session)
    start_id, previous = 0, GENESIS
    if verified_id > 0:
        mark = session.get(AuditRow, verified_id)
        if mark is None or mark.entry_hash != verified_hash:
            when = f", verified on {verified_at:%Y-%m-%d %H:%M} UTC," if verified_at else ""
            return ChainStatus(
                verified_up_to=0,
                checked=0,
                problems=(
                    f"audit entry {verified_id}{when} is "
                    f"{'gone' if mark is None else 'changed'}: the audit trail was cut or "
                    "rewritten",
                ),
            )
        if not from_start:
            start_id, previous = verified_id, verified_hash
    last_id, last_hash, checked, problems = _walk(session, start_id, previous)
    if not problems and last_id > verified_id:
        _mark_verified(session, last_id, last_hash)
    return ChainStatus(verified_up_to=last_id, checked=checked, problems=tuple(problems))


def _mark_verified(session: Session, last_id: int, last_hash: str) -> None:
    row = session.get(SettingRow, VERIFIED_SETTING, with_for_update=True, populate_existing=True)
    value, now = f"{last_id} {last_hash}", datetime.now(UTC)
    if row is None:  # a database the migration did not mark (made from the models directly)
        session.add(
            SettingRow(key=VERIFIED_SETTING, value=value, updated_at=now, updated_by="dermcharge")
        )
    elif _verified_mark(session)[0] < last_id:  # another workstation may have gone further
        row.value, row.updated_at = value, now


def missing_guard(connection: Connection) -> list[str]:
    """The append-only triggers that are not on the audit log."""
    if connection.dialect.name == "postgresql":
        rows = connection.execute(
            text(
                "SELECT tgname FROM pg_trigger WHERE tgrelid = 'audit_log'::regclass "
                "AND NOT tgisinternal"
            )
        )
        expected = set(POSTGRES_GUARD)
    else:
        rows = connection.execute(
            text("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'")
        )
        expected = set(SQLITE_GUARD)
    return sorted(expected - {str(r[0]) for r in rows})


def restore_guard(connection: Connection, missing: list[str]) -> None:
    """Recreate the missing append-only triggers (the database owner's right, which the app's
    account has on a dermcharge database)."""
    if connection.dialect.name == "postgresql":
        connection.execute(text(POSTGRES_GUARD_FUNCTION))
        statements = POSTGRES_GUARD
    else:
        statements = SQLITE_GUARD
    for name in missing:
        connection.execute(text(statements[name]))
