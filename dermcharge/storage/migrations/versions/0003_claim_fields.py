"""What electronic claims need: provider taxonomy, the insurance's payer id and subscriber,
a payer's claim address, and the provider a sign-in account signs for.

Revision ID: 0003_claim_fields
Revises: 0002_users
Create Date: 2026-12-03 22:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_claim_fields"
down_revision = "0002_users"
branch_labels = None
depends_on = None

_TEXT_COLUMNS = {
    "providers": [("taxonomy", 20)],
    "insurance": [
        ("payer_id", 20),
        ("subscriber_first_name", 100),
        ("subscriber_last_name", 100),
        ("subscriber_sex", 1),
        ("subscriber_address_line1", 200),
        ("subscriber_address_line2", 200),
        ("subscriber_city", 100),
        ("subscriber_state", 40),
        ("subscriber_zip", 20),
    ],
    "payer_profiles": [
        ("claim_address_line1", 200),
        ("claim_address_line2", 200),
        ("claim_city", 100),
        ("claim_state", 40),
        ("claim_zip", 20),
    ],
}


def upgrade() -> None:
    for table, columns in _TEXT_COLUMNS.items():
        with op.batch_alter_table(table) as batch:
            for name, length in columns:
                # Existing rows get "" (the models' default); the server default is not kept.
                batch.add_column(
                    sa.Column(name, sa.String(length=length), nullable=False, server_default="")
                )
        with op.batch_alter_table(table) as batch:
            for name, _length in columns:
                batch.alter_column(name, server_default=None)
    with op.batch_alter_table("insurance") as batch:
        batch.add_column(sa.Column("subscriber_dob", sa.Date(), nullable=True))
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("provider_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            op.f("fk_users_provider_id_providers"), "providers", ["provider_id"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.drop_constraint(op.f("fk_users_provider_id_providers"), type_="foreignkey")
        batch.drop_column("provider_id")
    with op.batch_alter_table("insurance") as batch:
        batch.drop_column("subscriber_dob")
    for table, columns in _TEXT_COLUMNS.items():
        with op.batch_alter_table(table) as batch:
            for name, _length in columns:
                batch.drop_column(name)
