"""Services included in another for the same wound: simple repair, small benign excision, ATT."""

from __future__ import annotations

import pytest

from dermcharge.checks.bundled_services import check_bundled_services
from dermcharge.domain.claim import ClaimLine, Finding, Severity
from dermcharge.domain.visit import Payer
from tests.core.checks.claim_builders import claim, context, line, proc, visit

BACK = proc("excision_malignant", site="mid_back", excised_cm=2)
ARM = proc("excision_benign", site="forearm", laterality="left", excised_cm=1)


def bundled(*lines: ClaimLine, payer: Payer = Payer.MEDICARE) -> list[Finding]:
    return check_bundled_services(context(visit(BACK, ARM, payer=payer), claim(*lines)))


@pytest.mark.parametrize(
    ("includer", "included"),
    [
        ("11602", "12001"),  # simple repair of an excision
        ("11402", "12002"),
        ("11104", "12001"),  # punch biopsy includes simple closure
        ("11106", "12011"),
        ("11400", "12032"),  # benign <= 0.5 cm includes intermediate repair (NCCI)
        ("11440", "13132"),
        ("14000", "11602"),  # ATT includes the excision
        ("14000", "13101"),
        ("17311", "88305"),  # Mohs includes its own pathology
    ],
)
def test_included_service_for_the_same_wound_fires(includer: str, included: str) -> None:
    found = bundled(line(includer, procedures=(0,)), line(included, procedures=(0,)))
    assert [(f.check, f.lines) for f in found] == [("bundled_services", (1, 2))]
    assert found[0].source and "Remove line 2" in found[0].action


@pytest.mark.parametrize(
    ("includer", "included"),
    [
        ("11602", "12032"),  # intermediate repair of a malignant excision is billable
        ("11401", "12032"),  # benign excision above 0.5 cm with intermediate repair
        ("11102", "12001"),  # tangential biopsies have no closure to include
        ("17311", "12051"),  # repairs after Mohs are billed separately
    ],
)
def test_separately_billable_pairs_do_not_fire(includer: str, included: str) -> None:
    assert bundled(line(includer, procedures=(0,)), line(included, procedures=(0,))) == []


def test_different_wounds_do_not_fire() -> None:
    assert bundled(line("11602", procedures=(0,)), line("12001", procedures=(1,))) == []


def test_small_benign_excision_with_layered_repair_is_a_warning_for_commercial() -> None:
    found = bundled(
        line("11400", procedures=(0,)), line("12032", procedures=(0,)), payer=Payer.COMMERCIAL
    )
    assert [f.severity for f in found] == [Severity.WARNING]


def test_mohs_pathology_is_a_warning_because_a_debulk_may_be_billed() -> None:
    found = bundled(line("17311", procedures=(0,)), line("88305", procedures=(0,)))
    assert [f.severity for f in found] == [Severity.WARNING]


def test_hand_built_claim_without_links_is_read_as_one_wound() -> None:
    found = bundled(line("11602"), line("12001"))
    assert "appears to be" in found[0].message
