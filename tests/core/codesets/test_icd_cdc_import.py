"""Import of the official CDC ICD-10-CM files: validated first, switched atomically."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dermcharge.codesets.icd10.cdc_files import CdcFileError, parse_codes_file, parse_order_file
from dermcharge.codesets.icd10.cdc_import import import_release
from dermcharge.codesets.icd10.cdc_tabular import parse_tabular
from dermcharge.codesets.icd10.index_catalog import IndexCatalog
from dermcharge.codesets.icd10.search import search_catalog

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "icd10cm"
ORDER = FIXTURES / "icd10cm_order_2027.txt"
CODES = FIXTURES / "icd10cm_codes_2027.txt"
TABULAR = FIXTURES / "icd10cm_tabular_2027.xml"
MALFORMED = FIXTURES / "malformed"


def test_order_file_layout_is_read_column_by_column() -> None:
    lines = parse_order_file(ORDER)
    assert len(lines) == 61
    first, basal_nose = lines[0], next(line for line in lines if line.code == "C44.311")
    assert (first.code, first.billable, first.description) == ("B07", False, "Viral warts")
    assert basal_nose.billable
    assert basal_nose.description == "Basal cell carcinoma of skin of nose"
    assert next(line for line in lines if line.code == "S01.01XA").billable


def test_codes_with_a_letter_second_are_well_formed(tmp_path: Path) -> None:
    order = tmp_path / "icd10cm_order_2026.txt"
    description = "Neurodevelopmental disorders related to specific genetic pathogenic variants"
    order.write_text(f"00001 QA0     0 {description[:60]:<60} {description}\n", encoding="utf-8")
    assert parse_order_file(order)[0].code == "QA0"


def test_codes_file_lists_billable_codes() -> None:
    lines = parse_codes_file(CODES)
    assert len(lines) == 44
    assert all(line.billable for line in lines)
    assert lines[0].code == "B07.0"


def test_tabular_gives_version_blocks_parents_and_inclusion_terms() -> None:
    tabular = parse_tabular(TABULAR)
    assert tabular.version == 2027
    assert ("block", "L80-L99") in {(g.kind, g.id) for g in tabular.groups}
    assert tabular.diags["L91"].parent == "L80-L99"
    assert tabular.diags["C44.311"].parent == "C44.31"
    assert "Common wart" in tabular.diags["B07.8"].terms
    assert "malignant neoplasm of sweat glands" in tabular.diags["C44"].includes


def test_import_of_the_order_file_and_tabular(tmp_path: Path) -> None:
    result = import_release([TABULAR, ORDER], target_dir=tmp_path)  # any order of files
    assert (result.fiscal_year, result.code_count, result.billable_count) == (2027, 61, 44)
    assert not result.replaced_existing
    catalog = IndexCatalog(result.path)
    assert catalog.release == "ICD-10-CM FY2027"
    assert catalog.is_billable("C44.311") and not catalog.is_billable("C44.31")
    assert catalog.parent("S01.01XA") == "S01.01"  # through the X placeholder
    assert catalog.description("S01.01XA") == (
        "Laceration without foreign body of scalp, initial encounter"
    )
    assert [h.code for h in search_catalog(catalog, "common wart", 1)] == ["B07.8"]
    assert "icd10cm_order_2027.txt" in catalog.source
    sweat_gland_nose = [h.code for h in search_catalog(catalog, "sweat gland nose", 5)]
    assert "C44.311" in sweat_gland_nose  # through the Includes note of C44


def test_import_of_the_codes_file_takes_categories_from_the_tabular(tmp_path: Path) -> None:
    result = import_release([CODES, TABULAR], target_dir=tmp_path)
    catalog = IndexCatalog(result.path)
    assert catalog.exists("C44.31") and not catalog.is_billable("C44.31")
    assert catalog.is_billable("L57.0")
    assert result.billable_count == 44


def test_the_codes_file_alone_is_not_enough(tmp_path: Path) -> None:
    with pytest.raises(CdcFileError, match="billable codes only"):
        import_release([CODES], target_dir=tmp_path)


def test_the_year_comes_from_the_option_when_names_do_not_tell(tmp_path: Path) -> None:
    renamed = tmp_path / "order.txt"
    shutil.copy(ORDER, renamed)
    with pytest.raises(CdcFileError, match="cannot tell the fiscal year"):
        import_release([renamed], target_dir=tmp_path)
    assert import_release([renamed], fiscal_year=2028, target_dir=tmp_path).fiscal_year == 2028
    with pytest.raises(CdcFileError, match="cannot tell the fiscal year"):
        import_release([MALFORMED / "icd10cm_codes_no_year.txt"], target_dir=tmp_path)


def test_disagreeing_years_are_refused(tmp_path: Path) -> None:
    with pytest.raises(CdcFileError, match="fiscal years disagree"):
        import_release([ORDER], fiscal_year=2026, target_dir=tmp_path)
    with pytest.raises(CdcFileError, match="XML <version> says FY2026"):
        import_release([ORDER, MALFORMED / "icd10cm_tabular_2026_version.xml"], target_dir=tmp_path)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("icd10cm_order_2027_bad_flag.txt", r"line 5: the billable flag \(column 15\) is '2'"),
        ("icd10cm_order_2027_short_line.txt", "line 7: 60 characters"),
        ("icd10cm_order_2027_bad_code.txt", "line 9: 'C44-301' is not an ICD-10-CM code"),
        ("icd10cm_order_2027_bad_order.txt", "line 3: order number 00002 does not follow 00002"),
        ("icd10cm_order_2027_empty.txt", "the file is empty"),
    ],
)
def test_a_malformed_file_names_the_line_and_leaves_the_old_release(
    tmp_path: Path, name: str, message: str
) -> None:
    installed = import_release([ORDER, TABULAR], target_dir=tmp_path).path
    before = installed.read_bytes()
    with pytest.raises(CdcFileError, match=message):
        import_release([MALFORMED / name, TABULAR], target_dir=tmp_path)
    assert installed.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["icd10cm-fy2027.sqlite"]


def test_a_truncated_xml_names_the_line(tmp_path: Path) -> None:
    with pytest.raises(CdcFileError, match=r"icd10cm_tabular_2027_truncated.xml line \d+"):
        import_release(
            [ORDER, MALFORMED / "icd10cm_tabular_2027_truncated.xml"], target_dir=tmp_path
        )
    assert list(tmp_path.iterdir()) == []


def test_files_that_are_not_release_files_are_refused(tmp_path: Path) -> None:
    other = tmp_path / "notes.txt"
    other.write_text("hello\n")
    with pytest.raises(CdcFileError, match=r"notes\.txt line 1: neither"):
        import_release([other], target_dir=tmp_path)
    with pytest.raises(CdcFileError, match="exactly one code list"):
        import_release([ORDER, CODES], target_dir=tmp_path)
    with pytest.raises(CdcFileError, match="no such file"):
        import_release([tmp_path / "missing.txt"], target_dir=tmp_path)


def test_reimporting_replaces_the_release(tmp_path: Path) -> None:
    import_release([ORDER], target_dir=tmp_path)
    again = import_release([ORDER, TABULAR], target_dir=tmp_path)
    assert again.replaced_existing
    assert [h.code for h in search_catalog(IndexCatalog(again.path), "common wart", 1)] == ["B07.8"]


def test_progress_is_reported(tmp_path: Path) -> None:
    stages: list[tuple[str, float]] = []
    import_release([ORDER], target_dir=tmp_path, progress=lambda s, f: stages.append((s, f)))
    fractions = [f for _, f in stages]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0


@pytest.mark.slow
def test_the_whole_fy2026_release_imports_the_same_as_the_package_build(tmp_path: Path) -> None:
    """An order file in the official layout plus the real CDC tabular XML (the one the package
    bundles) give the very index the package build ships: codes, flags, parents, terms, groups."""
    from importlib.resources import files

    from dermcharge.codesets.icd10 import releases
    from dermcharge.codesets.icd10.package_source import read_package_release

    release = read_package_release()
    order = tmp_path / "icd10cm_order_2026.txt"
    order.write_text(
        "".join(
            f"{n:05d} {c.code.replace('.', ''):<7} {int(c.billable)} "
            f"{c.description[:60]:<60} {c.description}\n"
            for n, c in enumerate(release.codes, start=1)
        ),
        encoding="utf-8",
    )
    tabular = tmp_path / "icd10cm_tabular_2026.xml"
    tabular.write_bytes(
        files("simple_icd_10_cm.data").joinpath("icd10c-tabular-April-1-2026.xml").read_bytes()
    )
    result = import_release([order, tabular], target_dir=tmp_path / "out")
    assert (result.code_count, result.billable_count) == (98_186, 74_719)
    imported = IndexCatalog(result.path)
    shipped = IndexCatalog(releases.ensure_shipped_index())
    for sql in (
        "SELECT code, billable, derm, parent, seq, tail, description, terms FROM codes ORDER BY code",
        "SELECT kind, id, description, parent FROM groups ORDER BY kind, id",
        "SELECT code, note FROM includes ORDER BY code, note",
        "SELECT id, text FROM tails ORDER BY id",
    ):
        assert imported.query(sql) == shipped.query(sql), sql


def test_the_cdc_zips_are_imported_as_downloaded(tmp_path: Path) -> None:
    import zipfile

    descriptions = tmp_path / "2027-code-descriptions-tabular-order.zip"
    with zipfile.ZipFile(descriptions, "w") as archive:
        archive.write(ORDER, "Code Descriptions/icd10cm_order_2027.txt")
        archive.write(CODES, "Code Descriptions/icd10cm_codes_2027.txt")
        archive.writestr("Code Descriptions/icd10cm_order_addenda_2027.txt", "not a release\n")
    tables = tmp_path / "2027-code-tables-tabular-and-index.zip"
    with zipfile.ZipFile(tables, "w") as archive:
        archive.write(TABULAR, "icd10cm_tabular_2027.xml")
        # The Alphabetic Index comes in the same zip; since issue 19 it is imported too.
        archive.write(TABULAR.with_name("icd10cm_index_2027.xml"), "icd10cm_index_2027.xml")
        archive.writestr(
            "icd10cm_eindex_2027.xml", "<ICD10CM.eindex/>"
        )  # external causes: not read
    result = import_release([descriptions, tables], target_dir=tmp_path / "out")
    assert (result.fiscal_year, result.code_count) == (2027, 61)
    catalog = IndexCatalog(result.path)
    assert catalog.source.endswith(
        "icd10cm_order_2027.txt, icd10cm_tabular_2027.xml, icd10cm_index_2027.xml"
    )
    assert [h.code for h in search_catalog(catalog, "common wart", 1)] == ["B07.8"]
    assert catalog.index_term_rows()


def test_a_zip_without_release_files_is_refused(tmp_path: Path) -> None:
    import zipfile

    other = tmp_path / "other.zip"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(CdcFileError, match=r"other\.zip: no icd10cm order"):
        import_release([other], target_dir=tmp_path / "out")
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"PK not really")
    with pytest.raises(CdcFileError, match=r"broken\.zip: not a readable zip"):
        import_release([broken], target_dir=tmp_path / "out")
