"""A fee schedule set as a percentage of Medicare's physician fee schedule amounts.

Medicare's payment for a service is its relative value units times the conversion factor;
CMS, "How to use the searchable Medicare Physician Fee Schedule" and 42 CFR 414.22: payment =
[(work RVU × work GPCI) + (PE RVU × PE GPCI) + (MP RVU × MP GPCI)] × CF. With every GPCI 1.0 —
the national amount, which is what this builds — that is the TOTAL RVU column of the PFS
relative value file (PPRRVU) times the conversion factor. The office (place of service 11) is
paid at the non-facility amount, so the NON-FACILITY TOTAL is used.

Only the global service (no modifier) of codes Medicare pays separately is priced: status A
(active), R (restricted coverage) or T (paid only when no other service is billed); bundled,
excluded and carrier-priced codes (B, P, N, X, C, ...) have no national amount to scale.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from dermcharge.fees.schedule import Fee

PRICED_STATUSES = frozenset({"A", "R", "T"})
CENT = Decimal("0.01")


@dataclass(frozen=True)
class RvuLine:
    """What pricing needs from one PPRRVU row."""

    code: str
    modifier: str
    status: str
    total_rvu_nonfacility: float | None
    conversion_factor: float | None


def national_amount(total_rvu: Decimal, conversion_factor: Decimal) -> Decimal:
    """Medicare's national non-facility amount: total RVUs × conversion factor, to the cent."""
    return (total_rvu * conversion_factor).quantize(CENT, rounding=ROUND_HALF_UP)


def percent_of_medicare(
    lines: Iterable[RvuLine], percent: Decimal, conversion_factor: Decimal | None = None
) -> dict[str, Fee]:
    """Each priced code's fee: `percent` % of its national amount, to the cent. The conversion
    factor given wins over the file's own CONV FACTOR column; a code with neither is left out."""
    fees: dict[str, Fee] = {}
    for line in lines:
        if line.modifier or line.status not in PRICED_STATUSES:
            continue
        if line.total_rvu_nonfacility is None or line.total_rvu_nonfacility <= 0:
            continue
        factor = conversion_factor
        if factor is None and line.conversion_factor is not None:
            factor = Decimal(str(line.conversion_factor))
        if factor is None:
            continue
        amount = national_amount(Decimal(str(line.total_rvu_nonfacility)), factor)
        fees[line.code] = Fee((amount * percent / 100).quantize(CENT, rounding=ROUND_HALF_UP))
    return fees
