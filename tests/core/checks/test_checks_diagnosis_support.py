"""Diagnosis supports procedure: each mismatch firing, and the matching pair staying quiet."""

from __future__ import annotations

from datetime import date

import pytest

from dermcharge.checks.diagnosis_support import check_diagnosis_support
from dermcharge.domain.claim import ClaimLine, Finding, Severity
from tests.core.checks.claim_builders import claim, context, line, visit


def support(*lines: ClaimLine, on: date = date(2026, 11, 20)) -> list[Finding]:
    return check_diagnosis_support(context(visit(on=on), claim(*lines)))


@pytest.mark.parametrize(
    ("cpt", "dx", "severity"),
    [
        ("11602", ("D22.5",), Severity.ERROR),  # malignant excision, benign nevus
        ("11643", ("L82.1",), Severity.ERROR),
        ("17311", ("D23.39",), Severity.ERROR),  # Mohs on a benign neoplasm
        ("17313", ("Z85.828",), Severity.ERROR),  # history of skin cancer is not a cancer today
        ("17262", ("L82.1",), Severity.ERROR),  # malignant destruction of an SK
        ("11602", ("D48.5",), Severity.WARNING),  # uncertain: hold for pathology
        ("17311", ("D49.2",), Severity.WARNING),
        ("11402", ("C44.519",), Severity.ERROR),  # the reverse: benign excision of a BCC
        ("11441", ("C43.39",), Severity.ERROR),
        ("17110", ("C44.619",), Severity.ERROR),
        ("11301", ("C44.519",), Severity.WARNING),  # shave of a malignancy
        ("11102", ("L70.0",), Severity.ERROR),  # the classic: biopsy for acne
        ("11104", ("L70.9",), Severity.ERROR),
        ("96920", ("L80",), Severity.ERROR),  # excimer for vitiligo
        ("96922", ("L20.9",), Severity.ERROR),
        ("17000", ("L82.1",), Severity.ERROR),  # AK code for an SK
        ("17004", ("B07.8",), Severity.ERROR),
        ("17003", ("C44.519",), Severity.ERROR),
    ],
)
def test_mismatch_fires(cpt: str, dx: tuple[str, ...], severity: Severity) -> None:
    found = support(line(cpt, dx=dx))
    assert [(f.check, f.severity, f.lines) for f in found] == [
        ("diagnosis_support", severity, (1,))
    ]
    assert found[0].action and found[0].source


@pytest.mark.parametrize(
    ("cpt", "dx"),
    [
        ("11602", ("C44.519",)),
        ("11646", ("D03.39",)),  # melanoma in situ is excised as a malignancy
        ("17311", ("C44.311",)),
        ("17311", ("D48.5", "C44.311")),
        ("11402", ("D22.5",)),
        ("11402", ("L72.0",)),
        ("17110", ("B07.8",)),
        ("11102", ("L70.0", "D48.5")),  # acne plus a lesion that needs the biopsy
        ("11102", ("C44.311",)),
        ("11104", ("L40.0",)),
        ("96920", ("L40.0",)),
        ("96921", ("L40.50",)),
        ("17000", ("L57.0",)),
        ("17004", ("L57.0", "Z85.828")),
        ("11900", ("L91.0",)),
    ],
)
def test_matching_diagnosis_does_not_fire(cpt: str, dx: tuple[str, ...]) -> None:
    assert support(line(cpt, dx=dx)) == []


def test_excimer_before_2024_is_not_limited_to_psoriasis() -> None:
    assert support(line("96920", dx=("L80",)), on=date(2023, 6, 1)) == []


@pytest.mark.parametrize(
    ("others", "fires"), [((), True), (("11900",), False), (("96372",), False)]
)
def test_j3301_needs_an_injection(others: tuple[str, ...], fires: bool) -> None:
    lines = [line("J3301", units=4, dx=("L91.0",)), *(line(c, dx=("L91.0",)) for c in others)]
    found = support(*lines)
    assert bool(found) is fires
    if fires:
        assert "no injection line" in found[0].message and found[0].lines == (1,)


@pytest.mark.parametrize("cpt", ["11102", "99213", "J3301", "17000"])
def test_a_line_without_diagnosis_is_an_error(cpt: str) -> None:
    found = support(line(cpt, dx=()), line("11900"))
    assert any("points to no diagnosis" in f.message and f.lines == (1,) for f in found)
