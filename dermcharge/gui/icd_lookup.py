"""ICD-10-CM descriptions and type-ahead for the GUI, opened on first use (never at start-up)."""

from __future__ import annotations

from datetime import date

from dermcharge.codesets.icd10.catalog import Icd10Catalog
from dermcharge.codesets.icd10.releases import catalog_for
from dermcharge.codesets.icd10.search import SearchHit, search


def _catalog(on: date) -> Icd10Catalog | None:
    # No cache here: catalog_for is cached per release file and notices an import.
    try:
        return catalog_for(on)
    except Exception:  # a damaged or missing index: descriptions are a nicety, not a blocker
        return None


def describe_code(code: str, on: date) -> str:
    catalog = _catalog(on)
    return catalog.description(code) if catalog is not None else ""


def search_codes(query: str, on: date, limit: int = 20) -> list[SearchHit]:
    """Type-ahead ICD-10-CM codes in the release in force on the date; [] if it is unreadable."""
    try:
        return search(query, limit, on=on)
    except Exception:  # a damaged or missing index: the typed code still works without it
        return []
