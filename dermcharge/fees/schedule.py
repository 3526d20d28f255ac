"""A fee schedule: the practice's charge per CPT/HCPCS code for one payer over a date range."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

ANY_PAYER = "any"  # a schedule that applies to every payer without one of its own


@dataclass(frozen=True)
class Fee:
    """The charge for one code; a modifier may carry its own charge (e.g. reduced service, 52)."""

    amount: Decimal
    by_modifier: Mapping[str, Decimal] = field(default_factory=dict)


@dataclass(frozen=True)
class FeeSchedule:
    payer: str  # a `Payer` value ("medicare", "commercial" ...) or ANY_PAYER
    label: str  # what people read on the superbill footer, e.g. "Demo fee schedule (example fees)"
    effective_from: date
    effective_to: date | None  # inclusive; None while in force
    fees: Mapping[str, Fee]
    source: str = ""
    example_fees: bool = False  # True for shipped demo fees that are nobody's real prices
    currency: str = "USD"
    # The named payer ("Medicare Part B") the schedule belongs to; "" for a schedule that
    # serves a whole payer kind (`payer`) or, with ANY_PAYER, the practice default.
    payer_name: str = ""

    def in_force_on(self, on: date) -> bool:
        return self.effective_from <= on and (self.effective_to is None or on <= self.effective_to)

    def fee_for(
        self, code: str, modifiers: Sequence[str] = (), on: date | None = None
    ) -> Decimal | None:
        """The charge for one unit of `code`; None when the code has no fee or, given a date,
        the schedule is not in force on it. The first modifier (in claim order) that has a fee
        of its own decides; otherwise the code's plain fee applies."""
        if on is not None and not self.in_force_on(on):
            return None
        fee = self.fees.get(code.strip().upper())
        if fee is None:
            return None
        for modifier in modifiers:
            specific = fee.by_modifier.get(modifier.strip().upper())
            if specific is not None:
                return specific
        return fee.amount


def line_total(fee: Decimal | None, units: int) -> Decimal | None:
    """A claim line's charge: the unit fee times the units billed (None when there is no fee)."""
    return None if fee is None else fee * units


def schedule_for(
    schedules: Iterable[FeeSchedule], payer: str, on: date, payer_name: str = ""
) -> FeeSchedule | None:
    """The schedule to charge a visit from, among those in force on the date of service: the
    named payer's own (`payer_name`, e.g. "Medicare Part B", matched without regard to case),
    else one for the payer kind, else the practice default (ANY_PAYER); the latest
    `effective_from` wins a tie."""
    in_force = [s for s in schedules if s.in_force_on(on)]
    wanted_name = payer_name.strip().casefold()
    named = [s for s in in_force if wanted_name and s.payer_name.strip().casefold() == wanted_name]
    unnamed = [s for s in in_force if not s.payer_name]
    for matching in (
        named,
        [s for s in unnamed if s.payer == payer],
        [s for s in unnamed if s.payer == ANY_PAYER],
    ):
        if matching:
            return max(matching, key=lambda s: s.effective_from)
    return None
