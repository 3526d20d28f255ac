"""What the first window shows, read from a plain SQLite file with the standard library alone.

Loading SQLAlchemy and the mapped models takes longer than Qt takes to show a window, so the app
paints today's visits from this read-only connection while the full storage layer opens on a
worker thread. It answers only the questions the first window asks (today's list, the provider
filter, whether accounts exist) with the same SQL `visit_queries` builds, and returns the same
records; `tests/storage/test_startup_reader.py` holds the two to identical answers.

It declines (`open_startup_reader` returns None) whenever it could be wrong: a PostgreSQL URL,
a missing, encrypted or foreign file, or a schema that is not the one this version ships (the
full open migrates or refuses such a database with its own clear message).
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from dermcharge.domain.stored import ClaimLineSummary, VisitSummary, visit_summary
from dermcharge.domain.workflow import VisitStatus
from dermcharge.storage.database_file import is_plain_sqlite, sqlite_uri
from dermcharge.storage.errors import DatabaseUnavailable
from dermcharge.storage.schema_head import shipped_head

_PLAIN_SQLITE_PREFIX = "sqlite:///"  # the stock pysqlite driver; anything else takes the full path

# The statements visit_queries.py builds with SQLAlchemy (_DAY, _DAY_BY_PROVIDER, _DAY_LINES),
# written out: same joins, same order, same indexes.
_SUMMARY = (
    "SELECT v.id, v.date_of_service, v.status, v.version, v.patient_id, p.last_name,"
    " p.first_name, p.account_number, v.provider_id, pr.name, v.payer"
    " FROM visits v JOIN patients p ON p.id = v.patient_id"
    " JOIN providers pr ON pr.id = v.provider_id WHERE v.date_of_service = ?"
)
_DAY = _SUMMARY + " ORDER BY pr.name, v.id"
_DAY_BY_PROVIDER = _SUMMARY + " AND v.provider_id = ? ORDER BY pr.name, v.id"
_DAY_LINES = (
    "SELECT l.visit_id, l.cpt, l.units, l.modifiers, l.diagnoses FROM claim_lines l"
    " JOIN visits v ON v.id = l.visit_id WHERE v.date_of_service = ?"
    " ORDER BY l.visit_id, l.line_no"
)
_PROVIDERS = "SELECT id, name, credentials FROM providers WHERE active = 1 ORDER BY name"
_ANY_USER = "SELECT 1 FROM users LIMIT 1"
_REVISION = "SELECT version_num FROM alembic_version"


class StartupReader:
    """A read-only connection to one SQLite file at this version's schema."""

    def __init__(self, path: Path, connection: sqlite3.Connection) -> None:
        self.path = path
        self._connection = connection

    @property
    def database_label(self) -> str:
        return f"SQLite {self.path}"

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        """The connection; a driver error becomes the storage layer's own, naming the file."""
        try:
            yield self._connection
        except sqlite3.Error as error:
            raise DatabaseUnavailable(f"{_PLAIN_SQLITE_PREFIX}{self.path}", error) from error

    def users_exist(self) -> bool:
        with self._reading() as connection:
            return connection.execute(_ANY_USER).fetchone() is not None

    def providers(self) -> list[tuple[int, str, str]]:
        """Active providers as (id, name, credentials), by name."""
        with self._reading() as connection:
            return [(pid, name, cred) for pid, name, cred in connection.execute(_PROVIDERS)]

    def day_visits(
        self, on: date, provider_id: int | None = None, status: VisitStatus | None = None
    ) -> list[VisitSummary]:
        day = on.isoformat()  # SQLAlchemy's Date on SQLite is stored as ISO text
        with self._reading() as connection:
            if provider_id is None:
                rows = connection.execute(_DAY, (day,)).fetchall()
            else:
                rows = connection.execute(_DAY_BY_PROVIDER, (day, provider_id)).fetchall()
            lines = _lines_by_visit(connection, day) if rows else {}
        # SQLAlchemy's Date comes back as a date; the bare driver gives the stored ISO text.
        summaries = [
            visit_summary((row[0], date.fromisoformat(row[1]), *row[2:]), lines.get(row[0], ()))
            for row in rows
        ]
        if status is not None:
            summaries = [s for s in summaries if s.status is status]
        return summaries

    def close(self) -> None:
        self._connection.close()


def open_startup_reader(url: str) -> StartupReader | None:
    """A reader for `url`, or None when only the full storage layer can open it safely."""
    if not url.startswith(_PLAIN_SQLITE_PREFIX) or "?" in url:
        return None
    path = Path(url[len(_PLAIN_SQLITE_PREFIX) :])
    head = shipped_head()
    if head is None or not is_plain_sqlite(path):
        return None
    try:
        connection = sqlite3.connect(sqlite_uri(path), uri=True)
    except sqlite3.Error:
        return None
    try:
        row = connection.execute(_REVISION).fetchone()
        if row is None or row[0] != head:
            connection.close()
            return None
    except sqlite3.Error:
        connection.close()
        return None
    return StartupReader(path, connection)


def _lines_by_visit(connection: sqlite3.Connection, day: str) -> dict[int, list[ClaimLineSummary]]:
    lines: dict[int, list[ClaimLineSummary]] = defaultdict(list)
    for visit_id, cpt, units, modifiers, diagnoses in connection.execute(_DAY_LINES, (day,)):
        lines[visit_id].append(
            ClaimLineSummary(cpt, units, tuple(modifiers.split()), tuple(diagnoses.split()))
        )
    return lines
