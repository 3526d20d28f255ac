"""The edit tables the engine and the checks consult, whichever file they came from."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from dermcharge.codesets.cms.quarter import Quarter
from dermcharge.codesets.cms.records import AddOnEdit, FeeScheduleRvu, MueLimit
from dermcharge.codesets.ptp import PtpTable

LOAD_MUE_HINT = "unit limit not verified: load the CMS MUE file"


@dataclass(frozen=True)
class TableOrigin:
    """Where a table in force came from, for status lines and warnings."""

    kind: str
    label: str
    imported: bool
    quarter: Quarter | None = None
    row_count: int = 0
    unverified_count: int = 0
    stale: bool = False  # an imported quarter older than the date of service's quarter


@dataclass(frozen=True)
class MueTable:
    origin: TableOrigin
    limits: Mapping[str, MueLimit]

    def limit(self, code: str) -> MueLimit | None:
        return self.limits.get(code.strip().upper())

    def warning(self, code: str) -> str | None:
        """What to tell the user about this code's unit limit, or None when it is verified."""
        found = self.limit(code)
        if found is not None and found.verified:
            return None
        if self.origin.imported:
            # CMS leaves some codes out of the public file on purpose.
            return None if found else f"no published MUE for {code} in {self.origin.label}"
        return LOAD_MUE_HINT


@dataclass(frozen=True)
class AocTable:
    origin: TableOrigin
    edits: tuple[AddOnEdit, ...]
    _by_add_on: dict[str, list[AddOnEdit]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        index: dict[str, list[AddOnEdit]] = {}
        for edit in self.edits:
            index.setdefault(edit.add_on, []).append(edit)
        object.__setattr__(self, "_by_add_on", index)

    def edits_for(self, add_on: str, on: date) -> tuple[AddOnEdit, ...]:
        return tuple(e for e in self._by_add_on.get(add_on, ()) if e.in_force(on))

    def is_add_on(self, code: str, on: date) -> bool:
        return bool(self.edits_for(code, on))

    def primaries(self, add_on: str, on: date) -> tuple[str, ...]:
        """Listed primaries in force; an empty tuple with edits in force means MAC-defined."""
        return tuple(e.primary for e in self.edits_for(add_on, on) if e.primary is not None)


@dataclass(frozen=True)
class RvuTable:
    origin: TableOrigin
    rows: Mapping[tuple[str, str], FeeScheduleRvu]

    def get(self, code: str, modifier: str = "") -> FeeScheduleRvu | None:
        return self.rows.get((code.strip().upper(), modifier.strip().upper()))

    def global_days(self, code: str) -> int | None:
        found = self.get(code)
        return found.global_days if found else None

    def mult_proc(self, code: str) -> str:
        found = self.get(code)
        return found.mult_proc if found else ""


@dataclass(frozen=True)
class EditTables:
    """The PTP, MUE, add-on and fee-schedule tables in force on one date of service."""

    on: date
    ptp: PtpTable
    mue: MueTable
    aoc: AocTable
    rvu: RvuTable
    ptp_origin: TableOrigin

    @property
    def origins(self) -> tuple[TableOrigin, ...]:
        return (self.ptp_origin, self.mue.origin, self.aoc.origin, self.rvu.origin)

    def warnings(self) -> tuple[str, ...]:
        """Plain sentences about curated or outdated tables, for the claim's findings."""
        notes = []
        for origin in self.origins:
            if not origin.imported:
                notes.append(
                    f"{origin.kind.upper()}: using the {origin.label} "
                    f"({origin.unverified_count} of {origin.row_count} rows unverified); "
                    f"import the CMS file for full coverage"
                )
            elif origin.stale:
                notes.append(
                    f"{origin.kind.upper()}: the newest loaded table is {origin.quarter}, older "
                    f"than the date of service ({Quarter.of(self.on)})"
                )
        return tuple(notes)


def unverified(rows: Iterable[object]) -> int:
    return sum(1 for r in rows if not getattr(r, "verified", True))
