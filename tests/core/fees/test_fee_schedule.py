"""Fee lookup by code, modifier and date; choosing the payer's schedule; line totals."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from dermcharge.fees.schedule import ANY_PAYER, Fee, FeeSchedule, line_total, schedule_for


def _schedule(
    payer: str = ANY_PAYER,
    start: date = date(2026, 1, 1),
    end: date | None = None,
    label: str = "test",
) -> FeeSchedule:
    return FeeSchedule(
        payer=payer,
        label=label,
        effective_from=start,
        effective_to=end,
        fees={
            "17000": Fee(Decimal("110.00")),
            "11102": Fee(Decimal("150.00"), {"52": Decimal("75.00"), "53": Decimal("40.00")}),
        },
    )


def test_plain_fee_for_a_listed_code() -> None:
    assert _schedule().fee_for("17000") == Decimal("110.00")


def test_unknown_code_has_no_fee() -> None:
    assert _schedule().fee_for("99999") is None


def test_code_is_matched_ignoring_case_and_spaces() -> None:
    assert _schedule().fee_for(" 17000 ") == Decimal("110.00")


@pytest.mark.parametrize(
    ("modifiers", "expected"),
    [
        ((), "150.00"),
        (("59",), "150.00"),  # no fee of its own: the plain fee
        (("52",), "75.00"),
        (("59", "53"), "40.00"),
        (("53", "52"), "40.00"),  # the first modifier in claim order with its own fee decides
        (("52 ",), "75.00"),
    ],
)
def test_modifier_specific_fee(modifiers: tuple[str, ...], expected: str) -> None:
    assert _schedule().fee_for("11102", modifiers) == Decimal(expected)


@pytest.mark.parametrize(
    ("on", "has_fee"),
    [
        (date(2025, 12, 31), False),
        (date(2026, 1, 1), True),
        (date(2026, 12, 31), True),  # effective_to is inclusive
        (date(2027, 1, 1), False),
    ],
)
def test_fee_only_while_the_schedule_is_in_force(on: date, has_fee: bool) -> None:
    schedule = _schedule(end=date(2026, 12, 31))
    assert (schedule.fee_for("17000", on=on) is not None) is has_fee


def test_line_total_is_fee_times_units() -> None:
    assert line_total(Decimal("12.00"), 11) == Decimal("132.00")
    assert line_total(None, 3) is None


def test_payer_schedule_wins_over_the_any_payer_one() -> None:
    medicare = _schedule(payer="medicare", label="medicare")
    fallback = _schedule(label="fallback")
    on = date(2026, 6, 1)
    assert schedule_for([fallback, medicare], "medicare", on) is medicare
    assert schedule_for([fallback, medicare], "commercial", on) is fallback


def test_schedule_not_in_force_is_skipped_and_latest_wins() -> None:
    old = _schedule(payer="medicare", start=date(2025, 1, 1), end=date(2025, 12, 31))
    current = _schedule(payer="medicare", start=date(2026, 1, 1))
    newer = _schedule(payer="medicare", start=date(2026, 7, 1))
    assert schedule_for([old, current, newer], "medicare", date(2026, 3, 1)) is current
    assert schedule_for([old, current, newer], "medicare", date(2026, 8, 1)) is newer
    assert schedule_for([old], "medicare", date(2026, 3, 1)) is None
