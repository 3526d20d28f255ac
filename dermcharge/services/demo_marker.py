"""Whether the database holds the demo practice (synthetic people, example fees): such a
practice is shown as a demo in the window title and on every superbill, and its visits are
never exported as claims.

`dermcharge demo` marks the database with the setting below; a database filled by an older
version is recognised by its practice having been created by the demo.
"""

from __future__ import annotations

from dermcharge.storage import user_repository
from dermcharge.storage.audit_log import audit_entries
from dermcharge.storage.database import Database

DEMO_SETTING = "practice.demo"
DEMO_ACTOR = "demo"  # the actor the demo writes as (services.demo)
DEMO_TITLE = "DEMO — not a claim"


def is_demo_practice(db: Database) -> bool:
    """True when the practice in this database is the demo's (its claims must not go out)."""
    with db.read() as session:
        if user_repository.get_setting(session, DEMO_SETTING) == "yes":
            return True
        created = [e for e in audit_entries(session, "practice") if e.action == "create"]
    return bool(created) and created[0].actor == DEMO_ACTOR
