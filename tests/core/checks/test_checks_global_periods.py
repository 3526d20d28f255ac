"""Global periods: E/M and procedures inside an earlier procedure's 0/10/90-day global."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from dermcharge.checks.context import PriorVisit
from dermcharge.checks.edit_tables import CheckTables, GlobalDaysTable
from dermcharge.checks.global_periods import check_global_periods, global_days, open_windows
from dermcharge.domain.claim import ClaimLine, Finding, Severity
from tests.core.checks.claim_builders import (
    DOS,
    NO_TABLES,
    claim,
    context,
    line,
    prior,
    proc,
    visit,
)

TABLES = CheckTables(
    global_days=GlobalDaysTable({"11602": 10, "14040": 90, "11102": 0, "17311": 0, "99213": None})
)


def days_ago(n: int) -> date:
    return DOS - timedelta(days=n)


def globals_(
    *lines: ClaimLine, history: tuple[PriorVisit, ...] = (), tables: CheckTables = TABLES
) -> list[Finding]:
    return check_global_periods(context(visit(), claim(*lines), tables, history=history))


EXCISION_BCC = line("11602", dx=("C44.519",))
BIOPSY = line("11102", dx=("D48.5",))
FLAP = line("14040", dx=("C44.319",))


@pytest.mark.parametrize(
    ("history", "inside"),
    [
        ((prior(days_ago(10), EXCISION_BCC),), True),  # day 10 of a 10-day global
        ((prior(days_ago(11), EXCISION_BCC),), False),
        ((prior(days_ago(90), FLAP),), True),
        ((prior(days_ago(91), FLAP),), False),
        ((prior(days_ago(1), line("11102", dx=("D48.5",))),), False),  # 0-day global is over
        (  # the same day, at an earlier encounter
            (PriorVisit(DOS, visit(proc("biopsy_tangential", site="chest")), claim(BIOPSY)),),
            True,
        ),
    ],
)
def test_e_m_inside_a_global_needs_24(history: tuple[PriorVisit, ...], inside: bool) -> None:
    found = globals_(line("99213", dx=("L71.9",)), history=history)
    assert bool(found) is inside
    if inside:
        assert found[0].severity is Severity.ERROR and "add 24" in found[0].action


def test_e_m_with_24_for_an_unrelated_problem_is_clean() -> None:
    history = (prior(days_ago(5), EXCISION_BCC),)
    assert globals_(line("99213", modifiers=("24",), dx=("L71.9",)), history=history) == []


def test_e_m_with_24_but_the_surgerys_diagnosis_warns() -> None:
    history = (prior(days_ago(5), EXCISION_BCC),)
    found = globals_(line("99213", modifiers=("24",), dx=("C44.519",)), history=history)
    assert [f.severity for f in found] == [Severity.WARNING]


@pytest.mark.parametrize(
    ("dx", "suggests"),
    [(("C44.519",), "58"), (("C44.319",), "79")],
)
def test_procedure_inside_a_global_needs_58_78_or_79(dx: tuple[str, ...], suggests: str) -> None:
    history = (prior(days_ago(7), EXCISION_BCC),)
    found = globals_(line("11603", dx=dx), history=history)
    assert [f.severity for f in found] == [Severity.ERROR]
    assert suggests in found[0].action


@pytest.mark.parametrize("modifier", ["58", "78", "79"])
def test_procedure_with_a_global_modifier_is_clean(modifier: str) -> None:
    history = (prior(days_ago(7), EXCISION_BCC),)
    assert globals_(line("11603", modifiers=(modifier,), dx=("C44.519",)), history=history) == []


def test_no_history_no_finding() -> None:
    assert globals_(line("99213", dx=("L71.9",)), line("11603", dx=("C44.519",))) == []


def test_later_visits_in_history_are_ignored() -> None:
    history = (prior(DOS + timedelta(days=3), EXCISION_BCC),)
    assert globals_(line("99213", dx=("L71.9",)), history=history) == []


@pytest.mark.parametrize(("cpt", "modifier"), [("99213", "79"), ("99213", "58"), ("11602", "24")])
def test_global_modifiers_on_the_wrong_kind_of_line(cpt: str, modifier: str) -> None:
    found = globals_(line(cpt, modifiers=(modifier,), dx=("C44.519",)))
    assert [f.severity for f in found] == [Severity.ERROR]


def test_global_modifier_with_no_open_global_in_the_history_warns() -> None:
    history = (prior(days_ago(200), EXCISION_BCC),)
    found = globals_(line("11603", modifiers=("58",), dx=("C44.519",)), history=history)
    assert [f.severity for f in found] == [Severity.WARNING]


def test_family_fallback_when_the_table_has_no_row() -> None:
    ctx = context(visit(), claim(), NO_TABLES)
    assert [global_days(ctx, c) for c in ("11602", "14040", "11102", "17311", "99213")] == [
        10, 90, 0, 0, None
    ]  # fmt: skip


def test_shipped_tables_give_the_global_days() -> None:
    history = (prior(days_ago(30), FLAP),)
    ctx = context(visit(), claim(line("99213", dx=("L71.9",))), None, history=history)
    assert [w.cpt for w in open_windows(ctx)] == ["14040"]


def test_the_visit_itself_in_the_history_is_ignored() -> None:
    today = visit()
    history = (PriorVisit(DOS, today, claim(EXCISION_BCC)),)
    ctx = context(today, claim(line("99213", dx=("L71.9",))), TABLES, history=history)
    assert check_global_periods(ctx) == []
