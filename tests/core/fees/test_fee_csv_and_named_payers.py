"""A practice's fee CSV (code,modifier,fee) and choosing a named payer's own schedule."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from dermcharge.fees.schedule import ANY_PAYER, Fee, FeeSchedule, schedule_for
from dermcharge.fees.schedule_csv import parse_fee_csv
from dermcharge.fees.schedule_json import InvalidFeeSchedule


def test_csv_rows_become_plain_and_modifier_fees() -> None:
    fees = parse_fee_csv("\ufeffcode,modifier,fee\n17000,,95\n11102,,150.00\n11102,52,75.5\n")
    assert fees["17000"] == Fee(Decimal("95.00"))
    assert fees["11102"] == Fee(Decimal("150.00"), {"52": Decimal("75.50")})


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("code,fee\n17000,95\n", "header: 'code,fee'"),
        ("code,modifier,fee\n17000,,-5\n", "line 2: fee: '-5' must be 0 or more"),
        ("code,modifier,fee\n17000,,abc\n", "line 2: fee: 'abc' is not an amount"),
        ("code,modifier,fee\n17000,,1.234\n", "line 2: fee: '1.234'"),
        ("code,modifier,fee\n1700,,10\n", "line 2: code '1700'"),
        ("code,modifier,fee\n17000,RTX,10\n", "line 2: modifier 'RTX'"),
        ("code,modifier,fee\n17000,,10\n17000,,11\n", "line 3: 17000 (no modifier) is listed"),
        ("code,modifier,fee\n11102,52,10\n", "code 11102: has modifier fees but no plain fee"),
        ("code,modifier,fee\n", "the file lists no fees"),
    ],
)
def test_a_bad_row_is_named_with_its_value(text: str, named: str) -> None:
    with pytest.raises(InvalidFeeSchedule) as refused:
        parse_fee_csv(text)
    assert any(named in problem for problem in refused.value.problems), refused.value.problems


def _schedule(payer: str, name: str, start: date, fee: str) -> FeeSchedule:
    return FeeSchedule(
        payer, name or payer, start, None, {"17000": Fee(Decimal(fee))}, payer_name=name
    )


def test_the_named_payers_schedule_wins_over_its_kind_and_the_default() -> None:
    schedules = [
        _schedule(ANY_PAYER, "", date(2026, 1, 1), "100"),
        _schedule("commercial", "", date(2026, 1, 1), "110"),
        _schedule("commercial", "Acme Health", date(2026, 1, 1), "120"),
    ]
    on = date(2026, 6, 1)
    assert schedule_for(schedules, "commercial", on, "acme health").label == "Acme Health"
    # Another commercial plan without its own schedule gets the kind's, never Acme's.
    assert schedule_for(schedules, "commercial", on, "Blue Plan").label == "commercial"
    assert schedule_for(schedules, "medicare", on, "Medicare Part B").label == ANY_PAYER


def test_a_named_schedule_not_yet_in_force_falls_back() -> None:
    schedules = [
        _schedule(ANY_PAYER, "", date(2026, 1, 1), "100"),
        _schedule("medicare", "Medicare Part B", date(2027, 1, 1), "90"),
    ]
    assert (
        schedule_for(schedules, "medicare", date(2026, 12, 31), "Medicare Part B").label
        == ANY_PAYER
    )
    assert schedule_for(schedules, "medicare", date(2027, 1, 1), "Medicare Part B").label == (
        "Medicare Part B"
    )
