"""The practitioner MUE importer, on fixtures in the CMS CSV layout."""

from __future__ import annotations

from pathlib import Path

import pytest

from dermcharge.codesets.cms.errors import CmsFileError
from dermcharge.codesets.cms.mue_import import import_mue_file
from dermcharge.codesets.cms.quarter import Quarter
from dermcharge.codesets.cms.records import MueLimit

MUE_FILE = "MCR_MUE_PractitionerServices_Eff_10-01-2026.csv"


@pytest.fixture(autouse=True)
def _private_data(data_dir: Path) -> None:
    """Every test runs with DERMCHARGE_DATA_DIR in tmp_path."""


def test_reads_codes_units_and_the_leading_digit_of_the_indicator(cms_fixtures: Path) -> None:
    imported = import_mue_file(cms_fixtures / MUE_FILE)
    assert imported.quarter == Quarter(2026, 4)
    assert "effective 2026-10-01" in imported.source
    limits = {r.code: r for r in imported.rows if isinstance(r, MueLimit)}
    assert len(limits) == 7
    assert limits["17003"].units == 13
    assert limits["17003"].adjudication_indicator == 2
    assert limits["11103"].adjudication_indicator == 3
    assert limits["88331"].adjudication_indicator == 1
    assert limits["J3301"].rationale == "Clinical: Data"
    assert all(limit.verified and limit.source == imported.source for limit in limits.values())


def test_the_multiline_notice_in_the_first_cell_is_not_a_row(cms_fixtures: Path) -> None:
    codes = [
        r.code for r in import_mue_file(cms_fixtures / MUE_FILE).rows if isinstance(r, MueLimit)
    ]
    assert codes[0] == "11102"


def test_a_header_whose_first_cell_wraps_is_found(tmp_path: Path) -> None:
    wrapped = tmp_path / "MCR_MUE_PractitionerServices_Eff_01-01-2027.csv"
    wrapped.write_text(
        '"notice line 1\nnotice line 2",,,\n'
        '"HCPCS/\nCPT Code",Practitioner Services MUE Values,MUE Adjudication Indicator,'
        "MUE Rationale\n17000,1,2 Date of Service Edit: Policy,Code Descriptor / CPT Instruction\n",
        encoding="utf-8",
    )
    imported = import_mue_file(wrapped)
    assert imported.quarter == Quarter(2027, 1)
    assert [r.units for r in imported.rows if isinstance(r, MueLimit)] == [1]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (MUE_FILE, r"Eff_10-01-2026\.csv, line 8: MUE value for 17003 must be a whole number"),
        (
            "MCR_MUE_PractitionerServices_Eff_07-01-2026.csv",
            r"Eff_07-01-2026\.csv, line 6: MUE adjudication indicator for 11103 must start with 1,",
        ),
    ],
)
def test_malformed_files_name_the_file_and_line(
    cms_fixtures: Path, name: str, message: str
) -> None:
    with pytest.raises(CmsFileError, match=message):
        import_mue_file(cms_fixtures / "malformed" / name)


def test_a_file_without_the_mue_header_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "MCR_MUE_PractitionerServices_Eff_10-01-2026.csv"
    other.write_text("code,units\n17000,1\n", encoding="utf-8")
    with pytest.raises(CmsFileError, match="no MUE header"):
        import_mue_file(other)


def test_a_code_listed_twice_is_refused(tmp_path: Path) -> None:
    twice = tmp_path / "MCR_MUE_PractitionerServices_Eff_10-01-2026.csv"
    twice.write_text(
        "HCPCS/CPT Code,Practitioner Services MUE Values,MUE Adjudication Indicator,MUE Rationale\n"
        "17000,1,2 Date of Service Edit: Policy,x\n17000,2,2 Date of Service Edit: Policy,x\n",
        encoding="utf-8",
    )
    with pytest.raises(CmsFileError, match=r"line 3: code 17000 appears twice \(lines 2 and 3\)"):
        import_mue_file(twice)


def test_other_settings_and_undated_files_are_refused(tmp_path: Path, cms_fixtures: Path) -> None:
    dme = tmp_path / "MCR_MUE_DMESupplierServices_Eff_10-01-2026.csv"
    dme.write_bytes((cms_fixtures / MUE_FILE).read_bytes())
    with pytest.raises(CmsFileError, match="DMESupplier MUE file"):
        import_mue_file(dme)
    undated = tmp_path / "mue.csv"
    undated.write_bytes((cms_fixtures / MUE_FILE).read_bytes())
    with pytest.raises(CmsFileError, match="give --quarter"):
        import_mue_file(undated)
    assert import_mue_file(undated, quarter=Quarter(2026, 4)).quarter == Quarter(2026, 4)
