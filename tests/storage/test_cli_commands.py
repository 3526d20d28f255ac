"""The storage commands: visits list/show/import/export, demo, backup and restore."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from dermcharge.cli.main import main
from dermcharge.services import visits
from dermcharge.storage.database import open_database
from tests.storage.storage_samples import VALID_NPI

TODAY = date(2026, 11, 20)


def _record_json(**changes: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "date_of_service": TODAY.isoformat(),
        "payer": "medicare",
        "patient_status": "established",
        "em": {"code": "99213", "diagnoses": [{"finding": "rosacea"}]},
        "procedures": [
            {
                "kind": "destruction_premalignant",
                "site": "cheek",
                "laterality": "left",
                "count": 12,
                "finding": "actinic_keratosis",
            },
            {"kind": "biopsy_punch", "site": "thigh", "laterality": "left", "icd10": "D23.72"},
        ],
        "patient": {
            "first_name": "Zoë",
            "last_name": "O'Brien",
            "dob": "1951-03-14",
            "sex": "F",
            "account_number": "A-1001",
            "phone": "217-555-0100",
            "address": {
                "line1": "1 Main St",
                "line2": "",
                "city": "Springfield",
                "state": "IL",
                "zip": "62701",
            },
        },
        "insurance": [
            {"payer_name": "Medicare Part B", "member_id": "1EG4TE5MK73", "priority": "primary"}
        ],
        "provider": {"name": "Jane Doe", "credentials": "MD", "npi": VALID_NPI},
        "place_of_service": "11",
    }
    for key, value in changes.items():
        if isinstance(value, dict) and isinstance(record.get(key), dict):
            record[key] = {**record[key], **value}
        else:
            record[key] = value
    return record


def _write(tmp_path: Path, data: object, name: str = "visit.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _import(
    database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], **changes: Any
) -> int:
    code = main(
        ["visits", "import", str(_write(tmp_path, _record_json(**changes))), "--db", database_url]
    )
    out = capsys.readouterr().out
    assert code == 0, out
    return int(out.strip().splitlines()[-1])


def test_import_prints_the_new_id_last_and_show_lists_the_claim(
    database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    visit_id = _import(database_url, tmp_path, capsys)
    assert main(["visits", "show", str(visit_id), "--db", database_url]) == 0
    shown = capsys.readouterr().out
    assert "O'Brien, Zoë" in shown and "draft" in shown and "17000" in shown
    assert main(["visits", "show", str(visit_id), "--json", "--db", database_url]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["id"] == visit_id
    assert data["record"]["patient"]["account_number"] == "A-1001"
    assert [line["cpt"] for line in data["claim"]["lines"]][:2] == ["99213", "17000"]


def test_a_second_import_matches_the_patient_and_provider(
    database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = _import(database_url, tmp_path, capsys)
    # The provider by NPI alone, the patient by account number: both already on file.
    second = _import(database_url, tmp_path, capsys, provider={"name": "", "credentials": ""})
    db = open_database(database_url)
    try:
        a, b = visits.open_visit(db, first), visits.open_visit(db, second)
    finally:
        db.dispose()
    assert (a.patient_id, a.provider_id) == (b.patient_id, b.provider_id)
    assert b.record.provider is not None and b.record.provider.name == "Jane Doe"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"provider": {"npi": "1234567890"}}, "provider.npi"),
        ({"patient": {"dob": "2099-01-01"}}, "patient.dob"),
        ({"patient": {"first_name": ""}}, "patient.first_name"),
        ({"provider": {"name": "", "npi": "1245319599"}}, "not on file"),
        ({"procedures": [{"kind": "shave_removal", "site": "chest"}]}, "lesion_cm"),
    ],
)
def test_bad_imports_exit_2_name_the_problem_and_write_nothing(
    database_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    changes: dict[str, Any],
    message: str,
) -> None:
    path = _write(tmp_path, _record_json(**changes))
    assert main(["visits", "import", str(path), "--db", database_url]) == 2
    captured = capsys.readouterr()
    assert message in captured.err
    assert "Traceback" not in captured.err
    assert captured.out == ""
    assert (
        main(["visits", "list", "--date", TODAY.isoformat(), "--json", "--db", database_url]) == 0
    )
    assert json.loads(capsys.readouterr().out) == []


def test_list_and_export_a_day(
    database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    visit_id = _import(database_url, tmp_path, capsys)
    assert main(["visits", "list", "--date", TODAY.isoformat(), "--db", database_url]) == 0
    listed = capsys.readouterr().out
    assert str(visit_id) in listed and "O'Brien, Zoë" in listed
    assert (
        main(["visits", "list", "--date", TODAY.isoformat(), "--json", "--db", database_url]) == 0
    )
    [row] = json.loads(capsys.readouterr().out)
    assert (row["id"], row["status"], row["account_number"]) == (visit_id, "draft", "A-1001")

    assert (
        main(
            [
                "visits",
                "export",
                "--date",
                TODAY.isoformat(),
                "--format",
                "csv",
                "--db",
                database_url,
            ]
        )
        == 0
    )
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["cpt"] for r in rows][:2] == ["99213", "17000"]
    assert {r["visit_id"] for r in rows} == {str(visit_id)}
    target = tmp_path / "day.json"
    assert (
        main(
            [
                "visits",
                "export",
                "--date",
                TODAY.isoformat(),
                "--format",
                "json",
                "-o",
                str(target),
                "--db",
                database_url,
            ]
        )
        == 0
    )
    exported = json.loads(target.read_text(encoding="utf-8"))
    assert exported[0]["record"]["provider"]["npi"] == VALID_NPI


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["visits", "show", "4242"], "no visit with id 4242"),
        (["visits", "list", "--date", "20-11-2026"], "must be a date YYYY-MM-DD"),
        (["visits", "import", "missing.json"], "no such file"),
    ],
)
def test_command_errors_are_one_clear_line(
    database_url: str, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    assert main([*argv, "--db", database_url]) in (1, 2)
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_demo_then_today_is_listed_and_a_second_demo_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'demo.sqlite'}"
    assert main(["demo", "--db", url, "--today", "2026-11-27", "--seed", "5"]) == 0
    out = capsys.readouterr().out
    assert "patients: 200" in out and "NPI" in out
    assert main(["visits", "list", "--date", "2026-11-27", "--json", "--db", url]) == 0
    assert json.loads(capsys.readouterr().out)
    assert main(["demo", "--db", url]) == 2
    assert "already holds data" in capsys.readouterr().err


def test_backup_and_restore_commands(
    database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = _import(database_url, tmp_path, capsys)
    target = tmp_path / "nightly.backup"
    assert main(["backup", str(target), "--db", database_url]) == 0
    assert "backed up to" in capsys.readouterr().out
    second = _import(database_url, tmp_path, capsys)
    assert main(["restore", str(target), "--db", database_url]) == 0
    assert "kept in" in capsys.readouterr().out
    assert (
        main(["visits", "list", "--date", TODAY.isoformat(), "--json", "--db", database_url]) == 0
    )
    assert [row["id"] for row in json.loads(capsys.readouterr().out)] == [first]
    assert second != first
    garbage = _write(tmp_path, {"not": "a backup"}, "garbage.backup")
    assert main(["restore", str(garbage), "--db", database_url]) == 2
    err = capsys.readouterr().err
    assert "garbage.backup" in err and "Traceback" not in err
