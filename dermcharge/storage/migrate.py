"""Schema migrations, run from code: all pending steps in one transaction, or none of them.

PostgreSQL and SQLite both roll back DDL with the transaction (for SQLite, `database.py` makes
the driver issue BEGIN before DDL too), so a step that fails leaves the schema and data exactly as
they were before the upgrade began.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import SQLAlchemyError

if TYPE_CHECKING:
    from alembic.config import Config

from dermcharge.storage.errors import DatabaseTooNew, MigrationFailed
from dermcharge.storage.schema_head import MIGRATIONS_DIR, shipped_head

# Any constant works; it keeps two workstations starting at once from migrating side by side.
POSTGRES_MIGRATION_LOCK = 7_342_019


def _stored_revision(engine: Engine) -> str | None:
    try:
        with engine.connect() as connection:
            row = connection.execute(text("SELECT version_num FROM alembic_version")).first()
    except SQLAlchemyError:
        return None
    return str(row[0]) if row is not None else None


def alembic_config(extra_version_locations: Sequence[Path] = ()) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    locations = [MIGRATIONS_DIR / "versions", *extra_version_locations]
    config.set_main_option("version_locations", " ".join(str(p) for p in locations))
    config.set_main_option("path_separator", "space")
    return config


def head_revision(extra_version_locations: Sequence[Path] = ()) -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config(extra_version_locations)).get_current_head()
    if head is None:
        raise MigrationFailed("no migrations found")
    return head


def current_revision(connection: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


def upgrade_to_head(engine: Engine, extra_version_locations: Sequence[Path] = ()) -> None:
    """Bring the schema to the newest revision; on any failure nothing is changed."""
    if not extra_version_locations:
        head = shipped_head()
        if head is not None and _stored_revision(engine) == head:
            return  # the common start: one small query, no Alembic import
    from alembic import command
    from alembic.script import ScriptDirectory

    config = alembic_config(extra_version_locations)
    script = ScriptDirectory.from_config(config)
    head = script.get_current_head()
    with engine.connect() as probe:
        current = current_revision(probe)
    if current == head:
        return  # the common case on start: one small query, whatever the database's size
    if current is not None and current not in {rev.revision for rev in script.walk_revisions()}:
        raise DatabaseTooNew(current)
    write_engine = engine.execution_options(dermcharge_write=True)
    try:
        with write_engine.begin() as connection:
            if connection.dialect.name == "postgresql":
                connection.execute(
                    text("SELECT pg_advisory_xact_lock(:key)"), {"key": POSTGRES_MIGRATION_LOCK}
                )
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except SQLAlchemyError as error:
        detail = str(getattr(error, "orig", None) or error).strip().splitlines()[0]
        raise MigrationFailed(detail) from error
    except Exception as error:
        raise MigrationFailed(f"{type(error).__name__}: {error}") from error
