"""What each procedure kind asks for and requires, defined once (the contract's kinds table).

The contract parser (`coding/visit_json.py`), the capture flow (`services/capture_flow.py`,
`services/procedure_needs.py`) and the procedure panel's fields all read `KIND_SPECS`; a new
kind is one `Kind` member in `domain/visit.py` plus one `KindSpec` entry here (a test holds
every kind to having one). The office E/M codes are listed here once too.
Source: ../shared/contract/coding-api.md, "procedures[]" and its kinds table.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from dermcharge.domain.visit import Kind, PatientStatus


class Need(StrEnum):
    """One thing a kind asks for; the value is the contract's field name."""

    SITE = "site"
    COUNT = "count"
    LESION = "lesion_cm"
    MARGIN = "margin_cm"
    EXCISED = "excised_cm"  # an excision's measured excised diameter instead of lesion + margin
    LENGTH = "length_cm"
    DEFECT = "defect_sq_cm"
    STAGES = "stages"
    MODALITY = "modality"
    AREA = "area_sq_cm"
    REPAIR = "repair"  # optional nested repair of an excision's wound
    DRUG = "drug"  # with its optional dose_mg
    COMPLICATED = "complicated"
    # Issue 20 kinds (their values and checks: coding/procedure_fields.py)
    TECHNIQUE = "technique"  # PDT who/how, graft split/full thickness, dermabrasion extent
    DEPTH = "depth"  # debridement level, peel depth
    DOSE_MG = "dose_mg"  # a drug dosed in mg (steroids); the intralesional dose stays optional
    DOSE_UNITS = "dose_units"  # a drug dosed in units (botulinum toxins)
    VOLUME = "volume_ml"  # filler


@dataclass(frozen=True)
class KindSpec:
    """What one kind asks for (`asks`) and which of those must be given (`requires`).

    `digit`: a nail kind, done on a finger or a toe, which needs the digit (1-5).
    `own_diagnosis`: False for a wound closure, which takes the diagnosis of the wound it closes,
    and for a post-operative visit, which takes the diagnosis of the procedure it follows.
    """

    asks: frozenset[Need]
    requires: frozenset[Need] = frozenset()
    digit: bool = False
    own_diagnosis: bool = True

    @property
    def site_required(self) -> bool:
        return Need.SITE in self.requires


def _spec(
    *asks: Need, optional: tuple[Need, ...] = (), digit: bool = False, own_diagnosis: bool = True
) -> KindSpec:
    """A spec whose `asks` are all required except `optional` ones (asked, not required)."""
    return KindSpec(frozenset(asks) | frozenset(optional), frozenset(asks), digit, own_diagnosis)


_SITE, _COUNT = Need.SITE, Need.COUNT
_EXCISION = _spec(_SITE, optional=(Need.LESION, Need.MARGIN, Need.EXCISED, Need.REPAIR))
_REPAIR = _spec(_SITE, Need.LENGTH, own_diagnosis=False)

KIND_SPECS: dict[Kind, KindSpec] = {
    Kind.BIOPSY_TANGENTIAL: _spec(_SITE),
    Kind.BIOPSY_PUNCH: _spec(_SITE),
    Kind.BIOPSY_INCISIONAL: _spec(_SITE),
    Kind.SHAVE_REMOVAL: _spec(_SITE, Need.LESION),
    # lesion_cm with margin_cm, or excised_cm: the parser and the panel check the pair
    Kind.EXCISION_BENIGN: _EXCISION,
    Kind.EXCISION_MALIGNANT: _EXCISION,
    Kind.REPAIR_SIMPLE: _REPAIR,
    Kind.REPAIR_INTERMEDIATE: _REPAIR,
    Kind.REPAIR_COMPLEX: _REPAIR,
    Kind.ADJACENT_TISSUE_TRANSFER: _spec(_SITE, Need.DEFECT, own_diagnosis=False),
    Kind.DESTRUCTION_PREMALIGNANT: _spec(_COUNT, optional=(_SITE,)),
    Kind.DESTRUCTION_BENIGN: _spec(_COUNT, optional=(_SITE,)),
    Kind.DESTRUCTION_MALIGNANT: _spec(_SITE, Need.LESION),
    Kind.SKIN_TAG_REMOVAL: _spec(_COUNT, optional=(_SITE,)),
    Kind.MOHS: _spec(_SITE, Need.STAGES),
    Kind.INTRALESIONAL_INJECTION: _spec(_COUNT, optional=(_SITE, Need.DRUG)),
    Kind.INCISION_DRAINAGE: _spec(_SITE, optional=(Need.COMPLICATED,)),
    Kind.ACNE_SURGERY: _spec(optional=(_SITE,)),
    Kind.PHOTOTHERAPY: _spec(Need.MODALITY, optional=(_SITE,)),
    Kind.EXCIMER_LASER: _spec(Need.AREA, optional=(_SITE,)),
    Kind.NAIL_AVULSION: _spec(_SITE, digit=True),
    Kind.NAIL_MATRIX_EXCISION: _spec(_SITE, digit=True),
    Kind.NAIL_DEBRIDEMENT: _spec(_SITE, _COUNT, digit=True),
    # A post-operative visit in a global period (99024, no charge): where, when it is known.
    Kind.POSTOP_VISIT: _spec(optional=(_SITE,), own_diagnosis=False),
    # Issue 20 (README "Procedures added in 2026"). An optional count (injections, specimens)
    # is read by coding/procedure_fields.py so the panel does not demand it.
    Kind.PHOTODYNAMIC_THERAPY: _spec(Need.TECHNIQUE, optional=(_SITE, Need.DRUG)),
    Kind.SKIN_GRAFT: _spec(_SITE, Need.TECHNIQUE, Need.AREA, own_diagnosis=False),
    Kind.DRUG_INJECTION: _spec(Need.DRUG, Need.DOSE_MG, optional=(_SITE,)),
    Kind.KOH_PREP: _spec(optional=(_SITE,)),
    Kind.FUNGAL_CULTURE: _spec(optional=(_SITE,)),
    Kind.DERMATOPATHOLOGY: _spec(optional=(_SITE,)),
    Kind.PARING: _spec(_COUNT, optional=(_SITE,)),
    Kind.NAIL_TRIMMING: _spec(optional=(_SITE,)),
    Kind.CHEMICAL_CAUTERIZATION: _spec(_SITE),
    Kind.FOREIGN_BODY_REMOVAL: _spec(_SITE, optional=(Need.COMPLICATED,)),
    Kind.DEBRIDEMENT: _spec(_SITE, Need.DEPTH, Need.AREA),
    Kind.HYPERHIDROSIS_CHEMODENERVATION: _spec(_SITE, Need.DRUG, Need.DOSE_UNITS),
    Kind.VASCULAR_LASER: _spec(Need.AREA, optional=(_SITE,)),
    Kind.PATCH_TEST: _spec(_COUNT, optional=(_SITE,)),
    Kind.CHEMICAL_PEEL: _spec(_SITE, Need.DEPTH),
    Kind.DERMABRASION: _spec(Need.TECHNIQUE, optional=(_SITE,)),
    Kind.FILLER: _spec(Need.VOLUME, optional=(_SITE,)),
    Kind.NEUROTOXIN_COSMETIC: _spec(Need.DRUG, Need.DOSE_UNITS, optional=(_SITE,)),
}


def kind_spec(kind: Kind) -> KindSpec:
    return KIND_SPECS[kind]


# Office E/M codes by patient status (CPT 99202-99205 new, 99211-99215 established).
EM_CODES_BY_STATUS: dict[PatientStatus, tuple[str, ...]] = {
    PatientStatus.NEW: ("99202", "99203", "99204", "99205"),
    PatientStatus.ESTABLISHED: ("99211", "99212", "99213", "99214", "99215"),
}
EM_CODES = frozenset(code for codes in EM_CODES_BY_STATUS.values() for code in codes)
