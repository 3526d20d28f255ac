"""Synthetic dermatology visits for the demo database, as contract JSON the engine then codes.

A day in a general dermatology clinic: AK freezing, biopsies, shave removals, an excision with
repair now and then, skin tags, warts, injections, and an E/M for a separate problem. Sizes are
whole millimetres so no excised diameter falls between two CPT brackets.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date
from typing import Any

from dermcharge.anatomy.sites import site_table
from dermcharge.domain.visit import Payer

FACE_SITES = ("forehead", "temple", "cheek", "nose", "ear", "scalp", "chin", "upper_lip")
TRUNK_SITES = ("chest", "upper_back", "mid_back", "lower_back", "abdomen", "shoulder", "flank")
LIMB_SITES = ("forearm", "upper_arm", "thigh", "lower_leg", "hand_dorsum", "knee")
FOLD_SITES = ("neck", "axilla", "groin")
EM_PROBLEMS = ("rosacea", "psoriasis", "atopic_dermatitis", "acne", "alopecia_areata")

Procedure = dict[str, Any]


def _at(rng: random.Random, sites: tuple[str, ...]) -> Procedure:
    site = rng.choice(sites)
    placed: Procedure = {"site": site}
    if site_table()[site].sides:
        placed["laterality"] = rng.choice(("left", "right"))
    return placed


def _ak_destruction(rng: random.Random) -> Procedure:
    return {
        "kind": "destruction_premalignant",
        **_at(rng, FACE_SITES),
        "count": rng.choice((1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 18)),
        "finding": "actinic_keratosis",
    }


def _biopsy(rng: random.Random) -> Procedure:
    kind = rng.choice(("biopsy_tangential", "biopsy_tangential", "biopsy_punch"))
    return {
        "kind": kind,
        **_at(rng, FACE_SITES + TRUNK_SITES + LIMB_SITES),
        "finding": "neoplasm_unspecified_behavior",
        "path_pending": True,
    }


def _shave(rng: random.Random) -> Procedure:
    return {
        "kind": "shave_removal",
        **_at(rng, TRUNK_SITES + LIMB_SITES),
        "lesion_cm": rng.choice((0.3, 0.4, 0.5, 0.6, 0.8, 1.0, 1.2)),
        "finding": rng.choice(("seborrheic_keratosis_inflamed", "melanocytic_nevus")),
    }


def _excision(rng: random.Random) -> Procedure:
    procedure: Procedure = {
        "kind": "excision_malignant",
        **_at(rng, TRUNK_SITES + LIMB_SITES),
        "lesion_cm": rng.choice((0.5, 0.6, 0.8, 1.0, 1.2)),
        "margin_cm": 0.4,
        "finding": rng.choice(("bcc", "bcc", "scc")),
    }
    if rng.random() < 0.8:
        procedure["repair"] = {"type": "intermediate", "length_cm": rng.choice((2, 2.5, 3, 3.5))}
    return procedure


def _skin_tags(rng: random.Random) -> Procedure:
    return {
        "kind": "skin_tag_removal",
        **_at(rng, FOLD_SITES),
        "count": rng.choice((2, 4, 6, 10, 15, 18)),
        "finding": "skin_tag",
    }


def _warts(rng: random.Random) -> Procedure:
    return {
        "kind": "destruction_benign",
        "site": "hand_dorsum",
        "laterality": rng.choice(("left", "right")),
        "count": rng.randrange(1, 6),
        "finding": "wart",
    }


def _injection(rng: random.Random) -> Procedure:
    return {
        "kind": "intralesional_injection",
        **_at(rng, ("chest", "upper_back", "shoulder")),
        "count": rng.randrange(1, 4),
        "finding": "keloid",
        "drug": "triamcinolone_acetonide",
        "dose_mg": rng.choice((10, 20, 40)),
    }


# (weight, maker): how often each procedure turns up in the demo clinic's day
PROCEDURE_MIX: tuple[tuple[int, Callable[[random.Random], Procedure]], ...] = (
    (30, _ak_destruction),
    (22, _biopsy),
    (14, _shave),
    (6, _excision),
    (10, _skin_tags),
    (10, _warts),
    (5, _injection),
)


def demo_visit_json(
    rng: random.Random, on: date, payer: Payer, *, new_patient: bool
) -> dict[str, Any]:
    """One visit as contract JSON: an E/M alone, procedures alone, or both."""
    weights = [weight for weight, _ in PROCEDURE_MIX]
    makers = [maker for _, maker in PROCEDURE_MIX]
    count = rng.choices((0, 1, 1, 2, 2, 3), k=1)[0]
    procedures = [rng.choices(makers, weights)[0](rng) for _ in range(count)]
    visit: dict[str, Any] = {
        "date_of_service": on.isoformat(),
        "payer": str(payer),
        "patient_status": "new" if new_patient else "established",
        "procedures": procedures,
    }
    if not procedures or rng.random() < 0.35:
        code = (
            rng.choice(("99203", "99204"))
            if new_patient
            else rng.choice(("99212", "99213", "99213", "99214"))
        )
        visit["em"] = {
            "code": code,
            "separately_identifiable": True,
            "diagnoses": [{"finding": rng.choice(EM_PROBLEMS)}],
        }
    return visit
