"""Missed charges: specimen without a removal line, drug, repair, Mohs closure, zero counts."""

from __future__ import annotations

from decimal import Decimal

import pytest

from dermcharge.checks.missed_charges import check_missed_charges
from dermcharge.domain.claim import ClaimLine, CodedClaim, Finding, NotBilled, Severity
from dermcharge.domain.visit import Procedure, Repair, RepairType
from tests.core.checks.claim_builders import claim, context, line, proc, visit


def missed(
    procedures: tuple[Procedure, ...], *lines: ClaimLine, not_billed: tuple[NotBilled, ...] = ()
) -> list[Finding]:
    base = claim(*lines)
    the_claim = CodedClaim(base.lines, base.diagnoses, not_billed=tuple(not_billed))
    return check_missed_charges(context(visit(*procedures), the_claim))


def messages(found: list[Finding]) -> str:
    return " | ".join(f.message for f in found)


DESTROYED_WITH_SPECIMEN = proc("destruction_benign", count=2, icd10="L82.1", path_pending=True)
SHAVE_WITH_SPECIMEN = proc("shave_removal", site="chest", lesion_cm=0.5, path_pending=True)


def test_specimen_with_no_biopsy_shave_or_excision_line() -> None:
    found = missed((DESTROYED_WITH_SPECIMEN,), line("17110", dx=("L82.1",), procedures=(0,)))
    assert [(f.severity, f.procedures, f.lines) for f in found] == [(Severity.WARNING, (0,), (1,))]
    assert "pathology" in found[0].message


def test_specimen_from_a_billed_shave_is_accounted_for() -> None:
    assert missed((SHAVE_WITH_SPECIMEN,), line("11300", dx=("D48.5",), procedures=(0,))) == []


def test_hand_built_claim_without_links_is_judged_as_a_whole() -> None:
    assert missed((SHAVE_WITH_SPECIMEN,), line("11300", dx=("D48.5",))) == []
    assert "pathology" in messages(missed((DESTROYED_WITH_SPECIMEN,), line("17110")))


@pytest.mark.parametrize(
    ("drug", "action_says"),
    [("triamcinolone_acetonide", "J3301"), (None, "Record the drug")],
)
def test_injection_with_no_drug_line(drug: str | None, action_says: str) -> None:
    injection = proc("intralesional_injection", count=3, drug=drug, icd10="L91.0")
    found = missed((injection,), line("11900", dx=("L91.0",), procedures=(0,)))
    assert [f.severity for f in found] == [Severity.WARNING]
    assert action_says in found[0].action


def test_injection_with_its_drug_line_is_clean() -> None:
    injection = proc("intralesional_injection", count=3, drug="triamcinolone_acetonide",
                     dose_mg=Decimal(20))  # fmt: skip
    assert (
        missed((injection,), line("11900", procedures=(0,)), line("J3301", 2, procedures=(0,)))
        == []
    )


EXCISION_WITH_REPAIR = proc(
    "excision_malignant", site="mid_back", lesion_cm=Decimal("1.2"), margin_cm=Decimal("0.4"),
    repair=Repair(RepairType.INTERMEDIATE, Decimal("3.5")),
)  # fmt: skip


def test_repair_recorded_but_not_billed() -> None:
    found = missed((EXCISION_WITH_REPAIR,), line("11602", dx=("C44.519",), procedures=(0,)))
    assert "repair" in messages(found)


def test_repair_billed_or_left_off_with_a_reason_is_clean() -> None:
    billed = missed(
        (EXCISION_WITH_REPAIR,),
        line("11602", dx=("C44.519",), procedures=(0,)),
        line("12032", dx=("C44.519",), procedures=(0,)),
    )
    left_off = missed(
        (EXCISION_WITH_REPAIR,),
        line("11602", dx=("C44.519",), procedures=(0,)),
        not_billed=(NotBilled("12032", "included", (0,)),),
    )
    assert billed == [] and left_off == []


def test_standalone_repair_procedure_not_billed() -> None:
    repair = proc("repair_simple", site="forearm", laterality="left", length_cm=Decimal(2))
    assert "repair" in messages(missed((repair,)))
    assert missed((repair,), line("12001", dx=("S51.812A",), procedures=(0,))) == []


MOHS_NOSE = proc("mohs", site="nasal_sidewall", laterality="right", stages=(3,), icd10="C44.311")


def test_mohs_without_closure_is_info() -> None:
    found = missed((MOHS_NOSE,), line("17311", dx=("C44.311",), procedures=(0,)))
    assert [f.severity for f in found] == [Severity.INFO]


@pytest.mark.parametrize("site", ["nose", "nasal_sidewall"])
def test_mohs_with_a_closure_in_the_same_region_is_clean(site: str) -> None:
    laterality = "right" if site == "nasal_sidewall" else None
    repair = proc("repair_intermediate", site=site, laterality=laterality, length_cm=Decimal(2))
    found = missed(
        (MOHS_NOSE, repair),
        line("17311", dx=("C44.311",), procedures=(0,)),
        line("12051", dx=("C44.311",), procedures=(1,)),
    )
    assert found == []


def test_mohs_closed_at_another_region_still_gets_the_note() -> None:
    repair = proc("repair_simple", site="thigh", laterality="left", length_cm=Decimal(2))
    found = missed(
        (MOHS_NOSE, repair),
        line("17311", dx=("C44.311",), procedures=(0,)),
        line("12001", dx=("C44.311",), procedures=(1,)),
    )
    assert [f.severity for f in found] == [Severity.INFO]


@pytest.mark.parametrize(
    "kind", ["destruction_premalignant", "destruction_benign", "skin_tag_removal"]
)
@pytest.mark.parametrize(("count", "fires"), [(0, True), (None, True), (1, False)])
def test_destroyed_lesions_with_a_zero_count(kind: str, count: int | None, fires: bool) -> None:
    found = missed((proc(kind, count=count),), line("17000", procedures=(0,)))
    assert ("count at zero" in messages(found)) is fires
