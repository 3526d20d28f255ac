"""Security tests use the storage tests' databases: SQLite always, PostgreSQL when available."""

from __future__ import annotations

from tests.storage.conftest import (  # noqa: F401 - fixtures re-exported for this folder
    _private_data_dir,
    clock,
    database_url,
    db,
    pg_server_url,
)
