"""Estimates kept with the patient: stored once as given, listed newest first."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dermcharge.storage.audit_log import add_audited
from dermcharge.storage.estimate_models import PatientEstimateRow


def add_estimate(
    session: Session,
    *,
    patient_id: int,
    good_faith: bool,
    expected_date: date | None,
    total: Decimal,
    items: dict[str, Any],
    pdf: bytes,
    actor: str,
    at: datetime,
) -> int:
    row = PatientEstimateRow(
        patient_id=patient_id,
        created_at=at,
        created_by=actor,
        good_faith=good_faith,
        expected_date=expected_date,
        total=total,
        items=items,
        pdf=pdf,
    )
    after = {"patient_id": patient_id, "good_faith": good_faith, "total": str(total), **items}
    return add_audited(session, row, "patient_estimate", after=after, actor=actor, at=at)


def patient_estimates(
    session: Session, patient_id: int
) -> list[tuple[int, datetime, bool, Decimal]]:
    """(id, created at, Good Faith Estimate?, total) of a patient's estimates, newest first."""
    rows = session.execute(
        select(
            PatientEstimateRow.id,
            PatientEstimateRow.created_at,
            PatientEstimateRow.good_faith,
            PatientEstimateRow.total,
        )
        .where(PatientEstimateRow.patient_id == patient_id)
        .order_by(PatientEstimateRow.created_at.desc(), PatientEstimateRow.id.desc())
    )
    return [tuple(row) for row in rows]  # type: ignore[misc]
