"""Opening the database: engine settings per backend, migration on open, read and write sessions."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DisconnectionError, SQLAlchemyError
from sqlalchemy.orm import Session

from dermcharge.file_modes import make_sqlite_private
from dermcharge.storage.database_url import is_sqlite
from dermcharge.storage.errors import DatabaseUnavailable
from dermcharge.storage.migrate import upgrade_to_head

SQLITE_BUSY_TIMEOUT_MS = 10_000  # another workstation process holding the write lock
IDLE_BEFORE_PING_SECONDS = 30.0
Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


def create_database_engine(url: str) -> Engine:
    """An engine with our connection settings: for SQLite WAL, foreign keys, busy timeout."""
    if not is_sqlite(url):
        engine = create_engine(url)
        event.listen(engine, "checkout", _ping_if_idle)
        event.listen(engine, "checkin", _note_last_use)
        return engine
    database = make_url(url).database
    if database and database != ":memory:" and not database.startswith("file:"):
        make_sqlite_private(Path(database))
    engine = create_engine(url)
    event.listen(engine, "connect", _configure_sqlite_connection)
    event.listen(engine, "begin", _begin_sqlite_transaction)
    return engine


def _note_last_use(_dbapi_connection: Any, record: Any) -> None:
    record.info["last_used"] = time.monotonic()


def _ping_if_idle(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
    # A server restart or a firewall drops idle connections to a clinic's PostgreSQL; test one
    # that sat unused before handing it out (a dead one is replaced by the pool). A connection
    # in steady use skips the round trip, so list screens pay nothing for this safety.
    if time.monotonic() - record.info.get("last_used", 0.0) < IDLE_BEFORE_PING_SECONDS:
        return
    try:
        cursor = dbapi_connection.cursor()
        cursor.execute("SELECT 1")
        cursor.close()
    except Exception as error:
        raise DisconnectionError(f"stale connection: {error}") from error


def _configure_sqlite_connection(dbapi_connection: Any, _record: Any) -> None:
    # Python's sqlite3 module would open transactions only before DML, leaving DDL (migrations)
    # in autocommit; with isolation_level None we issue BEGIN ourselves so every statement of a
    # transaction — DDL included — commits or rolls back together.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA synchronous=NORMAL")  # safe with WAL: a crash loses no committed data
    cursor.close()


def _begin_sqlite_transaction(connection: Any) -> None:
    # A writer takes the write lock up front (BEGIN IMMEDIATE) so it waits for the busy timeout
    # instead of failing when it later upgrades a read lock another writer got to first.
    # Straight to the driver: this runs before every transaction, list screens included.
    statement = (
        "BEGIN IMMEDIATE" if connection.get_execution_options().get("dermcharge_write") else "BEGIN"
    )
    connection.connection.driver_connection.execute(statement)


class Database:
    """One database: short transactions through `read()` and `write()`; nothing stays open."""

    def __init__(self, url: str, engine: Engine, clock: Clock = utc_now) -> None:
        self.url = url
        self.engine = engine
        self.clock = clock
        # What the audit trail's check on open found (storage.audit_chain.ChainStatus), when the
        # app ran it (services.database.open_app_database).
        self.audit_status: Any = None
        self._write_engine = engine.execution_options(dermcharge_write=True)

    @property
    def backend(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def read(self) -> Iterator[Session]:
        with Session(self.engine, expire_on_commit=False) as session, session.begin():
            yield session

    @contextmanager
    def read_connection(self) -> Iterator[Connection]:
        """A plain Core connection in a read transaction, for the hot list queries."""
        with self.engine.connect() as connection, connection.begin():
            yield connection

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction: everything in the block is saved together, or nothing is."""
        with Session(self._write_engine, expire_on_commit=False) as session, session.begin():
            yield session

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(url: str, *, clock: Clock = utc_now, migrate: bool = True) -> Database:
    """Connect and bring the schema up to date (the app migrates on start)."""
    engine = create_database_engine(url)
    try:
        if migrate:
            upgrade_to_head(engine)
        else:
            with engine.connect():
                pass
    except SQLAlchemyError as error:
        engine.dispose()
        raise DatabaseUnavailable(url, error) from error
    except BaseException:
        engine.dispose()
        raise
    return Database(url, engine, clock)
