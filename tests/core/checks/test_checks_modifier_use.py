"""Modifiers on the wrong kind of code, for the wrong payer or the wrong side."""

from __future__ import annotations

import pytest

from dermcharge.checks.modifier_use import check_modifier_use
from dermcharge.domain.claim import ClaimLine, Finding, Severity
from dermcharge.domain.visit import Payer
from tests.core.checks.claim_builders import claim, context, line, proc, visit

LEFT_ARM = proc("biopsy_punch", site="forearm", laterality="left")


def modifier_use(*lines: ClaimLine, payer: Payer = Payer.COMMERCIAL) -> list[Finding]:
    return check_modifier_use(context(visit(LEFT_ARM, payer=payer), claim(*lines)))


@pytest.mark.parametrize(
    ("lines", "severity"),
    [
        ((line("99213", modifiers=("59",)), line("11104")), Severity.ERROR),
        ((line("99213", modifiers=("25",)), line("11104", modifiers=("25",))), Severity.ERROR),
        ((line("99213", modifiers=("51",)),), Severity.WARNING),
        ((line("11104", modifiers=("GA", "GZ")),), Severity.ERROR),
        ((line("11104", modifiers=("RT",), procedures=(0,)),), Severity.ERROR),
        ((line("99213", modifiers=("25",)), line("G2211"), line("11104")), Severity.WARNING),
    ],
)
def test_misplaced_modifiers_fire(lines: tuple[ClaimLine, ...], severity: Severity) -> None:
    found = modifier_use(*lines)
    assert [f.severity for f in found] == [severity]


@pytest.mark.parametrize(
    "lines",
    [
        (line("99213", modifiers=("25",)), line("11104", modifiers=("XS",))),
        (line("11104"), line("11105", modifiers=("51",))),  # commercial: 51 is the payer's choice
        (line("11104", modifiers=("LT",), procedures=(0,)),),
        (line("11104", modifiers=("RT",)),),  # no procedure linked: nothing to compare
        (line("99213"), line("G2211")),
    ],
)
def test_proper_modifiers_do_not_fire(lines: tuple[ClaimLine, ...]) -> None:
    assert modifier_use(*lines) == []


def test_51_on_a_medicare_claim_warns() -> None:
    found = modifier_use(line("11104"), line("11602", modifiers=("51",)), payer=Payer.MEDICARE)
    assert [(f.severity, f.lines) for f in found] == [(Severity.WARNING, (2,))]
