"""SQLCipher encryption at rest for the SQLite database, and the safe in-place migration to it.

The encrypted database is opened through SQLAlchemy's `sqlite+pysqlcipher` dialect (driver:
the `sqlcipher3` package, e.g. `sqlcipher3-binary`). A key is either a passphrase (SQLCipher
derives the key from it with PBKDF2-HMAC-SHA512, 256,000 iterations, salted by the file) or a
random 256-bit raw key written `x'<64 hex digits>'` (kept in the OS keyring by the service).

`encrypt_in_place` never leaves the database half-done: it exports an encrypted copy beside the
file while holding the write lock, checks the copy (integrity, same rows in every table), keeps
the plaintext file under another name, swaps the copy in with one atomic rename, opens the
result with the key, and only then deletes the plaintext copy. Any failure before the swap
leaves the original untouched; after it, the kept plaintext is the way back.
"""

from __future__ import annotations

import os
import secrets
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.engine import URL

from dermcharge.storage.database_file import is_plain_sqlite
from dermcharge.storage.errors import StorageError

SQLITE_HEADER = b"SQLite format 3\x00"
ENCRYPTING_SUFFIX = ".encrypting"
KEPT_SUFFIX = ".plaintext-before-encryption"


class EncryptionUnavailable(StorageError):
    def __init__(self) -> None:
        super().__init__(
            "SQLCipher is not available on this workstation: install the sqlcipher3-binary "
            "package (pip install 'sqlcipher3-binary') to encrypt the database"
        )


class EncryptionFailed(StorageError):
    """The database was not encrypted; the message says why and where the data is."""


@dataclass(frozen=True)
class EncryptionResult:
    path: Path
    tables: int
    rows: int


def _sqlcipher() -> Any:
    try:
        import sqlcipher3
    except ImportError:
        raise EncryptionUnavailable() from None
    return sqlcipher3


def sqlcipher_available() -> bool:
    try:
        _sqlcipher()
    except EncryptionUnavailable:
        return False
    return True


def new_raw_key() -> str:
    """A random 256-bit SQLCipher raw key, in the form PRAGMA key takes."""
    return f"x'{secrets.token_hex(32)}'"


def encrypted_url(path: Path, key: str) -> str:
    """The SQLAlchemy URL that opens the encrypted file with `key` (it holds the secret)."""
    url = URL.create("sqlite+pysqlcipher", username="", password=key, database=str(path))
    return url.render_as_string(hide_password=False)


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _row_counts(connection: Any, schema: str = "main") -> dict[str, int]:
    names = [
        row[0]
        for row in connection.execute(
            f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
    ]
    return {
        name: connection.execute(f'SELECT count(*) FROM {schema}."{name}"').fetchone()[0]
        for name in names
    }


def _open_encrypted(sqlcipher: Any, path: Path, key: str) -> Any:
    connection = sqlcipher.connect(str(path), isolation_level=None)
    connection.execute(f'PRAGMA key = "{key.replace(chr(34), chr(34) * 2)}"')
    return connection


def check_encrypted(path: Path, key: str) -> dict[str, int]:
    """Row counts of an encrypted file opened with `key`; EncryptionFailed if it does not open
    or fails SQLite's integrity check."""
    sqlcipher = _sqlcipher()
    try:
        connection = _open_encrypted(sqlcipher, path, key)
        try:
            result = connection.execute("PRAGMA integrity_check").fetchone()[0]
            if result != "ok":
                raise EncryptionFailed(f"the encrypted copy fails its integrity check: {result}")
            return _row_counts(connection)
        finally:
            connection.close()
    except sqlcipher.DatabaseError as error:
        raise EncryptionFailed(f"{path} does not open with this key ({error})") from None


def encrypt_in_place(path: Path, key: str) -> EncryptionResult:
    """Encrypt the plain SQLite database at `path` with `key` (see the module docstring).

    Every other dermcharge window using this file must be closed first."""
    sqlcipher = _sqlcipher()
    if not key:
        raise EncryptionFailed("an empty key encrypts nothing; give a passphrase")
    if not path.is_file():
        raise EncryptionFailed(f"{path} is not a file")
    if not is_plain_sqlite(path):
        raise EncryptionFailed(f"{path} is not a plain SQLite database (already encrypted?)")
    copy = path.with_name(path.name + ENCRYPTING_SUFFIX)
    kept = path.with_name(path.name + KEPT_SUFFIX)
    for leftover in (copy, kept):
        if leftover.exists():
            raise EncryptionFailed(
                f"{leftover} exists from an earlier attempt; move it away and try again"
            )
    source = sqlcipher.connect(str(path), isolation_level=None)  # no key: plain SQLite
    writer_lock = None
    try:
        if source.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise EncryptionFailed(f"{path} fails SQLite's integrity check; restore a backup first")
        source.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        escaped_key = key.replace("'", "''")
        source.execute(f"ATTACH DATABASE {_quoted(str(copy))} AS encrypted KEY '{escaped_key}'")
        # A second connection holds the write lock: no one writes while the copy is made and
        # swapped (sqlcipher_export cannot run inside a transaction of its own connection).
        writer_lock = sqlcipher.connect(str(path), isolation_level=None)
        writer_lock.execute("BEGIN IMMEDIATE")
        counts = _row_counts(source)
        source.execute("SELECT sqlcipher_export('encrypted')")
        version = source.execute("PRAGMA main.user_version").fetchone()[0]
        source.execute(f"PRAGMA encrypted.user_version = {int(version)}")
        source.execute("DETACH DATABASE encrypted")
        if check_encrypted(copy, key) != counts:
            raise EncryptionFailed("the encrypted copy does not hold the same rows; not swapped")
        os.link(path, kept)  # the plaintext stays reachable until the swap is proven
        os.replace(copy, path)  # atomic: the name now points at the encrypted file
    except (sqlite3.Error, sqlcipher.Error, OSError) as error:
        copy.unlink(missing_ok=True)
        raise EncryptionFailed(
            f"the database was not encrypted and is unchanged: {error}"
        ) from None
    except BaseException:
        copy.unlink(missing_ok=True)
        raise
    finally:
        if writer_lock is not None:
            writer_lock.close()  # ends its transaction; it wrote nothing
        source.close()
    for journal in ("-wal", "-shm"):  # the plaintext's, now empty; never read with the new file
        path.with_name(path.name + journal).unlink(missing_ok=True)
    try:
        check_encrypted(path, key)
    except EncryptionFailed:
        os.replace(kept, path)  # put the plaintext back under its name
        raise
    kept.unlink()
    return EncryptionResult(path, len(counts), sum(counts.values()))
