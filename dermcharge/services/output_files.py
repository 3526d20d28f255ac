"""Writing a file the user asked for (a PDF, an export, a backup): whole or not at all, private
(0600), never over an existing file without `force`, and never over the database or its copies.

The database rule holds even with `force`: a mistyped `-o` must not turn the clinic's records,
their write-ahead log or the backup meant to bring them back into a PDF.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from dermcharge.app_dirs import data_dir
from dermcharge.storage.database_url import resolve_database_url

PRIVATE_FILE_MODE = 0o600
# Files SQLite keeps beside a database while it is open (rollback journal, WAL, shared memory).
DATABASE_COMPANIONS = ("-wal", "-shm", "-journal")
# Copies dermcharge itself makes of a database file, named after it (storage.backup, encryption).
DATABASE_COPY_MARKERS = (
    ".before-restore-",
    ".unreadable-",
    ".restore-check",
    ".encrypting",
    ".plaintext-before-encryption",
    ".partial",
)
# The first bytes of an SQLite database and of a pg_dump custom-format archive: whatever its
# name, such a file is a database or a backup of one.
DATABASE_HEADERS = (b"SQLite format 3\x00", b"PGDMP")


class OutputRefused(Exception):
    """The file was not written; `reason` says why in words for the user."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}; nothing was written")


def sqlite_database_path(database_url: str) -> Path | None:
    """The file behind an SQLite URL (plain or SQLCipher), None for a server or memory."""
    if not database_url.startswith("sqlite") or "://" not in database_url:
        return None
    # sqlite:///relative, sqlite:////absolute, sqlite+pysqlcipher://:key@//absolute (the key is
    # percent-encoded, so the last "@" ends it).
    rest = database_url.split("://", 1)[1].rsplit("@", 1)[-1]
    name = rest[1:].split("?", 1)[0]
    if not name or name == ":memory:":
        return None
    return Path(name)


def database_refusal(path: Path, database_url: str | None = None) -> str | None:
    """Why `path` must never be written over (even with force), or None.

    `database_url` is the open database; None means the one the app would open (--db is absent:
    $DERMCHARGE_DB, else the SQLite file in the data folder)."""
    url = database_url if database_url is not None else resolve_database_url(None)
    target = _resolved(path)
    database = sqlite_database_path(url)
    if database is not None:
        live = _resolved(database)
        if _same_file(target, live):
            return "is the open database"
        for suffix in DATABASE_COMPANIONS:
            if _same_file(target, live.with_name(live.name + suffix)):
                return f"is the open database's {suffix.lstrip('-')} file"
        if target.parent == live.parent and any(
            target.name.startswith(prefix + marker)
            for prefix in {live.name, live.stem}
            for marker in DATABASE_COPY_MARKERS
        ):
            return "is a copy of the database kept by dermcharge"
    backups = _resolved(data_dir() / "backups")
    if target.parent == backups:
        return "is in dermcharge's backup folder"
    header = _header(target)
    if header is not None and header.startswith(DATABASE_HEADERS):
        return "holds a database or a database backup"
    return None


def check_output_path(path: Path, *, force: bool = False, database_url: str | None = None) -> None:
    """Raise OutputRefused unless `path` may be written (the checks write_output_file makes)."""
    reason = database_refusal(path, database_url)
    if reason is not None:
        raise OutputRefused(path, reason + " (refused even with --force)")
    if path.is_dir():
        raise OutputRefused(path, "is a folder")
    if not path.parent.is_dir():
        raise OutputRefused(path, f"the folder {path.parent} does not exist")
    if (path.exists() or path.is_symlink()) and not force:
        raise OutputRefused(path, "already exists (give --force to replace it)")


def write_output_file(
    path: Path, data: bytes, *, force: bool = False, database_url: str | None = None
) -> Path:
    """Write `data` to `path` atomically and privately; return the path written.

    A temporary file in the same folder (created 0600), flushed to disk, then renamed onto
    `path`, so a reader sees the old file or the whole new one, never half. Without `force` an
    existing file is refused, and the final link is made so that a file appearing meanwhile is
    not replaced either. The database, its -wal/-shm/-journal and the copies dermcharge keeps of
    it are refused always (OutputRefused). Other failures raise OSError; nothing is left behind.
    """
    check_output_path(path, force=force, database_url=database_url)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as file:
            if hasattr(os, "fchmod"):  # not on Windows before Python 3.13 (mkstemp is private)
                os.fchmod(file.fileno(), PRIVATE_FILE_MODE)
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        if force:
            os.replace(temporary, path)
        else:
            _link_without_replacing(Path(temporary), path)
        _sync_folder(path.parent)
    finally:
        Path(temporary).unlink(missing_ok=True)
    return path


def _link_without_replacing(temporary: Path, path: Path) -> None:
    try:
        os.link(temporary, path)  # fails if the name exists: no clobber, even in a race
    except FileExistsError:
        raise OutputRefused(path, "already exists (give --force to replace it)") from None
    except OSError:  # a file system without hard links (some network shares, FAT)
        if path.exists():
            raise OutputRefused(path, "already exists (give --force to replace it)") from None
        os.replace(temporary, path)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); Windows has no directory handles to sync."""
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def _resolved(path: Path) -> Path:
    return Path(os.path.realpath(path.expanduser()))


def _same_file(a: Path, b: Path) -> bool:
    if a == b:
        return True
    try:
        return os.path.samefile(a, b)  # hard links and other spellings of the same file
    except OSError:
        return False


def _header(path: Path) -> bytes | None:
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return None
        with path.open("rb") as file:
            return file.read(16)
    except OSError:
        return None
