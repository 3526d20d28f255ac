"""An ICD-10-CM catalog read straight from the simple-icd-10-cm package (slow to import: ~1.8 s).

The app uses the compact index instead (see `releases.py`); this one is the reference the index is
built from and checked against.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from types import ModuleType

from dermcharge.codesets.icd10.catalog import normalize_code


@cache
def _package() -> ModuleType:
    import simple_icd_10_cm

    module: ModuleType = simple_icd_10_cm
    return module


class PackageCatalog:
    release = "ICD-10-CM FY2026"
    effective_from = date(2025, 10, 1)

    def exists(self, code: str) -> bool:
        return bool(_package().is_valid_item(normalize_code(code)))

    def is_billable(self, code: str) -> bool:
        """A leaf category or subcategory. Not `not is_chapter_or_block()`: the package says True
        there for the five categories that share their block's name (B20, F99, P84, R99, Z66),
        which would make 74,714 billable codes instead of the release's 74,719."""
        c = normalize_code(code)
        cm = _package()
        return bool(cm.is_valid_item(c) and cm.is_leaf(c) and cm.is_category_or_subcategory(c))

    def description(self, code: str) -> str:
        c = normalize_code(code)
        cm = _package()
        return str(cm.get_description(c)) if cm.is_valid_item(c) else ""
