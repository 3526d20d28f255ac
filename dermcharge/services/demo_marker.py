"""Whether the database holds the demo practice (synthetic people, example fees): such a
practice is shown as a demo in the window title and on every superbill, and its visits are
never exported as claims.

`dermcharge demo` marks the database with the setting below; a database filled by an older
version is recognised by its practice having been created by the demo.
"""

from __future__ import annotations

from dermcharge.domain.record import Practice
from dermcharge.storage import user_repository
from dermcharge.storage.audit_log import audit_entries
from dermcharge.storage.database import Database

DEMO_SETTING = "practice.demo"
DEMO_ACTOR = "demo"  # the actor the demo writes as (services.demo)
DEMO_TITLE = "DEMO — not a claim"
# The demo's practice (services/demo_people.demo_practice): a visit record naming it is the
# demo's even in a database the demo did not fill (an exported demo visit imported elsewhere).
DEMO_PRACTICE_NAME = "Prairie Skin & Dermatology Associates"
DEMO_PRACTICE_TAX_ID = "37-0000000"


def is_demo_practice(db: Database) -> bool:
    """True when the practice in this database is the demo's (its claims must not go out)."""
    with db.read() as session:
        if user_repository.get_setting(session, DEMO_SETTING) == "yes":
            return True
        created = [e for e in audit_entries(session, "practice") if e.action == "create"]
    return bool(created) and created[0].actor == DEMO_ACTOR


def is_demo_record(practice: Practice | None) -> bool:
    """True when a visit record names the demo's practice (its claim must not go out)."""
    return (
        practice is not None
        and practice.name == DEMO_PRACTICE_NAME
        and practice.tax_id == DEMO_PRACTICE_TAX_ID
    )
