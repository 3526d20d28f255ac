"""Bad input: one clear line per problem, naming the field; never a traceback; exit 2."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest

from dermcharge.codesets.icd10.releases import catalog_for
from dermcharge.coding.visit_json import InvalidVisit, parse_visit, visit_to_json

GOOD = {
    "date_of_service": "2026-11-20",
    "procedures": [
        {"kind": "biopsy_punch", "site": "thigh", "laterality": "left", "icd10": "D23.72"}
    ],
}


def problems(data: Any) -> list[str]:
    with pytest.raises(InvalidVisit) as raised:
        parse_visit(data, catalog_for=catalog_for)
    return raised.value.problems


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ([], "visit: must be a JSON object"),
        ({}, "date_of_service: is required"),
        ({"date_of_service": "2026-02-30"}, "date_of_service: '2026-02-30' is not a valid date"),
        ({"date_of_service": 20261120}, "date_of_service: must be a date"),
        (GOOD | {"payer": "aetna"}, "visit.payer: 'aetna' is not one of"),
        (GOOD | {"procedures": [{"kind": "laser_magic"}]}, "procedures[0].kind: 'laser_magic'"),
        (
            GOOD | {"procedures": [{"kind": "biopsy_punch", "site": "elbowpit"}]},
            "procedures[0].site: 'elbowpit'",
        ),
        (
            GOOD | {"procedures": [{"kind": "biopsy_punch", "site": "thigh"}]},
            "procedures[0].laterality: is required",
        ),
        (
            GOOD | {"procedures": [{"kind": "shave_removal", "site": "chest"}]},
            "procedures[0].lesion_cm: is required",
        ),
        (
            GOOD | {"procedures": [{"kind": "shave_removal", "site": "chest", "lesion_cm": -1}]},
            "procedures[0].lesion_cm: must be a number greater than 0",
        ),
        (
            GOOD | {"procedures": [{"kind": "shave_removal", "site": "chest", "lesion_cm": "big"}]},
            "procedures[0].lesion_cm: must be a number greater than 0",
        ),
        (
            GOOD | {"procedures": [{"kind": "shave_removal", "site": "chest", "lesion_cm": 400}]},
            "procedures[0].lesion_cm: 400 is not plausible",
        ),
        (
            GOOD | {"procedures": [{"kind": "excision_benign", "site": "chest", "lesion_cm": 1}]},
            "procedures[0].margin_cm: is required",
        ),
        (
            GOOD | {"procedures": [{"kind": "destruction_premalignant"}]},
            "procedures[0].count: is required",
        ),
        (
            GOOD | {"procedures": [{"kind": "destruction_premalignant", "count": -3}]},
            "procedures[0].count: must be a whole number",
        ),
        (
            GOOD | {"procedures": [{"kind": "destruction_premalignant", "count": 2.5}]},
            "procedures[0].count: must be a whole number",
        ),
        (
            GOOD | {"procedures": [{"kind": "mohs", "site": "nose", "stages": []}]},
            "procedures[0].stages: must be a list",
        ),
        (
            GOOD | {"procedures": [{"kind": "nail_avulsion", "site": "toe", "laterality": "left"}]},
            "procedures[0].digit: is required",
        ),
        (
            GOOD
            | {"procedures": [{"kind": "nail_avulsion", "site": "cheek", "laterality": "left"}]},
            "procedures[0].site: a nail procedure",
        ),
        (
            GOOD | {"procedures": [{"kind": "biopsy_punch", "site": "chest", "icd10": "Q99.999"}]},
            "procedures[0].icd10: 'Q99.999' is not an ICD-10-CM code",
        ),
        (
            GOOD | {"procedures": [{"kind": "biopsy_punch", "site": "chest", "finding": "itchy"}]},
            "procedures[0].finding: 'itchy'",
        ),
        (GOOD | {"em": {"code": "99201"}}, "em.code: '99201' is not an office E/M code"),
        (GOOD | {"procedures": "none"}, "procedures: must be a list"),
    ],
)
def test_invalid_input_names_the_field(data: Any, expected: str) -> None:
    found = problems(data)
    assert any(expected in p for p in found), found


def test_every_problem_is_reported_at_once() -> None:
    found = problems({"date_of_service": "x", "procedures": [{"kind": "zap"}, {"kind": "mohs"}]})
    assert len(found) >= 3


def test_round_trip() -> None:
    visit = parse_visit(GOOD, catalog_for=catalog_for)
    assert parse_visit(visit_to_json(visit), catalog_for=catalog_for) == visit


def run_cli(stdin: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dermcharge", "code", *(args or ("-",))],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    ("stdin", "expected"),
    [
        ("{not json", "malformed JSON at line 1"),
        ("", "is empty"),
        (
            json.dumps(
                {
                    "date_of_service": "2026-11-20",
                    "procedures": [{"kind": "shave_removal", "site": "chest", "lesion_cm": 0}],
                }
            ),
            "procedures[0].lesion_cm",
        ),
    ],
)
def test_cli_exits_2_with_a_message_and_nothing_on_stdout(stdin: str, expected: str) -> None:
    result = run_cli(stdin)
    assert result.returncode == 2
    assert result.stdout == ""
    assert expected in result.stderr
    assert "Traceback" not in result.stderr


def test_cli_missing_file_is_a_clear_error() -> None:
    result = run_cli("", "/nonexistent/visit.json")
    assert result.returncode == 1
    assert "no such file" in result.stderr


def test_cli_prints_the_contract_shape() -> None:
    result = run_cli(json.dumps(GOOD))
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert set(out) >= {"lines", "diagnoses", "not_billed", "findings"}
    first = out["lines"][0]
    assert {"cpt", "units", "modifiers", "diagnoses", "description", "why"} <= set(first)
    assert first["cpt"] == "11104" and first["diagnoses"] == ["D23.72"]


def test_fields_outside_the_contract_are_named_in_a_warning() -> None:
    data = GOOD | {"procedures": [GOOD["procedures"][0] | {"seperate_lesion": True}]}
    result = run_cli(json.dumps(data))
    assert result.returncode == 0
    messages = [
        f["message"] for f in json.loads(result.stdout)["findings"] if f["check"] == "input"
    ]
    assert messages and "procedures[0].seperate_lesion" in messages[0]
