"""The schema revision this version of dermcharge ships, read from the migration files alone.

Neither Alembic nor SQLAlchemy is imported here: the app compares this with the database's
`alembic_version` on every start, and both imports together cost more than the first window."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

_REVISION = re.compile(r'^(down_revision|revision)\s*(?::[^=]*)?=\s*["\']?([^"\'\s]+)', re.M)


@cache
def shipped_head() -> str | None:
    """The one head revision of the shipped migrations; None if the files do not show exactly one
    (then callers ask Alembic, which knows branches and merges)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        found: dict[str, str] = {m.group(1): m.group(2) for m in _REVISION.finditer(text)}
        if "revision" in found:
            revisions.add(found["revision"])
            if found.get("down_revision") not in (None, "None"):
                parents.add(found["down_revision"])
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None
