"""Productivity: work RVUs, total RVUs and expected allowed amounts per provider or code family.

From the CMS Physician Fee Schedule relative value file (PPRRVU) in force on each date of
service, with its modifier rules:
- 26 / TC: the professional or technical component's own row of the file (PCTC indicator);
- the multiple-procedure reduction: on one claim, among the codes whose multiple-procedure
  indicator is 2, the highest-valued procedure counts 100 % and every other one (each further
  unit too) 50 % (Medicare Claims Processing Manual, Chapter 12, §40.6.2; modifier 51 marks those
  lines on the claim, but the payer ranks them whether or not it is there). We credit the RVUs as
  they are paid — the conservative reading for a productivity plan. The ranking runs in the
  database, where the claim's lines are (storage.report_queries.productivity_groups), and
  arrives here as each group's `paid_units`;
- add-on codes and codes with any other indicator are never reduced.
Allowed amounts are national (total non-facility RVUs × the file's conversion factor; no GPCI).
Codes the file does not value (drugs, supplies, codes not loaded) are listed, never guessed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from dermcharge.reports.periods import period_start
from dermcharge.reports.records import LineGroup

GROUPS = ("provider", "family")
COMPONENT_MODIFIERS = ("26", "TC")


@dataclass(frozen=True)
class RvuValues:
    work: float | None
    total: float | None  # non-facility total (office place of service 11)
    mult_proc: str  # "2": the standard multiple-procedure reduction applies; "0": never
    conversion_factor: float | None


RvuLookup = Callable[[str, str, date], RvuValues | None]  # (code, modifier, date of service)


@dataclass(frozen=True)
class ProductivityRow:
    period: date
    key: str  # the provider's name or the code family
    work_rvu: Decimal
    total_rvu: Decimal
    allowed: Decimal
    units: int
    lines: int
    unvalued_codes: tuple[str, ...]  # billed codes the RVU file gave no value for


def productivity(
    groups: Iterable[LineGroup],
    rvu_for: RvuLookup,
    *,
    period: str = "month",
    group: str = "provider",
    provider_names: dict[int, str] | None = None,
    family_of: Callable[[str], str] = lambda code: code,
) -> list[ProductivityRow]:
    if group not in GROUPS:
        raise ValueError(f"group must be one of {', '.join(GROUPS)}, not {group!r}")
    names = provider_names or {}
    sums: dict[tuple[date, str], list[Decimal]] = {}
    counts: dict[tuple[date, str], list[int]] = {}
    unvalued: dict[tuple[date, str], set[str]] = {}
    for line_group in groups:
        key = (
            names.get(line_group.provider_id, str(line_group.provider_id))
            if group == "provider"
            else family_of(line_group.cpt)
        )
        bucket = (period_start(line_group.date_of_service, period), key)
        totals = sums.setdefault(bucket, [Decimal(0), Decimal(0), Decimal(0)])
        count = counts.setdefault(bucket, [0, 0])
        count[0] += line_group.units
        count[1] += line_group.lines
        values = rvu_for(line_group.cpt, line_group.component, line_group.date_of_service)
        if values is None or (values.work is None and values.total is None):
            unvalued.setdefault(bucket, set()).add(line_group.cpt)
            continue
        paid = line_group.paid_units
        total = Decimal(str(values.total or 0)) * paid
        totals[0] += Decimal(str(values.work or 0)) * paid
        totals[1] += total
        totals[2] += total * Decimal(str(values.conversion_factor or 0))
    return [
        ProductivityRow(
            period=bucket[0],
            key=bucket[1],
            work_rvu=_cents(totals[0]),
            total_rvu=_cents(totals[1]),
            allowed=_cents(totals[2]),
            units=counts[bucket][0],
            lines=counts[bucket][1],
            unvalued_codes=tuple(sorted(unvalued.get(bucket, ()))),
        )
        for bucket, totals in sorted(sums.items())
    ]


def _cents(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
