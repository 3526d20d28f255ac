"""Biopsy combinations (R-BX-1, R-BX-2) and Mohs stages and blocks (R-MO-2)."""

from __future__ import annotations

import pytest

from tests.core.coding.engine_helpers import code, line, units

SITES = [
    {"site": "thigh", "laterality": "left"},
    {"site": "chest"},
    {"site": "scalp"},
    {"site": "mid_back"},
    {"site": "forearm", "laterality": "right"},
]


def biopsies(*kinds: str) -> list[dict[str, object]]:
    return [
        {"kind": f"biopsy_{k}", **SITES[i], "finding": "benign_neoplasm"}
        for i, k in enumerate(kinds)
    ]


@pytest.mark.parametrize(
    ("kinds", "expected"),
    [
        (("tangential",), {"11102": 1}),
        (("punch",), {"11104": 1}),
        (("incisional",), {"11106": 1}),
        (("tangential", "tangential", "tangential"), {"11102": 1, "11103": 2}),
        (("punch", "punch"), {"11104": 1, "11105": 1}),
        (("incisional", "tangential", "tangential"), {"11106": 1, "11103": 2}),  # AAD example
        (("tangential", "punch", "incisional"), {"11106": 1, "11105": 1, "11103": 1}),  # AAD
        (("punch", "punch", "tangential", "tangential"), {"11104": 1, "11105": 1, "11103": 2}),
        (("tangential", "punch"), {"11104": 1, "11103": 1}),
        (("incisional", "incisional", "punch"), {"11106": 1, "11107": 1, "11105": 1}),
    ],
)
def test_one_primary_biopsy_then_add_ons_of_their_own_technique(
    kinds: tuple[str, ...], expected: dict[str, int]
) -> None:
    claim = code(biopsies(*kinds))
    assert units(claim) == expected
    for ln in claim.lines:
        assert not set(ln.modifiers) & {"59", "XS"}, "never 59 between biopsies (R-BX-4)"


def test_biopsy_of_the_lesion_then_excised_is_not_billed() -> None:
    claim = code(
        [
            {"kind": "biopsy_punch", "site": "mid_back", "finding": "bcc"},
            {"kind": "excision_malignant", "site": "mid_back", "excised_cm": 1.5, "finding": "bcc"},
        ]
    )
    assert units(claim) == {"11602": 1}
    assert "11104" in {nb.cpt for nb in claim.not_billed}


def test_biopsy_of_a_separate_lesion_takes_the_distinct_modifier() -> None:
    claim = code(
        [
            {"kind": "excision_malignant", "site": "mid_back", "excised_cm": 1.5, "finding": "bcc"},
            {
                "kind": "biopsy_tangential",
                "site": "cheek",
                "laterality": "left",
                "finding": "melanocytic_nevus",
            },
        ]
    )
    assert units(claim) == {"11602": 1, "11102": 1}
    assert set(line(claim, "11102").modifiers) & {"59", "XS"}
    assert not line(claim, "11602").modifiers


def test_separate_lesion_flag_at_the_same_site_keeps_the_biopsy() -> None:
    claim = code(
        [
            {"kind": "biopsy_punch", "site": "mid_back", "finding": "bcc", "separate_lesion": True},
            {"kind": "excision_malignant", "site": "mid_back", "excised_cm": 1.5, "finding": "bcc"},
        ],
        payer="commercial",
    )
    assert units(claim) == {"11602": 1, "11104": 1}
    assert "59" in line(claim, "11104").modifiers


def test_payer_profile_chooses_59_or_xs() -> None:
    procedures = [
        {
            "kind": "destruction_premalignant",
            "site": "scalp",
            "count": 3,
            "finding": "actinic_keratosis",
        },
        {
            "kind": "biopsy_tangential",
            "site": "forearm",
            "laterality": "left",
            "finding": "neoplasm_unspecified_behavior",
        },
    ]
    assert "XS" in line(code(procedures), "11102").modifiers
    overridden = code(procedures, payer_profile={"distinct_modifier": "59"})
    assert line(overridden, "11102").modifiers == ("59",)


@pytest.mark.parametrize(
    ("stages", "expected"),
    [
        ([1], {"17311": 1}),
        ([5], {"17311": 1}),
        ([6], {"17311": 1, "17315": 1}),
        ([5, 5], {"17311": 1, "17312": 1}),
        ([6, 3, 2], {"17311": 1, "17312": 2, "17315": 1}),
        ([7, 6, 1], {"17311": 1, "17312": 2, "17315": 3}),
    ],
)
def test_mohs_head_stages_and_blocks(stages: list[int], expected: dict[str, int]) -> None:
    claim = code(
        [
            {
                "kind": "mohs",
                "site": "nasal_ala",
                "laterality": "left",
                "stages": stages,
                "finding": "bcc",
            }
        ]
    )
    assert units(claim) == expected


@pytest.mark.parametrize(
    ("site", "first", "more"),
    [
        ({"site": "mid_back"}, "17313", "17314"),
        ({"site": "forearm", "laterality": "left"}, "17313", "17314"),
        ({"site": "hand_dorsum", "laterality": "left"}, "17311", "17312"),
        ({"site": "neck"}, "17311", "17312"),
        ({"site": "genitalia", "icd10": "C60.9"}, "17311", "17312"),
    ],
)
def test_mohs_site_group(site: dict[str, str], first: str, more: str) -> None:
    finding = {} if "icd10" in site else {"finding": "scc"}
    claim = code([{"kind": "mohs", **site, **finding, "stages": [2, 2]}])
    assert units(claim) == {first: 1, more: 1}


def test_mohs_repair_is_billed_and_inherits_the_diagnosis() -> None:
    claim = code(
        [
            {
                "kind": "mohs",
                "site": "nasal_sidewall",
                "laterality": "right",
                "stages": [6, 3, 2],
                "finding": "bcc",
            },
            {"kind": "repair_intermediate", "site": "nose", "length_cm": 2.0},
        ]
    )
    assert units(claim) == {"17311": 1, "17312": 2, "17315": 1, "12051": 1}
    assert line(claim, "12051").diagnoses == ("C44.311",)


def test_biopsy_of_another_lesion_on_mohs_day_takes_the_distinct_modifier() -> None:
    claim = code(
        [
            {"kind": "mohs", "site": "nasal_tip", "stages": [2], "finding": "bcc"},
            {"kind": "biopsy_punch", "site": "chest", "finding": "scc"},
        ]
    )
    assert set(line(claim, "11104").modifiers) & {"59", "XS"}
