"""Claim shape: the limits of the claim form, firing and not firing."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from dermcharge.checks.claim_shape import check_claim_shape
from dermcharge.domain.claim import ClaimLine, Finding, Severity
from tests.core.checks.claim_builders import claim, context, fired, line, visit

DX = [f"L{n}.0" for n in (57, 70, 20, 21, 30, 40, 60, 71, 72, 73, 82, 84, 98)]  # 13 real codes


def shape(
    *lines: ClaimLine, diagnoses: tuple[str, ...] | None = None, **extra: Any
) -> list[Finding]:
    return check_claim_shape(context(visit(), claim(*lines, diagnoses=diagnoses), **extra))


@pytest.mark.parametrize(("count", "fires"), [(12, False), (13, True)])
def test_more_than_twelve_diagnoses(count: int, fires: bool) -> None:
    lines = [line("99213", dx=DX[i : i + 1]) for i in range(count)]
    found = shape(*lines)
    assert any("diagnoses; a claim form holds 12" in f.message for f in found) is fires


@pytest.mark.parametrize(("pointers", "fires"), [(4, False), (5, True)])
def test_more_than_four_pointers(pointers: int, fires: bool) -> None:
    found = shape(line("11102", dx=DX[:pointers]))
    assert any("points to 5 diagnoses" in f.message for f in found) is fires


@pytest.mark.parametrize(
    ("modifiers", "fires"),
    [(("25",), False), (("59", "RT", "GA", "GX"), False), (("59", "RT", "GA", "GX", "51"), True)],
)
def test_more_than_four_modifiers(modifiers: tuple[str, ...], fires: bool) -> None:
    found = shape(line("11102", modifiers=modifiers))
    assert any("modifiers; a line holds 4" in f.message for f in found) is fires


@pytest.mark.parametrize(
    ("modifier", "fires"),
    [("XS", False), ("25", False), ("F1", False), ("5", True), ("XSS", True), ("x-", True)],
)
def test_modifier_must_be_two_characters(modifier: str, fires: bool) -> None:
    found = shape(line("11102", modifiers=(modifier,)))
    assert any("is not two letters or digits" in f.message for f in found) is fires


@pytest.mark.parametrize(("units", "fires"), [(1, False), (13, False), (0, True), (-2, True)])
def test_units_above_zero(units: int, fires: bool) -> None:
    found = shape(line("17003", units=units))
    assert any("units must be 1 or more" in f.message for f in found) is fires
    assert all(f.severity is Severity.ERROR for f in found)


@pytest.mark.parametrize(("fee", "fires"), [("85.00", False), ("0", True), ("-10.50", True)])
def test_fees_above_zero(fee: str, fires: bool) -> None:
    found = shape(line("17000"), line("17003", units=2), line_fees=(Decimal("90"), Decimal(fee)))
    assert any("is charged" in f.message and f.lines == (2,) for f in found) is fires


def test_no_fees_given_is_not_a_problem() -> None:
    assert shape(line("17000")) == []


@pytest.mark.parametrize(
    ("modifiers", "fires"), [(("59",), False), (("XS",), False), (("59", "XS"), True)]
)
def test_59_and_an_x_modifier_on_one_line(modifiers: tuple[str, ...], fires: bool) -> None:
    found = shape(line("11102", modifiers=modifiers))
    assert any("59 and an X modifier" in f.message for f in found) is fires


def test_repeated_modifier() -> None:
    assert fired(shape(line("11102", modifiers=("59", "59"))), "claim_shape")


def test_pointer_to_a_diagnosis_the_claim_does_not_list() -> None:
    found = shape(line("11102", dx=("L57.0", "D22.5")), diagnoses=("L57.0",))
    assert any("D22.5" in f.message and "does not contain" in f.message for f in found)
    assert shape(line("11102", dx=("L57.0",)), diagnoses=("L57.0",)) == []


@pytest.mark.parametrize(("cpt", "fires"), [("11102", False), ("J3301", False), ("1130", True)])
def test_code_format(cpt: str, fires: bool) -> None:
    assert any("is not a CPT/HCPCS code" in f.message for f in shape(line(cpt))) is fires


def test_duplicate_diagnosis_in_the_list_is_a_warning() -> None:
    found = shape(line("17000"), diagnoses=("L57.0", "L57.0"))
    assert [f.severity for f in found] == [Severity.WARNING]
