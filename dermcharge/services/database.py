"""The database the app and the CLI use: `--db URL`, else $DERMCHARGE_DB, else local SQLite."""

from __future__ import annotations

from dermcharge.services.audit_integrity import with_audit_check
from dermcharge.storage.database import Clock, Database, open_database, utc_now
from dermcharge.storage.database_url import resolve_database_url

__all__ = ["Database", "open_app_database", "resolve_database_url"]


def open_app_database(cli_value: str | None = None, *, clock: Clock = utc_now) -> Database:
    """Open (and migrate to this version's schema) the database the user chose; an encrypted
    SQLite file opens with its key from $DERMCHARGE_DB_PASSPHRASE or the OS keyring."""
    from dermcharge.services.encryption import unlocked_url  # only here: it loads SQLCipher

    return with_audit_check(
        open_database(unlocked_url(resolve_database_url(cli_value)), clock=clock)
    )
