"""The errors services raise, for the GUI and CLI to catch without reaching into storage."""

from __future__ import annotations

from dermcharge.storage.errors import (
    BackupFailed,
    DatabaseNotEmpty,
    DatabaseTooNew,
    DatabaseUnavailable,
    IllegalTransition,
    InvalidRecord,
    MigrationFailed,
    NotFound,
    RestoreRefused,
    StorageError,
    VisitConflict,
    VisitLocked,
)

__all__ = [
    "BackupFailed",
    "DatabaseNotEmpty",
    "DatabaseTooNew",
    "DatabaseUnavailable",
    "IllegalTransition",
    "InvalidRecord",
    "MigrationFailed",
    "NotFound",
    "RestoreRefused",
    "StorageError",
    "VisitConflict",
    "VisitLocked",
]
