"""Encrypting the SQLite database at rest, and opening it again: the key from a passphrase or
the OS keyring (keyring package: Windows Credential Locker, macOS Keychain, Secret Service).

Keyring mode makes a random 256-bit key and stores it in the keyring of the OS account that runs
dermcharge *before* encrypting, so the key is never lost half-way. Passphrase mode keeps nothing:
the passphrase is asked for at each start (or read from $DERMCHARGE_DB_PASSPHRASE). PostgreSQL
is not encrypted here: that is the database server's job (disk encryption, TLS).
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from dermcharge.security.accounts import User
from dermcharge.security.passwords import password_problems
from dermcharge.security.roles import Action
from dermcharge.storage.audit_log import append_audit
from dermcharge.storage.database import Clock, Database, open_database, utc_now
from dermcharge.storage.database_url import is_sqlite, resolve_database_url
from dermcharge.storage.encryption import (
    EncryptionFailed,
    EncryptionResult,
    EncryptionUnavailable,
    encrypt_in_place,
    encrypted_url,
    is_plain_sqlite,
    new_raw_key,
    sqlcipher_available,
)

ENCRYPTED_DIALECT = "sqlite+pysqlcipher:"
KEYRING_SERVICE = "dermcharge database key"
PASSPHRASE_ENV = "DERMCHARGE_DB_PASSPHRASE"

__all__ = [
    "EncryptionFailed",
    "EncryptionUnavailable",
    "NeedsPassphrase",
    "encrypt_database",
    "is_encrypted",
    "open_unlocked",
    "sqlcipher_available",
    "unlocked_url",
]


class NeedsPassphrase(EncryptionFailed):
    def __init__(self, path: Path) -> None:
        super().__init__(
            f"{path} is encrypted: give its passphrase (${PASSPHRASE_ENV} for the command line); "
            "if it is not an encrypted dermcharge database it is damaged: restore a backup "
            "(dermcharge restore FILE --db ...)"
        )


class NotADatabase(EncryptionFailed):
    """The file is neither an SQLite database nor one SQLCipher could have written."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"{path} is not a dermcharge database (damaged, or another kind of file): restore a "
            "backup (dermcharge restore FILE --db ...) or choose another database with --db"
        )


def _could_be_sqlcipher(path: Path) -> bool:
    """SQLCipher writes whole pages of random-looking bytes; text, PDFs and truncated files
    are something else. Read before this process opens the file (only SQLCipher could)."""
    size = path.stat().st_size
    if size % 512:
        return False
    with path.open("rb") as file:
        head = file.read(64)
    printable = sum(32 <= b < 127 or b in (9, 10, 13) for b in head)
    return printable < len(head) * 0.8


def sqlite_file(url: str) -> Path:
    if not is_sqlite(url) or "///" not in url:
        raise EncryptionFailed(
            "only the local SQLite database is encrypted by dermcharge; a PostgreSQL server is "
            "protected by the server's own disk encryption and TLS"
        )
    return Path(url.split("///", 1)[1].split("?", 1)[0])


def _keyring() -> object:
    import keyring

    return keyring


def stored_key(path: Path) -> str | None:
    from keyring.errors import KeyringError

    try:
        return _keyring().get_password(KEYRING_SERVICE, str(path.resolve()))  # type: ignore[attr-defined,no-any-return]
    except KeyringError:
        return None


def is_encrypted(url: str) -> bool:
    """Whether `url` names an encrypted SQLite file. The URL of an open encrypted database says
    so itself; a plain file is asked through SQLite, never opened here (see
    storage.database_file: an open() would drop this process's locks on a database in use)."""
    if url.startswith(ENCRYPTED_DIALECT):
        return True
    try:
        path = sqlite_file(url)
    except EncryptionFailed:
        return False
    return path.is_file() and path.stat().st_size > 0 and not is_plain_sqlite(path)


def unlocked_url(url: str, passphrase: str | None = None) -> str:
    """The URL that opens the database: unchanged unless it is an encrypted SQLite file, whose
    key comes from `passphrase`, else $DERMCHARGE_DB_PASSPHRASE, else the OS keyring."""
    if url.startswith(ENCRYPTED_DIALECT) or not is_encrypted(url):
        return url  # already unlocked (it carries its key), or plain
    path = sqlite_file(url)
    if not _could_be_sqlcipher(path):
        raise NotADatabase(path)
    key = passphrase or os.environ.get(PASSPHRASE_ENV) or stored_key(path)
    if not key:
        raise NeedsPassphrase(path)
    if not sqlcipher_available():
        raise EncryptionUnavailable()
    return encrypted_url(path, key)


def open_unlocked(
    cli_value: str | None = None, *, passphrase: str | None = None, clock: Clock = utc_now
) -> Database:
    """`open_app_database` for a database that may be encrypted (NeedsPassphrase when it is and
    no key is at hand; DatabaseUnavailable when the key is wrong)."""
    from dermcharge.services.audit_integrity import with_audit_check

    url = unlocked_url(resolve_database_url(cli_value), passphrase)
    return with_audit_check(open_database(url, clock=clock))


def encrypt_database(
    url: str, *, by: User, passphrase: str | None = None, use_keyring: bool = False
) -> EncryptionResult:
    """Encrypt the SQLite database in place (see storage.encryption for how it stays safe).

    Exactly one of `passphrase` and `use_keyring`. Every dermcharge window using the file must
    be closed first (the caller's own connections too)."""
    by.require(Action.MANAGE_SETTINGS)
    if not sqlcipher_available():
        raise EncryptionUnavailable()
    if (passphrase is None) == (not use_keyring):
        raise EncryptionFailed("choose either a passphrase or the OS keyring")
    path = sqlite_file(url).resolve()
    if passphrase is not None:
        if problems := password_problems(passphrase):
            raise EncryptionFailed("passphrase: " + "; ".join(problems).replace("password", "it"))
        key = passphrase
    else:
        from keyring.errors import KeyringError

        key = new_raw_key()
        try:
            _keyring().set_password(KEYRING_SERVICE, str(path), key)  # type: ignore[attr-defined]
        except KeyringError as error:
            raise EncryptionFailed(
                f"the OS keyring cannot keep the key ({error}); use a passphrase instead"
            ) from None
        if stored_key(path) != key:
            raise EncryptionFailed("the OS keyring did not keep the key; use a passphrase instead")
    try:
        result = encrypt_in_place(path, key)
    except EncryptionFailed:
        if use_keyring:
            _forget_key(path)
        raise
    db = open_database(encrypted_url(path, key))
    try:
        with db.write() as session:
            append_audit(
                session,
                at=db.clock(),
                actor=by.username,
                action="encrypt",
                entity="database",
                entity_id=path.name[:40],
                before=None,
                after={"key": "os keyring" if use_keyring else "passphrase"},
            )
    finally:
        db.dispose()
    return result


def _forget_key(path: Path) -> None:
    from keyring.errors import KeyringError

    with contextlib.suppress(KeyringError):
        _keyring().delete_password(KEYRING_SERVICE, str(path))  # type: ignore[attr-defined]
