"""Two workstations, one visit: the second save gets a clear conflict; nothing is overwritten."""

from __future__ import annotations

import pytest

from dermcharge.services import visits
from dermcharge.storage.database import Database, open_database
from dermcharge.storage.errors import VisitConflict
from tests.storage.storage_samples import sample_record, sample_visit, stand_in_coder


def test_the_second_save_gets_a_conflict_and_keeps_its_edits(database_url: str) -> None:
    # Two separate connections to one database, like two workstations.
    first_station = open_database(database_url)
    second_station = open_database(database_url)
    try:
        created = visits.create_visit(
            first_station, sample_record(), actor="ma", coder=stand_in_coder
        )
        mine = visits.open_visit(first_station, created.id)
        theirs = visits.open_visit(second_station, created.id)
        my_edit = sample_visit(count=5)
        their_edit = sample_visit(count=9)

        saved = visits.save_visit(
            first_station,
            mine.id,
            my_edit,
            expected_version=mine.version,
            actor="ma",
            coder=stand_in_coder,
        )
        with pytest.raises(VisitConflict) as conflict:
            visits.save_visit(
                second_station,
                theirs.id,
                their_edit,
                expected_version=theirs.version,
                actor="dr.doe",
                coder=stand_in_coder,
            )
        assert "changed by someone else" in str(conflict.value)
        assert (conflict.value.expected_version, conflict.value.current_version) == (1, 2)
        # The stored visit is the first save, untouched by the refused one ...
        stored = visits.open_visit(second_station, created.id)
        assert stored.version == saved.version == 2
        assert stored.record.visit.procedures[0].count == 5
        assert stored.updated_by == "ma"
        # ... and the second station still holds its own edits to merge and save again.
        assert their_edit.procedures[0].count == 9
        retried = visits.save_visit(
            second_station,
            stored.id,
            their_edit,
            expected_version=stored.version,
            actor="dr.doe",
            coder=stand_in_coder,
        )
        assert retried.record.visit.procedures[0].count == 9
        assert retried.version == 3
    finally:
        first_station.dispose()
        second_station.dispose()


def test_a_stale_workflow_step_is_a_conflict_too(db: Database) -> None:
    created = visits.create_visit(db, sample_record(), actor="ma", coder=stand_in_coder)
    visits.mark_ready(db, created.id, expected_version=created.version, actor="ma")
    with pytest.raises(VisitConflict):
        visits.mark_ready(db, created.id, expected_version=created.version, actor="other")
    with pytest.raises(VisitConflict):
        visits.amend(db, created.id, expected_version=1, actor="x", reason="r")
    assert visits.open_visit(db, created.id).version == 2
