"""Finding + site + side -> ICD-10-CM: every combination is a billable FY2026 code (or asks)."""

from __future__ import annotations

import pytest

from dermcharge.anatomy.sites import site_table
from dermcharge.codesets.icd10.package_catalog import PackageCatalog
from dermcharge.coding.diagnoses import code_for_finding, known_findings

CATALOG = PackageCatalog()
SITES = sorted(site_table().sites)


@pytest.mark.parametrize("finding", sorted(known_findings()))
def test_every_finding_at_every_site_and_side_is_billable_or_asks(finding: str) -> None:
    for site_id in SITES:
        sides = ["left", "right"] if site_table()[site_id].sides else [None]
        for side in sides:
            result = code_for_finding(finding, site_id, side)
            if result.code is None:
                assert site_id == "genitalia", (finding, site_id)
                assert "explicitly" in result.problem
            else:
                assert CATALOG.is_billable(result.code), (finding, site_id, side, result.code)


@pytest.mark.parametrize(
    ("finding", "site", "side", "expected"),
    [
        ("bcc", "nasal_tip", None, "C44.311"),
        ("bcc", "cheek", "right", "C44.319"),
        ("bcc", "upper_eyelid", "right", "C44.1121"),
        ("bcc", "lower_eyelid", "left", "C44.1192"),
        ("scc", "upper_eyelid", "right", "C44.1221"),
        ("bcc", "ear", "right", "C44.212"),
        ("scc", "ear", "left", "C44.229"),
        ("bcc", "chest", None, "C44.519"),
        ("bcc", "breast", "left", "C44.511"),
        ("bcc", "perianal", None, "C44.510"),
        ("bcc", "upper_arm", "right", "C44.612"),
        ("bcc", "shoulder", "left", "C44.619"),
        ("scc", "thigh", "left", "C44.729"),
        ("bcc", "scalp", None, "C44.41"),
        ("scc", "neck", None, "C44.42"),
        ("bcc", "upper_lip", None, "C44.01"),
        ("melanoma", "thigh", "right", "C43.71"),
        ("melanoma", "nose", None, "C43.31"),
        ("melanoma", "lower_eyelid", "left", "C43.122"),
        ("melanoma_in_situ", "lower_leg", "right", "D03.71"),
        ("melanoma_in_situ", "nose", None, "D03.39"),
        ("scc_in_situ", "forearm", "right", "D04.61"),
        ("scc_in_situ", "mid_back", None, "D04.5"),
        ("melanocytic_nevus", "cheek", "left", "D22.39"),
        ("melanocytic_nevus", "upper_eyelid", "left", "D22.121"),
        ("benign_neoplasm", "thigh", "left", "D23.72"),
        ("lipoma", "forearm", "left", "D17.22"),
        ("lipoma", "mid_back", None, "D17.1"),
        ("abscess", "axilla", "right", "L02.411"),
        ("abscess", "buttock", "left", "L02.31"),
        ("abscess", "toe", "right", "L02.611"),
        ("abscess", "nose", None, "J34.0"),
        ("skin_tag", "neck", None, "L91.8"),
        ("skin_tag", "perianal", None, "K64.4"),
        ("wart", "hand_dorsum", "left", "B07.8"),
        ("plantar_wart", "sole", "left", "B07.0"),
        ("acne", "cheek", "left", "L70.0"),
        ("psoriasis", "elbow", "left", "L40.0"),
        ("actinic_keratosis", "scalp", None, "L57.0"),
    ],
)
def test_specific_codes(finding: str, site: str, side: str | None, expected: str) -> None:
    assert code_for_finding(finding, site, side).code == expected


def test_site_dependent_finding_without_a_site_uses_the_unspecified_code() -> None:
    result = code_for_finding("bcc", None, None)
    assert (result.code, result.unspecified_site) == ("C44.91", True)
