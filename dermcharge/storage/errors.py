"""What can go wrong in storage, each with a message a person can act on."""

from __future__ import annotations


class StorageError(Exception):
    """Base of every storage error; str() is the message to show."""


def _redacted(url: str) -> str:
    from sqlalchemy.engine import make_url  # here: the first window is painted without SQLAlchemy

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return url


class DatabaseUnavailable(StorageError):
    def __init__(self, url: str, cause: BaseException) -> None:
        reason = str(getattr(cause, "orig", None) or cause).strip().splitlines()[0]
        super().__init__(f"cannot open the database {_redacted(url)}: {reason}")


class MigrationFailed(StorageError):
    def __init__(self, detail: str) -> None:
        super().__init__(
            f"the database could not be updated to this version of dermcharge and was left as "
            f"it was: {detail}"
        )


class DatabaseTooNew(StorageError):
    def __init__(self, revision: str) -> None:
        super().__init__(
            f"the database was written by a newer dermcharge (schema {revision}); "
            f"update dermcharge on this workstation"
        )


class InvalidRecord(StorageError):
    """Input that may not be stored; nothing was written."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("; ".join(problems))


class NotFound(StorageError):
    pass


class VisitConflict(StorageError):
    """Someone else saved this visit since it was opened; the caller keeps its own edits."""

    def __init__(self, visit_id: int, expected_version: int, current_version: int) -> None:
        self.visit_id = visit_id
        self.expected_version = expected_version
        self.current_version = current_version
        super().__init__(
            f"visit {visit_id} was changed by someone else since you opened it (you have version "
            f"{expected_version}, the saved one is version {current_version}); your changes were "
            f"not saved and are still on your screen — reopen the visit to see theirs"
        )


class IllegalTransition(StorageError):
    def __init__(self, visit_id: int, status: str, action: str, hint: str = "") -> None:
        self.visit_id = visit_id
        self.status = status
        self.action = action
        message = f"visit {visit_id} is {status}; it cannot be {action}"
        super().__init__(f"{message} ({hint})" if hint else message)


class VisitLocked(IllegalTransition):
    def __init__(self, visit_id: int, status: str) -> None:
        super().__init__(visit_id, status, "edited", "only an amendment can change it")


class DatabaseNotEmpty(StorageError):
    pass


class BackupFailed(StorageError):
    pass


class RestoreRefused(StorageError):
    """The file given for restore is not a dermcharge backup we can use; nothing was replaced."""
