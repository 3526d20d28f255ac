"""Cosmetic vs medically necessary, by payer."""

from __future__ import annotations

import pytest

from dermcharge.checks.cosmetic import check_cosmetic
from dermcharge.domain.claim import ClaimLine, Finding, Severity
from dermcharge.domain.visit import Payer, Procedure
from tests.core.checks.claim_builders import claim, context, line, proc, visit


def cosmetic(
    the_line: ClaimLine, procedure: Procedure | None = None, payer: Payer = Payer.MEDICARE
) -> list[Finding]:
    procedures = (procedure,) if procedure else ()
    return check_cosmetic(context(visit(*procedures, payer=payer), claim(the_line)))


SK = proc("shave_removal", site="upper_back", lesion_cm=0.8, icd10="L82.1")


@pytest.mark.parametrize(
    ("cpt", "dx"),
    [
        ("11301", "L82.1"),  # shave of a non-inflamed SK
        ("11402", "D22.5"),  # excision of a nevus
        ("11421", "D23.4"),
        ("11401", "L72.0"),  # epidermal cyst
        ("11200", "L91.8"),  # skin tags
        ("17110", "L82.1"),
        ("17111", "L82.1"),
        ("11201", "L91.8"),
    ],
)
def test_medicare_benign_removal_without_indication_warns_with_the_choices(
    cpt: str, dx: str
) -> None:
    found = cosmetic(line(cpt, dx=(dx,)))
    assert [(f.severity, f.lines) for f in found] == [(Severity.WARNING, (1,))]
    for choice in ("GA", "GZ", "GY", "GX", "Z41.1", "self-pay", "indication"):
        assert choice in found[0].action


def test_documented_indication_is_clean() -> None:
    symptomatic = proc("shave_removal", site="upper_back", lesion_cm=0.8, symptomatic=True)
    assert cosmetic(line("11301", dx=("L82.1",), procedures=(0,)), symptomatic) == []


@pytest.mark.parametrize(
    ("cpt", "dx"),
    [
        ("11301", "L82.0"),  # inflamed SK documents the indication
        ("11402", "D48.5"),  # uncertain behaviour is an indication
        ("11301", "B07.8"),  # warts: coverage varies by MAC; not flagged
        ("17000", "L57.0"),  # AK destruction is always covered (NCD 250.4)
        ("17004", "L57.0"),
        ("11102", "L82.1"),  # a biopsy is not a removal
    ],
)
def test_covered_services_do_not_fire(cpt: str, dx: str) -> None:
    assert cosmetic(line(cpt, dx=(dx,))) == []


def test_plain_sk_beside_an_inflamed_one_still_needs_its_own_indication() -> None:
    # 17110 counts every lesion destroyed; the inflamed ones are covered, the plain ones are not
    # unless their own indication is documented, so a person decides.
    assert [f.severity for f in cosmetic(line("17110", dx=("L82.0", "L82.1")))] == [
        Severity.WARNING
    ]


@pytest.mark.parametrize(
    ("modifiers", "abn", "fires"),
    [
        (("GA",), "signed", False),
        (("GZ",), "none", False),
        (("GZ",), None, False),
        (("GA",), "none", True),  # GA claims an ABN the visit does not record
        (("GA",), None, True),
        (("GZ",), "signed", True),  # a signed ABN should be GA
    ],
)
def test_abn_modifiers_against_the_record(
    modifiers: tuple[str, ...], abn: str | None, fires: bool
) -> None:
    procedure = proc("shave_removal", site="upper_back", lesion_cm=0.8, abn=abn)
    found = cosmetic(line("11301", modifiers=modifiers, dx=("L82.1",), procedures=(0,)), procedure)
    assert bool(found) is fires


@pytest.mark.parametrize(
    ("modifiers", "dx", "fires"),
    [
        (("GY",), ("Z41.1", "L82.1"), False),
        (("GY", "GX"), ("Z41.1", "L82.1"), False),
        (("GY",), ("L82.1",), True),  # Z41.1 missing
        ((), ("Z41.1", "L82.1"), True),  # GY missing
    ],
)
def test_cosmetic_at_the_patients_request_needs_gy_and_z41_1(
    modifiers: tuple[str, ...], dx: tuple[str, ...], fires: bool
) -> None:
    procedure = proc("shave_removal", site="upper_back", lesion_cm=0.8, cosmetic=True)
    found = cosmetic(line("11301", modifiers=modifiers, dx=dx, procedures=(0,)), procedure)
    assert bool(found) is fires


@pytest.mark.parametrize("payer", [Payer.COMMERCIAL, Payer.MEDICAID])
def test_other_payers_get_a_cosmetic_warning(payer: Payer) -> None:
    found = cosmetic(line("11301", dx=("L82.1",), procedures=(0,)), SK, payer)
    assert [f.severity for f in found] == [Severity.WARNING]
    assert "GA" not in found[0].action and "self-pay" in found[0].action


def test_self_pay_is_not_flagged() -> None:
    assert cosmetic(line("11301", dx=("L82.1",), procedures=(0,)), SK, Payer.SELF_PAY) == []


@pytest.mark.parametrize(("modifier", "fires"), [("GA", True), ("GZ", True), ("XS", False)])
def test_liability_modifier_on_ak_destruction(modifier: str, fires: bool) -> None:
    found = cosmetic(line("17000", modifiers=(modifier,), dx=("L57.0",)))
    assert bool(found) is fires
    if fires:
        assert "NCD 250.4" in found[0].source


def test_primary_and_add_on_lines_of_one_removal_share_one_finding() -> None:
    tags = proc("skin_tag_removal", site="neck", count=20)
    the_claim = claim(
        line("11200", dx=("L91.8",), procedures=(0,)), line("11201", dx=("L91.8",), procedures=(0,))
    )
    found = check_cosmetic(context(visit(tags, payer=Payer.MEDICARE), the_claim))
    assert [f.lines for f in found] == [(1, 2)]


@pytest.mark.parametrize("cpt", ["15788", "15793", "15780", "11951"])
@pytest.mark.parametrize("payer", [Payer.MEDICARE, Payer.COMMERCIAL])
def test_a_peel_dermabrasion_or_filler_on_a_claim_is_an_error(cpt: str, payer: Payer) -> None:
    found = cosmetic(line(cpt, dx=("Z41.1",)), payer=payer)
    assert [(f.severity, f.lines) for f in found] == [(Severity.ERROR, (1,))]
    assert "self-pay" in found[0].message


def test_a_cosmetic_service_billed_to_a_self_pay_visit_is_not_an_error() -> None:
    assert cosmetic(line("15788", dx=("Z41.1",)), payer=Payer.SELF_PAY) == []


def test_vascular_laser_of_a_cosmetic_signal_lesion_warns_like_a_benign_removal() -> None:
    found = cosmetic(line("17106", dx=("D22.5",)))
    assert [f.severity for f in found] == [Severity.WARNING]
    assert cosmetic(line("17106", dx=("Q82.5",))) == []
