"""The CMS edit tables as the checks see them: pairs, unit limits, add-on primaries, global days.

Each part is a small lookup protocol so a test passes a table of three rows and the app passes
the imported quarterly CMS files (dermcharge.codesets.cms) or, without them, the shipped cited
tables (dermcharge.codesets.ptp curated pairs, dermcharge.codesets.cpt add-ons and global days).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from dermcharge.codesets.ptp import PtpEdit


class PairLookup(Protocol):
    def edit_for(self, column1: str, column2: str, on: date) -> PtpEdit | None: ...


@dataclass(frozen=True)
class UnitLimit:
    """One MUE row: the most units of `code` per line (MAI 1) or per day (MAI 2, 3)."""

    code: str
    units: int
    adjudication: int  # MUE adjudication indicator: 1 line, 2 absolute day, 3 clinical day
    source: str = ""
    verified: bool = True  # False: a curated row no public CMS file confirmed yet
    rationale: str = ""


class UnitLimitLookup(Protocol):
    def limit_for(self, code: str, on: date) -> UnitLimit | None: ...


class AddOnLookup(Protocol):
    def primaries_for(self, code: str, on: date) -> tuple[str, ...] | None:
        """The primary codes an add-on code must follow; None when `code` is not an add-on."""
        ...


class GlobalDaysLookup(Protocol):
    def global_days(self, code: str) -> int | None:
        """0, 10 or 90 days; None when no global period applies or the code is unknown."""
        ...


@dataclass(frozen=True)
class UnitLimitTable:
    limits: Mapping[str, UnitLimit] = field(default_factory=dict)

    def limit_for(self, code: str, on: date) -> UnitLimit | None:
        return self.limits.get(code)


@dataclass(frozen=True)
class AddOnTable:
    primaries: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    source: str = ""

    def primaries_for(self, code: str, on: date) -> tuple[str, ...] | None:
        return self.primaries.get(code)


@dataclass(frozen=True)
class GlobalDaysTable:
    days: Mapping[str, int | None] = field(default_factory=dict)

    def global_days(self, code: str) -> int | None:
        return self.days.get(code)


@dataclass(frozen=True)
class CheckTables:
    """The tables a check run uses; a missing part means the checks that need it stay silent."""

    pairs: PairLookup | None = None
    unit_limits: UnitLimitLookup | None = None
    add_ons: AddOnLookup | None = None
    global_days: GlobalDaysLookup | None = None
    label: str = ""  # which tables, for messages: "CMS NCCI 2026Q4" / "shipped curated tables"
