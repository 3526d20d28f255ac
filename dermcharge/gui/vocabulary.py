"""The words the app shows for procedure kinds and findings (the contract's ids underneath)."""

from __future__ import annotations

from dermcharge.domain.visit import Kind

# The kinds a dermatology office does most, one click (or Alt+1 … Alt+8) away, in that order; the
# rest sit under "More".
COMMON_KINDS: tuple[tuple[Kind, str], ...] = (
    (Kind.DESTRUCTION_PREMALIGNANT, "AK destroy"),
    (Kind.BIOPSY_TANGENTIAL, "Tangential bx"),
    (Kind.BIOPSY_PUNCH, "Punch bx"),
    (Kind.SHAVE_REMOVAL, "Shave"),
    (Kind.DESTRUCTION_BENIGN, "Wart/SK destroy"),
    (Kind.EXCISION_MALIGNANT, "Excise malignant"),
    (Kind.EXCISION_BENIGN, "Excise benign"),
    (Kind.MOHS, "Mohs"),
)

KIND_LABELS: dict[Kind, str] = {
    Kind.BIOPSY_TANGENTIAL: "Tangential biopsy",
    Kind.BIOPSY_PUNCH: "Punch biopsy",
    Kind.BIOPSY_INCISIONAL: "Incisional biopsy",
    Kind.SHAVE_REMOVAL: "Shave removal",
    Kind.EXCISION_BENIGN: "Excision, benign",
    Kind.EXCISION_MALIGNANT: "Excision, malignant",
    Kind.REPAIR_SIMPLE: "Simple repair",
    Kind.REPAIR_INTERMEDIATE: "Intermediate repair",
    Kind.REPAIR_COMPLEX: "Complex repair",
    Kind.ADJACENT_TISSUE_TRANSFER: "Adjacent tissue transfer",
    Kind.DESTRUCTION_PREMALIGNANT: "AK destruction",
    Kind.DESTRUCTION_BENIGN: "Benign destruction (wart, SK, molluscum)",
    Kind.DESTRUCTION_MALIGNANT: "Malignant destruction (ED&C)",
    Kind.SKIN_TAG_REMOVAL: "Skin tag removal",
    Kind.MOHS: "Mohs surgery",
    Kind.INTRALESIONAL_INJECTION: "Intralesional injection",
    Kind.INCISION_DRAINAGE: "Incision and drainage",
    Kind.ACNE_SURGERY: "Acne surgery",
    Kind.PHOTOTHERAPY: "Phototherapy",
    Kind.EXCIMER_LASER: "Excimer laser",
    Kind.NAIL_AVULSION: "Nail avulsion",
    Kind.NAIL_MATRIX_EXCISION: "Nail matrix excision",
    Kind.NAIL_DEBRIDEMENT: "Nail debridement",
    Kind.PHOTODYNAMIC_THERAPY: "Photodynamic therapy (PDT)",
    Kind.SKIN_GRAFT: "Skin graft",
    Kind.DRUG_INJECTION: "Injection IM/SC (96372)",
    Kind.KOH_PREP: "KOH prep",
    Kind.FUNGAL_CULTURE: "Fungal culture",
    Kind.DERMATOPATHOLOGY: "Dermatopathology (88305)",
    Kind.PARING: "Paring of corns/calluses",
    Kind.NAIL_TRIMMING: "Nail trimming",
    Kind.CHEMICAL_CAUTERIZATION: "Chemical cauterization",
    Kind.FOREIGN_BODY_REMOVAL: "Foreign body removal",
    Kind.DEBRIDEMENT: "Wound debridement",
    Kind.HYPERHIDROSIS_CHEMODENERVATION: "Hyperhidrosis toxin",
    Kind.VASCULAR_LASER: "Vascular laser",
    Kind.PATCH_TEST: "Patch tests",
    Kind.CHEMICAL_PEEL: "Chemical peel (cosmetic, self-pay)",
    Kind.DERMABRASION: "Dermabrasion (cosmetic, self-pay)",
    Kind.FILLER: "Filler (cosmetic, self-pay)",
    Kind.NEUROTOXIN_COSMETIC: "Neurotoxin for lines (cosmetic, self-pay)",
}

# Dermatology favourites first (shown as one-click choices), then the rest of the contract's list.
FAVOURITE_FINDINGS: tuple[str, ...] = (
    "actinic_keratosis",
    "seborrheic_keratosis",
    "wart",
    "bcc",
    "scc",
    "melanocytic_nevus",
    "neoplasm_unspecified_behavior",
    "psoriasis",
)

FINDING_LABELS: dict[str, str] = {
    "actinic_keratosis": "actinic keratosis",
    "bcc": "basal cell carcinoma",
    "scc": "squamous cell carcinoma",
    "scc_in_situ": "SCC in situ",
    "melanoma": "melanoma",
    "melanoma_in_situ": "melanoma in situ",
    "melanocytic_nevus": "melanocytic nevus",
    "benign_neoplasm": "benign neoplasm (dermatofibroma, adnexal)",
    "seborrheic_keratosis": "seborrheic keratosis",
    "seborrheic_keratosis_inflamed": "inflamed seborrheic keratosis",
    "wart": "common wart",
    "plantar_wart": "plantar wart",
    "anogenital_wart": "anogenital wart",
    "molluscum": "molluscum contagiosum",
    "skin_tag": "skin tag",
    "epidermal_cyst": "epidermal cyst",
    "pilar_cyst": "pilar cyst",
    "keloid": "keloid",
    "lipoma": "lipoma",
    "abscess": "abscess",
    "acne": "acne vulgaris",
    "rosacea": "rosacea",
    "psoriasis": "psoriasis",
    "atopic_dermatitis": "atopic dermatitis",
    "alopecia_areata": "alopecia areata",
    "hidradenitis": "hidradenitis suppurativa",
    "ingrown_nail": "ingrown nail",
    "neoplasm_uncertain_behavior": "neoplasm, uncertain behaviour (D48.5)",
    "neoplasm_unspecified_behavior": "pathology pending (D49.2)",
}

# What clinicians type for the common ones.
FINDING_ABBREVIATIONS: dict[str, str] = {
    "ak": "actinic_keratosis",
    "sk": "seborrheic_keratosis",
    "isk": "seborrheic_keratosis_inflamed",
    "bcc": "bcc",
    "scc": "scc",
    "sccis": "scc_in_situ",
    "mm": "melanoma",
    "mis": "melanoma_in_situ",
    "nevus": "melanocytic_nevus",
    "ad": "atopic_dermatitis",
    "eczema": "atopic_dermatitis",
    "hs": "hidradenitis",
    "eic": "epidermal_cyst",
    "pending": "neoplasm_unspecified_behavior",
}


def finding_label(finding: str) -> str:
    return FINDING_LABELS.get(finding, finding.replace("_", " "))


def kind_label(kind: Kind) -> str:
    return KIND_LABELS.get(kind, kind.value.replace("_", " "))
