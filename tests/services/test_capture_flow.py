"""The capture flow without widgets: steps, pre-filled findings, problems, recoding, actions."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from dermcharge.domain.claim import ClaimLine, CodedClaim
from dermcharge.domain.visit import (
    Diagnosis,
    Kind,
    Laterality,
    Payer,
    RepairType,
    Visit,
)
from dermcharge.services.capture_flow import CaptureFlow, Step


def echo_coder(visit: Visit) -> CodedClaim:
    """One line per procedure, naming its kind, so tests can see what reached the coder."""
    lines = tuple(
        ClaimLine(
            cpt=proc.kind.value, units=proc.count or 1, modifiers=(), diagnoses=(),
            description="", why="", procedures=(i,),
        )
        for i, proc in enumerate(visit.procedures)
    )  # fmt: skip
    return CodedClaim(lines=lines, diagnoses=())


def new_flow(coder=echo_coder) -> CaptureFlow:
    return CaptureFlow(Visit(date_of_service=date(2026, 11, 20), payer=Payer.MEDICARE), coder)


def test_steps_follow_site_kind_details_finding_review():
    flow = new_flow()
    assert flow.step is Step.SITE
    flow.select_site("cheek", Laterality.LEFT)
    assert flow.step is Step.KIND
    flow.choose_kind(Kind.SHAVE_REMOVAL)
    assert flow.step is Step.DETAILS
    flow.set_lesion(6, "mm")
    assert flow.step is Step.FINDING
    flow.set_finding("seborrheic_keratosis")
    assert flow.step is Step.REVIEW
    assert flow.visit.procedures[0].lesion_cm == Decimal("0.6")


def test_ak_destruction_prefills_actinic_keratosis_and_a_count():
    flow = new_flow()
    flow.select_site("forehead")
    flow.choose_kind(Kind.DESTRUCTION_PREMALIGNANT)
    proc = flow.current_procedure
    assert proc.diagnosis.finding == "actinic_keratosis"
    assert proc.count == 1
    assert flow.problems() == []


def test_biopsy_prefills_pathology_pending_and_unspecified_behaviour():
    flow = new_flow()
    flow.select_site("forearm", Laterality.LEFT)
    flow.choose_kind(Kind.BIOPSY_TANGENTIAL)
    proc = flow.current_procedure
    assert proc.path_pending is True
    assert proc.diagnosis == Diagnosis(finding="neoplasm_unspecified_behavior")
    assert (proc.site, proc.laterality) == ("forearm", Laterality.LEFT)


def test_missing_laterality_is_a_problem_on_the_procedure_not_a_refusal():
    flow = new_flow()
    flow.select_site("forearm")  # no side given
    flow.choose_kind(Kind.BIOPSY_PUNCH)
    assert len(flow.visit.procedures) == 1
    assert any(p.startswith("laterality:") for p in flow.problems())
    # the incomplete procedure is kept out of coding and reported as an error finding on itself
    assert flow.claim.lines == ()
    [finding] = [f for f in flow.claim.findings if f.check == "incomplete"]
    assert finding.procedures == (0,)
    assert not flow.claim.is_clean


def test_excision_needs_size_and_margin_or_excised_diameter():
    flow = new_flow()
    flow.select_site("nasal_ala", Laterality.LEFT)
    flow.choose_kind(Kind.EXCISION_MALIGNANT)
    problems = flow.problems()
    assert any(p.startswith("lesion_cm:") for p in problems)
    assert any(p.startswith("margin_cm:") for p in problems)
    assert any(p.startswith("finding:") for p in problems)
    flow.set_lesion("0.2", "cm")
    flow.set_margin(4, "mm")
    flow.set_finding("bcc")
    flow.set_repair(RepairType.COMPLEX, "2.2")
    assert flow.problems() == []
    proc = flow.current_procedure
    assert (proc.lesion_cm, proc.margin_cm) == (Decimal("0.2"), Decimal("0.4"))
    assert proc.repair.length_cm == Decimal("2.2")


def test_mohs_needs_stages_with_blocks():
    flow = new_flow()
    flow.select_site("nose")
    flow.choose_kind(Kind.MOHS)
    flow.set_finding("bcc")
    assert any(p.startswith("stages:") for p in flow.problems())
    flow.set_stages([6, 3])
    assert flow.problems() == []


def test_claim_indices_point_at_the_full_visit_when_an_earlier_procedure_is_incomplete():
    flow = new_flow()
    flow.select_site("thigh")  # incomplete: no side
    flow.choose_kind(Kind.BIOPSY_PUNCH)
    flow.select_site("scalp")
    flow.choose_kind(Kind.DESTRUCTION_PREMALIGNANT)
    [line] = flow.claim.lines
    assert line.cpt == "destruction_premalignant"
    assert line.procedures == (1,)


def test_listeners_hear_every_change():
    flow = new_flow()
    heard = []
    flow.subscribe(lambda f: heard.append(len(f.visit.procedures)))
    flow.select_site("chest")
    flow.choose_kind(Kind.SKIN_TAG_REMOVAL)
    flow.set_count(7)
    assert heard == [0, 1, 1]
    assert flow.claim.lines[0].units == 7


def test_no_engine_gives_a_placeholder_not_a_crash():
    flow = new_flow(coder=None)
    flow.select_site("chest")
    flow.choose_kind(Kind.SKIN_TAG_REMOVAL)
    assert flow.claim is None
    assert "not installed" in flow.coding_error


def test_an_engine_fault_keeps_the_visit():
    def broken(visit):
        raise RuntimeError("boom")

    flow = new_flow(coder=broken)
    flow.select_site("chest")
    flow.choose_kind(Kind.SKIN_TAG_REMOVAL)
    assert flow.claim is None
    assert "boom" in flow.coding_error
    assert len(flow.visit.procedures) == 1


def test_em_picker_keeps_diagnoses_chosen_before_the_level():
    flow = new_flow()
    assert flow.em_codes() == ("99211", "99212", "99213", "99214", "99215")
    flow.set_em_diagnoses([Diagnosis(finding="psoriasis")])
    flow.set_em("99213")
    assert flow.visit.em.diagnoses == (Diagnosis(finding="psoriasis"),)
    assert flow.visit.em.separately_identifiable is True
    flow.set_em_separately_identifiable(False)
    assert flow.visit.em.separately_identifiable is False
    with pytest.raises(ValueError):
        flow.set_em("99203")  # a new-patient code for an established patient


def test_remove_procedure_moves_the_current_index():
    flow = new_flow()
    flow.select_site("chest")
    flow.choose_kind(Kind.SKIN_TAG_REMOVAL)
    flow.choose_kind(Kind.DESTRUCTION_BENIGN)
    assert flow.current == 1
    flow.remove_procedure(0)
    assert flow.current == 0
    assert [p.kind for p in flow.visit.procedures] == [Kind.DESTRUCTION_BENIGN]


def test_a_value_typed_key_by_key_counts_as_one_action():
    flow = new_flow()
    flow.select_site("forehead")
    flow.choose_kind(Kind.DESTRUCTION_PREMALIGNANT)
    flow.set_count(1)
    flow.set_count(12)
    assert flow.actions == ["site forehead", "kind destruction_premalignant", "count #0"]


def standard_visit_through_the_flow(flow: CaptureFlow) -> None:
    """The issue's standard visit, one call per user action."""
    flow.select_site("forearm", Laterality.LEFT)  # click the left forearm on the map
    flow.choose_kind(Kind.BIOPSY_TANGENTIAL)  # click "Tangential bx" (pathology pending, D49.2)
    flow.select_site("forehead")  # click the forehead on the face tab
    flow.choose_kind(Kind.DESTRUCTION_PREMALIGNANT)  # click "AK destroy" (finding: AK)
    flow.set_count(12)  # type 12
    flow.set_em("99213")  # click 99213 (separately identifiable is the default)
    flow.set_em_diagnoses([Diagnosis(finding="psoriasis")])  # type "psoriasis" in the E/M Dx


def test_standard_visit_takes_seven_flow_actions():
    flow = new_flow()
    standard_visit_through_the_flow(flow)
    assert len(flow.actions) == 7
    assert flow.all_problems() == {}
    visit = flow.visit
    assert visit.em.code == "99213" and visit.em.separately_identifiable
    assert [p.kind for p in visit.procedures] == [
        Kind.BIOPSY_TANGENTIAL,
        Kind.DESTRUCTION_PREMALIGNANT,
    ]
    assert visit.procedures[1].count == 12


def test_standard_visit_through_the_real_engine():
    from dermcharge.services.capture_flow import default_coder

    coder = default_coder()
    assert coder is not None, "the coding engine is part of the core"
    flow = new_flow(coder)
    standard_visit_through_the_flow(flow)
    lines = [(ln.cpt, ln.modifiers, ln.units, ln.diagnoses) for ln in flow.claim.lines]
    assert ("99213", ("25",), 1, ("L40.0",)) in lines
    assert ("17000", (), 1, ("L57.0",)) in lines
    assert ("17003", (), 11, ("L57.0",)) in lines
    [biopsy] = [line for line in lines if line[0] == "11102"]
    assert biopsy[2:] == (1, ("D49.2",))
    # the lines point back at the procedures as captured
    by_cpt = {ln.cpt: ln.procedures for ln in flow.claim.lines}
    assert by_cpt["11102"] == (0,) and by_cpt["17003"] == (1,) and by_cpt["99213"] == (None,)


def _complete(flow: CaptureFlow, kind: Kind) -> None:
    """Fill what the panel asks for this kind, as a user would."""
    from dermcharge.domain.visit import Modality
    from dermcharge.services.procedure_needs import Need

    site = "toe" if kind.value.startswith("nail") else "forearm"
    flow.select_site(site, Laterality.RIGHT, 2 if site == "toe" else None)
    flow.choose_kind(kind)
    needs = flow.current_needs()
    if Need.COUNT in needs:
        flow.set_count(3)
    if Need.LESION in needs:
        flow.set_lesion(6, "mm")
    if Need.MARGIN in needs:
        flow.set_margin(2, "mm")
    if Need.LENGTH in needs:
        flow.set_length("2.5")
    if Need.DEFECT in needs:
        flow.set_field(defect_sq_cm=Decimal(8))
    if Need.AREA in needs:
        flow.set_field(area_sq_cm=Decimal(150))
    if Need.STAGES in needs:
        flow.set_stages([4, 2])
    if Need.MODALITY in needs:
        flow.set_field(modality=Modality.UVB)
    _complete_added(flow, kind, needs)
    if any(p.startswith("finding:") for p in flow.problems()):
        flow.set_finding("ingrown_nail" if site == "toe" else "seborrheic_keratosis")


def _complete_added(flow: CaptureFlow, kind: Kind, needs: frozenset) -> None:
    """The issue-20 needs: a technique, a depth, a drug and its dose, a filler volume."""
    from dermcharge.coding.drug_table import drugs
    from dermcharge.coding.procedure_fields import DEPTHS, DRUGS_FOR, TECHNIQUES
    from dermcharge.services.procedure_needs import Need

    if Need.TECHNIQUE in needs:
        flow.set_field(technique=sorted(TECHNIQUES[kind])[0])
    if Need.DEPTH in needs:
        flow.set_field(depth=sorted(DEPTHS[kind])[0])
    if Need.DOSE_MG in needs or Need.DOSE_UNITS in needs:
        drug = sorted(DRUGS_FOR[kind])[0]
        measure = drugs()[drug].measure
        flow.set_field(drug=drug, **{f"dose_{measure}": Decimal(20)}, container="multi_dose")
    if Need.VOLUME in needs:
        flow.set_field(volume_ml=Decimal(1))


@pytest.mark.parametrize("kind", list(Kind), ids=lambda k: k.value)
def test_a_procedure_the_flow_calls_complete_is_valid_input_for_the_contract(kind):
    from dermcharge.coding.visit_json import parse_visit, visit_to_json

    flow = new_flow()
    _complete(flow, kind)
    assert flow.problems() == []
    parsed = parse_visit(visit_to_json(flow.visit))  # raises InvalidVisit with the problems
    assert parsed.procedures[0].kind is kind


def _coded_flow() -> CaptureFlow:
    """The standard visit's findings through the real engine: psoriasis E/M, AKs, a biopsy."""
    from dermcharge.services.capture_flow import default_coder

    flow = new_flow(default_coder())
    flow.select_site("forearm", Laterality.LEFT)
    flow.choose_kind(Kind.BIOPSY_TANGENTIAL)
    flow.select_site("forehead")
    flow.choose_kind(Kind.DESTRUCTION_PREMALIGNANT)
    flow.set_count(12)
    flow.set_em_diagnoses([Diagnosis(finding="psoriasis")])
    flow.set_em("99213")
    return flow


def test_moving_a_diagnosis_reorders_a_to_l_and_survives_a_later_change():
    flow = _coded_flow()
    before = list(flow.claim.diagnoses)
    assert len(before) == 3
    last = before[-1]
    pointers = {line.cpt: line.diagnoses for line in flow.claim.lines}
    flow.move_diagnosis(last, -1)
    assert list(flow.claim.diagnoses) == [before[0], last, before[1]]
    flow.move_diagnosis(last, -5)  # past the top stops at A
    assert list(flow.claim.diagnoses) == [last, before[0], before[1]]
    assert flow.visit.diagnosis_order == (last, before[0], before[1])
    assert {line.cpt: line.diagnoses for line in flow.claim.lines} == pointers
    actions = len(flow.actions)
    flow.move_diagnosis(last, -1)  # already first: nothing moves
    assert flow.claim.diagnoses[0] == last and len(flow.actions) == actions
    flow.select_site("upper_back")
    flow.choose_kind(Kind.SHAVE_REMOVAL)
    flow.set_lesion(6, "mm")
    flow.set_finding("seborrheic_keratosis")
    assert flow.claim.diagnoses[0] == last  # the new code follows the chosen ones
    assert flow.claim.diagnoses[-1].startswith("L82")
    flow.reset_diagnosis_order()
    assert flow.visit.diagnosis_order == ()
    assert list(flow.claim.diagnoses[:3]) == before


def test_moving_a_code_that_is_not_on_the_claim_is_refused():
    flow = _coded_flow()
    with pytest.raises(LookupError, match=r"L82\.1 is not on this visit's claim"):
        flow.move_diagnosis("L82.1", 1)
