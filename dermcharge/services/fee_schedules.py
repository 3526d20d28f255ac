"""Fee schedules kept in the database (dermcharge.fees.FeeSchedule records), for superbills."""

from __future__ import annotations

from datetime import date

from dermcharge.fees.schedule import FeeSchedule
from dermcharge.services.acting_user import default_actor
from dermcharge.storage import payer_repository
from dermcharge.storage.database import Database


def stored_fee_schedules(db: Database, *, in_force_on: date | None = None) -> list[FeeSchedule]:
    """Every stored schedule, or those in force on a date; pick one with fees.schedule_for."""
    with db.read() as session:
        return payer_repository.fee_schedules(session, in_force_on=in_force_on)


def add_fee_schedule(db: Database, schedule: FeeSchedule, *, actor: str | None = None) -> int:
    with db.write() as session:
        return payer_repository.add_fee_schedule(
            session, schedule, actor=actor or default_actor(), at=db.clock()
        )
