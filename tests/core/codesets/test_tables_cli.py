"""`dermcharge tables import|status`, run through the real command-line entry point."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dermcharge.cli.main import main

MUE_FILE = "MCR_MUE_PractitionerServices_Eff_10-01-2026.csv"


@pytest.fixture(autouse=True)
def _private_data(data_dir: Path) -> None:
    """Every test runs with DERMCHARGE_DATA_DIR in tmp_path."""


def _status(capsys: pytest.CaptureFixture[str], on: str = "2026-11-20") -> dict[str, object]:
    assert main(["tables", "status", "--json", "--on", on]) == 0
    report: dict[str, object] = json.loads(capsys.readouterr().out)
    return report


def _in_force(report: dict[str, object], kind: str) -> dict[str, object]:
    tables = report["tables"]
    assert isinstance(tables, list)
    entry = next(t for t in tables if t["kind"] == kind)
    in_force: dict[str, object] = entry["in_force"]
    return in_force


def test_status_out_of_the_box_shows_the_curated_tables(capsys: pytest.CaptureFixture[str]) -> None:
    report = _status(capsys)
    mue = _in_force(report, "mue")
    assert mue["source"] == "curated"
    assert mue["unverified"] == 9 and mue["rows"] == 12
    cpt = report["cpt"]
    assert isinstance(cpt, dict) and cpt["codes"] >= 160 and not cpt["licensed_descriptors"]
    assert any("MUE: using the curated" in w for w in report["warnings"])  # type: ignore[attr-defined]


def test_import_detects_the_kind_and_status_shows_the_quarter(
    capsys: pytest.CaptureFixture[str], cms_fixtures: Path
) -> None:
    assert main(["tables", "import", str(cms_fixtures / MUE_FILE)]) == 0
    out = capsys.readouterr().out
    assert "loaded MUE 2026Q4" in out and "7 rows" in out
    mue = _in_force(_status(capsys), "mue")
    assert mue == {
        "source": "imported",
        "label": mue["label"],
        "quarter": "2026Q4",
        "rows": 7,
        "unverified": 0,
        "stale": False,
    }


def test_ptp_parts_are_listed(capsys: pytest.CaptureFixture[str], cms_fixtures: Path) -> None:
    assert main(["tables", "import", str(cms_fixtures / "ccipra-v323r0-f1.txt")]) == 0
    assert (
        main(["tables", "import", str(cms_fixtures / "ccipra-v323r0-f2.txt"), "--kind", "ptp"]) == 0
    )
    assert "(parts f1, f2)" in capsys.readouterr().out
    tables = _status(capsys)["tables"]
    ptp = next(t for t in tables if t["kind"] == "ptp")  # type: ignore[union-attr]
    assert [p["part"] for p in ptp["loaded"][0]["parts"]] == ["f1", "f2"]


def test_a_malformed_file_exits_2_naming_the_line_and_keeps_the_old_table(
    capsys: pytest.CaptureFixture[str], cms_fixtures: Path
) -> None:
    assert main(["tables", "import", str(cms_fixtures / MUE_FILE)]) == 0
    capsys.readouterr()
    assert main(["tables", "import", str(cms_fixtures / "malformed" / MUE_FILE)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "line 8: MUE value for 17003 must be a whole number" in captured.err
    assert "Traceback" not in captured.err
    assert _in_force(_status(capsys), "mue")["rows"] == 7


def test_missing_file_and_bad_quarter_are_clear_errors(
    capsys: pytest.CaptureFixture[str], cms_fixtures: Path, tmp_path: Path
) -> None:
    assert main(["tables", "import", str(tmp_path / "nope.csv")]) == 1
    assert "no such file" in capsys.readouterr().err
    assert main(["tables", "import", str(cms_fixtures / MUE_FILE), "--quarter", "Q4"]) == 2
    assert "--quarter: 'Q4' is not a quarter like 2026Q4" in capsys.readouterr().err


def test_licensed_descriptors_load_through_the_cli(
    capsys: pytest.CaptureFixture[str], cms_fixtures: Path
) -> None:
    sample = cms_fixtures / "cpt_descriptors_licensed_sample.csv"
    assert main(["tables", "import", str(sample), "--kind", "cpt-descriptors"]) == 0
    assert "1 of" in capsys.readouterr().out
    cpt = _status(capsys)["cpt"]
    assert cpt == {**cpt, "licensed_descriptors": True, "licensed_covered": 1}  # type: ignore[dict-item]


def test_text_status_names_each_table(
    capsys: pytest.CaptureFixture[str], cms_fixtures: Path
) -> None:
    assert main(["tables", "import", str(cms_fixtures / "PPRRVU2026_Oct.csv")]) == 0
    capsys.readouterr()
    assert main(["tables", "status", "--on", "2026-11-20"]) == 0
    out = capsys.readouterr().out
    assert "RVU  2026Q4, imported: 8 rows" in out
    assert "MUE  curated: 12 rows, 9 unverified" in out
    assert "loaded: none" in out


def test_a_bad_date_for_status_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tables", "status", "--on", "20-11-2026"]) == 2
    assert "--on: '20-11-2026' is not a date" in capsys.readouterr().err
