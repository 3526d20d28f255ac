"""Practice settings of the pathology loop, kept in `app_settings` (changed by an admin, audited).

- `pathology_overdue_days` (default 10): a pending report older than this is overdue.
- `hold_pending_pathology` (default true): claims with pathology pending wait in the billing
  queue (coding-rules.md R-EX-7 and R-ICD-PEND: code from the final pathology report).
"""

from __future__ import annotations

from dermcharge.domain.visit import Visit
from dermcharge.storage import user_repository
from dermcharge.storage.database import Database
from dermcharge.storage.errors import InvalidRecord

OVERDUE_DAYS_KEY = "pathology_overdue_days"
HOLD_PENDING_KEY = "hold_pending_pathology"
DEFAULT_OVERDUE_DAYS = 10
DEFAULT_HOLD_PENDING = True
MAX_OVERDUE_DAYS = 365


def overdue_days(db: Database) -> int:
    with db.read() as session:
        raw = user_repository.get_setting(session, OVERDUE_DAYS_KEY)
    try:
        return int(raw) if raw is not None else DEFAULT_OVERDUE_DAYS
    except ValueError:  # written by hand into the table: fall back rather than fail the queue
        return DEFAULT_OVERDUE_DAYS


def set_overdue_days(db: Database, days: int, *, actor: str) -> None:
    if not 1 <= days <= MAX_OVERDUE_DAYS:
        raise InvalidRecord(
            [f"{OVERDUE_DAYS_KEY}: {days} must be a whole number of days from 1 to "
             f"{MAX_OVERDUE_DAYS}"]
        )  # fmt: skip
    with db.write() as session:
        user_repository.put_setting(
            session, OVERDUE_DAYS_KEY, str(days), actor=actor, at=db.clock()
        )


def hold_pending_pathology(db: Database) -> bool:
    """Whether the billing queue holds claims whose pathology is pending (default: yes)."""
    with db.read() as session:
        raw = user_repository.get_setting(session, HOLD_PENDING_KEY)
    if raw is None:
        return DEFAULT_HOLD_PENDING
    # Anything but a clear "off" holds: a claim sent before its report is the costly mistake.
    return raw.strip().lower() not in ("false", "0", "no", "off")


def set_hold_pending_pathology(db: Database, hold: bool, *, actor: str) -> None:
    with db.write() as session:
        user_repository.put_setting(
            session, HOLD_PENDING_KEY, "true" if hold else "false", actor=actor, at=db.clock()
        )


def held_from_billing(db: Database, visit: Visit) -> bool:
    """For the billing queue: True when this visit waits for pathology under the practice's
    setting (domain.pathology.held_for_pathology with `hold_pending_pathology`)."""
    from dermcharge.domain.pathology import held_for_pathology

    return held_for_pathology(visit, hold_pending_pathology=hold_pending_pathology(db))
