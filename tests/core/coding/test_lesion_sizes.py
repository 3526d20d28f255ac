"""Shave, excision and malignant destruction: every site group and every bracket boundary."""

from __future__ import annotations

import pytest

from tests.core.coding.engine_helpers import code, errors, line, units

# One site from each excision site group (R-EX-1), with the series base codes.
GROUPS = {
    "A": {"site": "thigh", "laterality": "left"},
    "B": {"site": "scalp"},
    "C": {"site": "nose"},
}
EXCISION_BASE = {
    "excision_benign": {"A": 11400, "B": 11420, "C": 11440},
    "excision_malignant": {"A": 11600, "B": 11620, "C": 11640},
}
DESTRUCTION_BASE = {"A": 17260, "B": 17270, "C": 17280}
SHAVE_BASE = {"A": 11300, "B": 11305, "C": 11310}
# Six brackets (R-EX-3): size in cm -> last digit.
SIX = [
    (0.5, 0),
    (0.6, 1),
    (1.0, 1),
    (1.1, 2),
    (2.0, 2),
    (2.1, 3),
    (3.0, 3),
    (3.1, 4),
    (4.0, 4),
    (4.1, 6),
    (9.0, 6),
]
SHAVE = [(0.1, 0), (0.5, 0), (0.6, 1), (1.0, 1), (1.1, 2), (2.0, 2), (2.1, 3), (3.5, 3)]


@pytest.mark.parametrize("group", "ABC")
@pytest.mark.parametrize("kind", ["excision_benign", "excision_malignant"])
@pytest.mark.parametrize(("size", "digit"), SIX)
def test_excision_bracket_by_excised_diameter(
    kind: str, group: str, size: float, digit: int
) -> None:
    claim = code([{"kind": kind, **GROUPS[group], "excised_cm": size, "finding": "bcc"}])
    assert units(claim) == {str(EXCISION_BASE[kind][group] + digit): 1}


@pytest.mark.parametrize(
    ("lesion", "margin", "expected"),
    [
        (1.0, 0.2, "11602"),  # 1.4 cm (AAPC worked example R-EX-2)
        (2.5, 1.5, "11606"),  # 5.5 cm
        (0.3, 0.1, "11600"),  # 0.5 cm exactly
        (0.2, 0.2, "11601"),  # 0.6 cm
        (0.2, 0.4, "11601"),  # 1.0 cm: decimal arithmetic, not 1.0000000000000002
        (0.5, 0.3, "11602"),  # 1.1 cm
        (2.0, 1.0, "11604"),  # 4.0 cm
    ],
)
def test_excised_diameter_is_lesion_plus_twice_the_margin(
    lesion: float, margin: float, expected: str
) -> None:
    claim = code(
        [
            {
                "kind": "excision_malignant",
                "site": "mid_back",
                "lesion_cm": lesion,
                "margin_cm": margin,
                "finding": "bcc",
            }
        ]
    )
    assert units(claim) == {expected: 1}


@pytest.mark.parametrize("size", [0.55, 1.05, 2.05, 3.05])
def test_excised_diameter_in_a_bracket_gap_is_an_error_not_a_guess(size: float) -> None:
    claim = code(
        [
            {
                "kind": "excision_benign",
                "site": "mid_back",
                "excised_cm": size,
                "finding": "benign_neoplasm",
            }
        ]
    )
    assert not claim.lines
    assert "size_gap" in errors(claim)


def test_above_the_last_closed_bracket_is_not_a_gap() -> None:
    claim = code(
        [
            {
                "kind": "excision_benign",
                "site": "mid_back",
                "excised_cm": 4.05,
                "finding": "benign_neoplasm",
            }
        ]
    )
    assert units(claim) == {"11406": 1}


@pytest.mark.parametrize("group", "ABC")
@pytest.mark.parametrize(("size", "digit"), SHAVE)
def test_shave_removal_uses_lesion_diameter_only(group: str, size: float, digit: int) -> None:
    claim = code(
        [
            {
                "kind": "shave_removal",
                **GROUPS[group],
                "lesion_cm": size,
                "finding": "melanocytic_nevus",
                "symptomatic": True,
            }
        ]
    )
    assert units(claim) == {str(SHAVE_BASE[group] + digit): 1}


@pytest.mark.parametrize("group", "ABC")
@pytest.mark.parametrize(("size", "digit"), SIX)
def test_malignant_destruction_brackets(group: str, size: float, digit: int) -> None:
    claim = code(
        [{"kind": "destruction_malignant", **GROUPS[group], "lesion_cm": size, "finding": "bcc"}]
    )
    assert units(claim) == {str(DESTRUCTION_BASE[group] + digit): 1}


@pytest.mark.parametrize(
    ("site", "extra", "group"),
    [
        ("scalp", {}, "B"),
        ("neck", {}, "B"),
        ("hand_dorsum", {"laterality": "left"}, "B"),
        ("palm", {"laterality": "right"}, "B"),
        ("finger", {"laterality": "left", "digit": 2}, "B"),
        ("foot_dorsum", {"laterality": "left"}, "B"),
        ("sole", {"laterality": "right"}, "B"),
        ("genitalia", {}, "B"),
        ("forehead", {}, "C"),
        ("ear", {"laterality": "left"}, "C"),
        ("upper_eyelid", {"laterality": "right"}, "C"),
        ("upper_lip", {}, "C"),
        ("cheek", {"laterality": "right"}, "C"),
        ("chest", {}, "A"),
        ("upper_arm", {"laterality": "left"}, "A"),
        ("lower_leg", {"laterality": "right"}, "A"),
        ("axilla", {"laterality": "left"}, "A"),
        ("shoulder", {"laterality": "left"}, "A"),
        ("perianal", {}, "A"),
    ],
)
def test_every_site_maps_to_its_excision_group(
    site: str, extra: dict[str, object], group: str
) -> None:
    claim = code(
        [
            {
                "kind": "excision_malignant",
                "site": site,
                **extra,
                "excised_cm": 0.5,
                "icd10": "C44.91",
            }
        ]
    )
    assert units(claim) == {str(EXCISION_BASE["excision_malignant"][group]): 1}


def test_two_excisions_are_never_added_together() -> None:
    claim = code(
        [
            {"kind": "excision_benign", "site": "mid_back", "excised_cm": 1.0, "finding": "lipoma"},
            {"kind": "excision_benign", "site": "chest", "excised_cm": 1.0, "finding": "lipoma"},
        ],
        payer="commercial",
    )
    assert units(claim) == {"11401": 2}
    assert line(claim, "11401").diagnoses == ("D17.1",)
