"""`dermcharge path pending|result` (contract: "Pathology (command line)"), on SQLite and
PostgreSQL: the queue, a result that recodes, the audit trail, and refusals that change nothing."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from dermcharge.cli.main import main
from dermcharge.services import pathology, visits
from dermcharge.storage.database import open_database
from tests.storage.test_cli_commands import _record_json, _write

DOS = date(2026, 11, 20)
BIOPSY = {"kind": "biopsy_tangential", "site": "cheek", "laterality": "left",
          "icd10": "D49.2", "path_pending": True, "path_accession": "S26-1234"}  # fmt: skip
EXCISION = {"kind": "excision_malignant", "site": "forearm", "laterality": "right",
            "lesion_cm": 1.0, "margin_cm": 0.2, "icd10": "D49.2", "path_pending": True}  # fmt: skip
REPAIR = {"kind": "repair_intermediate", "site": "forearm", "laterality": "right",
          "length_cm": 3.0, "icd10": "D49.2"}  # fmt: skip


def _import(database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
            procedures: list[dict[str, Any]], name: str = "visit.json") -> int:  # fmt: skip
    record = _record_json(procedures=procedures, em=None)
    code = main(["visits", "import", str(_write(tmp_path, record, name)), "--db", database_url])
    out = capsys.readouterr().out
    assert code == 0, out
    return int(out.strip().splitlines()[-1])


def _pending(database_url: str, capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    assert main(["path", "pending", "--json", "--db", database_url]) == 0
    rows: list[dict[str, Any]] = json.loads(capsys.readouterr().out)
    return rows


def test_pending_lists_each_procedure_awaiting_pathology(
    database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    visit_id = _import(database_url, tmp_path, capsys, [BIOPSY, REPAIR, EXCISION])
    rows = _pending(database_url, capsys)
    assert [(r["visit_id"], r["procedure_index"]) for r in rows] == [(visit_id, 0), (visit_id, 2)]
    first = rows[0]
    assert first["patient"] == "O'Brien, Zoë" and first["account_number"] == "A-1001"
    assert (first["site"], first["laterality"]) == ("cheek", "left")
    assert first["date_of_service"] == DOS.isoformat()
    assert first["days_waiting"] == (datetime.now(UTC).date() - DOS).days
    assert first["accession"] == "S26-1234"
    assert first["overdue"] is (first["days_waiting"] > 10)
    assert main(["path", "pending", "--db", database_url]) == 0
    text = capsys.readouterr().out
    assert "O'Brien, Zoë" in text and "A-1001" in text and "cheek (left)" in text


def test_result_recodes_the_procedure_and_its_repair_and_leaves_the_queue(
    database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    visit_id = _import(database_url, tmp_path, capsys, [BIOPSY, REPAIR, EXCISION])
    code = main(["path", "result", str(visit_id), "2", "--icd10", "C44.612",
                 "--margins", "involved", "--note", "BCC, nodular", "--db", database_url])  # fmt: skip
    out = capsys.readouterr().out
    assert code == 0, out
    assert "D49.2 -> C44.612" in out and "re-excision or Mohs" in out
    db = open_database(database_url)
    try:
        stored = visits.open_visit(db, visit_id)
        procedures = stored.record.visit.procedures
        assert procedures[2].diagnosis is not None and procedures[2].diagnosis.icd10 == "C44.612"
        assert procedures[2].path_pending is False
        assert procedures[1].diagnosis is not None and procedures[1].diagnosis.icd10 == "C44.612"
        assert procedures[0].diagnosis is not None and procedures[0].diagnosis.icd10 == "D49.2"
        assert stored.claim is not None and "C44.612" in stored.claim.diagnoses
        excision_line = next(line for line in stored.claim.lines if line.cpt.startswith("116"))
        assert excision_line.diagnoses[0] == "C44.612"  # recoded: malignant excision, arm
        audit = visits.visit_audit(db, visit_id)
        assert any("D49.2" in json.dumps(e.before) for e in audit if e.action == "edit")
        with db.read() as session:
            from dermcharge.storage.pathology_repository import results_for_visit

            (result,) = results_for_visit(session, visit_id)
        assert (result.previous_diagnosis, result.icd10, result.margins) == (
            "D49.2", "C44.612", "involved")  # fmt: skip
        assert result.note == "BCC, nodular"
        assert [(r.visit_id, r.procedure_index) for r in pathology.pending_pathology(db)] == [
            (visit_id, 0)
        ]
    finally:
        db.dispose()


@pytest.mark.parametrize(
    ("args", "names"),
    [
        (["999999", "0", "--icd10", "C44.612"], "999999"),
        (["{id}", "5", "--icd10", "C44.612"], "procedure_index"),
        (["{id}", "0", "--icd10", "C44.61"], "icd10"),  # a category, not billable
        (["{id}", "0", "--icd10", "X99.999"], "icd10"),
        (["{id}", "0", "--icd10", "C44.612", "--margins", "wide"], "margins"),
        (["{id}", "-1", "--icd10", "C44.612"], "procedure index"),
    ],
)
def test_bad_input_exits_2_and_changes_nothing(
    database_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    names: str,
) -> None:
    visit_id = _import(database_url, tmp_path, capsys, [BIOPSY])
    db = open_database(database_url)
    try:
        before = visits.open_visit(db, visit_id)
        audit_before = len(visits.visit_audit(db, visit_id))
    finally:
        db.dispose()
    argv = ["path", "result", *[a.format(id=visit_id) for a in args], "--db", database_url]
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert names in captured.err and captured.out == ""
    db = open_database(database_url)
    try:
        after = visits.open_visit(db, visit_id)
        assert after.version == before.version and after.record == before.record
        assert len(visits.visit_audit(db, visit_id)) == audit_before
        assert len(pathology.pending_pathology(db)) == 1
    finally:
        db.dispose()


def test_a_result_on_a_signed_visit_sends_it_back_to_the_provider(
    database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    visit_id = _import(database_url, tmp_path, capsys, [BIOPSY])
    db = open_database(database_url)
    try:
        stored = visits.open_visit(db, visit_id)
        stored = visits.mark_ready(db, visit_id, expected_version=stored.version, actor="ma")
        visits.sign(db, visit_id, expected_version=stored.version, actor="drdoe")
    finally:
        db.dispose()
    assert main(["path", "result", str(visit_id), "0", "--icd10", "C44.311",
                 "--db", database_url]) == 0  # fmt: skip
    assert "re-sign" in capsys.readouterr().out
    db = open_database(database_url)
    try:
        stored = visits.open_visit(db, visit_id)
        assert str(stored.status) == "draft" and stored.amendment == 1
        (kept,) = visits.signed_versions(db, visit_id)
        # The signed version is kept in the storage codec (storage/visit_codec.py).
        assert kept.visit_json["procedures"][0]["diagnosis"]["icd10"] == "D49.2"
        assert "Pathology result" in kept.reason and "C44.311" in kept.reason
    finally:
        db.dispose()
