"""Visits written as contract JSON by earlier versions move to the codec (migration 0007)."""

from __future__ import annotations

from alembic import command
from sqlalchemy import select, update

from dermcharge.services import visits
from dermcharge.storage.database import Database
from dermcharge.storage.migrate import alembic_config, upgrade_to_head
from dermcharge.storage.models import VisitRow
from dermcharge.storage.visit_codec import CODEC_KEY, is_encoded
from tests.storage.storage_samples import sample_record, stand_in_coder


def _migrate(db: Database, target: str, *, down: bool) -> None:
    config = alembic_config()
    with db.engine.execution_options(dermcharge_write=True).begin() as connection:
        config.attributes["connection"] = connection
        (command.downgrade if down else command.upgrade)(config, target)


def _stored(db: Database, visit_id: int) -> dict[str, object]:
    with db.read() as session:
        return dict(
            session.scalars(select(VisitRow.visit_json).where(VisitRow.id == visit_id)).one()
        )


def test_old_rows_move_to_the_codec_and_read_back_the_same(db: Database) -> None:
    stored = visits.create_visit(db, sample_record(), actor="dr.doe", coder=stand_in_coder)
    assert is_encoded(_stored(db, stored.id))
    _migrate(db, "0003_claim_fields", down=True)  # back to how 0003 stored it: contract JSON
    legacy = _stored(db, stored.id)
    assert CODEC_KEY not in legacy and legacy["procedures"][0]["kind"] == "destruction_premalignant"  # type: ignore[index]
    upgrade_to_head(db.engine)
    assert is_encoded(_stored(db, stored.id))
    assert visits.open_visit(db, stored.id).record.visit == stored.record.visit


def test_a_row_no_version_can_read_is_reported_not_guessed(db: Database) -> None:
    stored = visits.create_visit(db, sample_record(), actor="dr.doe", coder=stand_in_coder)
    with db.write() as session:
        session.execute(
            update(VisitRow).where(VisitRow.id == stored.id).values(visit_json={CODEC_KEY: 99})
        )
    try:
        visits.open_visit(db, stored.id)
    except Exception as error:
        assert "format 99" in str(error)
    else:
        raise AssertionError("a visit in an unknown format opened")
