"""The pathology loop: lesions, pathology results, lesion photos; procedures know their lesion
and whether their pathology is pending.

Revision ID: 0005_pathology
Revises: 0004_claims_export
Create Date: 2026-12-03 22:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_pathology"
down_revision = "0004_claims_export"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "lesions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("site", sa.String(length=40), nullable=True),
        sa.Column("laterality", sa.String(length=5), nullable=True),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["patient_id"], ["patients.id"], name=op.f("fk_lesions_patient_id_patients")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lesions")),
    )
    with op.batch_alter_table("lesions") as batch_op:
        batch_op.create_index(batch_op.f("ix_lesions_patient_id"), ["patient_id"], unique=False)

    op.create_table(
        "pathology_results",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("visit_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("lesion_id", sa.Integer(), nullable=True),
        sa.Column("icd10", sa.String(length=10), nullable=False),
        sa.Column("previous_diagnosis", sa.String(length=80), nullable=False),
        sa.Column("margins", sa.String(length=10), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("entered_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("entered_by", sa.String(length=100), nullable=False),
        sa.CheckConstraint(
            "margins IS NULL OR margins IN ('involved', 'clear')",
            name=op.f("ck_pathology_results_margins"),
        ),
        sa.ForeignKeyConstraint(
            ["lesion_id"], ["lesions.id"], name=op.f("fk_pathology_results_lesion_id_lesions")
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"], ["visits.id"], name=op.f("fk_pathology_results_visit_id_visits")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pathology_results")),
    )
    with op.batch_alter_table("pathology_results") as batch_op:
        batch_op.create_index(
            batch_op.f("ix_pathology_results_lesion_id"), ["lesion_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_pathology_results_visit_id_position"),
            ["visit_id", "position"],
            unique=False,
        )

    op.create_table(
        "lesion_photos",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("lesion_id", sa.Integer(), nullable=False),
        sa.Column("visit_id", sa.Integer(), nullable=True),
        sa.Column("media_type", sa.String(length=20), nullable=False),
        sa.Column("image", sa.LargeBinary(), nullable=False),
        sa.Column("thumbnail", sa.LargeBinary(), nullable=False),
        sa.Column("caption", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["lesion_id"], ["lesions.id"], name=op.f("fk_lesion_photos_lesion_id_lesions")
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"], ["visits.id"], name=op.f("fk_lesion_photos_visit_id_visits")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lesion_photos")),
    )
    with op.batch_alter_table("lesion_photos") as batch_op:
        batch_op.create_index(batch_op.f("ix_lesion_photos_lesion_id"), ["lesion_id"], unique=False)

    with op.batch_alter_table("visit_procedures") as batch_op:
        batch_op.add_column(sa.Column("lesion_id", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("path_pending", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_visit_procedures_lesion_id_lesions"), "lesions", ["lesion_id"], ["id"]
        )
        batch_op.create_index(
            batch_op.f("ix_visit_procedures_lesion_id"), ["lesion_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_visit_procedures_path_pending"), ["path_pending"], unique=False
        )
    # Procedures stored before this revision: their visit JSON says whether pathology is pending.
    _backfill_pending()


def _backfill_pending() -> None:
    bind = op.get_bind()
    procedures = sa.table(
        "visit_procedures",
        sa.column("visit_id", sa.Integer()),
        sa.column("position", sa.Integer()),
        sa.column("path_pending", sa.Boolean()),
    )
    visits = sa.table("visits", sa.column("id", sa.Integer()), sa.column("visit_json", sa.JSON()))
    for visit_id, visit_json in bind.execute(sa.select(visits.c.id, visits.c.visit_json)):
        for position, procedure in enumerate((visit_json or {}).get("procedures", [])):
            if isinstance(procedure, dict) and procedure.get("path_pending") is True:
                bind.execute(
                    procedures.update()
                    .where(procedures.c.visit_id == visit_id, procedures.c.position == position)
                    .values(path_pending=True)
                )


def downgrade() -> None:
    with op.batch_alter_table("visit_procedures") as batch_op:
        batch_op.drop_index(batch_op.f("ix_visit_procedures_path_pending"))
        batch_op.drop_index(batch_op.f("ix_visit_procedures_lesion_id"))
        batch_op.drop_constraint(
            batch_op.f("fk_visit_procedures_lesion_id_lesions"), type_="foreignkey"
        )
        batch_op.drop_column("path_pending")
        batch_op.drop_column("lesion_id")
    op.drop_table("lesion_photos")
    op.drop_table("pathology_results")
    op.drop_table("lesions")
