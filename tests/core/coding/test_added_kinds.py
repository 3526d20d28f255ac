"""The procedure kinds added by issue 20: each rule firing and not firing."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dermcharge.coding.engine import code_visit
from dermcharge.coding.visit_json import InvalidVisit, parse_visit, visit_to_json
from dermcharge.domain.visit import (
    COSMETIC_KINDS,
    Diagnosis,
    Kind,
    Laterality,
    Payer,
    Procedure,
    Visit,
)
from tests.core.coding.engine_helpers import code, errors, line, units


def _drug(kind: str = "drug_injection", **fields: Any) -> dict[str, Any]:
    return {"kind": kind, "finding": "atopic_dermatitis", **fields}


@pytest.mark.parametrize(
    ("technique", "expected"),
    [("staff_applied", "96567"), ("physician_applied", "96573"), ("with_debridement", "96574")],
)
def test_pdt_code_by_who_applies_it(technique: str, expected: str) -> None:
    claim = code([{"kind": "photodynamic_therapy", "technique": technique, "site": "forehead"}])
    assert units(claim)[expected] == 1


def test_two_pdt_entries_are_one_session_of_the_highest_code() -> None:
    claim = code(
        [
            {"kind": "photodynamic_therapy", "technique": "staff_applied", "site": "scalp"},
            {"kind": "photodynamic_therapy", "technique": "with_debridement", "site": "forehead"},
        ]
    )
    assert units(claim)["96574"] == 1
    assert "96567" not in units(claim)
    assert "96567" in {nb.cpt for nb in claim.not_billed}


def test_ak_destruction_on_the_pdt_area_is_flagged_elsewhere_distinct() -> None:
    same = code(
        [
            {"kind": "photodynamic_therapy", "technique": "physician_applied", "site": "forehead"},
            {"kind": "destruction_premalignant", "count": 2, "site": "forehead"},
        ]
    )
    assert line(same, "17000").modifiers == ()
    assert "ncci_ptp" in {f.check for f in same.findings if f.severity == "warning"}
    other = code(
        [
            {"kind": "photodynamic_therapy", "technique": "physician_applied", "site": "forehead"},
            {"kind": "destruction_premalignant", "count": 2, "site": "hand_dorsum",
             "laterality": "left"},
        ]
    )  # fmt: skip
    assert "XS" in line(other, "17000").modifiers


@pytest.mark.parametrize(
    ("technique", "site", "area", "expected"),
    [
        ("full_thickness", "nasal_tip", 20, {"15260": 1}),
        ("full_thickness", "nasal_tip", 20.1, {"15260": 1, "15261": 1}),
        ("full_thickness", "cheek", 41, {"15240": 1, "15241": 2}),
        ("full_thickness", "thigh", 5, {"15220": 1}),
        ("full_thickness", "chest", 5, {"15200": 1}),
        ("split", "thigh", 100, {"15100": 1}),
        ("split", "thigh", 250, {"15100": 1, "15101": 2}),
        ("split", "scalp", 120, {"15120": 1, "15121": 1}),
    ],
)
def test_graft_code_by_type_site_group_and_area(
    technique: str, site: str, area: float, expected: dict[str, int]
) -> None:
    proc: dict[str, Any] = {"kind": "skin_graft", "technique": technique, "site": site,
                            "area_sq_cm": area, "finding": "bcc"}  # fmt: skip
    if site in ("cheek", "thigh"):
        proc["laterality"] = "left"
    got = units(code([proc]))
    assert {c: got[c] for c in got if c.startswith("15")} == expected


def test_graft_absorbs_the_repair_of_its_own_wound_but_not_another() -> None:
    graft = {"kind": "skin_graft", "technique": "full_thickness", "site": "forehead",
             "area_sq_cm": 6}  # fmt: skip
    excision = {"kind": "excision_malignant", "site": "forehead", "excised_cm": 2.0,
                "finding": "bcc"}  # fmt: skip
    same = code([excision, graft, {"kind": "repair_intermediate", "site": "forehead",
                                   "length_cm": 3}])  # fmt: skip
    assert not any(c.startswith("120") for c in units(same))
    assert "12052" in {nb.cpt for nb in same.not_billed}
    apart = code([excision, graft, {"kind": "excision_malignant", "site": "chin",
                                    "excised_cm": 1.0, "finding": "bcc",
                                    "repair": {"type": "intermediate", "length_cm": 3}}])  # fmt: skip
    assert units(apart)["12052"] == 1


def test_recipient_site_preparation_only_when_recorded() -> None:
    base = {"kind": "skin_graft", "technique": "split", "site": "lower_leg",
            "laterality": "left", "area_sq_cm": 50, "icd10": "L97.921"}  # fmt: skip
    assert "15002" not in units(code([base]))
    assert units(code([{**base, "prep_sq_cm": 150}]))["15003"] == 1
    after_mohs = code(
        [
            {"kind": "mohs", "site": "lower_leg", "laterality": "left", "stages": [2],
             "finding": "scc"},
            {**base, "prep_sq_cm": 150, "icd10": None},
        ]
    )  # fmt: skip
    assert "15002" not in units(after_mohs)
    assert "15002" in {nb.cpt for nb in after_mohs.not_billed}


def test_drug_units_follow_the_descriptor_in_force_on_the_date() -> None:
    dose = _drug(drug="methylprednisolone_acetate", dose_mg=40, container="multi_dose")
    assert units(code([dose]))["J1010"] == 40
    old = code_visit(parse_visit({"date_of_service": "2024-03-29", "procedures": [dose]}))
    assert units(old)["J1030"] == 1
    odd = code_visit(parse_visit({"date_of_service": "2024-03-29",
                                  "procedures": [{**dose, "dose_mg": 60}]}))  # fmt: skip
    assert "drug_units" in errors(odd)


def test_single_dose_container_jw_line_and_jz_only_for_medicare() -> None:
    dose = _drug(drug="methylprednisolone_acetate", dose_mg=30, wasted_mg=10,
                 container="single_dose")  # fmt: skip
    claim = code([dose])
    assert [(ln.units, ln.modifiers) for ln in claim.lines if ln.cpt == "J1010"] == [
        (30, ()),
        (10, ("JW",)),
    ]
    full = code([{**dose, "wasted_mg": 0}])
    assert line(full, "J1010").modifiers == ("JZ",)
    covered = code([{**dose, "drug": "triamcinolone_acetonide", "dose_mg": 35, "wasted_mg": 5}])
    assert [(ln.units, ln.modifiers) for ln in covered.lines if ln.cpt == "J3301"] == [(4, ("JZ",))]
    commercial = code([{**dose, "wasted_mg": 0}], payer="commercial")
    assert line(commercial, "J1010").modifiers == ()


def test_a_drug_sold_in_both_containers_needs_to_say_which_for_medicare() -> None:
    claim = code([_drug(drug="methylprednisolone_acetate", dose_mg=40)])
    assert "drug_units" in errors(claim)


def test_betamethasone_is_billed_per_6_mg_of_both_esters() -> None:
    assert units(code([_drug(drug="betamethasone", dose_mg=9)]))["J0702"] == 2


def test_99211_is_not_billed_with_96372_other_em_takes_25() -> None:
    dose = _drug(drug="triamcinolone_acetonide", dose_mg=40)
    nurse = code([dose], em={"code": "99211", "diagnoses": [{"finding": "psoriasis"}]})
    assert "99211" not in units(nurse)
    visit = code([dose], em={"code": "99213", "diagnoses": [{"finding": "psoriasis"}]})
    assert line(visit, "99213").modifiers == ("25",)


def test_tests_alone_do_not_put_25_on_the_em() -> None:
    claim = code([{"kind": "koh_prep", "icd10": "B35.1"}],
                 em={"code": "99213", "diagnoses": [{"icd10": "B35.1"}]})  # fmt: skip
    assert line(claim, "99213").modifiers == ()
    assert units(claim)["87220"] == 1


@pytest.mark.parametrize(
    ("component", "modifier"), [("global", ()), ("professional", ("26",)), ("technical", ("TC",))]
)
def test_dermpath_component(component: str, modifier: tuple[str, ...]) -> None:
    claim = code(
        [
            {"kind": "biopsy_punch", "site": "chest", "icd10": "L30.9"},
            {"kind": "dermatopathology", "specimen_of": 0, "component": component,
             "antibodies": 3},
        ]
    )  # fmt: skip
    assert line(claim, "88305").modifiers == modifier
    assert line(claim, "88305").diagnoses == ("L30.9",)
    assert units(claim)["88342"] == 1 and units(claim)["88341"] == 2


def test_mohs_specimens_are_not_billed_as_pathology() -> None:
    claim = code([{"kind": "mohs", "site": "nose", "stages": [2], "finding": "bcc"},
                  {"kind": "dermatopathology", "specimen_of": 0}])  # fmt: skip
    assert "88305" not in units(claim)


def test_17250_for_proud_flesh_but_not_for_hemostasis_of_todays_wound() -> None:
    alone = code([{"kind": "chemical_cauterization", "site": "chin", "icd10": "L92.9"}])
    assert units(alone)["17250"] == 1
    same_wound = code([{"kind": "biopsy_tangential", "site": "chin", "icd10": "L98.9"},
                       {"kind": "chemical_cauterization", "site": "chin"}])  # fmt: skip
    assert "17250" not in units(same_wound)
    assert "17250" in {nb.cpt for nb in same_wound.not_billed}


@pytest.mark.parametrize(("count", "expected"), [(1, "11055"), (4, "11056"), (5, "11057")])
def test_paring_by_count(count: int, expected: str) -> None:
    assert units(code([{"kind": "paring", "count": count, "icd10": "L84"}]))[expected] == 1


@pytest.mark.parametrize(
    ("area", "expected"), [(9.9, "17106"), (10, "17107"), (50, "17107"), (50.1, "17108")]
)
def test_vascular_laser_by_area(area: float, expected: str) -> None:
    claim = code([{"kind": "vascular_laser", "area_sq_cm": area, "icd10": "I78.1"}])
    assert units(claim)[expected] == 1


def test_debridement_areas_by_depth_and_hyperhidrosis_toxin() -> None:
    claim = code(
        [
            {"kind": "debridement", "site": "sole", "laterality": "left", "depth": "muscle",
             "area_sq_cm": 20, "icd10": "L97.421"},
            {"kind": "hyperhidrosis_chemodenervation", "site": "axilla", "laterality": "left",
             "drug": "onabotulinumtoxina", "dose_units": 50, "wasted_units": 50,
             "icd10": "L74.510"},
        ]
    )  # fmt: skip
    assert units(claim)["11043"] == 1 and "11046" not in units(claim)
    assert units(claim)["64650"] == 1
    assert [(ln.units, ln.modifiers) for ln in claim.lines if ln.cpt == "J0585"] == [
        (50, ()),
        (50, ("JW",)),
    ]


def test_cosmetic_services_are_self_pay_never_claim_lines() -> None:
    claim = code(
        [
            {"kind": "chemical_peel", "site": "forehead", "depth": "dermal", "icd10": "Z41.1"},
            {"kind": "chemical_peel", "site": "chest", "depth": "epidermal", "icd10": "Z41.1"},
            {"kind": "dermabrasion", "technique": "total_face", "icd10": "Z41.1"},
            {"kind": "filler", "volume_ml": 0.8, "icd10": "Z41.1"},
        ],
        payer="commercial",
    )
    assert claim.lines == ()
    assert [ln.cpt for ln in claim.self_pay] == ["15789", "15792", "15780", "11950"]


@pytest.mark.parametrize(
    ("procedure", "problem"),
    [
        ({"kind": "skin_graft", "site": "chest", "area_sq_cm": 4}, "procedures[0].technique"),
        ({"kind": "debridement", "site": "chest", "area_sq_cm": 4, "depth": "deep"},
         "procedures[0].depth"),
        ({"kind": "drug_injection", "drug": "triamcinolone_acetonide"}, "procedures[0].dose_mg"),
        ({"kind": "drug_injection", "drug": "triamcinolone_acetonide", "dose_mg": 900},
         "procedures[0].dose_mg"),
        ({"kind": "drug_injection", "drug": "onabotulinumtoxina", "dose_units": 5},
         "procedures[0].drug"),
        ({"kind": "hyperhidrosis_chemodenervation", "site": "axilla", "laterality": "left",
          "drug": "onabotulinumtoxina", "dose_mg": 5}, "procedures[0].dose_mg"),
        ({"kind": "dermatopathology", "component": "half"}, "procedures[0].component"),
        ({"kind": "filler", "volume_ml": -1}, "procedures[0].volume_ml"),
        ({"kind": "patch_test"}, "procedures[0].count"),
    ],
)  # fmt: skip
def test_bad_values_name_the_field(procedure: dict[str, Any], problem: str) -> None:
    with pytest.raises(InvalidVisit) as raised:
        parse_visit({"date_of_service": "2026-11-20", "procedures": [procedure]})
    assert any(p.startswith(problem) for p in raised.value.problems), raised.value.problems


def test_new_fields_round_trip_through_the_visit_json() -> None:
    data = {
        "date_of_service": "2026-11-20",
        "procedures": [
            {"kind": "drug_injection", "drug": "methylprednisolone_acetate", "dose_mg": 30,
             "wasted_mg": 10, "container": "single_dose", "count": 1, "icd10": "L20.9"},
            {"kind": "skin_graft", "technique": "split", "site": "chest", "area_sq_cm": 30,
             "prep_sq_cm": 40, "icd10": "C44.519"},
            {"kind": "dermatopathology", "specimen_of": 1, "component": "technical",
             "stains": 1, "antibodies": 2},
            {"kind": "hyperhidrosis_chemodenervation", "site": "palm", "laterality": "right",
             "drug": "incobotulinumtoxina", "dose_units": 40, "wasted_units": 10,
             "icd10": "L74.512"},
            {"kind": "filler", "volume_ml": 1.5, "icd10": "Z41.1"},
            {"kind": "foreign_body_removal", "site": "palm", "laterality": "left",
             "complicated": True, "icd10": "S60.552A"},
        ],
    }  # fmt: skip
    visit = parse_visit(data)
    assert parse_visit(visit_to_json(visit)) == visit


ADDED_KINDS = [k for k in Kind if k.value in {
    "photodynamic_therapy", "skin_graft", "drug_injection", "koh_prep", "fungal_culture",
    "dermatopathology", "paring", "nail_trimming", "chemical_cauterization",
    "foreign_body_removal", "debridement", "hyperhidrosis_chemodenervation", "vascular_laser",
    "patch_test", "chemical_peel", "dermabrasion", "filler", "neurotoxin_cosmetic"}]  # fmt: skip


@st.composite
def gui_procedure(draw: st.DrawFn) -> Procedure:
    """A procedure as the capture flow may hold it mid-entry: any field present or not."""
    from dermcharge.coding.drug_table import drugs
    from dermcharge.coding.procedure_fields import DEPTHS, TECHNIQUES

    kind = draw(st.sampled_from(ADDED_KINDS))
    maybe = lambda values: draw(st.one_of(st.none(), st.sampled_from(sorted(values))))  # noqa: E731
    amount = st.one_of(st.none(), st.decimals(Decimal("0.1"), Decimal("400"), places=1))
    return Procedure(
        kind=kind,
        site=maybe(["axilla", "cheek", "chest", "sole", "nasal_tip"]),
        laterality=Laterality.LEFT,
        count=draw(st.one_of(st.none(), st.integers(0, 60))),
        area_sq_cm=draw(amount),
        prep_sq_cm=draw(amount),
        technique=maybe(TECHNIQUES.get(kind, {"split"})),
        depth=maybe(DEPTHS.get(kind, {"dermal"})),
        drug=maybe(drugs()),
        dose_mg=draw(amount),
        dose_units=draw(amount),
        wasted_mg=draw(amount),
        wasted_units=draw(amount),
        container=maybe({"single_dose", "multi_dose"}),
        volume_ml=draw(amount),
        stains=draw(st.one_of(st.none(), st.integers(0, 5))),
        antibodies=draw(st.one_of(st.none(), st.integers(0, 5))),
        component=maybe({"global", "professional", "technical"}),
        specimen_of=draw(st.one_of(st.none(), st.integers(0, 3))),
        diagnosis=Diagnosis(icd10="L30.9"),
    )


def test_patch_tests_without_a_count_are_an_error_not_a_zero_unit_line() -> None:
    claim = code_visit(Visit(date.fromisoformat("2026-11-20"), procedures=(
        Procedure(kind=Kind.PATCH_TEST, count=0, diagnosis=Diagnosis(icd10="L23.9")),)))  # fmt: skip
    assert "95044" not in units(claim)
    assert "missing_field" in errors(claim)


@settings(max_examples=300, deadline=None)
@given(st.lists(gui_procedure(), min_size=1, max_size=4), st.sampled_from(list(Payer)))
def test_the_added_kinds_code_whatever_the_capture_flow_holds(procs, payer) -> None:
    """Never a crash; a code that needs a missing field is an error finding, not a guess."""
    claim = code_visit(Visit(date.fromisoformat("2026-11-20"), payer, procedures=tuple(procs)))
    assert all(line.units > 0 for line in claim.lines)
    cosmetic = {i for i, p in enumerate(procs) if p.kind in COSMETIC_KINDS}
    assert not cosmetic & {i for ln in claim.lines for i in ln.procedures}
    assert {i for ln in claim.self_pay for i in ln.procedures} <= cosmetic
