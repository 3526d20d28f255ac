"""Table rows: the practice, people, payers, fees, visits, their claims and the audit log.

The tables of users and settings, claims out, pathology results and photos, and estimates
are in modules of their own on the same `Base`; `storage/schema.py` loads them all (migrations,
the schema comparison).

Rows are storage shapes only; `mapping.py` turns them into the core's records and back. The
migrations in `migrations/versions/` are the source of truth for the schema in a database; these
classes must describe the same tables (a test compares them).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    MetaData,
    Numeric,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

VISIT_STATUSES = ("draft", "ready", "signed", "billed")
FINDING_DECISIONS = ("acknowledged", "overridden")
MEASURE = Numeric(8, 2)  # centimetres, square centimetres, milligrams as entered


class UtcDateTime(TypeDecorator[datetime]):
    """A UTC instant on every backend: SQLite keeps no zone, so naive values read back as UTC."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None or value.tzinfo is None:
            return value
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None or value.tzinfo is not None:
            return value
        return value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        dict[str, Any]: JSON,
        datetime: UtcDateTime(),
        Decimal: MEASURE,
    }


class PostalAddress:
    """The address columns the practice and a patient both have (domain.record.Address)."""

    address_line1: Mapped[str] = mapped_column(String(200), default="")
    address_line2: Mapped[str] = mapped_column(String(200), default="")
    city: Mapped[str] = mapped_column(String(100), default="")
    state: Mapped[str] = mapped_column(String(40), default="")
    zip: Mapped[str] = mapped_column(String(20), default="")


class PracticeRow(PostalAddress, Base):
    __tablename__ = "practice"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    npi: Mapped[str] = mapped_column(String(10))
    tax_id: Mapped[str] = mapped_column(String(20), default="")
    taxonomy: Mapped[str] = mapped_column(String(20), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    place_of_service: Mapped[str] = mapped_column(String(2), default="11")


class ProviderRow(Base):
    __tablename__ = "providers"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    credentials: Mapped[str] = mapped_column(String(40), default="")
    npi: Mapped[str] = mapped_column(String(10), unique=True)
    active: Mapped[bool] = mapped_column(default=True)
    taxonomy: Mapped[str] = mapped_column(String(20), default="")  # NUCC code, e.g. 207N00000X


class PatientRow(PostalAddress, Base):
    __tablename__ = "patients"
    __table_args__ = (
        CheckConstraint("sex IN ('F', 'M', 'X', 'U')", name="sex"),
        Index(None, "last_name", "first_name"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    account_number: Mapped[str] = mapped_column(String(40), unique=True)
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100))
    dob: Mapped[date] = mapped_column(Date)
    sex: Mapped[str] = mapped_column(String(1))
    phone: Mapped[str] = mapped_column(String(40), default="")


class PayerProfileRow(Base):
    """How one payer wants claims: its kind (Payer) and the coding-profile overrides."""

    __tablename__ = "payer_profiles"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    payer: Mapped[str] = mapped_column(String(16))  # dermcharge.domain.visit.Payer value
    electronic_payer_id: Mapped[str] = mapped_column(String(20), default="")
    distinct_modifier: Mapped[str | None] = mapped_column(String(2))
    append_51: Mapped[bool | None]
    laterality_modifiers: Mapped[bool | None]
    # None = the payer kind's default (resources/data/payer_profiles.json).
    abn_modifiers: Mapped[bool | None]  # follows Medicare's ABN/cosmetic modifiers GA/GZ/GY/GX
    ncci_repair_rule: Mapped[bool | None]  # NCCI: simple repair bundled into small excisions
    # Where paper claims go (837P loop 2010BB N3/N4 when the payer wants it).
    claim_address_line1: Mapped[str] = mapped_column(String(200), default="")
    claim_address_line2: Mapped[str] = mapped_column(String(200), default="")
    claim_city: Mapped[str] = mapped_column(String(100), default="")
    claim_state: Mapped[str] = mapped_column(String(40), default="")
    claim_zip: Mapped[str] = mapped_column(String(20), default="")


class InsuranceRow(Base):
    __tablename__ = "insurance"
    __table_args__ = (
        UniqueConstraint("patient_id", "priority"),
        CheckConstraint("priority IN ('primary', 'secondary')", name="priority"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"), index=True)
    priority: Mapped[str] = mapped_column(String(10))
    payer_name: Mapped[str] = mapped_column(String(200))
    payer_profile_id: Mapped[int | None] = mapped_column(ForeignKey("payer_profiles.id"))
    plan: Mapped[str] = mapped_column(String(200), default="")
    member_id: Mapped[str] = mapped_column(String(60))
    group_number: Mapped[str] = mapped_column(String(60), default="")
    subscriber: Mapped[str] = mapped_column(String(200), default="self")
    relationship: Mapped[str] = mapped_column(String(20), default="self")
    payer_id: Mapped[str] = mapped_column(String(20), default="")  # the payer's electronic id
    # The subscriber when not the patient (claims need their name, DOB, sex and address).
    subscriber_first_name: Mapped[str] = mapped_column(String(100), default="")
    subscriber_last_name: Mapped[str] = mapped_column(String(100), default="")
    subscriber_dob: Mapped[date | None] = mapped_column(Date)
    subscriber_sex: Mapped[str] = mapped_column(String(1), default="")
    subscriber_address_line1: Mapped[str] = mapped_column(String(200), default="")
    subscriber_address_line2: Mapped[str] = mapped_column(String(200), default="")
    subscriber_city: Mapped[str] = mapped_column(String(100), default="")
    subscriber_state: Mapped[str] = mapped_column(String(40), default="")
    subscriber_zip: Mapped[str] = mapped_column(String(20), default="")


class FeeScheduleRow(Base):
    """A fee schedule (dermcharge.fees.FeeSchedule): one payer's charges between two dates."""

    __tablename__ = "fee_schedules"
    __table_args__ = (Index(None, "payer", "effective_from"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    payer: Mapped[str] = mapped_column(String(40))  # a Payer value, or "any"
    payer_name: Mapped[str] = mapped_column(String(200), default="")  # "" = kind's or default
    label: Mapped[str] = mapped_column(String(200))
    effective_from: Mapped[date] = mapped_column(Date)
    effective_to: Mapped[date | None] = mapped_column(Date)  # inclusive; None = open-ended
    source: Mapped[str] = mapped_column(String(300), default="")
    example_fees: Mapped[bool] = mapped_column(default=False)
    currency: Mapped[str] = mapped_column(String(3), default="USD")


class FeeScheduleEntryRow(Base):
    __tablename__ = "fee_schedule_entries"
    __table_args__ = (UniqueConstraint("schedule_id", "cpt", "modifier"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    schedule_id: Mapped[int] = mapped_column(ForeignKey("fee_schedules.id"))
    cpt: Mapped[str] = mapped_column(String(5))
    modifier: Mapped[str] = mapped_column(String(2), default="")  # "" = the code's plain fee
    amount: Mapped[Decimal] = mapped_column(Numeric(10, 2))


class VisitRow(Base):
    __tablename__ = "visits"
    __table_args__ = (
        CheckConstraint(f"status IN {VISIT_STATUSES!r}", name="status"),
        Index(None, "date_of_service", "provider_id"),
        Index(None, "patient_id", "date_of_service"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"))
    provider_id: Mapped[int] = mapped_column(ForeignKey("providers.id"))
    date_of_service: Mapped[date] = mapped_column(Date)
    place_of_service: Mapped[str] = mapped_column(String(2))
    payer: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(10), default="draft")
    version: Mapped[int] = mapped_column(default=1)  # optimistic lock, bumped by every save
    amendment: Mapped[int] = mapped_column(default=0)  # 0 = original, n = n-th amendment
    visit_json: Mapped[dict[str, Any]]  # the visit exactly as entered (storage/visit_codec.py)
    claim_json: Mapped[dict[str, Any] | None]  # the coded claim, whole
    code_sets: Mapped[dict[str, Any]]  # code-set and rule versions that produced the claim
    created_at: Mapped[datetime]
    created_by: Mapped[str] = mapped_column(String(100))
    updated_at: Mapped[datetime]
    updated_by: Mapped[str] = mapped_column(String(100))
    signed_at: Mapped[datetime | None]
    signed_by: Mapped[str | None] = mapped_column(String(100))
    billed_at: Mapped[datetime | None]

    # The repository sets the next version itself; the ORM adds "AND version = <old>" to every
    # UPDATE, so a change based on a stale read can never land.
    __mapper_args__ = {  # noqa: RUF012 - SQLAlchemy's own declaration is not a ClassVar
        "version_id_col": version,
        "version_id_generator": False,
    }


class ProcedureRow(Base):
    """One captured procedure, as columns for queries; visit_json holds it exactly as entered."""

    __tablename__ = "visit_procedures"
    __table_args__ = (UniqueConstraint("visit_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id"))
    position: Mapped[int]  # 0-based, the order performed
    kind: Mapped[str] = mapped_column(String(40))
    site: Mapped[str | None] = mapped_column(String(40))
    laterality: Mapped[str | None] = mapped_column(String(5))
    digit: Mapped[int | None]
    count: Mapped[int | None]
    lesion_cm: Mapped[Decimal | None]
    margin_cm: Mapped[Decimal | None]
    excised_cm: Mapped[Decimal | None]
    length_cm: Mapped[Decimal | None]
    defect_sq_cm: Mapped[Decimal | None]
    area_sq_cm: Mapped[Decimal | None]
    finding: Mapped[str | None] = mapped_column(String(60))
    icd10: Mapped[str | None] = mapped_column(String(10))
    # Migration 0005_pathology: the lesion it treated and whether its pathology is awaited (the
    # pending-pathology queue reads these; visit_json stays the record as entered).
    lesion_id: Mapped[int | None] = mapped_column(ForeignKey("lesions.id"), index=True)
    path_pending: Mapped[bool] = mapped_column(default=False, server_default=false(), index=True)


class LesionRow(Base):
    """One lesion of one patient: where it is and what people call it ("6 mm pink papule")."""

    __tablename__ = "lesions"

    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"), index=True)
    site: Mapped[str | None] = mapped_column(String(40))
    laterality: Mapped[str | None] = mapped_column(String(5))
    label: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime]
    created_by: Mapped[str] = mapped_column(String(100))


class ClaimLineRow(Base):
    __tablename__ = "claim_lines"
    __table_args__ = (UniqueConstraint("visit_id", "line_no"), Index(None, "cpt"))

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id"))
    line_no: Mapped[int]  # 1-based claim order
    cpt: Mapped[str] = mapped_column(String(5))
    units: Mapped[int]
    modifiers: Mapped[str] = mapped_column(String(20), default="")  # "25 59", claim order
    diagnoses: Mapped[str] = mapped_column(String(40), default="")  # "L57.0 C44.311", primary 1st
    description: Mapped[str] = mapped_column(String(200), default="")


class DiagnosisRow(Base):
    __tablename__ = "visit_diagnoses"
    __table_args__ = (UniqueConstraint("visit_id", "pointer"), Index(None, "icd10"))

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id"))
    pointer: Mapped[int]  # 1 = A, 2 = B ...
    icd10: Mapped[str] = mapped_column(String(10))


class FindingRow(Base):
    """A claim-check finding and what a person decided about it (who, when, why)."""

    __tablename__ = "visit_findings"
    __table_args__ = (
        UniqueConstraint("visit_id", "position"),
        CheckConstraint(f"decision IS NULL OR decision IN {FINDING_DECISIONS!r}", name="decision"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id"))
    position: Mapped[int]
    severity: Mapped[str] = mapped_column(String(10))
    check_name: Mapped[str] = mapped_column(String(60))
    message: Mapped[str] = mapped_column(Text)
    decision: Mapped[str | None] = mapped_column(String(20))
    decided_by: Mapped[str | None] = mapped_column(String(100))
    decided_at: Mapped[datetime | None]
    reason: Mapped[str | None] = mapped_column(Text)


class VisitVersionRow(Base):
    """A signed visit as it stood before an amendment reopened it — kept for good."""

    __tablename__ = "visit_versions"
    __table_args__ = (UniqueConstraint("visit_id", "amendment"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id"))
    amendment: Mapped[int]  # the visit's amendment number while this version was current
    status: Mapped[str] = mapped_column(String(10))
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"))
    provider_id: Mapped[int] = mapped_column(ForeignKey("providers.id"))
    place_of_service: Mapped[str] = mapped_column(String(2))
    visit_json: Mapped[dict[str, Any]]
    claim_json: Mapped[dict[str, Any] | None]
    code_sets: Mapped[dict[str, Any]]
    signed_at: Mapped[datetime | None]
    signed_by: Mapped[str | None] = mapped_column(String(100))
    amended_at: Mapped[datetime]
    amended_by: Mapped[str] = mapped_column(String(100))
    reason: Mapped[str] = mapped_column(Text)


class AuditRow(Base):
    """Append-only: database triggers refuse UPDATE and DELETE on this table."""

    __tablename__ = "audit_log"
    __table_args__ = (Index(None, "entity", "entity_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(40))
    before: Mapped[dict[str, Any] | None]
    after: Mapped[dict[str, Any] | None]
    # The hash chain (storage.audit_chain): the previous entry's hash and this entry's own.
    prev_hash: Mapped[str | None] = mapped_column(String(64))
    entry_hash: Mapped[str | None] = mapped_column(String(64))
