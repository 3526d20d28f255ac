"""The NCCI add-on code edit importer, on fixtures in the AOC layout (text and .xlsx)."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from dermcharge.codesets.cms.aoc_import import import_aoc_file
from dermcharge.codesets.cms.errors import CmsFileError
from dermcharge.codesets.cms.quarter import Quarter
from dermcharge.codesets.cms.records import AddOnEdit

AOC_FILE = "AOC_V2026Q4-MCR.txt"


@pytest.fixture(autouse=True)
def _private_data(data_dir: Path) -> None:
    """Every test runs with DERMCHARGE_DATA_DIR in tmp_path."""


def _edits(path: Path) -> list[AddOnEdit]:
    return [r for r in import_aoc_file(path).rows if isinstance(r, AddOnEdit)]


def test_reads_pairs_types_and_julian_dates(cms_fixtures: Path) -> None:
    imported = import_aoc_file(cms_fixtures / AOC_FILE)
    assert imported.quarter == Quarter(2026, 4)
    edits = _edits(cms_fixtures / AOC_FILE)
    assert len(edits) == 8
    biopsy = [e for e in edits if e.add_on == "11103"]
    assert {e.primary for e in biopsy} == {"11102", "11104", "11106"}
    assert all(e.edit_type == 1 and e.effective_from == date(2019, 1, 1) for e in biopsy)
    assert all(e.verified and "AOC_V2026Q4-MCR" in e.source for e in edits)


def test_contractor_defined_primaries_have_no_code(cms_fixtures: Path) -> None:
    g2211 = next(e for e in _edits(cms_fixtures / AOC_FILE) if e.add_on == "G2211")
    assert g2211.primary is None
    assert g2211.edit_type == 2
    assert g2211.notes == "Contractor Defined Primary Codes"
    assert g2211.effective_from == date(2024, 1, 1)


def test_an_ended_pair_is_out_of_force_from_its_deletion_date(cms_fixtures: Path) -> None:
    ended = next(e for e in _edits(cms_fixtures / AOC_FILE) if e.add_on == "13102")
    assert ended.effective_to == date(2023, 12, 31)
    assert ended.in_force(date(2023, 12, 31)) and not ended.in_force(date(2024, 1, 1))


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("AOC_V2026Q4-MCR.txt", r"Q4-MCR\.txt, line 5: AOC edit type must be 1, 2 or 3, not '4'"),
        ("AOC_V2026Q3-MCR.txt", r"line 4: AOC edit effective date '2019400' is not a date"),
    ],
)
def test_malformed_files_name_the_file_and_line(
    cms_fixtures: Path, name: str, message: str
) -> None:
    with pytest.raises(CmsFileError, match=message):
        import_aoc_file(cms_fixtures / "malformed" / name)


def test_a_file_without_the_aoc_header_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "AOC_V2026Q4-MCR.txt"
    other.write_text("notice\nAdd-On_Code\tPrimary_Code\n11103\t11102\n", encoding="utf-8")
    with pytest.raises(CmsFileError, match="no add-on code header"):
        import_aoc_file(other)


def _write_xlsx(path: Path, rows: list[list[str]]) -> None:
    """A minimal workbook in the layout Excel writes (shared strings, one sheet)."""
    strings: list[str] = []
    cells_xml = []
    for r, row in enumerate(rows, start=1):
        cells = []
        for c, value in enumerate(row):
            ref = f"{chr(ord('A') + c)}{r}"
            if value.isdigit() and not value.startswith("0"):
                cells.append(f'<c r="{ref}"><v>{value}</v></c>')
            elif value:
                strings.append(value)
                cells.append(f'<c r="{ref}" t="s"><v>{len(strings) - 1}</v></c>')
        cells_xml.append(f'<row r="{r}">{"".join(cells)}</row>')
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    sheet = f"<worksheet {ns}><sheetData>{''.join(cells_xml)}</sheetData></worksheet>"
    shared = "".join(f"<si><t>{escape(s)}</t></si>" for s in strings)
    with zipfile.ZipFile(path, "w") as book:
        book.writestr("xl/worksheets/sheet1.xml", sheet)
        book.writestr("xl/sharedStrings.xml", f"<sst {ns}>{shared}</sst>")


def test_the_xlsx_form_of_the_file_is_read(tmp_path: Path) -> None:
    workbook = tmp_path / "AOC_V2026Q2-MCR.xlsx"
    _write_xlsx(
        workbook,
        [
            ["CPT codes, descriptions and other data only are copyright AMA."],
            ["AOC_Edit_Type", "Add-On_Code", "AOC_DelDT", "Primary_Code", "Primary_Code_DelDT",
             "AOC_Edit_EffDT", "AOC_Edit_DelDT", "Special_Instruction_Notes"],
            ["1", "17003", "", "17000", "", "2009001", "", ""],
            ["1", "11201", "", "11200", "", "2009001", "2026091", ""],
        ],
    )  # fmt: skip
    imported = import_aoc_file(workbook)
    assert imported.quarter == Quarter(2026, 2)
    edits = [r for r in imported.rows if isinstance(r, AddOnEdit)]
    assert [(e.add_on, e.primary) for e in edits] == [("17003", "17000"), ("11201", "11200")]
    assert edits[1].effective_to == date(2026, 3, 31)  # 2026091 = 2026-04-01


def test_a_broken_workbook_is_a_clear_error(tmp_path: Path) -> None:
    broken = tmp_path / "AOC_V2026Q2-MCR.xlsx"
    broken.write_bytes(b"PK not really a zip")
    with pytest.raises(CmsFileError, match="cannot read the file"):
        import_aoc_file(broken)
