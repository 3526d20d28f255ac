"""The edit tables a check run uses when the caller passes none: those in force on the date.

`dermcharge.codesets.cms.active_tables(on)` chooses them: the CMS quarterly files imported into
the app, else the curated dermatology subset shipped with it (curated PTP pairs, MUE rows marked
verified or not, add-on pairs and global days from the CPT table). This module only adapts those
tables to the lookups the checks use (dermcharge.checks.edit_tables).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from dermcharge.checks.context import CheckContext
from dermcharge.checks.edit_tables import CheckTables, UnitLimit
from dermcharge.codesets.cms.active import active_tables
from dermcharge.codesets.cms.imported import TableKind
from dermcharge.codesets.cms.store import store_root
from dermcharge.codesets.cms.tables import AocTable, EditTables, MueTable, RvuTable
from dermcharge.codesets.cpt import CptTable, CptTableError, cpt_table


@dataclass(frozen=True)
class MueLimits:
    table: MueTable

    def limit_for(self, code: str, on: date) -> UnitLimit | None:
        row = self.table.limit(code)
        if row is None:
            return None
        return UnitLimit(
            code=row.code,
            units=row.units,
            adjudication=row.adjudication_indicator,
            source=row.source,
            verified=row.verified,
            rationale=row.rationale,
        )


@dataclass(frozen=True)
class AddOnPrimaries:
    """The AOC table first; the CPT table's add-on rows for codes the AOC table does not know."""

    aoc: AocTable
    cpt: CptTable | None

    def primaries_for(self, code: str, on: date) -> tuple[str, ...] | None:
        if self.aoc.is_add_on(code, on):
            return self.aoc.primaries(code, on)  # () when the MAC defines the primaries
        row = self.cpt.get(code) if self.cpt is not None else None
        return row.primaries if row is not None and row.add_on else None


@dataclass(frozen=True)
class GlobalDays:
    """MPFS global days: the RVU table, else the CPT table (same MPFS indicator, curated)."""

    rvu: RvuTable
    cpt: CptTable | None

    def global_days(self, code: str) -> int | None:
        if self.rvu.get(code) is not None:
            return self.rvu.global_days(code)
        return self.cpt.global_days(code) if self.cpt is not None else None


def tables_of(ctx: CheckContext) -> CheckTables:
    if ctx.tables is None:
        return default_tables(ctx.visit.date_of_service)
    if isinstance(ctx.tables, EditTables):
        return check_tables(ctx.tables)
    return ctx.tables


def default_tables(on: date) -> CheckTables:
    """The tables in force on `on`, reused until a table is imported or removed.

    Choosing the tables opens every imported table file, far too slow for a re-check on every
    click; the folders' modification times change whenever an import lands, so they key the cache.
    """
    return _tables_for(on, _store_stamp())


@lru_cache(maxsize=16)
def _tables_for(on: date, stamp: tuple[int, ...]) -> CheckTables:
    return check_tables(active_tables(on))


def _store_stamp() -> tuple[int, ...]:
    root = store_root()
    stamps = []
    for kind in TableKind:
        try:
            stamps.append((root / kind.value).stat().st_mtime_ns)
        except OSError:
            stamps.append(-1)
    return tuple(stamps)


def check_tables(edit_tables: EditTables) -> CheckTables:
    """The checks' view of the CMS helper's `EditTables`."""
    try:
        cpt: CptTable | None = cpt_table()
    except CptTableError:
        cpt = None
    return CheckTables(
        pairs=edit_tables.ptp,
        unit_limits=MueLimits(edit_tables.mue),
        add_ons=AddOnPrimaries(edit_tables.aoc, cpt),
        global_days=GlobalDays(edit_tables.rvu, cpt),
        label=edit_tables.ptp.label,
    )
