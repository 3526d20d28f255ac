"""Issue 20: flap-day lesions, repeated codes, 51 by work RVU, soft tissue tumours, G2211."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from dermcharge.domain.claim import CodedClaim, Severity
from tests.core.coding.engine_helpers import code, errors, line, units


def findings(claim: CodedClaim, severity: Severity | None = None) -> list[str]:
    return [f.check for f in claim.findings if severity is None or f.severity is severity]


def codes_billed(claim: CodedClaim) -> set[str]:
    return {ln.cpt for ln in claim.lines}


DISTINCT = {"59", "XS"}

# --- separate lesions on a flap day ----------------------------------------------------------

BCC_UNDER_FLAP = [
    {"kind": "excision_malignant", "site": "cheek", "laterality": "left", "excised_cm": 1.0,
     "finding": "bcc"},
    {"kind": "adjacent_tissue_transfer", "site": "cheek", "laterality": "left",
     "defect_sq_cm": 6},
]  # fmt: skip


def test_a_separate_lesion_at_the_flap_site_is_billed_with_the_distinct_modifier() -> None:
    nevus = {"kind": "excision_benign", "site": "cheek", "laterality": "left", "excised_cm": 0.8,
             "finding": "melanocytic_nevus", "symptomatic": True, "separate_lesion": True}  # fmt: skip
    claim = code([*BCC_UNDER_FLAP, nevus])
    assert units(claim) == {"14040": 1, "11441": 1}
    assert set(line(claim, "11441").modifiers) & DISTINCT
    assert "D22.39" in line(claim, "11441").diagnoses
    assert line(claim, "14040").diagnoses[0] == "C44.319"  # the flap keeps its own lesion's dx


def test_without_separate_lesion_the_excision_at_the_flap_site_is_included() -> None:
    claim = code(BCC_UNDER_FLAP)
    assert units(claim) == {"14040": 1}
    assert "11641" in {nb.cpt for nb in claim.not_billed}


def test_a_separate_excision_with_its_own_repair_elsewhere_keeps_both_with_xs() -> None:
    back = {"kind": "excision_malignant", "site": "upper_back", "excised_cm": 1.2,
            "finding": "scc", "repair": {"type": "intermediate", "length_cm": 3.0}}  # fmt: skip
    claim = code([*BCC_UNDER_FLAP, back])
    assert units(claim) == {"14040": 1, "11602": 1, "12032": 1}
    assert set(line(claim, "11602").modifiers) & DISTINCT
    assert set(line(claim, "12032").modifiers) & DISTINCT


def test_a_separate_lesion_own_repair_at_the_flap_site_is_not_absorbed() -> None:
    nevus = {"kind": "excision_benign", "site": "cheek", "laterality": "left", "excised_cm": 1.2,
             "finding": "melanocytic_nevus", "symptomatic": True, "separate_lesion": True,
             "repair": {"type": "intermediate", "length_cm": 2.0}}  # fmt: skip
    claim = code([*BCC_UNDER_FLAP, nevus])
    assert {"11442", "12051"} <= codes_billed(claim)


@pytest.mark.parametrize("flap", ["14000", "14001", "14020", "14021", "14040", "14041", "14060",
                                  "14061", "14301", "14302"])  # fmt: skip
def test_curated_pairs_hold_the_att_family_against_excision_and_repair(flap: str) -> None:
    from datetime import date

    from dermcharge.codesets.ptp import curated_derm_ptp

    table = curated_derm_ptp()
    on = date(2026, 11, 20)
    for col2 in ("11400", "11446", "11600", "11646", "12001", "12057", "13100", "13153"):
        edit = table.edit_for(flap, col2, on)
        assert edit is not None and edit.modifier_indicator == 1, (flap, col2)
    assert table.edit_for(flap, "17000", on) is None


# --- one code for several separate lesions ---------------------------------------------------


def two_nevi(**second: Any) -> list[dict[str, Any]]:
    first = {"kind": "excision_benign", "site": "upper_back", "excised_cm": 1.4,
             "finding": "melanocytic_nevus", "symptomatic": True}  # fmt: skip
    other = {**first, "site": "abdomen", **second}
    return [first, other]


def test_medicare_bills_a_repeated_code_on_its_own_line_with_xs() -> None:
    claim = code(two_nevi())
    lines = [ln for ln in claim.lines if ln.cpt == "11402"]
    assert sum(ln.units for ln in lines) == 2
    assert [bool(set(ln.modifiers) & DISTINCT) for ln in lines] == [False, True]


@pytest.mark.parametrize("payer", ["commercial", "medicaid"])
def test_other_payers_put_units_on_one_line(payer: str) -> None:
    claim = code(two_nevi(), payer=payer)
    lines = [ln for ln in claim.lines if ln.cpt == "11402"]
    assert [(ln.units, ln.modifiers) for ln in lines] == [(2, ())]


def test_a_payer_asking_for_76_gets_it_on_the_repeat() -> None:
    claim = code(two_nevi(), payer="commercial", payer_profile={"repeated_code": "repeat_76"})
    lines = [ln for ln in claim.lines if ln.cpt == "11402"]
    assert [("76" in ln.modifiers) for ln in lines] == [False, True]


def test_two_identical_entries_at_one_site_warn_and_take_no_modifier() -> None:
    claim = code(two_nevi(site="upper_back"))
    assert "duplicate_entry" in findings(claim, Severity.WARNING)
    assert not any(set(ln.modifiers) & DISTINCT for ln in claim.lines if ln.cpt == "11402")


def test_two_lesions_at_one_site_marked_separate_get_xs_and_no_warning() -> None:
    claim = code(two_nevi(site="upper_back", separate_lesion=True))
    assert "duplicate_entry" not in findings(claim)
    assert any(set(ln.modifiers) & DISTINCT for ln in claim.lines if ln.cpt == "11402")


def test_add_on_codes_are_never_marked_as_repeats() -> None:
    claim = code([{"kind": "biopsy_tangential", "site": "forearm", "laterality": "left",
                   "finding": "neoplasm_unspecified_behavior"} for _ in range(3)][:1]
                 + [{"kind": "biopsy_tangential", "site": s, "laterality": "left",
                     "finding": "neoplasm_unspecified_behavior"} for s in ("thigh", "upper_arm")])  # fmt: skip
    assert units(claim) == {"11102": 1, "11103": 2}
    assert not any(set(ln.modifiers) & DISTINCT for ln in claim.lines if ln.cpt == "11103")


# --- 51 by the PFS work RVU ------------------------------------------------------------------


def test_51_ranks_by_the_work_rvu_of_the_loaded_fee_schedule(monkeypatch: Any) -> None:
    from types import SimpleNamespace

    from dermcharge.codesets.cms import active
    from dermcharge.coding import engine

    rows = {"11600": SimpleNamespace(work_rvu=1.5), "11606": SimpleNamespace(work_rvu=4.0)}
    rvu = SimpleNamespace(get=rows.get)
    monkeypatch.setattr(active, "active_tables", lambda on: SimpleNamespace(rvu=rvu))
    value = engine._procedure_value(__import__("datetime").date(2026, 11, 20))
    assert value("11606") == Decimal("4.0")
    assert value("17000") is None


# --- soft tissue tumours ---------------------------------------------------------------------


def lipoma(site: str, size: float, depth: str | None, **extra: Any) -> dict[str, Any]:
    proc = {"kind": "excision_benign", "site": site, "excised_cm": size, "finding": "lipoma",
            "symptomatic": True, **extra}  # fmt: skip
    if depth:
        proc["depth"] = depth
    return proc


@pytest.mark.parametrize(
    ("site", "side", "size", "depth", "expected"),
    [
        ("upper_back", None, 2.9, "subcutaneous", "21930"),
        ("upper_back", None, 3.0, "subcutaneous", "21931"),
        ("upper_back", None, 4.9, "subfascial", "21932"),
        ("upper_back", None, 5.0, "subfascial", "21933"),
        ("scalp", None, 1.9, "subcutaneous", "21011"),
        ("cheek", "left", 2.0, "subcutaneous", "21012"),
        ("thigh", "left", 2.5, "subcutaneous", "27327"),
        ("thigh", "left", 3.0, "subcutaneous", "27337"),
        ("forearm", "right", 3.0, "subfascial", "25073"),
        ("finger", "left", 1.4, "subcutaneous", "26115"),
        ("sole", "left", 1.5, "subcutaneous", "28039"),
        ("shoulder", "right", 3.0, "subcutaneous", "23071"),
        ("abdomen", None, 2.0, "subcutaneous", "22902"),
    ],
)
def test_subcutaneous_and_subfascial_tumours_take_the_soft_tissue_codes(
    site: str, side: str | None, size: float, depth: str, expected: str
) -> None:
    extra = {"laterality": side} if side else {}
    claim = code([lipoma(site, size, depth, **extra)])
    assert units(claim) == {expected: 1}


def test_a_lipoma_without_depth_keeps_the_skin_code_with_a_warning() -> None:
    claim = code([lipoma("upper_back", 3.0, None)])
    assert units(claim) == {"11403": 1}
    assert "soft_tissue_depth" in findings(claim, Severity.WARNING)


def test_a_cutaneous_lipoma_keeps_the_skin_code_without_a_warning() -> None:
    claim = code([lipoma("upper_back", 3.0, "cutaneous")])
    assert units(claim) == {"11403": 1}
    assert "soft_tissue_depth" not in findings(claim)


def test_a_deep_epidermal_cyst_keeps_the_skin_code_with_a_warning() -> None:
    cyst = lipoma("upper_back", 2.0, "subcutaneous", finding="epidermal_cyst")
    claim = code([cyst])
    assert units(claim) == {"11402": 1}
    assert "soft_tissue_depth" in findings(claim, Severity.WARNING)


def test_soft_tissue_excision_includes_intermediate_but_not_complex_repair() -> None:
    inter = lipoma("upper_back", 4.0, "subcutaneous",
                   repair={"type": "intermediate", "length_cm": 5.0})  # fmt: skip
    assert units(code([inter])) == {"21931": 1}
    complex_ = lipoma("upper_back", 4.0, "subcutaneous",
                      repair={"type": "complex", "length_cm": 5.0})  # fmt: skip
    assert units(code([complex_])) == {"21931": 1, "13101": 1}


def test_a_deep_tumour_at_a_site_with_its_own_cpt_section_is_an_error() -> None:
    claim = code([lipoma("upper_eyelid", 1.0, "subcutaneous", laterality="left")])
    assert "code_family" in errors(claim)
    assert not units(claim)


def test_a_bad_depth_is_refused_naming_the_field() -> None:
    from dermcharge.coding.visit_json import InvalidVisit

    with pytest.raises(InvalidVisit) as refused:
        code([lipoma("upper_back", 3.0, "deep")])
    assert any("procedures[0].depth" in p for p in refused.value.problems)


# --- G2211 -----------------------------------------------------------------------------------


def em(finding: str = "psoriasis", **extra: Any) -> dict[str, Any]:
    return {"code": "99214", "diagnoses": [{"finding": finding}], **extra}


def test_g2211_with_an_office_em_for_a_chronic_condition() -> None:
    claim = code([], em=em(longitudinal_care=True))
    assert units(claim) == {"99214": 1, "G2211": 1}
    assert "g2211" not in findings(claim)


def test_g2211_unrecorded_relationship_is_billed_for_an_established_patient_with_a_warning() -> (
    None
):
    claim = code([], em=em())
    assert "G2211" in units(claim)
    assert "g2211" in findings(claim, Severity.WARNING)


def test_g2211_is_only_suggested_for_a_new_patient_without_a_recorded_relationship() -> None:
    claim = code([], em={**em(), "code": "99204"}, patient_status="new")
    assert "G2211" not in units(claim)
    assert "g2211" in findings(claim, Severity.INFO)


@pytest.mark.parametrize(
    ("kwargs", "why"),
    [
        ({"em": em(longitudinal_care=False)}, "relationship denied"),
        ({"em": em("acne")}, "not a chronic condition on the list"),
        ({"em": em(), "payer": "commercial"}, "payer does not pay it"),
    ],
)
def test_g2211_not_billed(kwargs: dict[str, Any], why: str) -> None:
    claim = code([], **kwargs)
    assert "G2211" not in units(claim), why


def test_g2211_not_with_an_em_carrying_25_for_a_procedure() -> None:
    ak = {"kind": "destruction_premalignant", "count": 3, "finding": "actinic_keratosis"}
    claim = code([ak], em=em(longitudinal_care=True))
    assert "25" in line(claim, "99214").modifiers
    assert "G2211" not in units(claim)
    assert "G2211" in {nb.cpt for nb in claim.not_billed}


def test_g2211_for_a_commercial_payer_that_pays_it() -> None:
    claim = code([], em=em(longitudinal_care=True), payer="commercial",
                 payer_profile={"pays_g2211": True})  # fmt: skip
    assert "G2211" in units(claim)


def test_g2211_with_25_is_allowed_beside_an_awv_from_2025() -> None:
    from datetime import date
    from types import SimpleNamespace

    from dermcharge.coding.families.visit_complexity import _with_25_allowed

    def ctx(on: date) -> Any:
        return SimpleNamespace(visit=SimpleNamespace(date_of_service=on))

    assert _with_25_allowed(ctx(date(2025, 1, 1)), {"G0439"})
    assert not _with_25_allowed(ctx(date(2025, 1, 1)), {"17000"})
    assert not _with_25_allowed(ctx(date(2024, 12, 31)), {"G0439"})


def test_the_new_fields_survive_a_round_trip_through_the_visit_json() -> None:
    from dermcharge.coding.visit_json import parse_visit, unknown_fields, visit_to_json

    data = {
        "date_of_service": "2026-11-20",
        "payer": "commercial",
        "payer_profile": {"repeated_code": "repeat_76", "small_benign_repair_bundle": True,
                          "pays_g2211": True},
        "em": em(longitudinal_care=False),
        "procedures": [lipoma("upper_back", 3.0, "subfascial")],
    }  # fmt: skip
    assert unknown_fields(data) == []
    visit = parse_visit(data)
    again = visit_to_json(visit)
    assert again["procedures"][0]["depth"] == "subfascial"
    assert again["em"]["longitudinal_care"] is False
    assert again["payer_profile"] == data["payer_profile"]
    assert parse_visit(again) == visit


def test_a_bad_repeated_code_setting_is_refused_naming_the_field() -> None:
    from dermcharge.coding.visit_json import InvalidVisit

    with pytest.raises(InvalidVisit) as refused:
        code([], payer_profile={"repeated_code": "lines"})
    assert any(p.startswith("payer_profile.repeated_code") for p in refused.value.problems)
