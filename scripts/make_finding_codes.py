"""Writes resources/data/finding_codes.json: each contract finding -> ICD-10-CM code by site axis.

Run once when the table changes; tests check every code it can emit is a billable FY2026 leaf.
The structure of C43/C44/D03/D04/D22/D23 by site follows ../shared/reference/coding-rules.md §14
(R-ICD-C44, R-ICD-MEL, R-ICD-D22) and the ICD-10-CM FY2026 tabular list.
"""

import json
from pathlib import Path

SIDE = {"right": 0, "left": 1}


def neoplasm(lip, eyelid, ear, nose, face, scalp_neck, anal, breast, trunk, upper, lower):
    """eyelid: {(side, lid): code}; ear/upper/lower: (right, left)."""
    return {
        "lip": lip,
        "eyelid_upper": {"right": eyelid[("right", "upper")], "left": eyelid[("left", "upper")]},
        "eyelid_lower": {"right": eyelid[("right", "lower")], "left": eyelid[("left", "lower")]},
        "ear": {"right": ear[0], "left": ear[1]},
        "nose": nose,
        "face": face,
        "scalp_neck": scalp_neck,
        "anal": anal,
        "breast": breast,
        "trunk": trunk,
        "upper_limb": {"right": upper[0], "left": upper[1]},
        "lower_limb": {"right": lower[0], "left": lower[1]},
        "genital": None,
    }


def c44(t):
    return neoplasm(
        f"C44.0{t}",
        {
            ("right", "upper"): f"C44.1{t}21",
            ("right", "lower"): f"C44.1{t}22",
            ("left", "upper"): f"C44.1{t}91",
            ("left", "lower"): f"C44.1{t}92",
        },
        (f"C44.2{t}2", f"C44.2{t}9"),
        f"C44.3{t}1",
        f"C44.3{t}9",
        f"C44.4{t}",
        f"C44.5{t}0",
        f"C44.5{t}1",
        f"C44.5{t}9",
        (f"C44.6{t}2", f"C44.6{t}9"),
        (f"C44.7{t}2", f"C44.7{t}9"),
    )


def in_situ_like(p, nose_code):
    """D03/D04/D22/D23 share one shape: .0 lip, .1xx eyelid, .2x ear, .3x face, .4 scalp/neck ..."""
    trunk = {
        "D03": ("D03.51", "D03.52", "D03.59"),
        "D04": ("D04.5", "D04.5", "D04.5"),
        "D22": ("D22.5", "D22.5", "D22.5"),
        "D23": ("D23.5", "D23.5", "D23.5"),
    }[p]
    return neoplasm(
        f"{p}.0",
        {
            ("right", "upper"): f"{p}.111",
            ("right", "lower"): f"{p}.112",
            ("left", "upper"): f"{p}.121",
            ("left", "lower"): f"{p}.122",
        },
        (f"{p}.21", f"{p}.22"),
        nose_code,
        f"{p}.39",
        f"{p}.4",
        trunk[0],
        trunk[1],
        trunk[2],
        (f"{p}.61", f"{p}.62"),
        (f"{p}.71", f"{p}.72"),
    )


melanoma = neoplasm(
    "C43.0",
    {
        ("right", "upper"): "C43.111",
        ("right", "lower"): "C43.112",
        ("left", "upper"): "C43.121",
        ("left", "lower"): "C43.122",
    },
    ("C43.21", "C43.22"),
    "C43.31",
    "C43.39",
    "C43.4",
    "C43.51",
    "C43.52",
    "C43.59",
    ("C43.61", "C43.62"),
    ("C43.71", "C43.72"),
)

abscess = {
    "face": "L02.01",
    "neck": "L02.11",
    "scalp": "L02.811",
    "abdomen": "L02.211",
    "back": "L02.212",
    "chest": "L02.213",
    "groin": "L02.214",
    "flank": "L02.217",
    "buttock": "L02.31",
    "axilla": {"right": "L02.411", "left": "L02.412"},
    "upper_limb": {"right": "L02.413", "left": "L02.414"},
    "lower_limb": {"right": "L02.415", "left": "L02.416"},
    "hand": {"right": "L02.511", "left": "L02.512"},
    "foot": {"right": "L02.611", "left": "L02.612"},
    "eyelid_upper": {"right": "H00.031", "left": "H00.034"},
    "eyelid_lower": {"right": "H00.032", "left": "H00.035"},
    "ear": {"right": "H60.01", "left": "H60.02"},
    "nose": "J34.0",
    "lip": "K13.0",
    "breast": "N61.1",
    "perianal": "K61.0",
    "genital": None,
}

lipoma = {
    "head_neck": "D17.0",
    "trunk": "D17.1",
    "upper_limb": {"right": "D17.21", "left": "D17.22"},
    "lower_limb": {"right": "D17.23", "left": "D17.24"},
    "genital": None,
}

findings = {
    "actinic_keratosis": {"code": "L57.0", "premalignant": True},
    "bcc": {"by": "icd_site", "codes": c44(1), "malignant": True},
    "scc": {"by": "icd_site", "codes": c44(2), "malignant": True},
    "scc_in_situ": {"by": "icd_site", "codes": in_situ_like("D04", "D04.39"), "malignant": True},
    "melanoma": {"by": "icd_site", "codes": melanoma, "malignant": True},
    "melanoma_in_situ": {
        "by": "icd_site",
        "codes": in_situ_like("D03", "D03.39"),
        "malignant": True,
    },
    "melanocytic_nevus": {"by": "icd_site", "codes": in_situ_like("D22", "D22.39")},
    "benign_neoplasm": {"by": "icd_site", "codes": in_situ_like("D23", "D23.39")},
    "seborrheic_keratosis": {"code": "L82.1"},
    "seborrheic_keratosis_inflamed": {"code": "L82.0"},
    "wart": {"code": "B07.8"},
    "plantar_wart": {"code": "B07.0"},
    "anogenital_wart": {"code": "A63.0"},
    "molluscum": {"code": "B08.1"},
    "skin_tag": {"code": "L91.8", "site_codes": {"perianal": "K64.4"}},
    "epidermal_cyst": {"code": "L72.0"},
    "pilar_cyst": {"code": "L72.11"},
    "keloid": {"code": "L91.0"},
    "lipoma": {"by": "lipoma_site", "codes": lipoma},
    "abscess": {"by": "abscess_site", "codes": abscess},
    "acne": {"code": "L70.0"},
    "rosacea": {"code": "L71.9"},
    "psoriasis": {"code": "L40.0"},
    "atopic_dermatitis": {"code": "L20.9"},
    "alopecia_areata": {"code": "L63.9"},
    "hidradenitis": {"code": "L73.2"},
    "ingrown_nail": {"code": "L60.0"},
    "neoplasm_uncertain_behavior": {"code": "D48.5"},
    "neoplasm_unspecified_behavior": {"code": "D49.2"},
}

# Unspecified-site codes, used only when a finding that needs a site is recorded without one
# (an E/M diagnosis, or a count-based procedure given no site); the checks flag them.
unspecified = {
    "bcc": "C44.91",
    "scc": "C44.92",
    "scc_in_situ": "D04.9",
    "melanoma": "C43.9",
    "melanoma_in_situ": "D03.9",
    "melanocytic_nevus": "D22.9",
    "benign_neoplasm": "D23.9",
    "lipoma": "D17.9",
    "abscess": "L02.91",
}
for f, code in unspecified.items():
    findings[f]["unspecified"] = code

doc = {
    "table": "finding_codes",
    "source": "ICD-10-CM FY2026 tabular list (CDC/CMS, public domain): C43, C44, D03, D04, D17, D22, D23, L02 and the single codes listed; structure per ../shared/reference/coding-rules.md §14 (R-ICD-C44, R-ICD-MEL, R-ICD-D22, R-ICD-WART, §14f defaults). Anal skin tags index to K64.4 (Tag, anus). Abscesses of eyelid, ear, nose, lip, breast and anal skin are excluded from L02 and indexed to H00.03-, H60.0-, J34.0, K13.0, N61.1 and K61.0.",
    "effective_from": "2025-10-01",
    "effective_to": "2026-09-30",
    "notes": "alopecia_areata: sources differ between L63.8 and L63.9 for patchy alopecia areata (coding-rules.md §14f); a finding that names only the condition takes L63.9. Genital-skin neoplasms and abscesses need the patient's sex: those sites map to null and the engine asks for an explicit code.",
    "findings": findings,
}
Path(__file__).resolve().parent.parent.joinpath("resources/data/finding_codes.json").write_text(
    json.dumps(doc, indent=1) + "\n", encoding="utf-8"
)
