"""ICD-10-CM descriptions and type-ahead for the GUI, opened on first use (never at start-up)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from dermcharge.codesets.icd10.catalog import Icd10Catalog


@dataclass(frozen=True)
class IcdChoice:
    code: str
    description: str


def _catalog(on: date) -> Icd10Catalog | None:
    # No cache here: catalog_for is cached per release file and notices an import.
    try:
        from dermcharge.services.superbill_print import default_icd10_catalog
    except ImportError:
        return None
    try:
        return default_icd10_catalog(on)
    except Exception:  # a damaged or missing index: descriptions are a nicety, not a blocker
        return None


def describe_code(code: str, on: date) -> str:
    catalog = _catalog(on)
    return catalog.description(code) if catalog is not None else ""


def release_label(on: date) -> str:
    catalog = _catalog(on)
    return catalog.release if catalog is not None else "ICD-10-CM (not loaded)"


def search_codes(query: str, on: date, limit: int = 20) -> list[IcdChoice]:
    """The ICD search helper's results, whatever record shape it returns; [] until it exists."""
    try:
        from dermcharge.codesets.icd10.search import search
    except ImportError:
        return []
    try:
        results: list[Any] = list(search(query, limit, on=on))
    except Exception:
        return []
    return [_choice(result) for result in results]


def _choice(result: Any) -> IcdChoice:
    if isinstance(result, tuple):
        return IcdChoice(str(result[0]), str(result[1]) if len(result) > 1 else "")
    code = getattr(result, "code", str(result))
    description = getattr(result, "description", "") or getattr(result, "title", "")
    return IcdChoice(str(code), str(description))
