"""`dermcharge icd search|import|releases` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dermcharge.cli.main import main

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "icd10cm"


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DERMCHARGE_DATA_DIR", str(tmp_path))
    return tmp_path


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("bcc nose", "C44.311"),
        ("basal cell right upper eyelid", "C44.1121"),
        ("ak", "L57.0"),
        ("common wart", "B07.8"),
        ("skin tag", "L91.8"),
    ],
)
def test_search_json_finds_the_issue_examples(
    capsys: pytest.CaptureFixture[str], query: str, code: str
) -> None:
    assert main(["icd", "search", query, "--json", "--limit", "3", "--date", "2026-05-01"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert hits[0]["code"] == code
    # index_entry is added when an Alphabetic Index term led to the code (issue 19).
    required, optional = {"code", "description", "billable"}, {"index_entry"}
    assert all(required <= set(hit) <= required | optional for hit in hits)
    assert len(hits) <= 3


def test_search_text_marks_categories(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["icd", "search", "C44.31", "--date", "2026-05-01"]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines()[0].startswith("C44.31   *")
    assert "C44.311    Basal cell carcinoma of skin of nose" in out
    assert "not billable" in err


def test_search_on_a_fy2027_date_warns_on_stderr_only(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["icd", "search", "bcc nose", "--json", "--date", "2026-11-20"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)[0]["code"] == "C44.311"
    assert "FY2027 is in force for 2026-11-20 but only FY2026 is loaded" in err


def test_import_then_releases(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["icd", "releases", "--date", "2026-11-20"]) == 0
    assert "warning: ICD-10-CM FY2027 is in force" in capsys.readouterr().out
    order, tabular = FIXTURES / "icd10cm_order_2027.txt", FIXTURES / "icd10cm_tabular_2027.xml"
    assert main(["icd", "import", str(order), str(tabular)]) == 0
    assert "imported ICD-10-CM FY2027 (61 codes and categories, 44 billable)" in (
        capsys.readouterr().out
    )
    assert main(["icd", "releases", "--date", "2026-11-20"]) == 0
    out = capsys.readouterr().out
    assert "ICD-10-CM FY2026" in out
    assert "ICD-10-CM FY2027  2026-10-01 .. 2027-09-30  imported" in out
    assert "in use for 2026-11-20" in out
    assert "warning" not in out


def test_a_malformed_import_exits_2_naming_the_line(capsys: pytest.CaptureFixture[str]) -> None:
    bad = FIXTURES / "malformed" / "icd10cm_order_2027_bad_flag.txt"
    assert main(["icd", "import", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "icd10cm_order_2027_bad_flag.txt line 5" in err
    assert "nothing was imported" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    "argv",
    [
        ["icd", "search", "x", "--limit", "0"],
        ["icd", "search", "x", "--date", "2026-13-01"],
        ["icd", "import"],
        ["icd"],
    ],
)
def test_bad_usage_exits_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    assert "Traceback" not in capsys.readouterr().err
