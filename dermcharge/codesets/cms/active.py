"""`active_tables(on)`: the edit tables in force on a date of service.

For each kind, the newest imported quarter that has started by the date of service; failing
that, the oldest imported quarter (PTP and add-on rows carry their own dates); failing that,
the curated dermatology subset shipped with the app. Each table says where it came from, how
many of its rows are unverified, and whether it is older than the date of service's quarter.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path

from dermcharge.codesets.cms import store
from dermcharge.codesets.cms.curated import curated_aoc, curated_mue, curated_rvu
from dermcharge.codesets.cms.imported import TableKind
from dermcharge.codesets.cms.quarter import Quarter
from dermcharge.codesets.cms.records import AddOnEdit, FeeScheduleRvu, MueLimit, PtpEdit
from dermcharge.codesets.cms.tables import (
    AocTable,
    EditTables,
    MueTable,
    RvuTable,
    TableOrigin,
    unverified,
)
from dermcharge.codesets.cpt import cpt_table
from dermcharge.codesets.ptp import PtpTable, curated_derm_ptp


def active_tables(on: date) -> EditTables:
    ptp, ptp_origin = _ptp(on)
    return EditTables(
        on=on, ptp=ptp, mue=_mue(on), aoc=_aoc(on), rvu=_rvu(on), ptp_origin=ptp_origin
    )


def chosen_table(kind: TableKind, on: date) -> store.StoredTable | None:
    tables = store.stored_tables(kind)
    started = [t for t in tables if t.quarter.start <= on]
    if started:
        return started[-1]
    return tables[0] if tables else None


def _origin(
    kind: TableKind, table: store.StoredTable, on: date, unverified_rows: int
) -> TableOrigin:
    label = f"{table.source} [{table.quarter}]"
    return TableOrigin(
        kind.value, label, True, table.quarter, table.row_count, unverified_rows,
        stale=table.quarter < Quarter.of(on),
    )  # fmt: skip


def _stamp(table: store.StoredTable) -> tuple[str, int]:
    return str(table.path), table.path.stat().st_mtime_ns


def _ptp(on: date) -> tuple[PtpTable, TableOrigin]:
    table = chosen_table(TableKind.PTP, on)
    if table is None:
        curated = curated_derm_ptp()
        origin = TableOrigin(
            "ptp", curated.label, False, None, len(curated.edits), unverified(curated.edits)
        )
        return curated, origin
    codes = frozenset(c.code for c in cpt_table().codes())
    edits = _load_ptp(*_stamp(table), codes)
    return PtpTable(label=f"{table.source} [{table.quarter}]", edits=edits), _origin(
        TableKind.PTP, table, on, 0
    )


@lru_cache(maxsize=8)
def _load_ptp(path: str, stamp: int, codes: frozenset[str]) -> tuple[PtpEdit, ...]:
    """Only the pairs among codes the engine can emit: a full quarter has about a million."""
    table = store.read_stored(Path(path))
    if table is None:
        return ()
    return tuple(r for r in store.load_records(table, codes) if isinstance(r, PtpEdit))


def _mue(on: date) -> MueTable:
    table = chosen_table(TableKind.MUE, on)
    if table is None:
        return curated_mue()
    limits = {r.code: r for r in _load_all(*_stamp(table)) if isinstance(r, MueLimit)}
    return MueTable(_origin(TableKind.MUE, table, on, 0), limits)


def _aoc(on: date) -> AocTable:
    table = chosen_table(TableKind.AOC, on)
    if table is None:
        return curated_aoc()
    edits = tuple(r for r in _load_all(*_stamp(table)) if isinstance(r, AddOnEdit))
    return AocTable(_origin(TableKind.AOC, table, on, 0), edits)


def _rvu(on: date) -> RvuTable:
    table = chosen_table(TableKind.RVU, on)
    if table is None:
        return curated_rvu()
    rows = {
        (r.code, r.modifier): r for r in _load_all(*_stamp(table)) if isinstance(r, FeeScheduleRvu)
    }
    return RvuTable(_origin(TableKind.RVU, table, on, 0), rows)


@lru_cache(maxsize=8)
def _load_all(path: str, stamp: int) -> tuple[object, ...]:
    table = store.read_stored(Path(path))
    return tuple(store.load_records(table)) if table is not None else ()
