"""The audit log as a hash chain: prev_hash and entry_hash on every entry, computed here for the
entries already written, and the mark of the newest verified entry (an app_settings row).

Revision ID: 0006_audit_chain
Revises: 0005_pathology
Create Date: 2026-12-03 22:30:00
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

from dermcharge.storage.audit_chain import (
    GENESIS,
    POSTGRES_GUARD,
    POSTGRES_GUARD_FUNCTION,
    SQLITE_GUARD,
    VERIFIED_SETTING,
    entry_hash,
)
from dermcharge.storage.models import UtcDateTime

revision = "0006_audit_chain"
down_revision = "0005_pathology"
branch_labels = None
depends_on = None


def _drop_guard(postgresql: bool) -> None:
    names = POSTGRES_GUARD if postgresql else SQLITE_GUARD
    for name in names:
        op.execute(f"DROP TRIGGER IF EXISTS {name}" + (" ON audit_log" if postgresql else ""))


def _create_guard(postgresql: bool) -> None:
    if postgresql:
        op.execute(POSTGRES_GUARD_FUNCTION)
    for statement in (POSTGRES_GUARD if postgresql else SQLITE_GUARD).values():
        op.execute(statement)


def upgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    # Adding columns and filling them in is an UPDATE: the append-only guard steps aside for
    # this migration only, and is put back before it ends (in the same transaction).
    _drop_guard(postgresql)
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.add_column(sa.Column("prev_hash", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("entry_hash", sa.String(length=64), nullable=True))
    log = sa.table(
        "audit_log",
        sa.column("id", sa.Integer()),
        sa.column("at", UtcDateTime()),
        sa.column("actor", sa.String()),
        sa.column("action", sa.String()),
        sa.column("entity", sa.String()),
        sa.column("entity_id", sa.String()),
        sa.column("before", sa.JSON()),
        sa.column("after", sa.JSON()),
        sa.column("prev_hash", sa.String()),
        sa.column("entry_hash", sa.String()),
    )
    bind = op.get_bind()
    previous = GENESIS
    for row in bind.execute(sa.select(log).order_by(log.c.id)).mappings().all():
        digest = entry_hash(
            previous,
            at=row["at"],
            actor=row["actor"],
            action=row["action"],
            entity=row["entity"],
            entity_id=row["entity_id"],
            before=row["before"],
            after=row["after"],
        )
        bind.execute(
            log.update().where(log.c.id == row["id"]).values(prev_hash=previous, entry_hash=digest)
        )
        previous = digest
    _create_guard(postgresql)
    # Nothing verified yet: the first open checks the chain from its start. The mark is a row
    # of its own from the start, so workstations opening at once only ever update it.
    settings = sa.table(
        "app_settings",
        sa.column("key", sa.String()),
        sa.column("value", sa.Text()),
        sa.column("updated_at", UtcDateTime()),
        sa.column("updated_by", sa.String()),
    )
    op.bulk_insert(
        settings,
        [
            {
                "key": VERIFIED_SETTING,
                "value": f"0 {GENESIS}",
                "updated_at": datetime.now(UTC),
                "updated_by": "dermcharge",
            }
        ],
    )


def downgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    _drop_guard(postgresql)
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_column("entry_hash")
        batch_op.drop_column("prev_hash")
    _create_guard(postgresql)
    op.execute(
        sa.text("DELETE FROM app_settings WHERE key = :key").bindparams(key=VERIFIED_SETTING)
    )
