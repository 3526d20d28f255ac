"""Probing a database file the process has open keeps the process's SQLite locks on it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dermcharge.services.encryption import is_encrypted
from dermcharge.storage.database import open_database
from dermcharge.storage.database_file import is_plain_sqlite
from dermcharge.storage.database_url import sqlite_url


def _locks_held_by_this_process(path: Path) -> list[str]:
    """This process's POSIX locks on `path`, from /proc/locks (`… PID MAJ:MIN:INODE …`)."""
    inode = os.stat(path).st_ino
    return [
        line
        for line in Path("/proc/locks").read_text().splitlines()
        if "POSIX" in line
        and line.split()[4] == str(os.getpid())
        and line.split()[5].endswith(f":{inode}")
    ]


@pytest.mark.skipif(not Path("/proc/locks").is_file(), reason="reads /proc/locks (Linux)")
def test_asking_whether_the_open_database_is_encrypted_keeps_its_locks(tmp_path: Path) -> None:
    path = tmp_path / "dermcharge.sqlite"
    db = open_database(sqlite_url(path))
    try:
        with db.read_connection():
            pass  # the pooled connection keeps its WAL-mode shared lock on the file
        assert _locks_held_by_this_process(path)
        assert is_plain_sqlite(path)
        assert not is_encrypted(sqlite_url(path))
        # An open() + close() of the file here would have dropped the lock: the next CLI
        # process to close would then unlink the WAL under this one.
        assert _locks_held_by_this_process(path)
    finally:
        db.dispose()


def test_what_is_not_a_plain_database(tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("not a database\n" * 100)
    empty = tmp_path / "empty.sqlite"
    empty.touch()
    assert not is_plain_sqlite(text)
    assert not is_plain_sqlite(empty)
    assert not is_plain_sqlite(tmp_path / "missing.sqlite")
    assert is_encrypted("sqlite+pysqlcipher://:key@/" + str(tmp_path / "missing.sqlite"))
