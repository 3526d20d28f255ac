"""E/M with procedures: 25, 57, 99211, documentation, new vs established."""

from __future__ import annotations

from datetime import date

import pytest

from dermcharge.checks.context import PriorVisit
from dermcharge.checks.edit_tables import CheckTables, GlobalDaysTable
from dermcharge.checks.evaluation_management import check_evaluation_management
from dermcharge.domain.claim import ClaimLine, Finding, Severity
from dermcharge.domain.visit import PatientStatus
from tests.core.checks.claim_builders import claim, context, line, prior, visit

TABLES = CheckTables(global_days=GlobalDaysTable({"11102": 0, "17000": 10, "14040": 90}))


def em(
    *lines: ClaimLine,
    status: PatientStatus = PatientStatus.ESTABLISHED,
    history: tuple[PriorVisit, ...] = (),
) -> list[Finding]:
    ctx = context(visit(status=status), claim(*lines), TABLES, history=history)
    return check_evaluation_management(ctx)


def messages(found: list[Finding]) -> str:
    return " | ".join(f.message for f in found)


def test_25_with_no_procedure_is_an_error() -> None:
    found = em(line("99213", modifiers=("25",), dx=("L71.9",)))
    assert [(f.severity, f.lines) for f in found] == [(Severity.ERROR, (1,))]
    assert "Remove 25" in found[0].action


def test_25_with_only_a_drug_line_is_still_without_procedure() -> None:
    found = em(line("99213", modifiers=("25",), dx=("L71.9",)), line("J3301", dx=("L91.0",)))
    assert "no procedure is billed" in messages(found)


def test_e_m_alone_without_25_is_clean() -> None:
    assert em(line("99213", dx=("L71.9",))) == []


def test_e_m_on_a_procedure_day_without_25_is_an_error() -> None:
    found = em(line("99214", dx=("L71.9",)), line("17000"))
    assert [(f.severity, f.lines) for f in found] == [(Severity.ERROR, (1, 2))]
    assert "add 25" in found[0].action


def test_e_m_with_25_and_its_own_diagnosis_is_clean() -> None:
    assert em(line("99214", modifiers=("25",), dx=("L71.9",)), line("17000")) == []


def test_e_m_whose_only_diagnoses_are_the_procedures_needs_documentation() -> None:
    found = em(line("99214", modifiers=("25",), dx=("L57.0",)), line("17000", dx=("L57.0",)))
    assert [(f.severity, f.lines) for f in found] == [(Severity.WARNING, (1,))]
    assert "documentation" in found[0].message


def test_99211_with_a_procedure_warns() -> None:
    found = em(line("99211", modifiers=("25",), dx=("L71.9",)), line("11102", dx=("D48.5",)))
    assert any("99211" in f.message and f.severity is Severity.WARNING for f in found)


@pytest.mark.parametrize(
    ("procedure", "fires"), [("17000", True), ("11102", True), ("14040", False)]
)
def test_57_is_for_90_day_procedures(procedure: str, fires: bool) -> None:
    found = em(line("99214", modifiers=("57",), dx=("L71.9",)), line(procedure))
    assert ("decision for surgery" in messages(found)) is fires


@pytest.mark.parametrize(
    ("cpt", "status", "fires"),
    [
        ("99203", PatientStatus.ESTABLISHED, True),
        ("99213", PatientStatus.NEW, True),
        ("99203", PatientStatus.NEW, False),
        ("99213", PatientStatus.ESTABLISHED, False),
    ],
)
def test_new_and_established_codes_match_the_patient(
    cpt: str, status: PatientStatus, fires: bool
) -> None:
    found = em(line(cpt, dx=("L71.9",)), status=status)
    assert (
        ("new-patient" in messages(found)) or ("established-patient" in messages(found))
    ) is fires


@pytest.mark.parametrize(("seen", "fires"), [(date(2025, 1, 5), True), (date(2023, 1, 5), False)])
def test_new_patient_seen_within_three_years(seen: date, fires: bool) -> None:
    history = (prior(seen, line("99213", dx=("L71.9",))),)
    found = em(line("99203", dx=("L71.9",)), status=PatientStatus.NEW, history=history)
    assert bool(found) is fires


def test_two_e_m_lines_on_one_day() -> None:
    found = em(line("99213", dx=("L71.9",)), line("99212", dx=("L20.9",)))
    assert "one office E/M" in messages(found)
