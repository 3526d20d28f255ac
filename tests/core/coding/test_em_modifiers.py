"""E/M with procedures (R-EM-2), PTP distinct-service modifiers, ABN/cosmetic, anatomic, 51."""

from __future__ import annotations

import pytest

from tests.core.coding.engine_helpers import code, line, units

AK = {
    "kind": "destruction_premalignant",
    "site": "forehead",
    "count": 4,
    "finding": "actinic_keratosis",
}


def em(code_: str = "99213", separate: bool = True, *findings: str) -> dict[str, object]:
    return {
        "code": code_,
        "separately_identifiable": separate,
        "diagnoses": [{"finding": f} for f in findings],
    }


def test_em_alone_has_no_modifier() -> None:
    claim = code([], em=em("99213", True, "rosacea"))
    assert [(ln.cpt, ln.modifiers, ln.diagnoses) for ln in claim.lines] == [
        ("99213", (), ("L71.9",))
    ]


def test_separately_identifiable_em_with_a_procedure_takes_25_and_comes_first() -> None:
    claim = code([AK], em=em("99214", True, "psoriasis"))
    assert claim.lines[0].cpt == "99214"
    assert claim.lines[0].modifiers == ("25",)
    assert claim.lines[0].diagnoses == ("L40.0",)
    assert claim.diagnoses[:2] == ("L40.0", "L57.0")


def test_em_that_only_decided_the_procedure_is_not_billed() -> None:
    claim = code([AK], em=em("99213", False, "actinic_keratosis"))
    assert units(claim) == {"17000": 1, "17003": 3}
    assert "99213" in {nb.cpt for nb in claim.not_billed}


def test_decision_for_a_flap_takes_57() -> None:
    claim = code(
        [{"kind": "adjacent_tissue_transfer", "site": "nose", "defect_sq_cm": 5, "finding": "bcc"}],
        em=em("99203", True),
        patient_status="new",
    )
    assert line(claim, "99203").modifiers == ("57",)


def test_new_patient_code_for_an_established_patient_is_an_error() -> None:
    claim = code([], em=em("99203", True, "acne"))
    status = [f for f in claim.findings if "new-patient" in f.message]
    assert [(f.check, f.severity) for f in status] == [("evaluation_management", "error")]


@pytest.mark.parametrize(
    ("column1", "column2"),
    [
        (
            {
                "kind": "destruction_premalignant",
                "site": "scalp",
                "count": 3,
                "finding": "actinic_keratosis",
            },
            {
                "kind": "skin_tag_removal",
                "site": "neck",
                "count": 5,
                "finding": "skin_tag",
                "symptomatic": True,
            },
        ),
        (
            {
                "kind": "destruction_premalignant",
                "site": "scalp",
                "count": 8,
                "finding": "actinic_keratosis",
            },
            {
                "kind": "destruction_malignant",
                "site": "upper_arm",
                "laterality": "left",
                "lesion_cm": 2.2,
                "finding": "scc_in_situ",
            },
        ),
    ],
)
def test_cited_pairs_put_the_distinct_modifier_on_column_two(
    column1: dict[str, object], column2: dict[str, object]
) -> None:
    claim = code([column1, column2])
    col2_lines = [ln for ln in claim.lines if not ln.cpt.startswith("1700")]
    assert all(set(ln.modifiers) & {"XS", "59"} for ln in col2_lines if ln.cpt != "11201")
    assert not any(ln.modifiers for ln in claim.lines if ln.cpt.startswith("1700"))


def test_aad_example_eight_aks_and_bowen_on_the_arm() -> None:
    # AAD (Elston 2011): 8 AKs + 2.2 cm Bowen's on the arm = 17000, 17003 x 7, 17263-59
    claim = code(
        [
            AK | {"count": 8},
            {
                "kind": "destruction_malignant",
                "site": "forearm",
                "laterality": "right",
                "lesion_cm": 2.2,
                "finding": "scc_in_situ",
            },
        ],
        payer="commercial",
    )
    assert units(claim) == {"17000": 1, "17003": 7, "17263": 1}
    assert line(claim, "17263").modifiers == ("59",)
    assert line(claim, "17263").diagnoses == ("D04.61",)


def test_no_pair_edit_means_no_modifier() -> None:
    claim = code(
        [
            {"kind": "excision_malignant", "site": "mid_back", "excised_cm": 1.4, "finding": "bcc"},
            {"kind": "excision_benign", "site": "chest", "excised_cm": 1.0, "finding": "lipoma"},
        ]
    )
    assert all(not ln.modifiers for ln in claim.lines)


SK_SHAVE = {
    "kind": "shave_removal",
    "site": "mid_back",
    "lesion_cm": 0.8,
    "finding": "seborrheic_keratosis",
}


def test_medicare_cosmetic_removal_takes_gy_and_z41_1() -> None:
    claim = code([SK_SHAVE | {"cosmetic": True}])
    assert line(claim, "11301").modifiers == ("GY",)
    assert set(line(claim, "11301").diagnoses) == {"L82.1", "Z41.1"}


def test_medicare_cosmetic_with_voluntary_notice_takes_gy_and_gx() -> None:
    claim = code([SK_SHAVE | {"cosmetic": True, "abn": "voluntary"}])
    assert line(claim, "11301").modifiers == ("GY", "GX")


def test_signed_abn_takes_ga() -> None:
    assert line(code([SK_SHAVE | {"abn": "signed"}]), "11301").modifiers == ("GA",)


def test_no_abn_for_a_likely_denied_removal_takes_gz() -> None:
    assert line(code([SK_SHAVE | {"abn": "none"}]), "11301").modifiers == ("GZ",)


def test_symptomatic_removal_needs_no_liability_modifier() -> None:
    claim = code([SK_SHAVE | {"abn": "none", "symptomatic": True}])
    assert line(claim, "11301").modifiers == ()


def test_commercial_payers_get_no_medicare_liability_modifiers() -> None:
    claim = code([SK_SHAVE | {"cosmetic": True}], payer="commercial")
    assert line(claim, "11301").modifiers == ()
    assert "Z41.1" not in claim.diagnoses


def test_anatomic_modifiers_follow_the_payer_setting() -> None:
    eyelid = {
        "kind": "shave_removal",
        "site": "upper_eyelid",
        "laterality": "left",
        "lesion_cm": 0.4,
        "finding": "melanocytic_nevus",
        "symptomatic": True,
    }
    assert line(code([eyelid]), "11310").modifiers == ()
    with_mods = code([eyelid], payer_profile={"laterality_modifiers": True})
    assert line(with_mods, "11310").modifiers == ("E1",)
    assert line(with_mods, "11310").diagnoses == ("D22.121",)


def test_51_goes_on_later_primary_procedures_only_when_the_payer_wants_it() -> None:
    procedures = [
        {"kind": "excision_malignant", "site": "mid_back", "excised_cm": 1.4, "finding": "bcc"},
        {
            "kind": "excision_malignant",
            "site": "nose",
            "excised_cm": 1.0,
            "finding": "bcc",
            "repair": {"type": "intermediate", "length_cm": 3.0},
        },
        {
            "kind": "destruction_premalignant",
            "site": "scalp",
            "count": 3,
            "finding": "actinic_keratosis",
        },
    ]
    assert not any("51" in ln.modifiers for ln in code(procedures).lines)
    claim = code(procedures, payer="commercial", payer_profile={"append_51": True})
    assert "51" not in line(claim, "11602").modifiers
    assert "51" in line(claim, "11641").modifiers
    assert "51" not in line(claim, "17003").modifiers


def test_decision_for_a_flap_takes_57_even_when_not_separately_identifiable() -> None:
    claim = code(
        [
            {
                "kind": "adjacent_tissue_transfer",
                "site": "cheek",
                "laterality": "right",
                "defect_sq_cm": 8,
                "finding": "bcc",
            }
        ],
        em=em("99213", False),
    )
    assert line(claim, "99213").modifiers == ("57",)


def test_51_goes_on_the_lower_valued_procedures_when_rvus_are_known() -> None:
    from decimal import Decimal

    from dermcharge.codesets.icd10.releases import catalog_for
    from dermcharge.codesets.ptp import curated_derm_ptp
    from dermcharge.coding.context import CodingContext
    from dermcharge.coding.draft import DraftLine
    from dermcharge.coding.modifiers import apply_multiple_procedure
    from dermcharge.coding.payer_profiles import profile_for
    from dermcharge.coding.visit_json import parse_visit
    from dermcharge.domain.visit import Payer, ProfileOverrides

    visit = parse_visit({"date_of_service": "2026-11-20", "procedures": []})
    ctx = CodingContext(
        visit,
        profile_for(Payer.COMMERCIAL, ProfileOverrides(append_51=True)),
        catalog_for(visit.date_of_service),
        curated_derm_ptp(),
    )
    lines = [
        DraftLine("11600", 1, (0,), [], "x"),
        DraftLine("11606", 1, (1,), [], "x"),
        DraftLine("17003", 2, (2,), [], "x", add_on=True),
    ]
    rvus = {"11600": Decimal("4.1"), "11606": Decimal("9.8")}
    apply_multiple_procedure(ctx, lines, rvus.get)
    assert [ln.modifiers for ln in lines] == [["51"], [], []]
