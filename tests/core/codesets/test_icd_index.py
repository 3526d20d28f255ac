"""The compact ICD-10-CM index agrees with the simple-icd-10-cm package it is built from."""

from __future__ import annotations

import random
import warnings
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

from dermcharge.codesets.icd10 import releases
from dermcharge.codesets.icd10.catalog import Icd10Catalog
from dermcharge.codesets.icd10.index_catalog import IndexCatalog, UnreadableIndex
from dermcharge.codesets.icd10.package_catalog import PackageCatalog

FY2026_BILLABLE = 74_719  # CDC: ICD-10-CM FY2026 has 74,719 valid (billable) codes


@pytest.fixture(scope="module")
def cm() -> ModuleType:
    with warnings.catch_warnings():  # the package loads its data with deprecated calls
        warnings.simplefilter("ignore", DeprecationWarning)
        import simple_icd_10_cm
    return simple_icd_10_cm


@pytest.fixture(scope="module")
def index() -> IndexCatalog:
    return IndexCatalog(releases.ensure_shipped_index())


@pytest.fixture(scope="module")
def package_codes(cm: ModuleType) -> dict[str, bool]:
    """Every code and category of the package (no chapters, no blocks) -> leaf (billable)."""
    codes: dict[str, bool] = {}
    seen_block: set[str] = set()
    for name in cm.get_all_codes(True):
        if cm.is_chapter(name):
            continue
        block = "-" in name or (cm.is_block(name) and cm.get_parent(name) == name)
        if block and name not in seen_block:
            seen_block.add(name)  # a block named like its only category comes first
            continue
        codes[name] = bool(cm.is_leaf(name))
    return codes


def test_the_shipped_index_is_small_enough_to_ship() -> None:
    shipped = releases.shipped_index_path()
    assert shipped.is_file(), "run scripts/build_icd_index.py"
    assert shipped.stat().st_size < 12_000_000


def test_counts_match_the_package_and_the_cdc_total(
    index: IndexCatalog, package_codes: dict[str, bool]
) -> None:
    codes, billable = index.counts()
    assert billable == FY2026_BILLABLE
    assert billable == sum(package_codes.values())
    assert codes == len(package_codes)


def test_billable_flags_descriptions_and_parents_agree_on_a_sample(
    index: IndexCatalog, package_codes: dict[str, bool], cm: ModuleType
) -> None:
    sample = random.Random(2026).sample(sorted(package_codes), 3000)
    for code in sample:
        assert index.exists(code), code
        assert index.is_billable(code) == package_codes[code], code
        assert index.description(code) == cm.get_description(code), code
        assert index.parent(code) == cm.get_parent(code), code


@pytest.mark.parametrize("code", ["B20", "F99", "P84", "R99", "Z66"])
def test_categories_named_like_their_block_are_billable(index: IndexCatalog, code: str) -> None:
    assert index.is_billable(code)
    assert PackageCatalog().is_billable(code)


@pytest.mark.parametrize(
    ("code", "billable"),
    [
        ("C44.311", True),
        ("c44311", True),
        ("C44.31", False),
        ("L57.0", True),
        ("S01.01XA", True),
        ("QA0", False),  # April 2026 update: a category whose second character is a letter
    ],
)
def test_catalog_protocol_answers(index: IndexCatalog, code: str, billable: bool) -> None:
    catalog: Icd10Catalog = index
    assert catalog.exists(code)
    assert catalog.is_billable(code) is billable
    assert catalog.release == "ICD-10-CM FY2026"
    assert catalog.effective_from.isoformat() == "2025-10-01"


def test_unknown_codes_and_groups_are_not_codes(index: IndexCatalog) -> None:
    for text in ["C44.999", "A00-A09", "1", "", "ZZZ"]:
        assert not index.exists(text)
        assert not index.is_billable(text)
        assert index.description(text) == ""


def test_seventh_character_descriptions_are_rebuilt_whole(
    index: IndexCatalog, cm: ModuleType
) -> None:
    for code in ["S01.01XA", "S01.01XD", "S01.01XS", "T23.011A", "E08.3211"]:
        assert index.description(code) == cm.get_description(code)


@pytest.mark.parametrize(
    ("code", "derm"),
    [
        ("C44.311", True),
        ("L57.0", True),
        ("D22.5", True),
        ("Z85.820", True),
        ("B07.8", True),
        ("D48.5", True),
        ("Z12.83", True),
        ("E11.9", False),
        ("S01.01XA", False),
    ],
)
def test_dermatology_codes_are_flagged(index: IndexCatalog, code: str, derm: bool) -> None:
    entry = index.entry(code)
    assert entry is not None
    assert entry.derm is derm


def test_a_file_that_is_not_an_index_is_refused(tmp_path: Path) -> None:
    junk = tmp_path / "icd10cm-fy2030.sqlite"
    junk.write_text("not a database")
    with pytest.raises(UnreadableIndex, match="not an ICD-10-CM index"):
        IndexCatalog(junk)


def test_a_missing_shipped_index_is_built_on_first_use(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, index: IndexCatalog
) -> None:
    monkeypatch.setenv("DERMCHARGE_DATA_DIR", str(tmp_path))
    monkeypatch.setattr(releases, "shipped_index_path", lambda: tmp_path / "absent.sqlite")
    built = releases.ensure_shipped_index()
    assert built == releases.built_shipped_path()
    assert built.is_relative_to(tmp_path)
    rebuilt = IndexCatalog(built)
    assert rebuilt.counts() == index.counts()
    assert releases.catalog_for(date(2026, 3, 1)).path == built
    assert not list(built.parent.glob("*.tmp"))


def test_the_shipped_index_is_in_step_with_the_scope_file_and_the_package(
    index: IndexCatalog,
) -> None:
    """Fails when derm_scope.json or the package changed without `scripts/build_icd_index.py`."""
    from importlib.metadata import version

    from dermcharge.codesets.icd10.derm_scope import is_derm_code

    for code, derm in index.query("SELECT code, derm FROM codes"):
        assert bool(derm) == is_derm_code(code), code
    assert f"simple-icd-10-cm {version('simple-icd-10-cm')}" in index.source
