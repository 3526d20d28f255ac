"""`dermcharge check VISIT.json`: the findings for a person, and the exit codes."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from dermcharge.cli.main import main

CLEAN = {
    "date_of_service": "2026-11-20",
    "payer": "medicare",
    "procedures": [
        {"kind": "excision_malignant", "site": "mid_back", "lesion_cm": 1.2, "margin_cm": 0.4,
         "finding": "bcc", "repair": {"type": "intermediate", "length_cm": 3.5}},
    ],
}  # fmt: skip
BROKEN = {
    "date_of_service": "2026-11-20",
    "payer": "medicare",
    "procedures": [
        {"kind": "biopsy_tangential", "site": "cheek", "laterality": "left", "icd10": "L70.0"},
        {"kind": "shave_removal", "site": "upper_back", "lesion_cm": 0.8,
         "finding": "seborrheic_keratosis"},
    ],
}  # fmt: skip


def write(tmp_path: Path, data: Any, name: str = "visit.json") -> str:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def test_clean_visit_exits_0_with_the_verdict(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", write(tmp_path, CLEAN)]) == 0
    out = capsys.readouterr().out
    assert "11602" in out and "12032" in out
    assert "ERRORS" not in out
    assert out.rstrip().splitlines()[-1].startswith("Verdict: Clean")


def test_errors_exit_1_grouped_by_severity_with_lines_source_and_action(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", write(tmp_path, BROKEN)]) == 1
    out = capsys.readouterr().out
    errors, warnings = out.index("ERRORS"), out.index("WARNINGS")
    assert errors < out.index("L70.0, a diagnosis made on sight") < warnings
    assert warnings < out.index("Medicare covers removal of L82.1")
    assert "What to do:" in out and "Source:" in out
    assert "Verdict: Not ready: 1 error (diagnosis support)" in out


def test_reads_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(BROKEN)))
    assert main(["check", "-"]) == 1
    assert "Verdict: Not ready" in capsys.readouterr().out


def test_json_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--json", write(tmp_path, BROKEN)]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["verdict"]["clean"] is False
    assert {"diagnosis_support", "cosmetic"} <= {f["check"] for f in report["findings"]}


@pytest.mark.parametrize(
    "data",
    [
        {"payer": "medicare", "procedures": []},
        {"date_of_service": "2026-11-20", "procedures": [{"kind": "shave_removal",
                                                          "site": "nose", "lesion_cm": -1}]},
        {"date_of_service": "2026-11-20", "procedures": [{"kind": "laser_magic"}]},
        {"date_of_service": "2026-11-20", "procedures": [{"kind": "biopsy_punch",
                                                          "site": "cheek"}]},
    ],
)  # fmt: skip
def test_invalid_input_exits_2_with_the_same_messages_as_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], data: dict[str, Any]
) -> None:
    path = write(tmp_path, data)
    assert main(["code", path]) == 2
    from_code = capsys.readouterr()
    assert main(["check", path]) == 2
    from_check = capsys.readouterr()
    assert from_check.out == "" and from_check.err
    assert problems(from_check.err) == problems(from_code.err)


def problems(stderr: str) -> list[str]:
    """The problem lines without the command's name ("dermcharge check: ...")."""
    return [line.split(": ", 1)[1] for line in stderr.splitlines()]


def test_malformed_json_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.json"
    path.write_text("{not json", encoding="utf-8")
    assert main(["check", str(path)]) == 2
    assert "malformed JSON" in capsys.readouterr().err


def test_missing_file_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "/nonexistent/visit.json"]) == 1
    assert "no such file" in capsys.readouterr().err
