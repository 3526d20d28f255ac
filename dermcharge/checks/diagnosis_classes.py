"""What an ICD-10-CM code says about a lesion, as far as the claim checks need to know.

Sources: ICD-10-CM tabular chapter 2 block structure (C00–C96 malignant, D00–D09 in situ,
D10–D36 benign, D37–D48 uncertain behaviour, D49 unspecified behaviour; the D37–D48 note on
histologic uncertainty, coding-rules.md R-ICD-PEND); coding-rules.md §14e/§15 (R-COS-2 lesions
that usually signal cosmetic removal; L57.0 actinic keratosis; L40 psoriasis).
"""

from __future__ import annotations

import re
from enum import StrEnum


class Behaviour(StrEnum):
    MALIGNANT = "malignant"  # C00–C96 and in situ D00–D09: the malignant-lesion codes apply
    UNCERTAIN = "uncertain"  # D37–D48 (pathology uncertain) and D49 (not yet known)
    OTHER = "other"  # benign neoplasms, inflammatory and other skin disease, history codes


def behaviour(code: str) -> Behaviour:
    letter, number = code[:1].upper(), _category_number(code)
    if letter == "C" or (letter == "D" and number is not None and number <= 9):
        return Behaviour.MALIGNANT
    if letter == "D" and number is not None and 37 <= number <= 49:
        return Behaviour.UNCERTAIN
    return Behaviour.OTHER


def _category_number(code: str) -> int | None:
    digits = code[1:3]
    return int(digits) if digits.isdigit() else None


def category(code: str) -> str:
    return code.upper().split(".")[0]


# R-COS-2: benign lesions whose removal Medicare LCDs treat as cosmetic unless an indication is
# documented (non-inflamed SK, skin tags, nevi, other benign skin neoplasms, follicular cysts).
_COSMETIC_SIGNAL_EXACT = frozenset({"L82.1", "L91.8"})
_COSMETIC_SIGNAL_CATEGORIES = frozenset({"D22", "D23", "L72"})


def signals_cosmetic(code: str) -> bool:
    code = code.upper()
    return code in _COSMETIC_SIGNAL_EXACT or category(code) in _COSMETIC_SIGNAL_CATEGORIES


PREMALIGNANT = frozenset({"L57.0"})  # actinic keratosis, the lesion 17000–17004 destroy (R-DE-1)


def is_premalignant(code: str) -> bool:
    return code.upper() in PREMALIGNANT


def is_psoriasis(code: str) -> bool:
    """L40.x: the only diagnoses the 2024 excimer codes 96920–96922 describe (R-PH-1)."""
    return category(code) == "L40"


# Diagnoses made on sight that a skin biopsy does not serve: acne vulgaris and its forms (the
# classic denial: 11102 linked to L70.0), and the cosmetic-encounter code.
_NO_BIOPSY_CATEGORIES = frozenset({"L70"})
_NO_BIOPSY_EXACT = frozenset({"Z41.1"})


def calls_for_no_biopsy(code: str) -> bool:
    code = code.upper()
    return code in _NO_BIOPSY_EXACT or category(code) in _NO_BIOPSY_CATEGORIES


# Families with a site (and side) axis: their unspecified-site codes have a specific sibling.
SITED_CATEGORIES = frozenset({"C43", "C44", "C4A", "D03", "D04", "D17", "D22", "D23", "L02", "L03"})
_UNSPECIFIED_PLACE = re.compile(
    r"\bunspecified (eyelid|ear|upper limb|lower limb|limb|part of (face|limb)|side|site|sites)\b"
    r"|, unspecified$",
    re.IGNORECASE,
)
_SIDE = re.compile(r"\b(right|left)\b", re.IGNORECASE)


def unspecified_place(code: str, description: str) -> bool:
    """True for a sited code that leaves the body site or the side unspecified (C44.90, D22.60)."""
    return category(code) in SITED_CATEGORIES and bool(_UNSPECIFIED_PLACE.search(description))


def side_named(description: str) -> str | None:
    """ "right"/"left" when the code's description names a side."""
    sides = {m.lower() for m in _SIDE.findall(description)}
    return sides.pop() if len(sides) == 1 else None
