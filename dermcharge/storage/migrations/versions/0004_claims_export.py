"""Claims out: export batches, per-visit export records (amendment, claim frequency, the claim
id sent) and control-number counters that are never reused.

Revision ID: 0004_claims_export
Revises: 0003_claim_fields
Create Date: 2026-12-03 22:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_claims_export"
down_revision = "0003_claim_fields"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "claim_batches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("format", sa.String(length=10), nullable=False),
        sa.Column("file_name", sa.String(length=1000), nullable=False),
        sa.Column("interchange_control", sa.Integer(), nullable=True),
        sa.Column("visit_count", sa.Integer(), nullable=False),
        sa.Column("total_charge", sa.Numeric(10, 2), nullable=False),
        sa.Column("again", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claim_batches")),
    )
    op.create_table(
        "claim_exports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("visit_id", sa.Integer(), nullable=False),
        sa.Column("amendment", sa.Integer(), nullable=False),
        sa.Column("frequency", sa.String(length=1), nullable=False),
        sa.Column("claim_id", sa.String(length=38), nullable=False),
        sa.Column("original_claim_id", sa.String(length=50), nullable=False),
        sa.Column("total_charge", sa.Numeric(10, 2), nullable=False),
        sa.Column("payer_claim_number", sa.String(length=50), nullable=False),
        sa.ForeignKeyConstraint(
            ["batch_id"], ["claim_batches.id"], name=op.f("fk_claim_exports_batch_id_claim_batches")
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"], ["visits.id"], name=op.f("fk_claim_exports_visit_id_visits")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claim_exports")),
        sa.UniqueConstraint(
            "batch_id", "visit_id", name=op.f("uq_claim_exports_batch_id_visit_id")
        ),
    )
    op.create_index(op.f("ix_claim_exports_visit_id"), "claim_exports", ["visit_id"])
    op.create_table(
        "control_counters",
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("last_value", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_control_counters")),
    )


def downgrade() -> None:
    op.drop_table("control_counters")
    op.drop_index(op.f("ix_claim_exports_visit_id"), table_name="claim_exports")
    op.drop_table("claim_exports")
    op.drop_table("claim_batches")
