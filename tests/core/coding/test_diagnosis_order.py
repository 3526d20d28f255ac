"""The claim's A-L list: order of first use, unless a person ordered it (ICD-10-CM IV.G)."""

from __future__ import annotations

import pytest

from dermcharge.coding.visit_json import InvalidVisit, parse_visit, unknown_fields, visit_to_json
from tests.core.coding.engine_helpers import DOS, code

EM = {
    "code": "99213",
    "separately_identifiable": True,
    "diagnoses": [{"icd10": "L40.0"}],
}
PROCEDURES = [
    {"kind": "destruction_premalignant", "site": "forehead", "count": 12,
     "finding": "actinic_keratosis"},
    {"kind": "biopsy_tangential", "site": "forearm", "laterality": "left",
     "finding": "neoplasm_unspecified_behavior", "path_pending": True},
]  # fmt: skip


def test_without_an_order_the_list_follows_first_use() -> None:
    claim = code(PROCEDURES, em=EM)
    first_use = []
    for line in claim.lines:
        for dx in line.diagnoses:
            if dx not in first_use:
                first_use.append(dx)
    assert list(claim.diagnoses) == first_use
    assert set(claim.diagnoses) == {"L40.0", "L57.0", "D49.2"}


def test_a_chosen_order_puts_those_codes_first_and_keeps_each_lines_pointers() -> None:
    plain = code(PROCEDURES, em=EM)
    ordered = code(PROCEDURES, em=EM, diagnosis_order=["D49.2", "L40.0"])
    assert list(ordered.diagnoses) == ["D49.2", "L40.0", "L57.0"]
    assert [(ln.cpt, ln.diagnoses) for ln in ordered.lines] == [
        (ln.cpt, ln.diagnoses) for ln in plain.lines
    ]


def test_codes_no_line_points_to_are_not_claimed() -> None:
    claim = code(PROCEDURES, em=EM, diagnosis_order=["L82.1", "L57.0"])
    assert claim.diagnoses[0] == "L57.0"
    assert "L82.1" not in claim.diagnoses


def test_the_order_round_trips_through_the_visit_json() -> None:
    data = {"date_of_service": DOS, "payer": "medicare", "em": EM, "procedures": PROCEDURES,
            "diagnosis_order": ["d49.2", "L40.0"]}  # fmt: skip
    visit = parse_visit(data)
    assert visit.diagnosis_order == ("D49.2", "L40.0")
    assert parse_visit(visit_to_json(visit)) == visit
    assert unknown_fields(data) == []
    assert "diagnosis_order" not in visit_to_json(parse_visit({**data, "diagnosis_order": []}))


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("L40.0", "must be a list of ICD-10-CM codes"),
        ([1, 2], "must be a list of ICD-10-CM codes"),
        (["L40.0", " "], "must be a list of ICD-10-CM codes"),
        (["L40.0", "l40.0"], "names L40.0 more than once"),
    ],
)
def test_a_malformed_order_is_named(value, message) -> None:
    data = {"date_of_service": DOS, "procedures": PROCEDURES, "diagnosis_order": value}
    with pytest.raises(InvalidVisit, match=message) as raised:
        parse_visit(data)
    assert any(p.startswith("diagnosis_order") for p in raised.value.problems)
