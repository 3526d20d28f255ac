"""Count thresholds: AK destruction, benign destruction, skin tags, injections, nails, I&D."""

from __future__ import annotations

import pytest

from tests.core.coding.engine_helpers import code, errors, line, units


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (1, {"17000": 1}),
        (2, {"17000": 1, "17003": 1}),
        (14, {"17000": 1, "17003": 13}),
        (15, {"17004": 1}),
        (16, {"17004": 1}),
        (25, {"17004": 1}),
        (26, {"17004": 1}),
    ],
)
def test_premalignant_destruction_counts(n: int, expected: dict[str, int]) -> None:
    claim = code(
        [
            {
                "kind": "destruction_premalignant",
                "site": "scalp",
                "count": n,
                "finding": "actinic_keratosis",
            }
        ]
    )
    assert units(claim) == expected


def test_premalignant_counts_add_up_across_sites() -> None:
    claim = code(
        [
            {
                "kind": "destruction_premalignant",
                "site": "scalp",
                "count": 9,
                "finding": "actinic_keratosis",
            },
            {
                "kind": "destruction_premalignant",
                "site": "forearm",
                "laterality": "left",
                "count": 6,
                "finding": "actinic_keratosis",
            },
        ]
    )
    assert units(claim) == {"17004": 1}
    assert {nb.cpt for nb in claim.not_billed} >= {"17000", "17003"}


def test_zero_count_is_an_error_finding_not_a_line() -> None:
    claim = code(
        [
            {
                "kind": "destruction_premalignant",
                "site": "scalp",
                "count": 0,
                "finding": "actinic_keratosis",
            }
        ]
    )
    assert not claim.lines
    zero = [f for f in claim.findings if "lesion count" in f.message]
    assert [(f.check, f.severity) for f in zero] == [("missed_charges", "error")]


@pytest.mark.parametrize(
    ("n", "expected"), [(1, "17110"), (14, "17110"), (15, "17111"), (16, "17111"), (40, "17111")]
)
def test_benign_destruction_counts(n: int, expected: str) -> None:
    claim = code(
        [
            {
                "kind": "destruction_benign",
                "site": "hand_dorsum",
                "laterality": "left",
                "count": n,
                "finding": "wart",
            }
        ]
    )
    assert units(claim) == {expected: 1}


def test_benign_destruction_of_anogenital_warts_is_not_17110() -> None:
    claim = code(
        [
            {
                "kind": "destruction_benign",
                "site": "genitalia",
                "count": 3,
                "finding": "anogenital_wart",
            }
        ]
    )
    assert not claim.lines
    assert "code_family" in errors(claim)


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (1, {"11200": 1}),
        (15, {"11200": 1}),
        (16, {"11200": 1, "11201": 1}),
        (25, {"11200": 1, "11201": 1}),
        (26, {"11200": 1, "11201": 2}),
        (28, {"11200": 1, "11201": 2}),
        (35, {"11200": 1, "11201": 2}),
        (36, {"11200": 1, "11201": 3}),
    ],
)
def test_skin_tag_counts(n: int, expected: dict[str, int]) -> None:
    claim = code(
        [
            {
                "kind": "skin_tag_removal",
                "site": "neck",
                "count": n,
                "finding": "skin_tag",
                "symptomatic": True,
            }
        ]
    )
    assert units(claim) == expected


@pytest.mark.parametrize(
    ("n", "expected"), [(1, "11900"), (7, "11900"), (8, "11901"), (20, "11901")]
)
def test_injection_lesion_counts(n: int, expected: str) -> None:
    claim = code(
        [{"kind": "intralesional_injection", "count": n, "finding": "keloid"}], payer="commercial"
    )
    assert units(claim) == {expected: 1}


@pytest.mark.parametrize(("mg", "expected"), [(10, 1), (5, 1), (40, 4), (41, 5), (25, 3)])
def test_triamcinolone_units_round_up_per_10_mg(mg: float, expected: int) -> None:
    claim = code(
        [
            {
                "kind": "intralesional_injection",
                "count": 2,
                "finding": "keloid",
                "drug": "triamcinolone_acetonide",
                "dose_mg": mg,
            }
        ],
        payer="commercial",
    )
    assert units(claim)["J3301"] == expected
    assert line(claim, "J3301").diagnoses == ("L91.0",)


def test_injection_without_dose_is_flagged() -> None:
    claim = code(
        [
            {
                "kind": "intralesional_injection",
                "count": 2,
                "finding": "keloid",
                "drug": "triamcinolone_acetonide",
            }
        ],
        payer="commercial",
    )
    assert "J3301" not in units(claim)
    assert "drug_units" in errors(claim)


def test_single_simple_abscess_is_10060() -> None:
    claim = code(
        [
            {
                "kind": "incision_drainage",
                "site": "buttock",
                "laterality": "left",
                "finding": "abscess",
            }
        ],
        payer="commercial",
    )
    assert units(claim) == {"10060": 1}
    assert line(claim, "10060").diagnoses == ("L02.31",)


def test_complicated_abscess_is_10061() -> None:
    claim = code(
        [
            {
                "kind": "incision_drainage",
                "site": "axilla",
                "laterality": "left",
                "finding": "abscess",
                "complicated": True,
            }
        ],
        payer="commercial",
    )
    assert units(claim) == {"10061": 1}
    assert line(claim, "10061").diagnoses == ("L02.412",)


@pytest.mark.parametrize(
    ("n", "expected"), [(1, "11720"), (5, "11720"), (6, "11721"), (10, "11721")]
)
def test_nail_debridement_counts(n: int, expected: str) -> None:
    claim = code(
        [
            {
                "kind": "nail_debridement",
                "site": "toe",
                "laterality": "left",
                "digit": 1,
                "count": n,
                "icd10": "B35.1",
            }
        ]
    )
    assert units(claim) == {expected: 1}


def test_nail_avulsions_first_and_each_additional_with_toe_modifiers() -> None:
    claim = code(
        [
            {
                "kind": "nail_avulsion",
                "site": "toe",
                "laterality": "right",
                "digit": 1,
                "finding": "ingrown_nail",
            },
            {
                "kind": "nail_avulsion",
                "site": "toe",
                "laterality": "left",
                "digit": 1,
                "finding": "ingrown_nail",
            },
            {
                "kind": "nail_avulsion",
                "site": "toe",
                "laterality": "left",
                "digit": 2,
                "finding": "ingrown_nail",
            },
        ]
    )
    assert units(claim) == {"11730": 1, "11732": 2}
    assert line(claim, "11730").modifiers == ("T5",)
    mods = {m for ln in claim.lines if ln.cpt == "11732" for m in ln.modifiers}
    assert mods == {"TA", "T1"}


def test_avulsion_of_the_same_nail_is_included_in_matrix_excision() -> None:
    claim = code(
        [
            {
                "kind": "nail_avulsion",
                "site": "toe",
                "laterality": "right",
                "digit": 1,
                "finding": "ingrown_nail",
            },
            {
                "kind": "nail_matrix_excision",
                "site": "toe",
                "laterality": "right",
                "digit": 1,
                "finding": "ingrown_nail",
            },
        ]
    )
    assert units(claim) == {"11750": 1}
    assert "11730" in {nb.cpt for nb in claim.not_billed}


@pytest.mark.parametrize(
    ("modality", "expected"), [("uvb", "96900"), ("uvb_with_topical", "96910"), ("puva", "96912")]
)
def test_phototherapy_modalities(modality: str, expected: str) -> None:
    claim = code([{"kind": "phototherapy", "modality": modality, "finding": "psoriasis"}])
    assert units(claim) == {expected: 1}


@pytest.mark.parametrize(
    ("area", "expected"),
    [(100, "96920"), (249.9, "96920"), (250, "96921"), (500, "96921"), (500.1, "96922")],
)
def test_excimer_areas(area: float, expected: str) -> None:
    claim = code([{"kind": "excimer_laser", "area_sq_cm": area, "finding": "psoriasis"}])
    assert units(claim) == {expected: 1}


def test_excimer_for_something_else_than_psoriasis_is_not_coded() -> None:
    claim = code([{"kind": "excimer_laser", "area_sq_cm": 100, "icd10": "L80"}])
    assert not claim.lines
    assert "diagnosis_support" in errors(claim)


def test_acne_surgery() -> None:
    claim = code([{"kind": "acne_surgery", "finding": "acne"}], payer="commercial")
    assert units(claim) == {"10040": 1}
    assert line(claim, "10040").diagnoses == ("L70.0",)
