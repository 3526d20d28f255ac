"""The PFS relative value file (PPRRVU) importer, on fixtures in the CMS CSV layout."""

from __future__ import annotations

from pathlib import Path

import pytest

from dermcharge.codesets.cms.errors import CmsFileError
from dermcharge.codesets.cms.quarter import Quarter
from dermcharge.codesets.cms.records import FeeScheduleRvu
from dermcharge.codesets.cms.rvu_import import import_rvu_file

RVU_FILE = "PPRRVU2026_Oct.csv"


@pytest.fixture(autouse=True)
def _private_data(data_dir: Path) -> None:
    """Every test runs with DERMCHARGE_DATA_DIR in tmp_path."""


def _rows(path: Path) -> dict[tuple[str, str], FeeScheduleRvu]:
    return {
        (r.code, r.modifier): r for r in import_rvu_file(path).rows if isinstance(r, FeeScheduleRvu)
    }


def test_finds_columns_by_name_under_a_two_row_header(cms_fixtures: Path) -> None:
    imported = import_rvu_file(cms_fixtures / RVU_FILE)
    assert imported.quarter == Quarter(2026, 4)
    rows = _rows(cms_fixtures / RVU_FILE)
    assert len(rows) == 8
    biopsy = rows[("11102", "")]
    assert biopsy.global_days == 0 and biopsy.global_indicator == "000"
    assert biopsy.mult_proc == "2"
    assert biopsy.work_rvu == pytest.approx(0.66)
    assert biopsy.total_rvu_nonfacility == pytest.approx(2.98)
    assert biopsy.total_rvu_facility == pytest.approx(1.01)
    assert biopsy.conversion_factor == pytest.approx(33.4009)
    assert biopsy.status == "A" and biopsy.verified


def test_add_on_and_no_global_indicators(cms_fixtures: Path) -> None:
    rows = _rows(cms_fixtures / RVU_FILE)
    assert rows[("11103", "")].global_days is None
    assert rows[("11103", "")].global_indicator == "ZZZ"
    assert rows[("17000", "")].global_days == 10
    assert rows[("99213", "")].global_indicator == "XXX"


def test_professional_and_technical_rows_are_kept_apart(cms_fixtures: Path) -> None:
    rows = _rows(cms_fixtures / RVU_FILE)
    assert {mod for code, mod in rows if code == "88331"} == {"", "26", "TC"}
    assert rows[("88331", "26")].pctc == "1"


def test_columns_in_another_order_are_still_found(tmp_path: Path) -> None:
    moved = tmp_path / "PPRRVU27_JAN.csv"
    moved.write_text(
        "GLOB DAYS,MULT PROC,HCPCS,MOD,STATUS CODE,WORK RVU,NON-FACILITY TOTAL,FACILITY TOTAL,"
        "PCTC IND\n010,2,17000,,A,0.61,1.95,1.05,0\n",
        encoding="utf-8",
    )
    imported = import_rvu_file(moved)
    assert imported.quarter == Quarter(2027, 1)
    (row,) = [r for r in imported.rows if isinstance(r, FeeScheduleRvu)]
    assert (row.code, row.global_days, row.mult_proc, row.conversion_factor) == (
        "17000", 10, "2", None
    )  # fmt: skip


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("PPRRVU2026_Oct.csv", r"Oct\.csv, line 7: GLOB DAYS for 11103 must be .* not 'ZZ'"),
        (
            "PPRRVU2026_Jul.csv",
            r"Jul\.csv, line 7: WORK RVU for 11103 must be a number, not 'zero'",
        ),
        ("PPRRVU2026_Apr.csv", r"Apr\.csv: no PPRRVU header"),
    ],
)
def test_malformed_files_name_the_file_and_line(
    cms_fixtures: Path, name: str, message: str
) -> None:
    with pytest.raises(CmsFileError, match=message):
        import_rvu_file(cms_fixtures / "malformed" / name)


def test_a_file_named_without_a_release_needs_a_quarter(tmp_path: Path, cms_fixtures: Path) -> None:
    renamed = tmp_path / "rvu.csv"
    renamed.write_bytes((cms_fixtures / RVU_FILE).read_bytes())
    with pytest.raises(CmsFileError, match="give --quarter"):
        import_rvu_file(renamed)
    assert import_rvu_file(renamed, quarter=Quarter(2026, 3)).quarter == Quarter(2026, 3)
