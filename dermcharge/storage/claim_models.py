"""Table rows for claims sent out: export batches, what each visit was sent as, and the control
numbers an interchange takes (kept so that none is ever used twice).

They live on the same `Base.metadata` as `models.py`; migration 0004 creates them.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, Numeric, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from dermcharge.storage.models import Base

MONEY = Numeric(10, 2)


class ClaimBatchRow(Base):
    """One export: a file written in one format for one or more visits, by one person."""

    __tablename__ = "claim_batches"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime]
    created_by: Mapped[str] = mapped_column(String(100))
    format: Mapped[str] = mapped_column(String(10))  # 837p, hl7, fhir, cms1500, csv
    file_name: Mapped[str] = mapped_column(String(1000))
    # ISA13/GS06 of an 837P file (None for other formats): never reused.
    interchange_control: Mapped[int | None]
    visit_count: Mapped[int]
    total_charge: Mapped[Decimal] = mapped_column(MONEY)
    again: Mapped[bool] = mapped_column(default=False)  # a re-export the user asked for


class ClaimExportRow(Base):
    """One visit in one batch: which signed version went out, as which claim."""

    __tablename__ = "claim_exports"
    __table_args__ = (UniqueConstraint("batch_id", "visit_id"), Index(None, "visit_id"))

    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("claim_batches.id"))
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id"))
    amendment: Mapped[int]  # the visit's amendment number when it was exported
    frequency: Mapped[str] = mapped_column(String(1))  # 1 original, 7 replacement, 8 void
    claim_id: Mapped[str] = mapped_column(String(38))  # CLM01, the patient control number
    original_claim_id: Mapped[str] = mapped_column(String(50), default="")  # REF*F8 sent
    total_charge: Mapped[Decimal] = mapped_column(MONEY)
    # The payer's own claim number (ICN/DCN) once the biller has it from the remittance; a
    # corrected claim refers to it instead of our control number.
    payer_claim_number: Mapped[str] = mapped_column(String(50), default="")


class ControlCounterRow(Base):
    """The last control number handed out in one sequence (e.g. "interchange")."""

    __tablename__ = "control_counters"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    last_value: Mapped[int]
