"""A schedule at a percentage of Medicare: total non-facility RVUs × conversion factor × %."""

from __future__ import annotations

from decimal import Decimal

from dermcharge.fees.medicare_based import RvuLine, national_amount, percent_of_medicare


def test_national_amount_is_total_rvus_times_the_conversion_factor() -> None:
    assert national_amount(Decimal("2.98"), Decimal("33.4009")) == Decimal("99.53")


def test_percent_of_medicare_prices_only_the_global_service_of_paid_codes() -> None:
    lines = [
        RvuLine("11102", "", "A", 2.98, 33.4009),
        RvuLine("88331", "26", "A", 1.70, 33.4009),  # a professional component: not priced
        RvuLine("99999", "", "B", 1.00, 33.4009),  # bundled: no amount of its own
        RvuLine("17000", "", "A", None, 33.4009),  # no RVUs
        RvuLine("11103", "", "A", 1.59, None),  # no conversion factor in the file
    ]
    fees = percent_of_medicare(lines, Decimal("150"))
    assert {code: fee.amount for code, fee in fees.items()} == {"11102": Decimal("149.30")}
    given = percent_of_medicare(lines, Decimal("100"), Decimal("32.3465"))
    assert given["11103"].amount == Decimal("51.43")  # 1.59 × 32.3465
    assert given["11102"].amount == Decimal("96.39")  # the given factor wins over the file's
