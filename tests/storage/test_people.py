"""The practice, providers and patients: found, corrected and guarded against mix-ups."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from dermcharge.domain.record import Address, Insurance, Practice, Provider
from dermcharge.services import people, visits
from dermcharge.storage.audit_log import audit_entries
from dermcharge.storage.database import Database
from dermcharge.storage.errors import InvalidRecord
from tests.storage.storage_samples import VALID_NPI, sample_patient, sample_record, stand_in_coder


def test_an_account_number_pointing_at_someone_else_is_refused(db: Database) -> None:
    visits.create_visit(db, sample_record(), actor="ma", coder=stand_in_coder)
    stranger = sample_patient(last_name="Okafor", dob=date(1980, 1, 2))
    with pytest.raises(InvalidRecord, match="A-1001 belongs to O'Brien-Núñez, Zoë"):
        visits.create_visit(db, sample_record(patient=stranger), actor="ma", coder=stand_in_coder)
    assert len(visits.list_visits(db, sample_record().visit.date_of_service)) == 1


def test_patients_are_found_by_account_or_last_name_and_corrected_with_audit(db: Database) -> None:
    stored = visits.create_visit(db, sample_record(), actor="ma", coder=stand_in_coder)
    for query in ("o'brien", "O'BRIEN-NÚÑEZ, zo", "A-1001", "1951-03-14"):
        assert [m.id for m in people.search_patients(db, query)] == [stored.patient_id], query
    assert people.search_patients(db, "o'brien")[0].name == "O'Brien-Núñez, Zoë"
    for query in ("%", "o'brien, x", "1951-03-15", ""):
        assert people.search_patients(db, query) == [], query
    moved = replace(sample_patient(), address=Address("9 New Rd", "", "Chatham", "IL", "62629"))
    policies = (
        Insurance("Medicare Part B", "1EG4TE5MK73"),
        Insurance("Aetna", "W123", priority="secondary"),
    )
    people.update_patient(db, stored.patient_id, moved, policies, actor="front.desk")
    patient, insurance = people.open_patient(db, stored.patient_id)
    assert patient.address.city == "Chatham"
    assert [p.priority for p in insurance] == ["primary", "secondary"]
    with pytest.raises(InvalidRecord, match=r"patient\.dob"):
        people.update_patient(
            db, stored.patient_id, replace(moved, dob=date(2031, 1, 1)), policies, actor="x"
        )
    with pytest.raises(InvalidRecord, match=r"insurance\[1\].priority"):
        people.update_patient(db, stored.patient_id, moved, (policies[0], policies[0]), actor="x")
    assert people.open_patient(db, stored.patient_id)[0].address.city == "Chatham"
    with db.read() as session:
        [update] = [e for e in audit_entries(session, "patient") if e.action == "update"]
    assert update.actor == "front.desk"
    assert update.before is not None and update.after is not None
    assert update.before["patient"]["address"]["city"] == "Springfield"
    assert update.after["patient"]["address"]["city"] == "Chatham"
    assert len(update.after["insurance"]) == 2


def test_providers_need_a_valid_unique_npi(db: Database) -> None:
    first = people.add_provider(db, Provider("Jane Doe", VALID_NPI, "MD"), actor="admin")
    assert people.list_providers(db) == [(first, Provider("Jane Doe", VALID_NPI, "MD"))]
    with pytest.raises(InvalidRecord, match="already on file"):
        people.add_provider(db, Provider("Jane Again", VALID_NPI), actor="admin")
    with pytest.raises(InvalidRecord, match="check digit"):
        people.add_provider(db, Provider("Bad Npi", "1234567891"), actor="admin")
    assert len(people.list_providers(db)) == 1


def test_the_practice_is_saved_once_and_corrected(db: Database) -> None:
    assert people.practice(db) is None
    details = Practice("Prairie Skin", VALID_NPI, tax_id="37-0000000", taxonomy="207N00000X")
    people.save_practice(db, details, actor="admin")
    people.save_practice(db, replace(details, phone="217-555-0100"), actor="admin")
    assert people.practice(db) == replace(details, phone="217-555-0100")
    with pytest.raises(InvalidRecord, match=r"practice\.npi"):
        people.save_practice(db, replace(details, npi="123"), actor="admin")
