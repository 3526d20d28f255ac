"""ICD-10-CM releases by fiscal year, and which one applies to a date of service.

A fiscal-year release is in force from October 1 of the previous calendar year to September 30
(FY2026: 2025-10-01 .. 2026-09-30) — CMS/CDC ICD-10-CM release notes; HIPAA requires the code
set valid on the date of service. The shipped release is FY2026 (built from the
simple-icd-10-cm package); releases imported from the CDC files live under
`code_sets_dir()/icd10cm/` and are kept for older dates of service.
"""

from __future__ import annotations

import os
import re
import threading
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from dermcharge.app_dirs import code_sets_dir
from dermcharge.codesets.icd10.index_catalog import IndexCatalog
from dermcharge.resource_files import resource_path

SHIPPED_FISCAL_YEAR = 2026
IMPORT_HINT = (
    "File > Import ICD-10-CM release, or "
    "dermcharge icd import icd10cm_order_{year}.txt icd10cm_tabular_{year}.xml"
)
_INDEX_NAME = re.compile(r"^icd10cm-fy(\d{4})\.sqlite$")

# Opened catalogs by (file, mtime) and the last folder listing; shared by GUI threads.
_open_lock = threading.Lock()
_open: dict[tuple[Path, int], IndexCatalog] = {}
_listing: dict[tuple[Path, int, Path], list[LoadedRelease]] = {}


def index_file_name(fiscal_year: int) -> str:
    return f"icd10cm-fy{fiscal_year}.sqlite"


def shipped_index_path() -> Path:
    """Where the FY2026 index ships (resources/data/icd10cm/icd10cm-fy2026.sqlite)."""
    return resource_path("data", "icd10cm", index_file_name(SHIPPED_FISCAL_YEAR))


def imported_dir() -> Path:
    """code_sets_dir()/icd10cm (created); looked up once per data-folder setting, because search
    lists the releases on every keystroke and the platform lookup costs more than the query."""
    keys = ("DERMCHARGE_DATA_DIR", "XDG_DATA_HOME", "HOME")
    return _imported_dir(tuple(os.environ.get(key) for key in keys))


@lru_cache(maxsize=8)
def _imported_dir(_environment: tuple[str | None, ...]) -> Path:
    path = code_sets_dir() / "icd10cm"
    path.mkdir(parents=True, exist_ok=True)
    return path


def built_shipped_path() -> Path:
    """The shipped release built on first use when the resources copy is absent."""
    return imported_dir() / "built" / index_file_name(SHIPPED_FISCAL_YEAR)


def fiscal_year_in_force(date_of_service: date) -> int:
    """The ICD-10-CM fiscal year in force on a date: October onwards belongs to the next year."""
    return date_of_service.year + 1 if date_of_service.month >= 10 else date_of_service.year


@dataclass(frozen=True)
class LoadedRelease:
    fiscal_year: int
    path: Path
    origin: str  # "shipped" or "imported"

    @property
    def label(self) -> str:
        return f"ICD-10-CM FY{self.fiscal_year}"


@dataclass(frozen=True)
class ReleaseStatus:
    """Which release codes a visit, and what is missing; `message` is None when all is well."""

    date_of_service: date
    release: str
    fiscal_year_used: int
    fiscal_year_in_force: int
    newer_release_in_force: bool
    older_release_missing: bool
    message: str | None


def loaded_releases() -> list[LoadedRelease]:
    """Every release available, oldest first; an imported year replaces the shipped one.

    Re-read only when the folder changes (an import renames a file into it), because search
    asks on every keystroke.
    """
    folder = imported_dir()
    if not folder.is_dir():  # removed behind our back (a test's temporary folder): look again
        _imported_dir.cache_clear()
        folder = imported_dir()
    key = (folder, folder.stat().st_mtime_ns, _shipped_path())
    with _open_lock:
        cached = _listing.get(key)
    if cached is None:
        cached = _list_releases(folder)
        with _open_lock:
            _listing.clear()
            _listing[key] = cached
    return list(cached)


def _list_releases(folder: Path) -> list[LoadedRelease]:
    by_year = {SHIPPED_FISCAL_YEAR: LoadedRelease(SHIPPED_FISCAL_YEAR, _shipped_path(), "shipped")}
    for path in sorted(folder.glob("icd10cm-fy*.sqlite")):
        match = _INDEX_NAME.match(path.name)
        if match:
            year = int(match.group(1))
            by_year[year] = LoadedRelease(year, path, "imported")
    return [by_year[year] for year in sorted(by_year)]


def release_for(date_of_service: date) -> LoadedRelease:
    """The newest loaded release in force on the date; the oldest one for an earlier date."""
    releases = loaded_releases()
    in_force = fiscal_year_in_force(date_of_service)
    usable = [r for r in releases if r.fiscal_year <= in_force]
    return usable[-1] if usable else releases[0]


def catalog_for(date_of_service: date) -> IndexCatalog:
    """The catalog of the release that applies to a date of service (opened once, cached).

    Raises `UnreadableIndex` when that release's file is damaged or of another schema."""
    return open_catalog(release_for(date_of_service))


def newest_catalog() -> IndexCatalog:
    return open_catalog(loaded_releases()[-1])


def release_status(date_of_service: date) -> ReleaseStatus:
    releases = loaded_releases()
    used = release_for(date_of_service)
    in_force = fiscal_year_in_force(date_of_service)
    newest = releases[-1].fiscal_year
    newer = in_force > newest
    older = in_force < used.fiscal_year
    message = None
    if newer:
        loaded = (
            f"only FY{newest} is"
            if len(releases) == 1
            else f"the newest release loaded is FY{newest}"
        )
        message = (
            f"ICD-10-CM FY{in_force} is in force for {date_of_service.isoformat()} but {loaded} "
            f"loaded: import the FY{in_force} release ({IMPORT_HINT.format(year=in_force)})"
        )
    elif older:
        message = (
            f"ICD-10-CM FY{in_force} was in force on {date_of_service.isoformat()} but the oldest "
            f"release loaded is FY{used.fiscal_year}: codes are checked against FY{used.fiscal_year}; "
            f"import the FY{in_force} release ({IMPORT_HINT.format(year=in_force)})"
        )
    return ReleaseStatus(
        date_of_service=date_of_service,
        release=used.label,
        fiscal_year_used=used.fiscal_year,
        fiscal_year_in_force=in_force,
        newer_release_in_force=newer,
        older_release_missing=older,
        message=message,
    )


def open_catalog(release: LoadedRelease) -> IndexCatalog:
    """Open (once per file version) the index of a release, building the shipped one if absent."""
    path = release.path
    if release.origin == "shipped" and not path.is_file():
        path = ensure_shipped_index()
    key = (path, path.stat().st_mtime_ns)
    with _open_lock:
        catalog = _open.get(key)
        if catalog is None:
            catalog = IndexCatalog(path)
            _open[key] = catalog
        return catalog


def forget_open_catalogs() -> None:
    """Close cached catalogs (tests, or after an import replaced a file)."""
    with _open_lock:
        for catalog in _open.values():
            catalog.close()
        _open.clear()


def _shipped_path() -> Path:
    shipped = shipped_index_path()
    return shipped if shipped.is_file() else built_shipped_path()


_build_lock = threading.Lock()


def ensure_shipped_index() -> Path:
    """The shipped FY2026 index, built from the simple-icd-10-cm package if missing (~10 s)."""
    shipped = shipped_index_path()
    if shipped.is_file():
        return shipped
    target = built_shipped_path()
    with _build_lock:
        if not target.is_file():
            from dermcharge.codesets.icd10.package_build import build_package_index

            build_package_index(target)
    return target
