"""Every report as one table shape — title, columns, rows and the chart people would rather read
— so the command line (text, CSV, JSON), the PDF and the app's views show the same figures."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from dermcharge.reports.payer_mix import PayerMixRow
from dermcharge.reports.productivity import ProductivityRow
from dermcharge.reports.reconciliation import ReconciliationRow
from dermcharge.reports.risk import MissedCharge, RiskRow

Cell = str | int | Decimal | None


@dataclass(frozen=True)
class ChartSpec:
    kind: str  # "bars" (one bar per label) or "line" (a point per label, in order)
    label_column: int
    value_column: int
    title: str
    only_rows: tuple[int, ...] | None = None  # the rows to chart (e.g. totals), None: all


@dataclass(frozen=True)
class ReportTable:
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    chart: ChartSpec | None = None
    notes: tuple[str, ...] = ()
    visit_ids: tuple[tuple[int, ...], ...] = ()  # per row: the visits behind it (to open them)

    def as_dicts(self) -> list[dict[str, Cell]]:
        keys = [column.lower().replace(" ", "_").replace("/", "_") for column in self.columns]
        return [dict(zip(keys, row, strict=True)) for row in self.rows]


def _day(day: date | None) -> str:
    return day.isoformat() if day else "all"


def _counts(row: ReconciliationRow) -> tuple[int, ...]:
    return tuple(row.counts().values())


def day_table(rows: Sequence[ReconciliationRow], start: date, end: date) -> ReportTable:
    columns = (
        "Day", "Provider", "Visits", "Without charges", "Unsigned", "Signed not exported",
        "Exported", "Held for pathology", "Charged",
    )  # fmt: skip
    body: tuple[tuple[Cell, ...], ...] = tuple(
        (_day(r.day), r.provider_name, *_counts(r), r.charged) for r in rows
    )
    return ReportTable(
        f"Day reconciliation {start.isoformat()} to {end.isoformat()}",
        columns,
        body,
        ChartSpec("bars", 1, 8, "Charged by provider"),
        visit_ids=tuple(r.visits for r in rows),
    )


def productivity_table(
    rows: Sequence[ProductivityRow], start: date, end: date, group: str, notes: Sequence[str]
) -> ReportTable:
    columns = ("Period", "Provider" if group == "provider" else "Family", "Work RVU",
               "Total RVU", "Expected allowed", "Units", "Lines", "Not valued")  # fmt: skip
    body = tuple(
        (r.period.isoformat(), r.key, r.work_rvu, r.total_rvu, r.allowed, r.units, r.lines,
         " ".join(r.unvalued_codes))
        for r in rows
    )  # fmt: skip
    chart = ChartSpec("bars", 1, 2, f"Work RVUs by {group}")
    return ReportTable(
        f"Productivity {start.isoformat()} to {end.isoformat()}", columns, body, chart, tuple(notes)
    )


def risk_table(
    rows: Sequence[RiskRow], missed: Sequence[MissedCharge], start: date, end: date
) -> ReportTable:
    columns = ("Provider", "Check", "Open", "Acknowledged", "Overridden",
               "Claims left with decisions", "Visits")  # fmt: skip
    body: list[tuple[Cell, ...]] = [
        (r.provider_name, r.check, r.open, r.acknowledged, r.overridden,
         len(r.claims_left_with_decisions), " ".join(map(str, r.claims_left_with_decisions)))
        for r in rows
    ]  # fmt: skip
    body += [(m.provider_name, "likely missed charge", 1, 0, 0, 0, str(m.visit_id)) for m in missed]
    notes = tuple(f"visit {m.visit_id}: {m.reason} ({m.source})" for m in missed)
    return ReportTable(
        f"Risk and missed charges {start.isoformat()} to {end.isoformat()}",
        columns,
        tuple(body),
        ChartSpec("bars", 1, 2, "Open findings by check"),
        notes,
    )


def payers_table(rows: Sequence[PayerMixRow], start: date, end: date) -> ReportTable:
    columns = ("Payer type", "Payer", "Visits", "Charged")
    body = tuple((r.payer_kind, r.payer_name or "(all)", len(r.visits), r.charged) for r in rows)
    return ReportTable(
        f"Payer mix {start.isoformat()} to {end.isoformat()}",
        columns,
        body,
        ChartSpec(
            "bars",
            0,
            3,
            "Charged by payer type",
            tuple(i for i, r in enumerate(rows) if not r.payer_name),
        ),
        visit_ids=tuple(r.visits for r in rows),
    )


def day_line_table(rows: Sequence[ReconciliationRow]) -> list[tuple[str, Decimal]]:
    """Charged per day across providers, in day order: the line of the day report's chart."""
    per_day: dict[str, Decimal] = {}
    for row in rows:
        per_day[_day(row.day)] = per_day.get(_day(row.day), Decimal(0)) + row.charged
    return sorted(per_day.items())
