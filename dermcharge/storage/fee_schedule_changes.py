"""Changing stored fee schedules: a new schedule taking over from a date, one fee corrected.

When a practice imports its fees for a payer from a date, the schedule in force before then
ends the day before (so the superbill of an older visit keeps its older fees); an import on the
same start date replaces that schedule's fees. Every change is audited.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from dermcharge.fees.schedule import FeeSchedule
from dermcharge.storage.audit_log import append_audit
from dermcharge.storage.errors import NotFound
from dermcharge.storage.models import FeeScheduleEntryRow, FeeScheduleRow
from dermcharge.storage.payer_repository import add_fee_schedule


@dataclass(frozen=True)
class StoredFee:
    schedule_id: int
    payer: str  # Payer value or "any"
    payer_name: str  # "" for a kind's or the default schedule
    label: str
    effective_from: date
    effective_to: date | None
    code: str
    modifier: str
    amount: Decimal


def take_over(session: Session, schedule: FeeSchedule, *, actor: str, at: datetime) -> int:
    """Store `schedule` as the payer's from its start date; the one in force before ends the day
    before, one starting the same day is replaced. The new schedule's id."""
    rows = session.scalars(
        select(FeeScheduleRow).where(
            FeeScheduleRow.payer == schedule.payer,
            FeeScheduleRow.payer_name == schedule.payer_name,
        )
    ).all()
    start = schedule.effective_from
    for row in rows:
        if row.effective_from == start:
            session.execute(
                delete(FeeScheduleEntryRow).where(FeeScheduleEntryRow.schedule_id == row.id)
            )
            # The old row stays (the audit log names it) but no longer applies on any day.
            _set_end(session, row, start - timedelta(days=1), actor=actor, at=at)
        elif row.effective_from < start and (row.effective_to is None or row.effective_to >= start):
            _set_end(session, row, start - timedelta(days=1), actor=actor, at=at)
    session.flush()
    return add_fee_schedule(session, schedule, actor=actor, at=at)


def _set_end(session: Session, row: FeeScheduleRow, end: date, *, actor: str, at: datetime) -> None:
    before = {"effective_to": None if row.effective_to is None else row.effective_to.isoformat()}
    row.effective_to = end
    append_audit(
        session,
        at=at,
        actor=actor,
        action="update",
        entity="fee_schedule",
        entity_id=row.id,
        before=before,
        after={"effective_to": end.isoformat()},
    )


def stored_fees(session: Session, *, payer_name: str | None = None) -> list[StoredFee]:
    """Every fee of every schedule still in use (one ending before it starts is not), by payer,
    start date, code and modifier; `payer_name` "" picks the default and kind schedules."""
    query = (
        select(FeeScheduleRow, FeeScheduleEntryRow)
        .join(FeeScheduleEntryRow, FeeScheduleEntryRow.schedule_id == FeeScheduleRow.id)
        .order_by(
            FeeScheduleRow.payer_name,
            FeeScheduleRow.payer,
            FeeScheduleRow.effective_from,
            FeeScheduleEntryRow.cpt,
            FeeScheduleEntryRow.modifier,
        )
    )
    if payer_name is not None:
        query = query.where(FeeScheduleRow.payer_name == payer_name)
    return [
        StoredFee(
            schedule.id,
            schedule.payer,
            schedule.payer_name,
            schedule.label,
            schedule.effective_from,
            schedule.effective_to,
            entry.cpt,
            entry.modifier,
            entry.amount,
        )
        for schedule, entry in session.execute(query).all()
        if schedule.effective_to is None or schedule.effective_to >= schedule.effective_from
    ]


def set_fee(
    session: Session,
    schedule_id: int,
    code: str,
    modifier: str,
    amount: Decimal,
    *,
    actor: str,
    at: datetime,
) -> None:
    """Set one fee of a stored schedule (added when the code/modifier has none yet)."""
    if session.get(FeeScheduleRow, schedule_id) is None:
        raise NotFound(f"no fee schedule with id {schedule_id}")
    entry = session.scalars(
        select(FeeScheduleEntryRow).where(
            FeeScheduleEntryRow.schedule_id == schedule_id,
            FeeScheduleEntryRow.cpt == code,
            FeeScheduleEntryRow.modifier == modifier,
        )
    ).first()
    before = None if entry is None else {"fee": str(entry.amount)}
    if entry is None:
        entry = FeeScheduleEntryRow(schedule_id=schedule_id, cpt=code, modifier=modifier)
        session.add(entry)
    entry.amount = amount
    session.flush()
    append_audit(
        session,
        at=at,
        actor=actor,
        action="update" if before else "create",
        entity="fee_schedule",
        entity_id=schedule_id,
        before=None if before is None else {"code": code, "modifier": modifier, **before},
        after={"code": code, "modifier": modifier, "fee": str(amount)},
    )
