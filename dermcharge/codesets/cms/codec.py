"""How each kind of record is laid out in a stored table: plain columns, texts stored once.

A quarter of PTP edits is millions of rows sharing a handful of rationale texts, so rows keep
a number pointing into a `texts` table, and the source label lives once per imported part.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import lru_cache
from typing import Any

from dermcharge.codesets.cms.imported import CmsRecord, TableKind
from dermcharge.codesets.cms.records import AddOnEdit, FeeScheduleRvu, MueLimit, PtpEdit

ROW_COLUMNS: dict[TableKind, str] = {
    TableKind.PTP: "column1 TEXT, column2 TEXT, indicator INTEGER, effective_from TEXT, "
    "effective_to TEXT, rationale INTEGER",
    TableKind.MUE: "code TEXT, units INTEGER, indicator INTEGER, rationale INTEGER",
    TableKind.AOC: "add_on TEXT, primary_code TEXT, edit_type INTEGER, effective_from TEXT, "
    "effective_to TEXT, notes INTEGER",
    TableKind.RVU: "code TEXT, modifier TEXT, status TEXT, global_days INTEGER, "
    "global_indicator TEXT, mult_proc TEXT, work REAL, total_nonfacility REAL, "
    "total_facility REAL, pctc TEXT, conversion_factor REAL",
}
FIRST_KEY = {TableKind.PTP: "column1", TableKind.MUE: "code", TableKind.AOC: "add_on",
             TableKind.RVU: "code"}  # fmt: skip
SECOND_KEY = {TableKind.PTP: "column2", TableKind.AOC: "primary_code", TableKind.RVU: "modifier"}

TextId = Callable[[str], int]


@lru_cache(maxsize=4096)
def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def to_columns(record: CmsRecord, text_id: TextId) -> tuple[Any, ...]:
    if isinstance(record, PtpEdit):
        return (
            record.column1, record.column2, record.modifier_indicator,
            _iso(record.effective_from), _iso(record.effective_to), text_id(record.rationale),
        )  # fmt: skip
    if isinstance(record, MueLimit):
        return (record.code, record.units, record.adjudication_indicator, text_id(record.rationale))
    if isinstance(record, AddOnEdit):
        return (
            record.add_on, record.primary, record.edit_type, _iso(record.effective_from),
            _iso(record.effective_to), text_id(record.notes),
        )  # fmt: skip
    return (
        record.code, record.modifier, record.status, record.global_days, record.global_indicator,
        record.mult_proc, record.work_rvu, record.total_rvu_nonfacility, record.total_rvu_facility,
        record.pctc, record.conversion_factor,
    )  # fmt: skip


def from_columns(
    kind: TableKind, row: tuple[Any, ...], texts: dict[int, str], source: str
) -> CmsRecord:
    if kind is TableKind.PTP:
        start = _day(row[3])
        assert start is not None
        return PtpEdit(row[0], row[1], row[2], start, _day(row[4]), texts[row[5]], source, True)
    if kind is TableKind.MUE:
        return MueLimit(row[0], row[1], row[2], texts[row[3]], source, True)
    if kind is TableKind.AOC:
        start = _day(row[3])
        assert start is not None
        return AddOnEdit(row[0], row[1], row[2], start, _day(row[4]), source, True, texts[row[5]])
    code, modifier, status, days, indicator, mult_proc, work, nonfacility, facility, pctc, cf = row
    return FeeScheduleRvu(
        code, modifier, status, days, indicator, mult_proc, work, nonfacility, facility, pctc, cf,
        source, True,
    )  # fmt: skip
