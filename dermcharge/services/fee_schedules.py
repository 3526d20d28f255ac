"""Fee schedules kept in the database (dermcharge.fees.FeeSchedule records), and the one lookup
that prices a visit: the visit editor, the superbill and the claims export all ask
`fee_schedule_for`, so the screen, the printout and the claim charge the same."""

from __future__ import annotations

from datetime import date

from dermcharge.fees.demo import demo_fee_schedule
from dermcharge.fees.schedule import FeeSchedule, schedule_for
from dermcharge.services.acting_user import default_actor
from dermcharge.storage import payer_repository
from dermcharge.storage.database import Database


def stored_fee_schedules(db: Database, *, in_force_on: date | None = None) -> list[FeeSchedule]:
    """Every stored schedule, or those in force on a date; pick one with fees.schedule_for."""
    with db.read() as session:
        return payer_repository.fee_schedules(session, in_force_on=in_force_on)


def practice_fee_schedules(db: Database | None) -> list[FeeSchedule]:
    """The practice's stored schedules; the shipped demo schedule (example fees, marked so on
    every print) while it has stored none, or with no database (a visit file)."""
    stored = stored_fee_schedules(db) if db is not None else []
    return stored or [demo_fee_schedule()]


def fee_schedule_for(
    db: Database | None, payer: str, on: date, payer_name: str = ""
) -> FeeSchedule | None:
    """The schedule that prices a visit for `payer` (a `Payer` value) on its date of service:
    the named payer's own (`payer_name`, the primary insurance), else the payer kind's, else
    the practice default, in force on `on` (fees.schedule_for), from `practice_fee_schedules`;
    None when none is in force (the charge is then left blank). Price a line with
    `schedule.fee_for(cpt, modifiers, on=on)`."""
    return schedule_for(practice_fee_schedules(db), payer, on, payer_name)


def add_fee_schedule(db: Database, schedule: FeeSchedule, *, actor: str | None = None) -> int:
    with db.write() as session:
        return payer_repository.add_fee_schedule(
            session, schedule, actor=actor or default_actor(), at=db.clock()
        )
