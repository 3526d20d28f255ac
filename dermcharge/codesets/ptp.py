"""NCCI procedure-to-procedure (PTP) edits: which code pairs on one day need a modifier or pay once.

The engine reads the small cited derm table shipped in resources/data/ncci_ptp_derm.json; an
imported quarterly CMS PTP file (dermcharge.codesets.cms) yields the same records and replaces it.
Source of the semantics: CMS MLN1783722 and the NCCI Policy Manual ch. I (coding-rules.md R-MOD-59).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache

from dermcharge.resource_files import resource_path

NOT_BYPASSABLE = 0  # column 2 is never paid with column 1
BYPASSABLE = 1  # an NCCI-associated modifier may bypass the edit for distinct services
NOT_APPLICABLE = 9


@dataclass(frozen=True)
class PtpEdit:
    column1: str
    column2: str
    modifier_indicator: int
    effective_from: date
    effective_to: date | None = None
    rationale: str = ""
    source: str = ""
    verified: bool = True

    def in_force(self, on: date) -> bool:
        return self.effective_from <= on and (self.effective_to is None or on <= self.effective_to)


@dataclass(frozen=True)
class PtpTable:
    label: str
    edits: tuple[PtpEdit, ...]

    def __post_init__(self) -> None:
        index: dict[tuple[str, str], list[PtpEdit]] = {}
        for edit in self.edits:
            index.setdefault((edit.column1, edit.column2), []).append(edit)
        object.__setattr__(self, "_index", index)

    def edit_for(self, column1: str, column2: str, on: date) -> PtpEdit | None:
        """The edit in force on `on` with `column1` as column 1 and `column2` as column 2."""
        found: dict[tuple[str, str], list[PtpEdit]] = self._index  # type: ignore[attr-defined]
        for edit in found.get((column1, column2), ()):
            if edit.in_force(on):
                return edit
        return None

    def between(self, code_a: str, code_b: str, on: date) -> PtpEdit | None:
        """The edit between two codes in either column order, if any."""
        return self.edit_for(code_a, code_b, on) or self.edit_for(code_b, code_a, on)


def _parse_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def edits_from_rows(rows: Iterable[dict[str, object]]) -> tuple[PtpEdit, ...]:
    edits = []
    for row in rows:
        start = _parse_date(str(row["effective_from"]))
        assert start is not None
        end = row.get("effective_to")
        edits.append(
            PtpEdit(
                column1=str(row["column1"]),
                column2=str(row["column2"]),
                modifier_indicator=int(str(row["modifier_indicator"])),
                effective_from=start,
                effective_to=_parse_date(str(end)) if end else None,
                rationale=str(row.get("rationale", row.get("note", ""))),
                source=str(row.get("source", "")),
                verified=bool(row.get("verified", True)),
            )
        )
    return tuple(edits)


@cache
def curated_derm_ptp() -> PtpTable:
    """The shipped, cited derm pair table (coding-rules.md §13)."""
    raw = json.loads(resource_path("data", "ncci_ptp_derm.json").read_text(encoding="utf-8"))
    return PtpTable(label="curated derm PTP pairs (cited)", edits=edits_from_rows(raw["edits"]))
