"""What electronic claims need is read from a visit record, stored and read back."""

from __future__ import annotations

import copy
import json
from datetime import date
from typing import Any

import pytest

from dermcharge.coding.visit_json import InvalidVisit
from dermcharge.domain.record import Address, SubscriberPerson
from dermcharge.services import visits
from dermcharge.services.visit_record_input import parse_visit_record, visit_record_to_json
from dermcharge.storage import people_repository as people
from dermcharge.storage.database import Database
from dermcharge.storage.errors import InvalidRecord
from tests.storage.test_cli_commands import _record_json

SPOUSE = {
    "first_name": "Tom",
    "last_name": "O'Brien",
    "dob": "1949-07-02",
    "sex": "m",
    "address": {"line1": "1 Main St", "city": "Springfield", "state": "IL", "zip": "62701"},
}
PRACTICE = {
    "name": "Prairie Dermatology",
    "npi": "1245319599",
    "tax_id": "37-1234567",
    "taxonomy": "207N00000X",
    "address": {"line1": "200 Oak Ave", "city": "Springfield", "state": "IL", "zip": "62701"},
}


def _claim_ready_record(**changes: Any) -> dict[str, Any]:
    data = _record_json(**changes)
    data["insurance"] = [
        {
            "payer_name": "Acme Health",
            "member_id": "W123456789",
            "group": "G-77",
            "payer_id": "ACME1",
            "subscriber": "spouse",
            "subscriber_person": copy.deepcopy(SPOUSE),
            "priority": "primary",
        }
    ]
    data["provider"] = {**data["provider"], "taxonomy": "207n00000x"}
    data["practice"] = copy.deepcopy(PRACTICE)
    return data


def test_claim_fields_survive_the_json_round_trip() -> None:
    record = parse_visit_record(_claim_ready_record())
    policy = record.insurance[0]
    assert policy.payer_id == "ACME1"
    assert policy.relationship == "spouse"
    assert policy.subscriber_person == SubscriberPerson(
        "Tom",
        "O'Brien",
        date(1949, 7, 2),
        "M",
        Address("1 Main St", "", "Springfield", "IL", "62701"),
    )
    assert record.provider is not None and record.provider.taxonomy == "207N00000X"
    again = parse_visit_record(json.loads(json.dumps(visit_record_to_json(record))))
    assert again == record


def test_a_bad_subscriber_date_is_named() -> None:
    data = _claim_ready_record()
    data["insurance"][0]["subscriber_person"]["dob"] = "07/02/1949"
    with pytest.raises(InvalidVisit) as invalid:
        parse_visit_record(data)
    assert "insurance[0].subscriber_person.dob: must be a date YYYY-MM-DD" in invalid.value.problems


def test_an_import_stores_what_claims_need(db: Database) -> None:
    stored = visits.import_visit_record(db, _claim_ready_record(), actor="tester")
    with db.read() as session:
        _patient, insurance = people.get_patient(session, stored.patient_id)
        practice = people.get_practice(session)
        provider = people.get_provider(session, stored.provider_id)
    assert insurance[0].payer_id == "ACME1"
    assert insurance[0].subscriber_person is not None
    assert insurance[0].subscriber_person.dob == date(1949, 7, 2)
    assert insurance[0].relationship == "spouse"
    assert practice is not None and practice.tax_id == "37-1234567"
    assert provider.taxonomy == "207N00000X"


def test_a_later_record_updates_insurance_and_fills_a_missing_taxonomy(db: Database) -> None:
    first = _record_json()
    stored = visits.import_visit_record(db, first, actor="tester")
    with db.read() as session:
        assert people.get_provider(session, stored.provider_id).taxonomy == ""
    visits.import_visit_record(db, _claim_ready_record(), actor="tester")
    with db.read() as session:
        _patient, insurance = people.get_patient(session, stored.patient_id)
        assert people.get_provider(session, stored.provider_id).taxonomy == "207N00000X"
    assert [policy.payer_id for policy in insurance] == ["ACME1"]


@pytest.mark.parametrize(
    ("field", "value", "problem"),
    [
        ("tax_id", "12345", "practice.tax_id"),
        ("taxonomy", "dermatology", "practice.taxonomy"),
        ("npi", "1245319598", "practice.npi"),
    ],
)
def test_a_practice_block_with_bad_values_is_refused_and_nothing_stored(
    db: Database, field: str, value: str, problem: str
) -> None:
    data = _claim_ready_record()
    data["practice"] = {**PRACTICE, field: value}
    with pytest.raises(InvalidRecord) as invalid:
        visits.import_visit_record(db, data, actor="tester")
    assert any(p.startswith(problem) for p in invalid.value.problems), invalid.value.problems
    with db.read() as session:
        assert people.get_practice(session) is None
        assert people.count_patients(session) == 0
