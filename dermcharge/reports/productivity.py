"""Productivity: work RVUs, total RVUs and expected allowed amounts per provider or code family.

From the CMS Physician Fee Schedule relative value file (PPRRVU) in force on each date of
service, with its modifier rules:
- 26 / TC: the professional or technical component's own row of the file (PCTC indicator);
- the multiple-procedure reduction: on one claim, among the codes whose multiple-procedure
  indicator is 2, the highest-valued procedure counts 100 % and every other one (each further
  unit too) 50 % (Medicare Claims Processing Manual, Chapter 12, §40.6.2; modifier 51 marks those
  lines on the claim, but the payer ranks them whether or not it is there). We credit the RVUs as
  they are paid — the conservative reading for a productivity plan;
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
from dermcharge.reports.records import ReportLine

GROUPS = ("provider", "family")
COMPONENT_MODIFIERS = ("26", "TC")
HALF = Decimal("0.5")


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


def visit_values(
    lines: list[ReportLine], rvu_for: RvuLookup
) -> list[tuple[ReportLine, tuple[Decimal, Decimal, Decimal] | None]]:
    """Each line of one claim with its (work RVUs, total RVUs, allowed), the multiple-procedure
    reduction applied across the claim; None for a line the file does not value."""
    looked_up = []
    for line in lines:
        component = next((m for m in line.modifiers if m in COMPONENT_MODIFIERS), "")
        values = rvu_for(line.cpt, component, line.date_of_service)
        if values is not None and values.work is None and values.total is None:
            values = None
        looked_up.append((line, values))
    reducible = [
        (Decimal(str(v.total or 0)), i)
        for i, (_line, v) in enumerate(looked_up)
        if v is not None and v.mult_proc == "2"
    ]
    primary = max(reducible)[1] if reducible else None
    out: list[tuple[ReportLine, tuple[Decimal, Decimal, Decimal] | None]] = []
    for i, (line, values) in enumerate(looked_up):
        if values is None:
            out.append((line, None))
            continue
        units = Decimal(line.units)
        if values.mult_proc == "2":
            full = Decimal(1) if i == primary else Decimal(0)
            units = full + (units - full) * HALF
        work = Decimal(str(values.work or 0)) * units
        total = Decimal(str(values.total or 0)) * units
        out.append((line, (work, total, total * Decimal(str(values.conversion_factor or 0)))))
    return out


def productivity(
    lines: Iterable[ReportLine],
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
    sums: dict[tuple[date, str], list[Decimal | int]] = {}
    unvalued: dict[tuple[date, str], set[str]] = {}
    by_visit: dict[int, list[ReportLine]] = {}
    for line in lines:
        by_visit.setdefault(line.visit_id, []).append(line)
    for claim in by_visit.values():
        for line, values in visit_values(claim, rvu_for):
            key = (
                names.get(line.provider_id, str(line.provider_id))
                if group == "provider"
                else family_of(line.cpt)
            )
            bucket = (period_start(line.date_of_service, period), key)
            totals = sums.setdefault(bucket, [Decimal(0), Decimal(0), Decimal(0), 0, 0])
            totals[3] = int(totals[3]) + line.units
            totals[4] = int(totals[4]) + 1
            if values is None:
                unvalued.setdefault(bucket, set()).add(line.cpt)
                continue
            for i, value in enumerate(values):
                totals[i] = Decimal(totals[i]) + value
    return [
        ProductivityRow(
            period=bucket[0],
            key=bucket[1],
            work_rvu=_cents(Decimal(totals[0])),
            total_rvu=_cents(Decimal(totals[1])),
            allowed=_cents(Decimal(totals[2])),
            units=int(totals[3]),
            lines=int(totals[4]),
            unvalued_codes=tuple(sorted(unvalued.get(bucket, ()))),
        )
        for bucket, totals in sorted(sums.items(), key=lambda item: (item[0][0], item[0][1]))
    ]


def _cents(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
