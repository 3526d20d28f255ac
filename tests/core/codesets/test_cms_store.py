"""The table store and `active_tables`: imported where loaded, else the curated subset."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from dermcharge.codesets.cms import store
from dermcharge.codesets.cms.active import active_tables
from dermcharge.codesets.cms.errors import CmsFileError
from dermcharge.codesets.cms.imported import TableKind
from dermcharge.codesets.cms.importing import detect_kind, import_file
from dermcharge.codesets.cms.quarter import Quarter
from dermcharge.codesets.cms.tables import LOAD_MUE_HINT

MUE_FILE = "MCR_MUE_PractitionerServices_Eff_10-01-2026.csv"
Q4_DAY = date(2026, 11, 20)


def test_store_lives_in_the_private_data_folder(data_dir: Path) -> None:
    assert store.store_root() == data_dir / "code_sets" / "cms"


def test_without_imports_the_curated_subset_is_in_force(data_dir: Path) -> None:
    tables = active_tables(Q4_DAY)
    assert not any(origin.imported for origin in tables.origins)
    sourced = tables.mue.limit("17003")
    assert sourced is not None and sourced.units == 13 and sourced.verified
    assert tables.mue.warning("17003") is None
    guessed = tables.mue.limit("11102")
    assert guessed is not None and not guessed.verified and guessed.note
    assert tables.mue.warning("11102") == LOAD_MUE_HINT
    assert tables.mue.warning("11305") == LOAD_MUE_HINT  # no curated value at all
    assert tables.aoc.primaries("11107", Q4_DAY) == ("11106",)
    assert tables.rvu.global_days("14040") == 90
    assert tables.rvu.get("14040").verified  # type: ignore[union-attr]
    assert not tables.rvu.get("12001").verified  # type: ignore[union-attr]
    assert tables.ptp.between("17000", "11102", Q4_DAY) is not None  # the lead's cited table
    assert any("MUE: using the curated" in w and "unverified" in w for w in tables.warnings())


def test_curated_rows_all_carry_a_source(data_dir: Path) -> None:
    tables = active_tables(Q4_DAY)
    assert all(limit.source for limit in tables.mue.limits.values())
    assert all(edit.source for edit in tables.aoc.edits)
    assert tables.mue.origin.unverified_count == sum(
        1 for limit in tables.mue.limits.values() if not limit.verified
    )


def test_imported_tables_replace_the_curated_ones(data_dir: Path, cms_fixtures: Path) -> None:
    for name in ("ccipra-v323r0-f1.txt", MUE_FILE, "AOC_V2026Q4-MCR.txt", "PPRRVU2026_Oct.csv"):
        import_file(cms_fixtures / name)
    tables = active_tables(Q4_DAY)
    assert all(origin.imported and origin.quarter == Quarter(2026, 4) for origin in tables.origins)
    assert tables.warnings() == ()
    assert tables.mue.limit("11103").units == 6  # type: ignore[union-attr]
    assert tables.mue.warning("11103") is None
    assert tables.mue.warning("11305") is not None  # imported, but not published for this code
    assert tables.aoc.primaries("11105", Q4_DAY) == ("11104",)
    assert tables.aoc.is_add_on("G2211", Q4_DAY) and tables.aoc.primaries("G2211", Q4_DAY) == ()
    assert tables.rvu.mult_proc("11102") == "2"
    edit = tables.ptp.between("11102", "17000", Q4_DAY)
    assert edit is not None and edit.verified and "v32.3" in edit.source
    # A pair with a code the engine never emits is left out of the in-memory table.
    assert tables.ptp.between("99213", "36415", Q4_DAY) is None


def test_ptp_parts_accumulate_and_a_reimport_replaces_only_its_part(
    data_dir: Path, cms_fixtures: Path
) -> None:
    import_file(cms_fixtures / "ccipra-v323r0-f1.txt")
    stored = import_file(cms_fixtures / "ccipra-v323r0-f2.txt")
    assert [p.part for p in stored.parts] == ["f1", "f2"]
    assert stored.row_count == 10
    again = import_file(cms_fixtures / "ccipra-v323r0-f2.txt")
    assert again.row_count == 10
    tables = active_tables(Q4_DAY)
    assert tables.ptp.between("17110", "11400", Q4_DAY) is not None  # from f2
    assert tables.ptp.between("17000", "11102", Q4_DAY) is not None  # from f1


def test_a_malformed_file_leaves_the_loaded_tables_untouched(
    data_dir: Path, cms_fixtures: Path
) -> None:
    good = import_file(cms_fixtures / MUE_FILE)
    before = good.path.read_bytes()
    with pytest.raises(CmsFileError, match="line 8"):
        import_file(cms_fixtures / "malformed" / MUE_FILE)
    assert good.path.read_bytes() == before
    assert active_tables(Q4_DAY).mue.limit("17003").units == 13  # type: ignore[union-attr]
    assert not list(good.path.parent.glob(".*tmp"))  # no half-written file left behind


def test_a_malformed_ptp_part_keeps_the_parts_loaded_before(
    data_dir: Path, cms_fixtures: Path
) -> None:
    import_file(cms_fixtures / "ccipra-v323r0-f1.txt")
    with pytest.raises(CmsFileError):
        import_file(cms_fixtures / "malformed" / "ccipra-v323r0-f1.txt")
    (table,) = store.stored_tables(TableKind.PTP)
    assert table.row_count == 8


def test_the_quarter_in_force_is_chosen_by_date_of_service(
    data_dir: Path, cms_fixtures: Path
) -> None:
    import_file(cms_fixtures / "ccipra-v322r0-f1.txt")  # 2026Q3: 17000/11102 indicator 0
    import_file(cms_fixtures / "ccipra-v323r0-f1.txt")  # 2026Q4: indicator 1
    in_q3 = active_tables(date(2026, 8, 1)).ptp.between("17000", "11102", date(2026, 8, 1))
    in_q4 = active_tables(Q4_DAY).ptp.between("17000", "11102", Q4_DAY)
    assert in_q3 is not None and in_q3.modifier_indicator == 0
    assert in_q4 is not None and in_q4.modifier_indicator == 1
    # Before every loaded quarter, the oldest loaded PTP table still answers (rows are dated).
    early = active_tables(date(2025, 1, 2))
    assert early.ptp_origin.quarter == Quarter(2026, 3)


def test_an_old_table_is_flagged_stale(data_dir: Path, cms_fixtures: Path) -> None:
    import_file(cms_fixtures / MUE_FILE)
    tables = active_tables(date(2027, 2, 1))
    assert tables.mue.origin.stale
    assert any("older than the date of service (2027Q1)" in w for w in tables.warnings())


def test_before_the_first_mue_quarter_the_oldest_import_is_used(
    data_dir: Path, cms_fixtures: Path
) -> None:
    import_file(cms_fixtures / MUE_FILE)
    assert active_tables(date(2026, 1, 5)).mue.origin.imported


def test_an_unreadable_store_file_is_ignored(data_dir: Path, cms_fixtures: Path) -> None:
    folder = store.store_root() / "mue"
    folder.mkdir(parents=True)
    (folder / "2026Q4.sqlite").write_bytes(b"not a database")
    assert not active_tables(Q4_DAY).mue.origin.imported


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("ccipra-v323r0-f1.txt", TableKind.PTP),
        (MUE_FILE, TableKind.MUE),
        ("AOC_V2026Q4-MCR.txt", TableKind.AOC),
        ("PPRRVU2026_Oct.csv", TableKind.RVU),
    ],
)
def test_kind_is_told_from_the_name_or_else_the_header(
    tmp_path: Path, cms_fixtures: Path, name: str, kind: TableKind
) -> None:
    assert detect_kind(cms_fixtures / name) is kind
    renamed = tmp_path / "download.txt"
    shutil.copy(cms_fixtures / name, renamed)
    assert detect_kind(renamed) is kind


def test_an_unknown_file_asks_for_a_kind(tmp_path: Path) -> None:
    other = tmp_path / "notes.csv"
    other.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(CmsFileError, match="give --kind"):
        detect_kind(other)


@pytest.mark.parametrize(
    ("good", "bad"),
    [
        ("ccipra-v323r0-f1.txt", "ccipra-v323r0-f1.txt"),
        (MUE_FILE, MUE_FILE),
        ("AOC_V2026Q4-MCR.txt", "AOC_V2026Q4-MCR.txt"),
        ("PPRRVU2026_Oct.csv", "PPRRVU2026_Oct.csv"),
    ],
)
def test_every_importer_leaves_the_loaded_table_untouched_on_a_bad_file(
    data_dir: Path, cms_fixtures: Path, good: str, bad: str
) -> None:
    stored = import_file(cms_fixtures / good)
    before = stored.path.read_bytes()
    with pytest.raises(CmsFileError, match=r"line \d+"):
        import_file(cms_fixtures / "malformed" / bad)
    assert stored.path.read_bytes() == before
    assert [p.name for p in stored.path.parent.iterdir()] == [stored.path.name]
