"""Table rows for estimates given to patients (and Good Faith Estimates), kept with the patient.

On the same `Base.metadata` as `models.py`; migration 0010 creates the table.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Date, ForeignKey, LargeBinary, Numeric, String
from sqlalchemy.orm import Mapped, mapped_column

from dermcharge.storage.models import Base


class PatientEstimateRow(Base):
    """One estimate as the patient received it: the figures and the PDF itself."""

    __tablename__ = "patient_estimates"

    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"), index=True)
    created_at: Mapped[datetime]
    created_by: Mapped[str] = mapped_column(String(100))
    good_faith: Mapped[bool]
    expected_date: Mapped[date | None] = mapped_column(Date)
    total: Mapped[Decimal] = mapped_column(Numeric(10, 2))
    items: Mapped[dict[str, Any]]  # {"items": [{code, units, unit_price, diagnoses}], ...}
    pdf: Mapped[bytes] = mapped_column(LargeBinary)
