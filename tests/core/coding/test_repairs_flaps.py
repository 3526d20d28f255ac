"""Repairs summed by class and group (R-RP-2, R-RP-4), inclusions (R-EX-5, R-EX-6), flaps (§5)."""

from __future__ import annotations

import pytest

from tests.core.coding.engine_helpers import code, line, units

TRUNK = {"site": "mid_back"}
FACE = {"site": "cheek", "laterality": "left"}
HAND = {"site": "hand_dorsum", "laterality": "left"}
NOSE = {"site": "nose"}
SCALP = {"site": "scalp"}
ARM = {"site": "upper_arm", "laterality": "right"}


def repair(kind: str, where: dict[str, str], length: float) -> dict[str, object]:
    return {"kind": f"repair_{kind}", **where, "length_cm": length, "icd10": "S21.211A"}


@pytest.mark.parametrize(
    ("where", "length", "expected"),
    [
        (TRUNK, 2.5, "12001"),
        (TRUNK, 2.6, "12002"),
        (TRUNK, 7.5, "12002"),
        (TRUNK, 7.6, "12004"),
        (TRUNK, 12.5, "12004"),
        (TRUNK, 12.6, "12005"),
        (TRUNK, 20.0, "12005"),
        (TRUNK, 20.1, "12006"),
        (TRUNK, 30.0, "12006"),
        (TRUNK, 30.1, "12007"),
        (HAND, 3.0, "12002"),
        (FACE, 2.5, "12011"),
        (FACE, 2.6, "12013"),
        (FACE, 5.0, "12013"),
        (FACE, 5.1, "12014"),
        (FACE, 7.5, "12014"),
        (FACE, 7.6, "12015"),
        (FACE, 12.6, "12016"),
        (FACE, 20.1, "12017"),
        (FACE, 30.1, "12018"),
    ],
)
def test_simple_repair_brackets(where: dict[str, str], length: float, expected: str) -> None:
    assert units(code([repair("simple", where, length)])) == {expected: 1}


@pytest.mark.parametrize(
    ("where", "length", "expected"),
    [
        (TRUNK, 2.5, "12031"),
        (TRUNK, 2.6, "12032"),
        (TRUNK, 7.6, "12034"),
        (TRUNK, 12.6, "12035"),
        (TRUNK, 20.1, "12036"),
        (TRUNK, 30.1, "12037"),
        (SCALP, 3.0, "12032"),
        (HAND, 2.5, "12041"),
        (HAND, 2.6, "12042"),
        (HAND, 7.6, "12044"),
        (HAND, 12.6, "12045"),
        (HAND, 20.1, "12046"),
        (HAND, 30.1, "12047"),
        ({"site": "neck"}, 1.0, "12041"),
        (FACE, 2.5, "12051"),
        (FACE, 2.6, "12052"),
        (FACE, 5.0, "12052"),
        (FACE, 5.1, "12053"),
        (FACE, 7.6, "12054"),
        (FACE, 12.6, "12055"),
        (FACE, 20.1, "12056"),
        (FACE, 30.1, "12057"),
    ],
)
def test_intermediate_repair_brackets(where: dict[str, str], length: float, expected: str) -> None:
    assert units(code([repair("intermediate", where, length)])) == {expected: 1}


@pytest.mark.parametrize(
    ("where", "length", "expected"),
    [
        (TRUNK, 1.1, {"13100": 1}),
        (TRUNK, 2.5, {"13100": 1}),
        (TRUNK, 2.6, {"13101": 1}),
        (TRUNK, 7.5, {"13101": 1}),
        (TRUNK, 7.6, {"13101": 1, "13102": 1}),
        (TRUNK, 12.5, {"13101": 1, "13102": 1}),
        (TRUNK, 12.6, {"13101": 1, "13102": 2}),
        (SCALP, 9.5, {"13121": 1, "13122": 1}),
        (ARM, 10.0, {"13121": 1, "13122": 1}),
        (FACE, 4.0, {"13132": 1}),
        (HAND, 1.5, {"13131": 1}),
        (NOSE, 2.0, {"13151": 1}),
        (NOSE, 8.0, {"13152": 1, "13153": 1}),
    ],
)
def test_complex_repair_brackets_and_add_on_units(
    where: dict[str, str], length: float, expected: dict[str, int]
) -> None:
    assert units(code([repair("complex", where, length)])) == expected


def test_complex_repair_of_one_centimetre_or_less_is_coded_intermediate_with_a_warning() -> None:
    claim = code([repair("complex", TRUNK, 1.0)])
    assert units(claim) == {"12031": 1}
    assert any(f.check == "repair_class" for f in claim.findings)


def test_repairs_of_one_class_in_one_group_are_added() -> None:
    # AAPC: complex scalp 1.1 + left arm 2.1 + right arm 6.3 = 9.5 -> 13121 + 13122 x 1
    claim = code(
        [
            repair("complex", SCALP, 1.1),
            repair("complex", {"site": "forearm", "laterality": "left"}, 2.1),
            repair("complex", ARM, 6.3),
        ]
    )
    assert units(claim) == {"13121": 1, "13122": 1}


def test_repairs_in_different_groups_or_classes_are_reported_separately() -> None:
    claim = code(
        [
            repair("intermediate", FACE, 3.0),
            repair("intermediate", HAND, 3.0),
            repair("intermediate", TRUNK, 4.0),
            repair("simple", TRUNK, 2.0),
        ]
    )
    assert units(claim) == {"12052": 1, "12042": 1, "12032": 1, "12001": 1}


def test_simple_repair_of_an_excision_is_included() -> None:
    claim = code(
        [
            {
                "kind": "excision_malignant",
                **TRUNK,
                "excised_cm": 1.2,
                "finding": "bcc",
                "repair": {"type": "simple", "length_cm": 2.0},
            }
        ]
    )
    assert units(claim) == {"11602": 1}
    assert "12001" in {nb.cpt for nb in claim.not_billed}


@pytest.mark.parametrize(("excised", "billed"), [(0.5, False), (0.6, True)])
def test_repair_of_a_small_benign_excision_follows_ncci(excised: float, billed: bool) -> None:
    claim = code(
        [
            {
                "kind": "excision_benign",
                **TRUNK,
                "excised_cm": excised,
                "finding": "epidermal_cyst",
                "symptomatic": True,
                "repair": {"type": "intermediate", "length_cm": 2.0},
            }
        ]
    )
    assert ("12031" in units(claim)) is billed


def test_small_benign_rule_does_not_reach_a_larger_lesion_the_same_day() -> None:
    claim = code(
        [
            {
                "kind": "excision_benign",
                **TRUNK,
                "excised_cm": 0.4,
                "finding": "epidermal_cyst",
                "symptomatic": True,
                "repair": {"type": "intermediate", "length_cm": 1.0},
            },
            {
                "kind": "excision_benign",
                "site": "chest",
                "excised_cm": 1.6,
                "finding": "epidermal_cyst",
                "symptomatic": True,
                "repair": {"type": "intermediate", "length_cm": 3.0},
            },
        ]
    )
    assert units(claim) == {"11400": 1, "11402": 1, "12032": 1}


def test_malignant_excision_with_complex_repair_keeps_the_diagnosis() -> None:
    claim = code(
        [
            {
                "kind": "excision_malignant",
                "site": "thigh",
                "laterality": "right",
                "lesion_cm": 2.1,
                "margin_cm": 1.0,
                "finding": "melanoma",
                "repair": {"type": "complex", "length_cm": 10.0},
            }
        ]
    )
    assert units(claim) == {"11606": 1, "13121": 1, "13122": 1}
    assert line(claim, "13122").diagnoses == ("C43.71",)


@pytest.mark.parametrize(
    ("where", "area", "expected"),
    [
        (TRUNK, 10.0, {"14000": 1}),
        (TRUNK, 10.1, {"14001": 1}),
        (TRUNK, 30.0, {"14001": 1}),
        (SCALP, 5, {"14020": 1}),
        (FACE, 20, {"14041": 1}),
        (NOSE, 4, {"14060": 1}),
        ({"site": "ear", "laterality": "left"}, 12, {"14061": 1}),
        (TRUNK, 30.1, {"14301": 1}),
        (FACE, 60.0, {"14301": 1}),
        (TRUNK, 60.1, {"14301": 1, "14302": 1}),
        (TRUNK, 90.1, {"14301": 1, "14302": 2}),
    ],
)
def test_adjacent_tissue_transfer_sizes(
    where: dict[str, str], area: float, expected: dict[str, int]
) -> None:
    claim = code(
        [{"kind": "adjacent_tissue_transfer", **where, "defect_sq_cm": area, "finding": "bcc"}]
    )
    assert units(claim) == expected


def test_flap_includes_the_excision_and_its_repair_at_the_same_site() -> None:
    claim = code(
        [
            {
                "kind": "excision_malignant",
                **NOSE,
                "excised_cm": 1.5,
                "finding": "bcc",
                "repair": {"type": "complex", "length_cm": 3.0},
            },
            {"kind": "adjacent_tissue_transfer", **NOSE, "defect_sq_cm": 6},
        ]
    )
    assert units(claim) == {"14060": 1}
    assert line(claim, "14060").diagnoses == ("C44.311",)
    assert {"11642", "13152"} <= {nb.cpt for nb in claim.not_billed}


def test_flap_after_mohs_is_billed_with_the_mohs() -> None:
    claim = code(
        [
            {
                "kind": "mohs",
                "site": "nasal_ala",
                "laterality": "left",
                "stages": [3],
                "finding": "bcc",
            },
            {
                "kind": "adjacent_tissue_transfer",
                "site": "nasal_ala",
                "laterality": "left",
                "defect_sq_cm": 5,
            },
        ]
    )
    assert units(claim) == {"17311": 1, "14060": 1}
