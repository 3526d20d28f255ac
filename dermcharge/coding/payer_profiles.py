"""Payer profiles: the payer-dependent coding choices (59 or XS, 51, anatomic and ABN modifiers)."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from functools import cache

from dermcharge.domain.visit import Payer, ProfileOverrides
from dermcharge.resource_files import resource_path


@dataclass(frozen=True)
class PayerProfile:
    payer: Payer
    label: str
    distinct_modifier: str  # "59" or "XS"
    append_51: bool
    laterality_modifiers: bool  # RT/LT and E1-E4 on skin-lesion codes
    digit_modifiers_on_nails: bool  # FA-F9 / TA-T9 on nail procedures
    abn_modifiers: bool  # GA/GZ/GY/GX (Medicare)
    ncci_small_benign_repair_bundle: bool  # R-EX-6: NCCI payers only
    sends_claim: bool
    # Issue 20a; defaults so profile rows written before them still load.
    repeated_code: str = "units"  # one code for separate lesions: coding/repeated_codes.py
    pays_g2211: bool = False  # the visit complexity add-on (coding/families/visit_complexity.py)


@cache
def _profiles() -> dict[Payer, PayerProfile]:
    raw = json.loads(resource_path("data", "payer_profiles.json").read_text(encoding="utf-8"))
    return {
        Payer(name): PayerProfile(payer=Payer(name), **fields)
        for name, fields in raw["profiles"].items()
    }


def profile_for(payer: Payer, overrides: ProfileOverrides | None = None) -> PayerProfile:
    profile = _profiles()[payer]
    if overrides is None:
        return profile
    if overrides.distinct_modifier is not None:
        profile = replace(profile, distinct_modifier=overrides.distinct_modifier)
    if overrides.append_51 is not None:
        profile = replace(profile, append_51=overrides.append_51)
    if overrides.laterality_modifiers is not None:
        profile = replace(profile, laterality_modifiers=overrides.laterality_modifiers)
    if overrides.repeated_code is not None:
        profile = replace(profile, repeated_code=overrides.repeated_code)
    if overrides.pays_g2211 is not None:
        profile = replace(profile, pays_g2211=overrides.pays_g2211)
    if overrides.small_benign_repair_bundle is not None:
        profile = replace(
            profile, ncci_small_benign_repair_bundle=overrides.small_benign_repair_bundle
        )
    return profile
