"""The day list and a patient's history: the right visits, in order, with their claim lines."""

from __future__ import annotations

from datetime import date

from dermcharge.domain.record import Provider
from dermcharge.domain.workflow import VisitStatus
from dermcharge.services import visits
from dermcharge.storage.database import Database
from tests.storage.storage_samples import DOS, OTHER_VALID_NPI, sample_record, stand_in_coder


def test_the_day_list_filters_by_provider_and_status(db: Database) -> None:
    doe = visits.create_visit(db, sample_record(), actor="ma", coder=stand_in_coder)
    roe_record = sample_record(account="A-2", provider=Provider("Rae Roe", OTHER_VALID_NPI, "DO"))
    roe = visits.create_visit(db, roe_record, actor="ma", coder=stand_in_coder)
    other_day = visits.create_visit(
        db, sample_record(dos=date(2026, 11, 19)), actor="ma", coder=stand_in_coder
    )
    visits.mark_ready(db, roe.id, expected_version=roe.version, actor="ma")

    day = visits.list_visits(db, DOS)
    assert [s.id for s in day] == [doe.id, roe.id]  # by provider name: Doe before Roe
    assert other_day.id not in [s.id for s in day]
    assert [s.id for s in visits.list_visits(db, DOS, provider_id=roe.provider_id)] == [roe.id]
    ready = visits.list_visits(db, DOS, status=VisitStatus.READY)
    assert [(s.id, s.status) for s in ready] == [(roe.id, VisitStatus.READY)]
    first = day[0]
    assert first.patient_name == "O'Brien-Núñez, Zoë"
    assert first.provider_name == "Jane Doe"
    assert [(ln.cpt, ln.units, ln.modifiers) for ln in first.lines] == [
        ("99213", 1, ("25",)),
        ("17000", 12, ()),
        ("11104", 1, ()),
    ]
    assert visits.list_visits(db, date(2020, 1, 1)) == []


def test_a_patients_history_is_newest_first(db: Database) -> None:
    older = visits.create_visit(
        db, sample_record(dos=date(2026, 3, 2)), actor="ma", coder=stand_in_coder
    )
    newer = visits.create_visit(db, sample_record(), actor="ma", coder=stand_in_coder)
    someone_else = visits.create_visit(
        db, sample_record(account="A-2"), actor="ma", coder=stand_in_coder
    )
    history = visits.patient_history(db, older.patient_id)
    assert [(s.id, s.date_of_service) for s in history] == [
        (newer.id, DOS),
        (older.id, date(2026, 3, 2)),
    ]
    assert someone_else.id not in [s.id for s in history]
    assert all(s.lines for s in history)
