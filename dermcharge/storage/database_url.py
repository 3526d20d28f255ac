"""Which database to use: `--db URL`, else $DERMCHARGE_DB, else the SQLite file on this machine."""

from __future__ import annotations

import os
from pathlib import Path

from dermcharge.app_dirs import data_dir

DATABASE_ENV = "DERMCHARGE_DB"
SQLITE_FILE_NAME = "dermcharge.sqlite"


def default_sqlite_path() -> Path:
    return data_dir() / SQLITE_FILE_NAME


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def resolve_database_url(cli_value: str | None) -> str:
    """The database URL to use; a bare file path is taken as an SQLite file."""
    for candidate in (cli_value, os.environ.get(DATABASE_ENV)):
        if candidate and candidate.strip():
            return _as_url(candidate.strip())
    return sqlite_url(default_sqlite_path())


def _as_url(value: str) -> str:
    # A plain PostgreSQL URL would pick psycopg2, which we do not ship; psycopg 3 is the driver.
    for bare in ("postgresql://", "postgres://"):
        if value.startswith(bare):
            return "postgresql+psycopg://" + value[len(bare) :]
    if "://" in value:
        return value
    return sqlite_url(Path(value).expanduser().resolve())


def is_sqlite(url: str) -> bool:
    return url.startswith("sqlite")


def is_postgresql(url: str) -> bool:
    return url.startswith("postgresql")
