"""MUE: per line (MAI 1), per day (MAI 2, 3), unknown indicator, unverified rows."""

from __future__ import annotations

import pytest

from dermcharge.checks.edit_tables import CheckTables, UnitLimit, UnitLimitTable
from dermcharge.checks.unit_limits import NOT_VERIFIED, check_unit_limits
from dermcharge.domain.claim import ClaimLine, Finding, Severity
from tests.core.checks.claim_builders import claim, context, line, visit

TABLES = CheckTables(
    unit_limits=UnitLimitTable(
        {
            "11105": UnitLimit("11105", 3, 1, "test MUE"),
            "17003": UnitLimit("17003", 13, 2, "test MUE"),
            "11103": UnitLimit("11103", 4, 3, "test MUE"),
            "17000": UnitLimit("17000", 1, 0, "CMS RAC 0121"),
            "11900": UnitLimit("11900", 1, 2, "curated", verified=False),
        }
    )
)


def limits(*lines: ClaimLine) -> list[Finding]:
    return check_unit_limits(context(visit(), claim(*lines), TABLES))


@pytest.mark.parametrize(("units", "fires"), [(3, False), (4, True)])
def test_mai_1_limits_each_line(units: int, fires: bool) -> None:
    found = limits(line("11104"), line("11105", units=units))
    assert bool(found) is fires
    if fires:
        assert found[0].severity is Severity.ERROR and "second line" not in found[0].message
        assert "one more line" in found[0].action


def test_mai_1_allows_extra_units_on_a_second_line() -> None:
    assert limits(line("11105", units=3), line("11105", units=2, modifiers=("XS",))) == []


@pytest.mark.parametrize(
    ("split", "fires"), [((13,), False), ((14,), True), ((7, 7), True), ((6, 7), False)]
)
def test_mai_2_limits_the_day_and_cannot_be_overridden(split: tuple[int, ...], fires: bool) -> None:
    found = limits(*(line("17003", units=u) for u in split))
    assert bool(found) is fires
    if fires:
        assert found[0].severity is Severity.ERROR
        assert "ABN cannot" in found[0].message and "MAI 2" in found[0].source


def test_mai_3_is_a_warning_that_can_be_appealed() -> None:
    found = limits(line("11103", units=3), line("11103", units=2, modifiers=("XS",)))
    assert [f.severity for f in found] == [Severity.WARNING]
    assert "appeal" in found[0].message


def test_unknown_indicator_is_judged_per_day() -> None:
    found = limits(line("17000", units=2))
    assert [f.severity for f in found] == [Severity.ERROR]
    assert "not known" in found[0].message


def test_unverified_row_says_so_and_is_only_a_warning() -> None:
    found = limits(line("11900", units=2, dx=("L91.0",)))
    assert [f.severity for f in found] == [Severity.WARNING]
    assert NOT_VERIFIED in found[0].message


def test_codes_without_a_row_do_not_fire() -> None:
    assert limits(line("11602", units=9)) == []


def test_shipped_curated_limits_apply_without_tables() -> None:
    ctx = context(visit(), claim(line("17000", units=2)), tables=None)
    assert [f.check for f in check_unit_limits(ctx)] == ["unit_limits"]
