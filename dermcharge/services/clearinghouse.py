"""The clearinghouse the practice sends electronic claims through: who submits, who receives.

Kept as practice-wide settings (app_settings) under the keys below; the claims export reads them
for the 837P interchange (ISA/GS sender and receiver, loop 1000A submitter, 1000B receiver).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dermcharge.security.accounts import User
from dermcharge.security.roles import Action
from dermcharge.storage import user_repository
from dermcharge.storage.database import Database
from dermcharge.storage.errors import InvalidRecord

SUBMITTER_ID = "clearinghouse.submitter_id"
SUBMITTER_NAME = "clearinghouse.submitter_name"
RECEIVER_ID = "clearinghouse.receiver_id"
RECEIVER_NAME = "clearinghouse.receiver_name"
KEYS = (SUBMITTER_ID, SUBMITTER_NAME, RECEIVER_ID, RECEIVER_NAME)
# X12 ISA06/ISA08 interchange ids are at most 15 characters; letters, digits and spaces.
INTERCHANGE_ID = re.compile(r"^[0-9A-Za-z ]{1,15}$")


@dataclass(frozen=True)
class Clearinghouse:
    submitter_id: str = ""
    submitter_name: str = ""
    receiver_id: str = ""
    receiver_name: str = ""


def clearinghouse(db: Database) -> Clearinghouse:
    with db.read() as session:
        values = [user_repository.get_setting(session, key) or "" for key in KEYS]
    return Clearinghouse(*values)


def clearinghouse_problems(settings: Clearinghouse) -> list[str]:
    problems = []
    for field_name in ("submitter_id", "receiver_id"):
        value = getattr(settings, field_name).strip()
        if value and not INTERCHANGE_ID.match(value):
            problems.append(f"{field_name}: {value!r} must be 1 to 15 letters, digits or spaces")
    for field_name in ("submitter_name", "receiver_name"):
        value = getattr(settings, field_name).strip()
        if len(value) > 60:
            problems.append(f"{field_name}: {value[:20]!r}… is longer than 60 characters")
    return problems


def save_clearinghouse(db: Database, settings: Clearinghouse, *, by: User) -> None:
    """Store the settings that changed (each change audited)."""
    by.require(Action.MANAGE_SETTINGS)
    if problems := clearinghouse_problems(settings):
        raise InvalidRecord(problems)
    values = (
        settings.submitter_id,
        settings.submitter_name,
        settings.receiver_id,
        settings.receiver_name,
    )
    with db.write() as session:
        for key, value in zip(KEYS, values, strict=True):
            if (user_repository.get_setting(session, key) or "") != value.strip():
                user_repository.put_setting(
                    session, key, value.strip(), actor=by.username, at=db.clock()
                )
