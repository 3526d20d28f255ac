"""Practice set-up: a payer's own profile flags and fee schedules kept per named payer.

`payer_profiles.abn_modifiers` (whether the payer follows Medicare's ABN/cosmetic modifier
rules, GA/GZ/GY/GX) and `payer_profiles.ncci_repair_rule` (NCCI's bundling of a simple repair
into a small benign excision) override the payer kind's defaults in
resources/data/payer_profiles.json when set; `fee_schedules.payer_name` names the payer a
schedule belongs to ("" = a schedule for a payer kind or the practice default).

Revision ID: 0008_practice_setup
Revises: 0007_visit_codec
Create Date: 2026-12-03 22:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_practice_setup"
down_revision = "0007_visit_codec"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("payer_profiles") as batch:
        batch.add_column(sa.Column("abn_modifiers", sa.Boolean(), nullable=True))
        batch.add_column(sa.Column("ncci_repair_rule", sa.Boolean(), nullable=True))
    with op.batch_alter_table("fee_schedules") as batch:
        # Existing schedules get "" (a payer kind's or the default); the server default goes.
        batch.add_column(
            sa.Column("payer_name", sa.String(length=200), nullable=False, server_default="")
        )
    with op.batch_alter_table("fee_schedules") as batch:
        batch.alter_column("payer_name", server_default=None)


def downgrade() -> None:
    with op.batch_alter_table("fee_schedules") as batch:
        batch.drop_column("payer_name")
    with op.batch_alter_table("payer_profiles") as batch:
        batch.drop_column("ncci_repair_rule")
        batch.drop_column("abn_modifiers")
