"""What the coding engine and the checks ask of an ICD-10-CM release."""

from __future__ import annotations

from datetime import date
from typing import Protocol


class Icd10Catalog(Protocol):
    """One ICD-10-CM release (a fiscal year, in force from October 1)."""

    @property
    def release(self) -> str:
        """A label people read, e.g. "ICD-10-CM FY2026"."""
        ...

    @property
    def effective_from(self) -> date: ...

    def exists(self, code: str) -> bool:
        """True for any code or category in the release (dotted form, e.g. "C44.31")."""
        ...

    def is_billable(self, code: str) -> bool:
        """True for a leaf code valid on a claim."""
        ...

    def description(self, code: str) -> str:
        """The public-domain ICD-10-CM description; "" for an unknown code."""
        ...


def normalize_code(code: str) -> str:
    """ICD-10-CM codes in dotted upper-case form: "c44311" and "C44.311" both give "C44.311"."""
    compact = code.strip().upper().replace(".", "")
    return compact if len(compact) <= 3 else f"{compact[:3]}.{compact[3:]}"
