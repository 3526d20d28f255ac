"""Estimates and Good Faith Estimates given to patients, kept with the patient.

Revision ID: 0010_estimates
Revises: 0008_practice_setup
Create Date: 2026-12-03 22:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010_estimates"
down_revision = "0008_practice_setup"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "patient_estimates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("good_faith", sa.Boolean(), nullable=False),
        sa.Column("expected_date", sa.Date(), nullable=True),
        sa.Column("total", sa.Numeric(precision=10, scale=2), nullable=False),
        sa.Column("items", sa.JSON(), nullable=False),
        sa.Column("pdf", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["patient_id"], ["patients.id"], name=op.f("fk_patient_estimates_patient_id_patients")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_patient_estimates")),
    )
    op.create_index(
        op.f("ix_patient_estimates_patient_id"), "patient_estimates", ["patient_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_patient_estimates_patient_id"), table_name="patient_estimates")
    op.drop_table("patient_estimates")
