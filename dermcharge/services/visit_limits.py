"""How many procedures one visit may hold: a practice setting (default 500, far above any real
visit), so a runaway import cannot tie up the coder or the database."""

from __future__ import annotations

from dermcharge.coding.visit_json import MAX_PROCEDURES
from dermcharge.security.accounts import User
from dermcharge.security.roles import Action
from dermcharge.storage import user_repository
from dermcharge.storage.database import Database
from dermcharge.storage.errors import InvalidRecord

MAX_PROCEDURES_SETTING = "max_procedures_per_visit"
# The setting may lower the limit or raise it this far; beyond, coding time and the claim's
# size stop making sense for one visit.
HIGHEST_MAX_PROCEDURES = 5_000


def parse_max_procedures(text: str | None) -> int:
    """The stored setting as a number; the default when absent or not a sensible number."""
    if text is None or not text.strip().isdigit() or len(text.strip()) > 6:
        return MAX_PROCEDURES
    value = int(text)
    return value if 1 <= value <= HIGHEST_MAX_PROCEDURES else MAX_PROCEDURES


def max_procedures(db: Database) -> int:
    with db.read() as session:
        return parse_max_procedures(user_repository.get_setting(session, MAX_PROCEDURES_SETTING))


def set_max_procedures(db: Database, limit: int, *, by: User) -> None:
    by.require(Action.MANAGE_SETTINGS)
    if not 1 <= limit <= HIGHEST_MAX_PROCEDURES:
        raise InvalidRecord(
            [f"{MAX_PROCEDURES_SETTING}: must be a whole number from 1 to {HIGHEST_MAX_PROCEDURES}"]
        )
    with db.write() as session:
        user_repository.put_setting(
            session, MAX_PROCEDURES_SETTING, str(limit), actor=by.username, at=db.clock()
        )
