"""Which ICD-10-CM release codes a date of service, and the warning when a newer one is missing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dermcharge.codesets.icd10 import releases
from dermcharge.codesets.icd10.catalog import Icd10Catalog
from dermcharge.codesets.icd10.cdc_import import import_release

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "icd10cm"


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh user data folder: only the shipped FY2026 release is loaded."""
    monkeypatch.setenv("DERMCHARGE_DATA_DIR", str(tmp_path))
    return tmp_path


def import_fy2027() -> None:
    import_release([FIXTURES / "icd10cm_order_2027.txt", FIXTURES / "icd10cm_tabular_2027.xml"])


@pytest.mark.parametrize(
    ("day", "year"),
    [
        (date(2025, 9, 30), 2025),
        (date(2025, 10, 1), 2026),
        (date(2026, 9, 30), 2026),
        (date(2026, 10, 1), 2027),
        (date(2026, 12, 31), 2027),
        (date(2027, 1, 1), 2027),
    ],
)
def test_fiscal_year_starts_on_october_first(day: date, year: int) -> None:
    assert releases.fiscal_year_in_force(day) == year


def test_a_fy2026_date_is_coded_with_fy2026_without_warning(data_dir: Path) -> None:
    catalog: Icd10Catalog = releases.catalog_for(date(2026, 5, 1))
    assert catalog.release == "ICD-10-CM FY2026"
    assert catalog.is_billable("C44.311")
    status = releases.release_status(date(2026, 5, 1))
    assert status.release == "ICD-10-CM FY2026"
    assert not status.newer_release_in_force
    assert status.message is None


def test_a_fy2027_date_warns_until_fy2027_is_imported(data_dir: Path) -> None:
    visit = date(2026, 11, 20)
    status = releases.release_status(visit)
    assert status.newer_release_in_force
    assert status.release == "ICD-10-CM FY2026"
    assert status.fiscal_year_in_force == 2027
    assert status.message == (
        "ICD-10-CM FY2027 is in force for 2026-11-20 but only FY2026 is loaded: import the "
        "FY2027 release (File > Import ICD-10-CM release, or "
        "dermcharge icd import icd10cm_order_2027.txt icd10cm_tabular_2027.xml)"
    )
    assert releases.catalog_for(visit).release == "ICD-10-CM FY2026"

    import_fy2027()

    status = releases.release_status(visit)
    assert not status.newer_release_in_force
    assert status.message is None
    assert status.release == "ICD-10-CM FY2027"
    assert releases.catalog_for(visit).release == "ICD-10-CM FY2027"
    assert releases.catalog_for(visit).effective_from == date(2026, 10, 1)


def test_older_releases_stay_for_older_dates(data_dir: Path) -> None:
    import_fy2027()
    assert [r.fiscal_year for r in releases.loaded_releases()] == [2026, 2027]
    assert releases.catalog_for(date(2026, 9, 30)).release == "ICD-10-CM FY2026"
    assert releases.catalog_for(date(2026, 9, 30)).exists("A63.0")  # not in the FY2027 fixture
    assert not releases.catalog_for(date(2026, 10, 1)).exists("A63.0")


def test_a_later_year_warns_with_the_newest_loaded(data_dir: Path) -> None:
    import_fy2027()
    status = releases.release_status(date(2027, 10, 5))
    assert status.newer_release_in_force
    assert status.release == "ICD-10-CM FY2027"
    assert "FY2028 is in force for 2027-10-05" in (status.message or "")
    assert "the newest release loaded is FY2027" in (status.message or "")


def test_a_date_before_every_loaded_release_says_so(data_dir: Path) -> None:
    status = releases.release_status(date(2024, 3, 1))
    assert status.older_release_missing
    assert not status.newer_release_in_force
    assert status.release == "ICD-10-CM FY2026"
    assert "FY2024 was in force on 2024-03-01" in (status.message or "")


def test_catalogs_are_opened_once(data_dir: Path) -> None:
    assert releases.catalog_for(date(2026, 1, 5)) is releases.catalog_for(date(2026, 6, 5))


def test_the_app_does_not_import_the_package_to_search() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from datetime import date;"
        "from dermcharge.codesets.icd10 import releases, search;"
        "search.search('bcc nose', 5, on=date(2026, 5, 1));"
        "releases.catalog_for(date(2026, 5, 1)).is_billable('C44.311');"
        "print('simple_icd_10_cm' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
