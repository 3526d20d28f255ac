"""A small clinic database with accounts for the sign-in, idle-lock and audit-viewer tests."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dermcharge.domain.record import Insurance, Patient, Provider, VisitRecord
from dermcharge.domain.visit import Payer, Visit
from dermcharge.security.accounts import User
from dermcharge.services import users, visits
from dermcharge.services.database import Database, open_app_database

DOS = date(2026, 11, 20)
PASSWORD = "correct horse battery"


def clinic(tmp_path: Path) -> tuple[Database, int, dict[str, User]]:
    """A database with one draft visit and the accounts admin, doc (provider), ma1, bill."""
    db = open_app_database(f"sqlite:///{tmp_path / 'clinic.sqlite'}")
    record = VisitRecord(
        visit=Visit(date_of_service=DOS, payer=Payer.MEDICARE),
        patient=Patient(
            first_name="Zoë",
            last_name="Ñúñez-أحمد",
            dob=date(1951, 3, 14),
            sex="F",
            account_number="A-1001",
        ),
        insurance=(Insurance(payer_name="Medicare Part B", member_id="1EG4TE5MK73"),),
        provider=Provider(name="Jane Doe", npi="1234567893", credentials="MD"),
    )
    visit_id = visits.create_visit(db, record, actor="setup").id
    admin = users.create_first_admin(db, "admin", "Office Admin", PASSWORD)
    accounts = {"admin": admin}
    for name, roles in (("doc", "provider"), ("ma1", "medical_assistant"), ("bill", "biller")):
        accounts[name] = users.add_user(
            db,
            username=name,
            display_name=name.title(),
            roles=roles,
            password=PASSWORD,
            by=admin,
        )
    return db, visit_id, accounts


def private_clinic(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[Database, int, dict[str, User]]:
    """`clinic`, with a private data folder and no sign-in from the environment."""
    monkeypatch.setenv("DERMCHARGE_DATA_DIR", str(tmp_path / "data"))
    for name in ("DERMCHARGE_USER", "DERMCHARGE_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    return clinic(tmp_path)
