"""The NCCI practitioner PTP importer, on fixtures in the ccipra layout."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dermcharge.codesets.cms.errors import CmsFileError
from dermcharge.codesets.cms.imported import TableKind
from dermcharge.codesets.cms.ptp_import import import_ptp_file
from dermcharge.codesets.cms.quarter import Quarter, ncci_version_quarter
from dermcharge.codesets.ptp import PtpEdit


@pytest.fixture(autouse=True)
def _private_data(data_dir: Path) -> None:
    """Every test runs with DERMCHARGE_DATA_DIR in tmp_path."""


def _by_pair(edits: tuple[object, ...]) -> dict[tuple[str, str], PtpEdit]:
    return {(e.column1, e.column2): e for e in edits if isinstance(e, PtpEdit)}


def test_reads_every_edit_after_the_notice_and_the_wrapped_header(cms_fixtures: Path) -> None:
    imported = import_ptp_file(cms_fixtures / "ccipra-v323r0-f1.txt")
    assert imported.kind is TableKind.PTP
    assert imported.part == "f1"
    assert imported.quarter == Quarter(2026, 4)  # v32.3
    assert "v32.3" in imported.source
    edits = _by_pair(imported.rows)
    assert len(edits) == 8
    first = edits[("17000", "11102")]
    assert first == PtpEdit(
        column1="17000",
        column2="11102",
        modifier_indicator=1,
        effective_from=date(2019, 1, 1),
        effective_to=None,
        rationale="Standards of medical / surgical practice",
        source=imported.source,
        verified=True,
    )
    assert edits[("0001A", "0591T")].column1 == "0001A"  # alphanumeric codes kept


def test_deletion_date_is_the_first_day_out_of_force(cms_fixtures: Path) -> None:
    edits = _by_pair(import_ptp_file(cms_fixtures / "ccipra-v323r0-f1.txt").rows)
    ended = edits[("17004", "17000")]
    assert ended.modifier_indicator == 0
    assert ended.effective_to == date(2018, 12, 31)
    assert ended.in_force(date(2018, 12, 31)) and not ended.in_force(date(2019, 1, 1))
    never = edits[("17311", "88331")]  # deleted the day it took effect, indicator 9
    assert never.modifier_indicator == 9
    assert not never.in_force(date(2019, 1, 1))


def test_pre_1996_star_is_accepted(cms_fixtures: Path) -> None:
    edits = _by_pair(import_ptp_file(cms_fixtures / "ccipra-v323r0-f1.txt").rows)
    assert edits[("17000", "11200")].effective_from == date(1996, 1, 1)


def test_quarter_override_and_version_numbering(cms_fixtures: Path) -> None:
    imported = import_ptp_file(cms_fixtures / "ccipra-v323r0-f2.txt", quarter=Quarter(2027, 1))
    assert imported.quarter == Quarter(2027, 1)
    assert imported.part == "f2"
    assert ncci_version_quarter(32, 0) == Quarter(2026, 1)
    assert ncci_version_quarter(31, 3) == Quarter(2025, 4)


def test_a_renamed_file_needs_a_quarter(cms_fixtures: Path, tmp_path: Path) -> None:
    renamed = tmp_path / "ptp_edits.txt"
    renamed.write_bytes((cms_fixtures / "ccipra-v323r0-f1.txt").read_bytes())
    with pytest.raises(CmsFileError, match="give --quarter"):
        import_ptp_file(renamed)
    imported = import_ptp_file(renamed, quarter=Quarter(2026, 4))
    assert imported.part == ""
    assert len(imported.rows) == 8


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("ccipra-v323r0-f1.txt", r"ccipra-v323r0-f1\.txt, line 8: modifier indicator .* not '2'"),
        (
            "ccipra-v323r0-f2.txt",
            r"line 7: effective date '2019-01-01' is not a date written YYYYMMDD",
        ),
        ("ccipra-v323r0-f3.txt", r"line 8: expected 7 tab-separated columns, found 1"),
        ("ccipra-v323r0-f4.txt", r"ccipra-v323r0-f4\.txt: no PTP edits found"),
    ],
)
def test_malformed_files_name_the_file_and_line(
    cms_fixtures: Path, name: str, message: str
) -> None:
    imported = import_ptp_file(cms_fixtures / "malformed" / name)  # the file is streamed ...
    with pytest.raises(CmsFileError, match=message):
        imported.rows  # noqa: B018 (... so its lines are checked as they are read)


def test_the_outpatient_hospital_file_is_refused(tmp_path: Path, cms_fixtures: Path) -> None:
    hospital = tmp_path / "ccioph-v323r0-f1.txt"
    hospital.write_bytes((cms_fixtures / "ccipra-v323r0-f1.txt").read_bytes())
    with pytest.raises(CmsFileError, match="outpatient hospital"):
        import_ptp_file(hospital)


def test_data_before_any_header_is_refused(tmp_path: Path) -> None:
    headless = tmp_path / "ccipra-v323r0-f1.txt"
    headless.write_text("17000\t11102\t\t20190101\t*\t1\tx\n", encoding="utf-8")
    with pytest.raises(CmsFileError, match="line 1: no PTP header"):
        import_ptp_file(headless).rows  # noqa: B018


def test_a_line_after_the_edits_that_is_not_an_edit_is_refused(tmp_path: Path) -> None:
    footer = tmp_path / "ccipra-v323r0-f1.txt"
    footer.write_text(
        "Column 1\tColumn 2\t*\tEffective\tDeletion\tModifier\tPTP Edit Rationale\n"
        "17000\t11102\t\t20190101\t*\t1\tx\n"
        "End of file\t\t\t\t\t\t\n",
        encoding="utf-8",
    )
    with pytest.raises(CmsFileError, match="line 3: column 1 'END OF FILE' is not a CPT/HCPCS"):
        import_ptp_file(footer).rows  # noqa: B018
