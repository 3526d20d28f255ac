"""Faults in today's kinds (issue 20 item 10): each rule firing and not firing at its edges."""

from __future__ import annotations

from typing import Any

import pytest

from dermcharge.domain.claim import CodedClaim, Severity
from tests.core.coding.engine_helpers import code, errors, line, units


def checks(claim: CodedClaim, severity: Severity | None = None) -> list[str]:
    return [f.check for f in claim.findings if severity is None or f.severity is severity]


# --- excimer: total area of the session ------------------------------------------------------


def excimer(*areas: float, finding: str = "psoriasis") -> list[dict[str, Any]]:
    return [{"kind": "excimer_laser", "area_sq_cm": a, "finding": finding} for a in areas]


@pytest.mark.parametrize(
    ("areas", "expected"),
    [
        ((120, 129), "96920"),  # 249 total
        ((125, 125), "96921"),  # 250 total: the lower edge of 96921
        ((200, 300), "96921"),  # 500 total: the upper edge of 96921
        ((200, 301), "96922"),  # 501 total
        ((249,), "96920"),
        ((100, 100, 100), "96921"),
    ],
)
def test_excimer_codes_the_total_area_of_the_session(
    areas: tuple[float, ...], expected: str
) -> None:
    claim = code(excimer(*areas))
    assert units(claim) == {expected: 1}


def test_excimer_for_vitiligo_is_left_out_and_not_added_to_the_psoriasis_area() -> None:
    claim = code(excimer(200) + excimer(100, finding="neoplasm_unspecified_behavior"))
    assert units(claim) == {"96920": 1}
    assert "diagnosis_support" in errors(claim)


# --- phototherapy: one session a day ---------------------------------------------------------


def test_phototherapy_entered_twice_is_one_session_with_a_warning() -> None:
    entry = {"kind": "phototherapy", "modality": "uvb", "finding": "psoriasis"}
    claim = code([entry, dict(entry)])
    assert units(claim) == {"96900": 1}
    assert "phototherapy_session" in checks(claim, Severity.WARNING)


def test_one_phototherapy_entry_raises_nothing() -> None:
    claim = code([{"kind": "phototherapy", "modality": "puva", "finding": "psoriasis"}])
    assert units(claim) == {"96912": 1}
    assert "phototherapy_session" not in checks(claim)


def test_two_modalities_on_one_day_are_an_error_not_two_sessions() -> None:
    claim = code(
        [
            {"kind": "phototherapy", "modality": "uvb", "finding": "psoriasis"},
            {"kind": "phototherapy", "modality": "puva", "finding": "psoriasis"},
        ]
    )
    assert not units(claim)
    assert "phototherapy_session" in errors(claim)


# --- cosmetic notice: GY and GX --------------------------------------------------------------


@pytest.mark.parametrize(
    ("abn", "wanted"),
    [("signed", {"GY", "GX"}), ("voluntary", {"GY", "GX"}), ("none", {"GY"}), (None, {"GY"})],
)
def test_a_notice_on_a_cosmetic_medicare_service_is_voluntary(
    abn: str | None, wanted: set[str]
) -> None:
    proc: dict[str, Any] = {"kind": "skin_tag_removal", "site": "neck", "count": 5,
                            "finding": "skin_tag", "cosmetic": True}  # fmt: skip
    if abn is not None:
        proc["abn"] = abn
    mods = set(line(code([proc]), "11200").modifiers)
    assert mods & {"GY", "GX", "GA", "GZ"} == wanted


def test_a_signed_abn_on_a_covered_removal_stays_ga() -> None:
    proc = {"kind": "skin_tag_removal", "site": "neck", "count": 5, "finding": "skin_tag",
            "abn": "signed"}  # fmt: skip
    assert "GA" in line(code([proc]), "11200").modifiers
    assert "GX" not in line(code([proc]), "11200").modifiers


# --- AKs entered as benign destruction -------------------------------------------------------


def test_aks_entered_as_benign_destruction_are_coded_premalignant() -> None:
    claim = code([{"kind": "destruction_benign", "count": 3, "finding": "actinic_keratosis"}])
    assert units(claim) == {"17000": 1, "17003": 2}
    assert "17110" not in units(claim)
    assert "code_family" in checks(claim, Severity.WARNING)


def test_aks_entered_as_benign_add_to_the_premalignant_count() -> None:
    claim = code(
        [
            {"kind": "destruction_premalignant", "count": 10, "finding": "actinic_keratosis"},
            {"kind": "destruction_benign", "count": 5, "finding": "actinic_keratosis"},
            {"kind": "destruction_benign", "count": 2, "finding": "wart"},
        ]
    )
    assert units(claim)["17004"] == 1  # 15 AKs
    assert units(claim)["17110"] == 1  # the warts alone
    assert not {"17000", "17003"} & set(units(claim))


def test_warts_entered_as_benign_destruction_stay_17110() -> None:
    claim = code([{"kind": "destruction_benign", "count": 3, "finding": "wart"}])
    assert units(claim) == {"17110": 1}
    assert "code_family" not in checks(claim)


# --- anogenital warts without a site ---------------------------------------------------------


def test_anogenital_warts_with_no_site_are_an_error() -> None:
    claim = code([{"kind": "destruction_benign", "count": 4, "finding": "anogenital_wart"}])
    assert "17110" not in units(claim)
    assert "code_family" in errors(claim)


def test_anogenital_warts_off_the_genital_skin_keep_17110() -> None:
    proc = {"kind": "destruction_benign", "site": "thigh", "laterality": "left", "count": 4,
            "finding": "anogenital_wart"}  # fmt: skip
    claim = code([proc])
    assert units(claim) == {"17110": 1}
    assert "code_family" not in errors(claim)


def test_common_warts_with_no_site_keep_17110() -> None:
    claim = code([{"kind": "destruction_benign", "count": 4, "finding": "wart"}])
    assert units(claim) == {"17110": 1}
    assert not errors(claim)


# --- skin tag linked to a wart ---------------------------------------------------------------


@pytest.mark.parametrize("finding", ["wart", "plantar_wart"])
def test_skin_tag_removal_linked_to_a_wart_is_flagged(finding: str) -> None:
    site = {"site": "sole", "laterality": "left"} if finding == "plantar_wart" else {"site": "neck"}
    claim = code([{"kind": "skin_tag_removal", "count": 3, "finding": finding,
                   "symptomatic": True, **site}])  # fmt: skip
    assert "diagnosis_support" in errors(claim)


def test_skin_tag_removal_of_skin_tags_is_not_flagged() -> None:
    claim = code([{"kind": "skin_tag_removal", "site": "neck", "count": 3, "finding": "skin_tag",
                   "symptomatic": True}])  # fmt: skip
    assert "diagnosis_support" not in checks(claim)


# --- small benign excision repair bundle: NCCI payers only -----------------------------------


def small_benign_with_intermediate() -> list[dict[str, Any]]:
    return [{"kind": "excision_benign", "site": "upper_back", "excised_cm": 0.5,
             "finding": "melanocytic_nevus", "symptomatic": True,
             "repair": {"type": "intermediate", "length_cm": 2.0}}]  # fmt: skip


@pytest.mark.parametrize(("payer", "repair_billed"), [("medicare", False), ("medicaid", False),
                                                      ("commercial", True)])  # fmt: skip
def test_small_benign_repair_bundle_follows_the_payer(payer: str, repair_billed: bool) -> None:
    claim = code(small_benign_with_intermediate(), payer=payer)
    assert ("12031" in units(claim)) is repair_billed


def test_a_commercial_payer_that_follows_ncci_can_turn_the_bundle_on() -> None:
    claim = code(small_benign_with_intermediate(), payer="commercial",
                 payer_profile={"small_benign_repair_bundle": True})  # fmt: skip
    assert "12031" not in units(claim)


def test_the_bundle_stops_at_0_5_cm() -> None:
    procs = small_benign_with_intermediate()
    procs[0]["excised_cm"] = 0.6
    assert "12031" in units(code(procs, payer="medicare"))
