"""Add-on codes: primary present, no 51, no 59 on the add-on biopsies."""

from __future__ import annotations

import pytest

from dermcharge.checks.add_ons import check_add_ons
from dermcharge.checks.edit_tables import AddOnTable, CheckTables
from dermcharge.domain.claim import ClaimLine, Finding, Severity
from tests.core.checks.claim_builders import NO_TABLES, claim, context, line, visit

TABLE = CheckTables(
    add_ons=AddOnTable(
        {
            "17003": ("17000",),
            "11103": ("11102", "11104", "11106"),
            "11201": ("11200",),
            "17315": ("17311", "17312", "17313", "17314"),
        }
    )
)


def add_ons(*lines: ClaimLine, tables: CheckTables = TABLE) -> list[Finding]:
    return check_add_ons(context(visit(), claim(*lines), tables))


@pytest.mark.parametrize(
    "lines",
    [
        (line("17003", units=4),),
        (line("11103"), line("17000")),
        (line("11201"), line("17004")),
        (line("17315"),),
    ],
)
def test_add_on_without_primary_is_an_error(lines: tuple[ClaimLine, ...]) -> None:
    found = add_ons(*lines)
    assert [f.severity for f in found] == [Severity.ERROR]
    assert found[0].lines == (1,)


@pytest.mark.parametrize(
    "lines",
    [
        (line("17000"), line("17003", units=4)),
        (line("11106"), line("11103", units=2)),
        (line("11200"), line("11201")),
        (line("17313"), line("17315")),
        (line("17004"),),
    ],
)
def test_add_on_with_its_primary_does_not_fire(lines: tuple[ClaimLine, ...]) -> None:
    assert add_ons(*lines) == []


def test_51_on_an_add_on_is_a_warning() -> None:
    found = add_ons(line("17000"), line("17003", modifiers=("51",)))
    assert [(f.severity, f.lines) for f in found] == [(Severity.WARNING, (2,))]


@pytest.mark.parametrize(("modifier", "fires"), [("59", True), ("XS", True), ("RT", False)])
def test_distinct_modifier_on_an_add_on_biopsy(modifier: str, fires: bool) -> None:
    found = add_ons(line("11102"), line("11103", modifiers=(modifier,)))
    assert bool(found) is fires


def test_without_an_add_on_table_the_check_is_silent() -> None:
    assert add_ons(line("17003"), tables=NO_TABLES) == []


def test_shipped_tables_know_the_add_ons() -> None:
    ctx = context(visit(), claim(line("17003", units=2)), tables=None)
    assert [f.check for f in check_add_ons(ctx)] == ["add_ons"]
