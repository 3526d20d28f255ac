"""Patient data on disk is private to the account that runs dermcharge: files 0600, folders 0700.

Two layers, because either alone is not enough: the process umask (set once at start-up) makes
everything created afterwards private, including files written by SQLite and pg_dump; explicit
modes on the files that hold patient data keep them private when dermcharge is used as a
library, and tighten files an older version created world-readable. Windows ignores these
modes (its files inherit the user profile's ACL), so failures to set them are not errors.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700
PRIVATE_UMASK = 0o077
SQLITE_COMPANIONS = ("-wal", "-shm", "-journal")


def use_private_umask() -> int:
    """Make every file and folder this process creates private; returns the previous umask."""
    return os.umask(PRIVATE_UMASK)


def make_private(path: Path) -> None:
    """chmod 0600 a file that exists (a file owned by someone else is left as it is)."""
    with contextlib.suppress(OSError):
        os.chmod(path, PRIVATE_FILE)


def private_folder(path: Path) -> Path:
    """Create `path` (and missing parents) as 0700, or tighten it to 0700 if it exists."""
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)
    with contextlib.suppress(OSError):
        os.chmod(path, PRIVATE_FOLDER)
    return path


def create_private_file(path: Path) -> None:
    """An empty file created 0600 whatever the umask (so a program that writes into it after,
    SQLite or pg_dump, never has a moment where it is readable by others)."""
    descriptor = os.open(path, os.O_CREAT | os.O_WRONLY, PRIVATE_FILE)
    os.close(descriptor)
    make_private(path)


def make_sqlite_private(database: Path) -> None:
    """The database file private (created empty and 0600 when new: SQLite gives its -wal, -shm
    and -journal files the database file's own mode), and any existing companion tightened."""
    if not database.exists():
        with contextlib.suppress(OSError):
            create_private_file(database)
    make_private(database)
    for suffix in SQLITE_COMPANIONS:
        companion = database.with_name(database.name + suffix)
        if companion.exists():
            make_private(companion)
