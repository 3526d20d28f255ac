"""The errors services raise, for the GUI and CLI to catch without reaching into storage."""

from __future__ import annotations

from collections.abc import Sequence

from dermcharge.domain.stored import FindingDecision
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


class SignRefused(InvalidRecord):
    """A visit whose claim still has open errors is not signed without an override reason."""

    def __init__(self, visit_id: int, errors: Sequence[FindingDecision]) -> None:
        self.visit_id = visit_id
        self.errors = tuple(errors)
        listed = [f"finding {e.position + 1} ({e.check}): {e.message}" for e in errors]
        super().__init__(
            [
                f"visit {visit_id} was not signed: {len(listed)} error finding(s) are still "
                f"open — fix them, or sign with an override reason",
                *listed,
            ]
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
    "SignRefused",
    "StorageError",
    "VisitConflict",
    "VisitLocked",
]
