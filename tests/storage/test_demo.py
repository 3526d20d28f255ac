"""The demo database: a realistic synthetic month, coded by the engine, the same for a seed."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from dermcharge.domain.npi import is_valid
from dermcharge.domain.workflow import VisitStatus
from dermcharge.services import visits
from dermcharge.services.demo import fill_demo_database
from dermcharge.services.fee_schedules import stored_fee_schedules
from dermcharge.storage.database import Database, open_database
from dermcharge.storage.errors import DatabaseNotEmpty
from dermcharge.storage.models import PatientRow, ProviderRow, VisitRow
from tests.storage.storage_samples import sample_record, stand_in_coder

SATURDAY = date(2026, 11, 28)


def test_the_demo_fills_a_month_ending_today(db: Database) -> None:
    summary = fill_demo_database(db, today=SATURDAY, seed=7)
    with db.read() as session:
        providers = session.scalars(select(ProviderRow.npi)).all()
        names = session.execute(select(PatientRow.first_name, PatientRow.last_name)).all()
        days = set(session.scalars(select(VisitRow.date_of_service)))
    assert len(providers) == 3 and all(is_valid(npi) for npi in providers)
    assert len(names) == summary.patients == 200
    text = " ".join(f"{first} {last}" for first, last in names)
    assert "'" in text and any(ch in text for ch in "éëöüñøłễ")
    assert min(days) >= SATURDAY - timedelta(days=29)
    assert len(days) >= 20  # weekdays of a month, plus today
    assert max(days) == SATURDAY  # today has visits even on a weekend
    today = visits.list_visits(db, SATURDAY)
    assert len(today) == summary.visits_today >= 8
    assert {s.status for s in today} <= {VisitStatus.DRAFT, VisitStatus.READY}
    assert summary.by_status["billed"] > 0 and summary.visits > 200
    assert all(s.lines for s in today), "every visit was coded by the engine"
    opened = visits.open_visit(db, today[0].id)
    assert opened.claim is not None and opened.code_sets.get("rules")
    assert stored_fee_schedules(db, in_force_on=SATURDAY)


def test_the_same_seed_gives_the_same_data(tmp_path: Path) -> None:
    contents = []
    for name in ("a", "b"):
        db = open_database(f"sqlite:///{tmp_path / name}.sqlite")
        try:
            fill_demo_database(db, today=SATURDAY, seed=3, patients=30, days=5)
            with db.read() as session:
                contents.append(
                    session.execute(
                        select(
                            VisitRow.date_of_service,
                            VisitRow.status,
                            VisitRow.visit_json,
                            PatientRow.first_name,
                            PatientRow.last_name,
                            PatientRow.dob,
                        )
                        .join(PatientRow)
                        .order_by(VisitRow.id)
                    ).all()
                )
        finally:
            db.dispose()
    assert contents[0] == contents[1]
    assert contents[0]


def test_the_demo_refuses_a_database_that_holds_anything(db: Database) -> None:
    visits.create_visit(db, sample_record(), actor="ma", coder=stand_in_coder)
    with pytest.raises(DatabaseNotEmpty, match="only a new, empty database"):
        fill_demo_database(db, today=SATURDAY, patients=5, days=2)
    with db.read() as session:
        assert len(session.scalars(select(PatientRow.id)).all()) == 1
