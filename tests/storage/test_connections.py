"""Connections: a clinic server that dropped an idle connection costs the user nothing."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import text

from dermcharge.services import visits
from dermcharge.storage import database
from dermcharge.storage.database import open_database
from tests.storage.conftest import _fresh_pg_database
from tests.storage.storage_samples import sample_record, stand_in_coder


@pytest.fixture
def pg_url(pg_server_url: str) -> Iterator[str]:
    yield from _fresh_pg_database(pg_server_url)


@pytest.mark.postgres
def test_a_connection_the_server_dropped_is_replaced_before_use(
    pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = open_database(pg_url)
    try:
        stored = visits.create_visit(db, sample_record(), actor="ma", coder=stand_in_coder)
        with db.read_connection() as connection:
            backend_pid = connection.execute(text("SELECT pg_backend_pid()")).scalar()
        # The server ends the pooled connection (a restart, a firewall timeout ...).
        killer = open_database(pg_url, migrate=False)
        with killer.read_connection() as connection:
            connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": backend_pid})
        killer.dispose()
        monkeypatch.setattr(database, "IDLE_BEFORE_PING_SECONDS", 0.0)
        assert [s.id for s in visits.list_visits(db, stored.record.visit.date_of_service)] == [
            stored.id
        ]
    finally:
        db.dispose()
