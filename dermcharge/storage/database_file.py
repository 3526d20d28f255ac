"""Looking at an SQLite database file from a process that may have it open, without harming it.

POSIX advisory locks belong to the process, not to the descriptor: closing *any* descriptor of
the database file drops every lock the process holds on it, and a file opened through a second
SQLite library (stdlib `sqlite3` beside `sqlcipher3`) is closed behind the first library's back
(SQLite, "How To Corrupt An SQLite Database File", §2.1-2.2). A process that lost its locks looks
absent to the others: the next `dermcharge` command to close the file checkpoints and unlinks
the WAL under it, and its later saves go to a deleted file.

So a running process never opens its database file with `open()`; it asks the one SQLite library
that opens plain files (the stdlib's, the one SQLAlchemy's `sqlite` dialect uses), which keeps the
descriptor of a closed connection open while another connection of the process holds a lock.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from urllib.parse import quote


def sqlite_uri(path: Path, mode: str = "ro") -> str:
    """The `file:` URI the stdlib driver opens `path` with (quoted: names may hold '?' or '#')."""
    return f"file:{quote(str(path))}?mode={mode}"


def is_plain_sqlite(path: Path) -> bool:
    """Whether `path` is an unencrypted SQLite database: its first page starts with the SQLite
    header. Read through SQLite itself, so the probe never drops this process's locks."""
    if not path.is_file() or path.stat().st_size == 0:
        return False
    try:
        probe = sqlite3.connect(sqlite_uri(path), uri=True)
    except sqlite3.Error:
        return False
    try:
        probe.execute("PRAGMA schema_version").fetchone()  # reads the header; NOTADB otherwise
    except sqlite3.DatabaseError:
        return False
    finally:
        probe.close()
    return True
