"""The start-up reader answers the first window's questions exactly as the storage layer does, and
declines every database it could misread."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from dermcharge.domain.workflow import VisitStatus
from dermcharge.services import users, visits
from dermcharge.services.demo import fill_demo_database
from dermcharge.storage import people_repository
from dermcharge.storage.database import Database, open_database
from dermcharge.storage.errors import StorageError
from dermcharge.storage.schema_head import shipped_head
from dermcharge.storage.startup_reader import StartupReader, open_startup_reader

TODAY = date(2026, 11, 20)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Database]]:
    path = tmp_path_factory.mktemp("reader") / "demo.sqlite"
    url = f"sqlite:///{path}"
    db = open_database(url)
    fill_demo_database(db, today=TODAY, patients=40, days=8)
    yield url, db
    db.dispose()


@pytest.fixture
def reader(demo: tuple[str, Database]) -> Iterator[StartupReader]:
    opened = open_startup_reader(demo[0])
    assert opened is not None
    yield opened
    opened.close()


def test_day_lists_match_the_storage_layer_for_every_filter(demo, reader) -> None:
    _url, db = demo
    provider_ids = [pid for pid, _name, _cred in reader.providers()]
    assert len(provider_ids) == 3
    compared = 0
    for offset in range(-1, 10):  # the demo's days, and days without visits on either side
        day = TODAY - timedelta(days=offset)
        for provider_id in (None, *provider_ids):
            for status in (None, *VisitStatus):
                expected = visits.list_visits(db, day, provider_id=provider_id, status=status)
                assert reader.day_visits(day, provider_id, status) == expected
                compared += len(expected)
    assert compared > 100  # the comparison saw real rows with claim lines, not empty lists
    assert any(s.lines for s in reader.day_visits(TODAY))


def test_providers_match_the_storage_layer_and_skip_inactive_ones(demo, reader) -> None:
    url, db = demo
    with db.read() as session:
        expected = [
            (pid, p.name, p.credentials) for pid, p in people_repository.list_providers(session)
        ]
    assert reader.providers() == expected
    with sqlite3.connect(url.split("///", 1)[1]) as raw:
        raw.execute("UPDATE providers SET active = 0 WHERE id = ?", (expected[0][0],))
    try:
        assert reader.providers() == expected[1:]
    finally:
        with sqlite3.connect(url.split("///", 1)[1]) as raw:
            raw.execute("UPDATE providers SET active = 1 WHERE id = ?", (expected[0][0],))


def test_users_exist_follows_the_accounts(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'accounts.sqlite'}"
    db = open_database(url)
    reader = open_startup_reader(url)
    assert reader is not None
    assert reader.users_exist() is False
    users.create_first_admin(db, "admin", "Ana Admin", "correct horse battery")
    assert reader.users_exist() is True
    assert reader.database_label == f"SQLite {tmp_path / 'accounts.sqlite'}"
    reader.close()
    db.dispose()


def test_the_reader_opens_the_file_read_only(demo, reader) -> None:
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        reader._connection.execute("DELETE FROM visits")


def _garbage(path: Path) -> str:
    path.write_bytes(b"\x8f\x13" * 4096)  # what an encrypted (SQLCipher) file looks like
    return f"sqlite:///{path}"


def _older_schema(path: Path) -> str:
    url = f"sqlite:///{path}"
    open_database(url).dispose()
    with sqlite3.connect(path) as raw:
        raw.execute("UPDATE alembic_version SET version_num = '0001_initial_or_other'")
    return url


def _no_schema(path: Path) -> str:
    sqlite3.connect(path).execute("CREATE TABLE unrelated (x)").connection.close()
    return f"sqlite:///{path}"


@pytest.mark.parametrize(
    "make_url",
    [
        pytest.param(lambda p: f"sqlite:///{p / 'missing.sqlite'}", id="missing-file"),
        pytest.param(lambda p: _garbage(p / "encrypted.sqlite"), id="encrypted-or-foreign"),
        pytest.param(lambda p: _older_schema(p / "old.sqlite"), id="schema-to-migrate"),
        pytest.param(lambda p: _no_schema(p / "other.sqlite"), id="another-apps-database"),
        pytest.param(lambda p: "postgresql+psycopg://u:pw@127.0.0.1:1/db", id="postgresql"),
        pytest.param(lambda p: "sqlite://", id="in-memory"),
        pytest.param(lambda p: f"sqlite+pysqlcipher://:key@/{p / 'x.sqlite'}", id="sqlcipher-url"),
        pytest.param(lambda p: f"sqlite:///{p / 'x.sqlite'}?mode=ro", id="url-with-options"),
    ],
)
def test_declines_what_only_the_full_storage_layer_may_open(tmp_path, make_url) -> None:
    assert shipped_head() is not None
    assert open_startup_reader(make_url(tmp_path)) is None


def test_a_read_error_names_the_file(tmp_path) -> None:
    path = tmp_path / "gone.sqlite"
    url = f"sqlite:///{path}"
    open_database(url).dispose()
    reader = open_startup_reader(url)
    assert reader is not None
    with sqlite3.connect(path) as raw:
        raw.execute("ALTER TABLE patients RENAME TO patients_gone")
    with pytest.raises(StorageError, match=r"gone\.sqlite"):
        reader.day_visits(TODAY)
    reader.close()
