"""Migrations: the schema matches the models, opening is idempotent, and a failed step changes
nothing — neither on a new database nor on one holding data."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

import dermcharge.storage.user_models  # noqa: F401  (rows registered beyond models.py)
from dermcharge.storage.database import create_database_engine, open_database
from dermcharge.storage.errors import DatabaseTooNew, MigrationFailed
from dermcharge.storage.migrate import current_revision, head_revision, upgrade_to_head
from dermcharge.storage.schema import metadata

BROKEN_STEP = """
import sqlalchemy as sa
from alembic import op

revision = "9999_broken"
down_revision = "{down}"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("half_done", sa.Column("id", sa.Integer, primary_key=True))
    with op.batch_alter_table("patients") as batch:
        batch.add_column(sa.Column("nickname", sa.String(40), nullable=True))
    op.execute("INSERT INTO half_done (id) VALUES (1)")
    op.execute("UPDATE patients SET first_name = 'CHANGED'")
    op.execute("SELECT * FROM table_that_does_not_exist")


def downgrade():
    pass
"""


def _broken_step(tmp_path: Path, down: str | None) -> Path:
    folder = tmp_path / "broken_versions"
    folder.mkdir()
    (folder / "9999_broken.py").write_text(BROKEN_STEP.format(down=down), encoding="utf-8")
    return folder


def _tables(url: str) -> set[str]:
    engine = create_database_engine(url)
    try:
        return set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def test_models_and_migrations_describe_the_same_schema(database_url: str) -> None:
    db = open_database(database_url)
    try:
        with db.engine.connect() as connection:
            differences = compare_metadata(MigrationContext.configure(connection), metadata)
        assert differences == []
    finally:
        db.dispose()


def test_opening_twice_keeps_the_schema_at_head(database_url: str) -> None:
    open_database(database_url).dispose()
    db = open_database(database_url)
    try:
        with db.engine.connect() as connection:
            assert current_revision(connection) == head_revision()
    finally:
        db.dispose()


def test_failed_migration_on_a_new_database_leaves_it_empty(
    database_url: str, tmp_path: Path
) -> None:
    # The broken step follows the whole real chain: every step before it must roll back too.
    extra = _broken_step(tmp_path, down=head_revision())
    engine = create_database_engine(database_url)
    try:
        with pytest.raises(MigrationFailed, match="left as it was"):
            upgrade_to_head(engine, extra_version_locations=[extra])
    finally:
        engine.dispose()
    assert _tables(database_url) == set()


def test_failed_migration_on_a_database_with_data_changes_nothing(
    database_url: str, tmp_path: Path
) -> None:
    db = open_database(database_url)
    with db.write() as session:
        session.execute(
            text(
                "INSERT INTO patients (account_number, first_name, last_name, dob, sex, phone,"
                " address_line1, address_line2, city, state, zip) VALUES ('A-1', 'Ada', 'Okafor',"
                " '1951-03-14', 'F', '', '', '', '', '', '')"
            )
        )
    db.dispose()
    tables_before = _tables(database_url)
    engine = create_database_engine(database_url)
    try:
        with pytest.raises(MigrationFailed):
            upgrade_to_head(
                engine, extra_version_locations=[_broken_step(tmp_path, head_revision())]
            )
        with engine.connect() as connection:
            assert current_revision(connection) == head_revision()
            names = connection.execute(text("SELECT first_name FROM patients")).scalars().all()
            columns = {c["name"] for c in inspect(connection).get_columns("patients")}
    finally:
        engine.dispose()
    assert names == ["Ada"]
    assert "nickname" not in columns
    assert _tables(database_url) == tables_before
    assert "half_done" not in tables_before


def test_a_database_from_a_newer_dermcharge_is_refused(database_url: str) -> None:
    open_database(database_url).dispose()
    engine = create_database_engine(database_url)
    try:
        with engine.begin() as connection:
            connection.execute(text("UPDATE alembic_version SET version_num = 'from_the_future'"))
        with pytest.raises(DatabaseTooNew, match="newer dermcharge"):
            upgrade_to_head(engine)
    finally:
        engine.dispose()


def test_sqlite_runs_in_wal_mode_with_foreign_keys_and_a_busy_timeout(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'x.sqlite'}")
    try:
        with db.read() as session:
            assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert session.execute(text("PRAGMA busy_timeout")).scalar() >= 5000
    finally:
        db.dispose()
