"""The superbill record's totals always agree with its lines (a property, over many lines)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st
from superbill_samples import PRACTICE

from dermcharge.domain.superbill_record import SuperbillLine, SuperbillRecord

fees = st.one_of(st.none(), st.decimals(min_value=0, max_value=5000, places=2, allow_nan=False))
lines = st.lists(
    st.builds(
        SuperbillLine,
        code=st.just("17003"),
        modifiers=st.just(()),
        description=st.just("x"),
        pointers=st.just(("A",)),
        units=st.integers(min_value=1, max_value=99),
        fee=fees,
    ),
    max_size=30,
)


@given(lines=lines, collected=st.decimals(min_value=0, max_value=9999, places=2))
def test_totals_agree_with_lines(lines: list[SuperbillLine], collected: Decimal) -> None:
    record = SuperbillRecord(
        practice=PRACTICE,
        date_of_service=date(2026, 11, 20),
        place_of_service="11",
        lines=tuple(lines),
        amount_collected=collected,
    )
    priced = [line for line in lines if line.fee is not None]
    assert record.total_charges == sum((ln.fee * ln.units for ln in priced), Decimal(0))
    assert record.balance == record.total_charges - collected
    assert record.lines_without_fee == len(lines) - len(priced)
