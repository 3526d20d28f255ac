"""Back up and restore the database in use, while the app runs (see dermcharge.storage.backup)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from dermcharge.services.output_files import OutputRefused, check_output_path
from dermcharge.storage import backup as storage_backup
from dermcharge.storage.backup import RestoreResult
from dermcharge.storage.database import Database
from dermcharge.storage.errors import BackupFailed
from dermcharge.storage.migrate import upgrade_to_head

__all__ = ["RestoreResult", "back_up", "restore", "restore_url"]


def back_up(db: Database, target: Path) -> Path:
    """A consistent copy of the database at `target` (a new file, never the database itself or
    one of its companions: BackupFailed naming the path)."""
    try:
        check_output_path(target, database_url=db.url)
    except OutputRefused as refused:
        raise BackupFailed(str(refused)) from None
    return storage_backup.backup(db.url, target)


def restore(db: Database, source: Path) -> RestoreResult:
    """Replace the database with the checked backup, then bring its schema up to date.

    Nothing is replaced when the file fails its check; the database as it was is kept as the
    result's `safety_copy`.
    """
    result = storage_backup.restore(db.url, source, stamp=db.clock())
    db.engine.dispose()  # connections opened before the restore must not reuse cached state
    upgrade_to_head(db.engine)
    return result


def restore_url(url: str, source: Path, *, stamp: datetime) -> RestoreResult:
    """Restore without opening the database first: the way back from a damaged or unreadable
    file, which cannot be opened. The schema is brought up to date on the next open."""
    return storage_backup.restore(url, source, stamp=stamp)
