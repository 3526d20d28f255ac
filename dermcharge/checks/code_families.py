"""CPT/HCPCS code groups the checks reason about, by the CPT section that defines them.

Ranges follow the code structure in coding-rules.md §1–§10 (CPT as quoted by AAD/AAPC); a range may
name numbers CPT never issued (11304), which is harmless for membership tests.
"""

from __future__ import annotations


def code_span(first: int, last: int) -> frozenset[str]:
    return frozenset(str(n) for n in range(first, last + 1))


BIOPSY_PRIMARY = frozenset({"11102", "11104", "11106"})  # R-BX-1
BIOPSY = code_span(11102, 11107)
SHAVE = code_span(11300, 11313)  # R-SH-1
BENIGN_EXCISION = code_span(11400, 11446)  # R-EX-1 (11450–11471 hidradenitis kept apart)
HIDRADENITIS_EXCISION = code_span(11450, 11471)
MALIGNANT_EXCISION = code_span(11600, 11646)
EXCISION = BENIGN_EXCISION | HIDRADENITIS_EXCISION | MALIGNANT_EXCISION
SKIN_TAGS = frozenset({"11200", "11201"})  # R-ST-1
PREMALIGNANT_DESTRUCTION = frozenset({"17000", "17003", "17004"})  # R-DE-1
BENIGN_DESTRUCTION = frozenset({"17110", "17111"})  # R-DE-4
VASCULAR_DESTRUCTION = code_span(17106, 17108)
MALIGNANT_DESTRUCTION = code_span(17260, 17286)  # R-DE-6
MOHS = code_span(17311, 17315)  # R-MO-2
INJECTION = frozenset({"11900", "11901"})  # R-IL-1
# Administration codes a J-code drug can ride on: intralesional, or an IM/SC injection.
DRUG_ADMINISTRATION = INJECTION | frozenset({"96372"})
REPAIR = code_span(12001, 13160)  # R-RP-4
ADJACENT_TISSUE_TRANSFER = code_span(14000, 14350)  # R-ATT-1
EXCIMER = code_span(96920, 96922)  # R-PH-1 (2024: psoriasis only)
PHOTOTHERAPY = frozenset({"96900", "96910", "96912", "96913"})
NAIL = frozenset({"11720", "11721", "11730", "11732", "11750"})
EM_NEW = code_span(99202, 99205)  # R-EM-1
EM_ESTABLISHED = code_span(99211, 99215)
OFFICE_EM = EM_NEW | EM_ESTABLISHED

# Where a specimen for pathology comes from (R-BX-2: a specimen after a removal is not a biopsy).
TISSUE_REMOVAL = BIOPSY | SHAVE | EXCISION | MOHS
# Benign-lesion removals that Medicare LCDs cover only with a documented indication (R-COS-1).
BENIGN_REMOVAL = SHAVE | BENIGN_EXCISION | BENIGN_DESTRUCTION | SKIN_TAGS

# Services done for appearance (issue 20): chemical peels, dermabrasion, fillers. The engine puts
# them on the self-pay list; on a claim they are a cosmetic service billed to an insurer.
COSMETIC_ONLY = code_span(15780, 15783) | code_span(15788, 15793) | code_span(11950, 11954)

DISTINCT_SERVICE_MODIFIERS = frozenset({"59", "XE", "XS", "XP", "XU"})  # R-MOD-59
# NCCI-associated anatomic modifiers (R-MOD-59, R-MOD-ANAT): they too mark a separate site.
ANATOMIC_MODIFIERS = frozenset(
    {"LT", "RT", "E1", "E2", "E3", "E4", "FA", "TA"}
    | {f"F{i}" for i in range(1, 10)}
    | {f"T{i}" for i in range(1, 10)}
)
GLOBAL_PERIOD_MODIFIERS = frozenset({"24", "58", "78", "79"})  # R-MOD-58/78/79, R-EM-4
LIABILITY_MODIFIERS = frozenset({"GA", "GZ", "GY", "GX"})  # R-MOD-ABN


def is_drug(cpt: str) -> bool:
    """HCPCS level II J-codes are drugs (J3301 triamcinolone, per 10 mg)."""
    return cpt.startswith("J")


def is_procedure(cpt: str) -> bool:
    """A billed procedure: not an office E/M, not a drug, not a G-code add-on such as G2211."""
    return cpt not in OFFICE_EM and not is_drug(cpt) and not cpt.startswith("G")
