"""Visit records in JSON: every problem named by its path, and a lossless round trip."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from dermcharge.cli.main import main
from dermcharge.coding.visit_json import InvalidVisit
from dermcharge.services.visit_record_input import parse_visit_record, visit_record_to_json
from tests.storage.storage_samples import VALID_NPI
from tests.storage.test_cli_commands import _record_json


def test_a_record_survives_the_round_trip() -> None:
    record = parse_visit_record(_record_json())
    again = parse_visit_record(json.loads(json.dumps(visit_record_to_json(record))))
    assert again == record
    assert record.patient is not None and record.patient.last_name == "O'Brien"
    assert record.provider is not None and record.provider.npi == VALID_NPI


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"patient": {"dob": "14/03/1951"}}, "patient.dob: must be a date YYYY-MM-DD"),
        ({"patient": "Ada"}, "patient: must be an object"),
        ({"insurance": {"payer_name": "x"}}, "insurance: must be a list of policies"),
        ({"provider": {"name": 7}}, "provider.name: must be text"),
        ({"place_of_service": 11}, "place_of_service: must be text"),
        ({"procedures": [{"kind": "laser_magic"}]}, "procedures[0]"),
    ],
)
def test_problems_are_named_by_their_path(changes: dict[str, Any], problem: str) -> None:
    with pytest.raises(InvalidVisit) as invalid:
        parse_visit_record(_record_json(**changes))
    assert any(p.startswith(problem) for p in invalid.value.problems), invalid.value.problems


def test_all_problems_are_reported_at_once() -> None:
    data = _record_json(patient={"dob": "soon"}, provider={"npi": ["x"]})
    data["procedures"] = [{"kind": "shave_removal", "site": "chest"}]
    with pytest.raises(InvalidVisit) as invalid:
        parse_visit_record(data)
    paths = " ".join(invalid.value.problems)
    assert "patient.dob" in paths and "provider.npi" in paths and "lesion_cm" in paths


def test_code_save_stores_the_visit(
    database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "visit.json"
    source.write_text(json.dumps(_record_json()), encoding="utf-8")
    assert main(["code", str(source), "--save", "--db", database_url]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["lines"]
    assert "saved as visit" in captured.err
    assert main(["visits", "list", "--date", "2026-11-20", "--json", "--db", database_url]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 1
