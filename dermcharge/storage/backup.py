"""Backup and restore while the app runs, checking a file completely before replacing anything.

SQLite: the online backup API copies a consistent snapshot while others keep working; a restore
checks a private copy of the file (PRAGMA integrity_check, our schema and a revision we know),
keeps a copy of the current database, then copies the backup in through the same API, which
replaces the live database in one transaction. PostgreSQL: the documented pg_dump route —
`pg_dump --format=custom` to back up; `pg_restore --list` to check the archive, then
`pg_restore --clean --if-exists --single-transaction` so a failed restore changes nothing.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from alembic.script import ScriptDirectory
from sqlalchemy.engine import make_url

from dermcharge.app_dirs import data_dir
from dermcharge.storage.database_file import is_plain_sqlite
from dermcharge.storage.database_url import is_postgresql, is_sqlite
from dermcharge.storage.errors import BackupFailed, RestoreRefused
from dermcharge.storage.migrate import alembic_config

REQUIRED_TABLES = frozenset(
    {"alembic_version", "practice", "providers", "patients", "visits", "claim_lines", "audit_log"}
)
SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True)
class RestoreResult:
    revision: str  # the schema revision of the restored backup
    safety_copy: Path | None  # the database as it was before the restore


def known_revisions() -> frozenset[str]:
    script = ScriptDirectory.from_config(alembic_config())
    return frozenset(rev.revision for rev in script.walk_revisions())


def backup(url: str, target: Path) -> Path:
    """Write a consistent copy of the database to `target` (which must not exist yet)."""
    if target.exists():
        raise BackupFailed(f"{target} already exists; choose a new file name")
    if not target.parent.is_dir():
        raise BackupFailed(f"{target.parent} is not a folder")
    if is_sqlite(url):
        _sqlite_backup(_sqlite_path(url), target)
    elif is_postgresql(url):
        _pg_dump(url, target)
    else:
        raise BackupFailed(f"backup is not supported for {make_url(url).drivername}")
    return target


def restore(url: str, source: Path, *, stamp: datetime) -> RestoreResult:
    """Replace the database's contents with the backup in `source`, after checking it."""
    if not source.is_file():
        raise RestoreRefused(f"{source} is not a file")
    if is_sqlite(url):
        return _sqlite_restore(_sqlite_path(url), source, stamp)
    if is_postgresql(url):
        return _pg_restore(url, source, stamp)
    raise RestoreRefused(f"restore is not supported for {make_url(url).drivername}")


# --- SQLite ---------------------------------------------------------------------------------


def _sqlite_path(url: str) -> Path:
    database = make_url(url).database
    if not database or database == ":memory:":
        raise BackupFailed("an in-memory database has nothing to back up")
    return Path(database)


def _sqlite_backup(live: Path, target: Path) -> None:
    partial = target.with_name(target.name + ".partial")
    try:
        with _closing(sqlite3.connect(live)) as source, _closing(sqlite3.connect(partial)) as copy:
            source.backup(copy)
            # A standalone file: no -wal/-shm companions needed to read it.
            copy.execute("PRAGMA journal_mode=DELETE")
        problem = _sqlite_problem(partial)
        if problem:
            raise BackupFailed(f"the copy failed its check ({problem}); nothing was written")
        os.replace(partial, target)
    except sqlite3.Error as error:
        raise BackupFailed(f"backup to {target} failed: {error}") from error
    finally:
        partial.unlink(missing_ok=True)


def _sqlite_problem(path: Path) -> str | None:
    """Why this file is not a usable dermcharge database, or None."""
    with path.open("rb") as handle:
        if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            return "it is not an SQLite database"
    try:
        with _closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as check:
            result = check.execute("PRAGMA integrity_check").fetchall()
            if result != [("ok",)]:
                return "integrity check failed: " + "; ".join(str(r[0]) for r in result[:3])
            tables = {r[0] for r in check.execute("SELECT name FROM sqlite_master")}
            missing = REQUIRED_TABLES - tables
            if missing:
                return f"it is not a dermcharge database (no {', '.join(sorted(missing))})"
            revisions = [r[0] for r in check.execute("SELECT version_num FROM alembic_version")]
    except sqlite3.Error as error:
        return f"it cannot be read ({error})"
    if len(revisions) != 1 or revisions[0] not in known_revisions():
        return f"its schema {revisions} is not one this version of dermcharge knows"
    return None


def _sqlite_restore(live: Path, source: Path, stamp: datetime) -> RestoreResult:
    # Check a private copy, so neither a half-written source nor a check touches the original.
    checked = live.with_name(f"{live.name}.restore-check")
    try:
        shutil.copyfile(source, checked)
        problem = _sqlite_problem(checked)
        if problem:
            raise RestoreRefused(f"{source} was not restored: {problem}; nothing was replaced")
        with _closing(sqlite3.connect(checked)) as backup_db:
            revision = backup_db.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        if _unreadable(live):
            return _replace_unreadable(live, checked, revision, stamp)
        safety = None
        if live.exists():
            safety = live.with_name(
                f"{live.stem}.before-restore-{stamp:%Y%m%dT%H%M%S}{live.suffix}"
            )
            _sqlite_backup(live, safety)
        with (
            _closing(sqlite3.connect(checked)) as backup_db,
            _closing(sqlite3.connect(live, timeout=30)) as live_db,
        ):
            backup_db.backup(live_db)  # one transaction on the live database
        return RestoreResult(revision=revision, safety_copy=safety)
    except (OSError, sqlite3.Error) as error:
        raise RestoreRefused(f"restore from {source} failed: {error}") from error
    finally:
        checked.unlink(missing_ok=True)


def _unreadable(live: Path) -> bool:
    """A live file that is not SQLite at all (damaged, foreign, or encrypted without its key):
    the online backup API cannot copy it, so it is set aside whole."""
    if not live.exists() or live.stat().st_size == 0:
        return False
    return not is_plain_sqlite(live)  # through SQLite: an open() here would drop its locks


def _replace_unreadable(live: Path, checked: Path, revision: str, stamp: datetime) -> RestoreResult:
    """Keep the unreadable file (and its -wal/-shm companions) under a new name, then put the
    checked backup in its place."""
    kept = live.with_name(f"{live.stem}.unreadable-{stamp:%Y%m%dT%H%M%S}{live.suffix}")
    os.replace(live, kept)
    for suffix in ("-wal", "-shm"):
        companion = live.with_name(live.name + suffix)
        if companion.exists():
            os.replace(companion, kept.with_name(kept.name + suffix))
    shutil.copyfile(checked, live)
    return RestoreResult(revision=revision, safety_copy=kept)


class _closing:
    """Close an sqlite3 connection on exit (its own context manager only commits)."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection

    def __enter__(self) -> sqlite3.Connection:
        return self.connection

    def __exit__(self, *exc: object) -> None:
        self.connection.close()


# --- PostgreSQL -----------------------------------------------------------------------------


def _pg_tool(name: str) -> str:
    found = shutil.which(name)
    if found:
        return found
    # Debian keeps each server version's client tools off PATH, under /usr/lib/postgresql.
    debian = Path("/usr/lib/postgresql") if os.name == "posix" else None
    found_there = debian.glob(f"*/bin/{name}") if debian else ()
    candidates = sorted(found_there, key=lambda p: p.parts)
    if candidates:
        return str(candidates[-1])
    raise BackupFailed(
        f"{name} was not found; install the PostgreSQL client tools (Debian: apt-get install "
        f"postgresql-client) whose version is at least the server's"
    )


def _libpq_target(url: str) -> tuple[str, dict[str, str]]:
    """A libpq URL without the password (kept out of the process list) and the environment."""
    parsed = make_url(url)
    env = dict(os.environ)
    if parsed.password:
        env["PGPASSWORD"] = str(parsed.password)
    plain = parsed.set(drivername="postgresql", password=None)
    return plain.render_as_string(hide_password=False), env


def _run(command: list[str], env: dict[str, str], what: str) -> str:
    result = subprocess.run(
        command, env=env, capture_output=True, text=True, errors="replace", check=False
    )
    if result.returncode != 0:
        detail = (result.stderr.strip().splitlines() or ["no message"])[-1]
        raise BackupFailed(f"{what} failed: {detail}")
    return result.stdout


def _pg_dump(url: str, target: Path) -> None:
    target_url, env = _libpq_target(url)
    partial = target.with_name(target.name + ".partial")
    try:
        _run(
            [_pg_tool("pg_dump"), "--format=custom", "--no-owner", f"--file={partial}", target_url],
            env,
            "pg_dump",
        )
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)


def _pg_archive_revision(source: Path, env: dict[str, str]) -> str:
    try:
        listing = _run([_pg_tool("pg_restore"), "--list", str(source)], env, "pg_restore --list")
    except BackupFailed as error:
        raise RestoreRefused(f"{source} is not a pg_dump archive: {error}") from error
    tables = {
        parts[-2]
        for line in listing.splitlines()
        if " TABLE " in line and (parts := line.split()) and len(parts) >= 2
    }
    missing = REQUIRED_TABLES - tables
    if missing:
        raise RestoreRefused(
            f"{source} is not a dermcharge backup (no {', '.join(sorted(missing))})"
        )
    data = _run(
        [_pg_tool("pg_restore"), "--data-only", "--table=alembic_version", "--file=-", str(source)],
        env,
        "pg_restore",
    )
    rows = data.split("FROM stdin;\n", 1)[-1].split("\n\\.", 1)[0].split()
    if len(rows) != 1 or rows[0] not in known_revisions():
        raise RestoreRefused(f"{source} has schema {rows}, which this dermcharge does not know")
    # Read every entry, data included, so a damaged archive is refused before the restore starts.
    try:
        _run(
            [_pg_tool("pg_restore"), f"--file={os.devnull}", str(source)],
            env,
            "reading the archive",
        )
    except BackupFailed as error:
        raise RestoreRefused(f"{source} is damaged: {error}") from error
    return rows[0]


def _pg_restore(url: str, source: Path, stamp: datetime) -> RestoreResult:
    target_url, env = _libpq_target(url)
    try:
        revision = _pg_archive_revision(source, env)
    except BackupFailed as error:
        raise RestoreRefused(str(error)) from error
    safety_dir = data_dir() / "backups"
    safety_dir.mkdir(parents=True, exist_ok=True)
    safety = safety_dir / f"before-restore-{stamp:%Y%m%dT%H%M%S}.pgdump"
    _pg_dump(url, safety)
    try:
        _run(
            [
                _pg_tool("pg_restore"),
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                "--exit-on-error",
                f"--dbname={target_url}",
                str(source),
            ],
            env,
            "pg_restore",
        )
    except BackupFailed as error:
        raise RestoreRefused(f"{error}; the database was left as it was") from error
    return RestoreResult(revision=revision, safety_copy=safety)
