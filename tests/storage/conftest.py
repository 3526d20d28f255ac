"""Every storage test runs against SQLite and PostgreSQL, each on a fresh database.

PostgreSQL comes from $DERMCHARGE_TEST_PG_URL (scripts/start_test_postgres.sh prints it). Without
it the PostgreSQL cases skip — unless DERMCHARGE_REQUIRE_PG=1 (CI), where they fail instead.
"""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from dermcharge.storage.database import Database, open_database

PG_URL_ENV = "DERMCHARGE_TEST_PG_URL"
REQUIRE_PG_ENV = "DERMCHARGE_REQUIRE_PG"
START_HINT = 'start one with: eval "$(scripts/start_test_postgres.sh)"'


class StepClock:
    """A clock that starts at a fixed instant and moves one second per reading."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


def _unavailable(reason: str) -> None:
    if os.environ.get(REQUIRE_PG_ENV) == "1":
        pytest.fail(f"PostgreSQL is required ({REQUIRE_PG_ENV}=1) but {reason}; {START_HINT}")
    pytest.skip(f"PostgreSQL not available: {reason}; {START_HINT}")


@pytest.fixture(scope="session")
def pg_server_url() -> str:
    url = os.environ.get(PG_URL_ENV, "").strip()
    if not url:
        _unavailable(f"{PG_URL_ENV} is not set")
    try:
        engine = create_engine(url)
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        engine.dispose()
    except SQLAlchemyError as error:
        _unavailable(
            f"{make_url(url).render_as_string()} is unreachable ({error.__class__.__name__})"
        )
    return url


def _fresh_pg_database(server_url: str) -> Iterator[str]:
    name = f"dermcharge_t_{uuid.uuid4().hex[:16]}"
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(server_url).set(database=name).render_as_string(hide_password=False)
    finally:
        _drop(admin, name)
        admin.dispose()


def _drop(admin: Any, name: str) -> None:
    """Drop a test database. WITH (FORCE) ends our own connections, but a non-superuser may not
    end an autovacuum worker busy on a database the test just filled (the demo's month of
    visits): that worker finishes in moments, so try again a few times."""
    for attempt in range(20):
        try:
            with admin.connect() as connection:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            return
        except SQLAlchemyError:
            if attempt == 19:
                raise
            time.sleep(0.5)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of a new, empty database (no schema yet)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'dermcharge.sqlite'}"
        return
    server_url = request.getfixturevalue("pg_server_url")
    yield from _fresh_pg_database(server_url)


@pytest.fixture
def clock() -> StepClock:
    return StepClock(datetime(2026, 11, 20, 15, 0, tzinfo=UTC))


@pytest.fixture
def db(database_url: str, clock: StepClock) -> Iterator[Database]:
    """A migrated database on both backends."""
    database = open_database(database_url, clock=clock)
    try:
        yield database
    finally:
        database.dispose()


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Nothing a test does may touch the real user data folder or pick up a DERMCHARGE_DB.
    monkeypatch.setenv("DERMCHARGE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("DERMCHARGE_DB", raising=False)
