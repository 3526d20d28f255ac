"""The visit as captured: what was done, where, how much, and why — the coding engine's input."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum


class Laterality(StrEnum):
    LEFT = "left"
    RIGHT = "right"


class Payer(StrEnum):
    MEDICARE = "medicare"
    MEDICAID = "medicaid"
    COMMERCIAL = "commercial"
    SELF_PAY = "self_pay"


class PatientStatus(StrEnum):
    NEW = "new"
    ESTABLISHED = "established"


class Abn(StrEnum):
    """Advance Beneficiary Notice status for a Medicare service that may not be covered."""

    NONE = "none"
    SIGNED = "signed"
    VOLUNTARY = "voluntary"


class RepairType(StrEnum):
    SIMPLE = "simple"
    INTERMEDIATE = "intermediate"
    COMPLEX = "complex"


class Modality(StrEnum):
    UVB = "uvb"
    UVB_WITH_TOPICAL = "uvb_with_topical"
    PUVA = "puva"


class Kind(StrEnum):
    BIOPSY_TANGENTIAL = "biopsy_tangential"
    BIOPSY_PUNCH = "biopsy_punch"
    BIOPSY_INCISIONAL = "biopsy_incisional"
    SHAVE_REMOVAL = "shave_removal"
    EXCISION_BENIGN = "excision_benign"
    EXCISION_MALIGNANT = "excision_malignant"
    REPAIR_SIMPLE = "repair_simple"
    REPAIR_INTERMEDIATE = "repair_intermediate"
    REPAIR_COMPLEX = "repair_complex"
    ADJACENT_TISSUE_TRANSFER = "adjacent_tissue_transfer"
    DESTRUCTION_PREMALIGNANT = "destruction_premalignant"
    DESTRUCTION_BENIGN = "destruction_benign"
    DESTRUCTION_MALIGNANT = "destruction_malignant"
    SKIN_TAG_REMOVAL = "skin_tag_removal"
    MOHS = "mohs"
    INTRALESIONAL_INJECTION = "intralesional_injection"
    INCISION_DRAINAGE = "incision_drainage"
    ACNE_SURGERY = "acne_surgery"
    PHOTOTHERAPY = "phototherapy"
    EXCIMER_LASER = "excimer_laser"
    NAIL_AVULSION = "nail_avulsion"
    NAIL_MATRIX_EXCISION = "nail_matrix_excision"
    NAIL_DEBRIDEMENT = "nail_debridement"
    # A post-operative visit inside a global period: reported as 99024 at no charge (pathology).
    POSTOP_VISIT = "postop_visit"

    # Added by issue 20: the rest of what a dermatology office bills every week.
    PHOTODYNAMIC_THERAPY = "photodynamic_therapy"
    SKIN_GRAFT = "skin_graft"
    DRUG_INJECTION = "drug_injection"
    KOH_PREP = "koh_prep"
    FUNGAL_CULTURE = "fungal_culture"
    DERMATOPATHOLOGY = "dermatopathology"
    PARING = "paring"
    NAIL_TRIMMING = "nail_trimming"
    CHEMICAL_CAUTERIZATION = "chemical_cauterization"
    FOREIGN_BODY_REMOVAL = "foreign_body_removal"
    DEBRIDEMENT = "debridement"
    HYPERHIDROSIS_CHEMODENERVATION = "hyperhidrosis_chemodenervation"
    VASCULAR_LASER = "vascular_laser"
    PATCH_TEST = "patch_test"
    CHEMICAL_PEEL = "chemical_peel"
    DERMABRASION = "dermabrasion"
    FILLER = "filler"
    NEUROTOXIN_COSMETIC = "neurotoxin_cosmetic"


class GlobalRelation(StrEnum):
    """How a service inside an earlier procedure's global period relates to that procedure (a
    person's statement; the engine infers it from the lesion when it is not given)."""

    STAGED = "staged"  # planned, more extensive, or therapy after a diagnostic procedure: 58
    COMPLICATION = "complication"  # unplanned return to the procedure room: 78
    UNRELATED = "unrelated"  # another problem: 79 on a procedure, 24 on an E/M


BIOPSY_KINDS = frozenset({Kind.BIOPSY_TANGENTIAL, Kind.BIOPSY_PUNCH, Kind.BIOPSY_INCISIONAL})
EXCISION_KINDS = frozenset({Kind.EXCISION_BENIGN, Kind.EXCISION_MALIGNANT})
REPAIR_KINDS = {
    Kind.REPAIR_SIMPLE: RepairType.SIMPLE,
    Kind.REPAIR_INTERMEDIATE: RepairType.INTERMEDIATE,
    Kind.REPAIR_COMPLEX: RepairType.COMPLEX,
}
NAIL_KINDS = frozenset({Kind.NAIL_AVULSION, Kind.NAIL_MATRIX_EXCISION, Kind.NAIL_DEBRIDEMENT})
# Services whose drug is billed on a line of its own (HCPCS J-code; CMS Pub. 100-04 ch. 17).
BILLED_DRUG_KINDS = frozenset(
    {
        Kind.INTRALESIONAL_INJECTION,
        Kind.DRUG_INJECTION,
        Kind.PHOTODYNAMIC_THERAPY,
        Kind.HYPERHIDROSIS_CHEMODENERVATION,
    }
)
# Services no insurer pays for: always self-pay at the practice's cash price, never on a claim.
COSMETIC_KINDS = frozenset(
    {Kind.CHEMICAL_PEEL, Kind.DERMABRASION, Kind.FILLER, Kind.NEUROTOXIN_COSMETIC}
)


@dataclass(frozen=True)
class Diagnosis:
    """A diagnosis as entered: an explicit ICD-10-CM code, or a finding the engine codes by site."""

    icd10: str | None = None
    finding: str | None = None
    site: str | None = None
    laterality: Laterality | None = None


@dataclass(frozen=True)
class Repair:
    """The repair of an excision's own wound, at the excision's site."""

    type: RepairType
    length_cm: Decimal


@dataclass(frozen=True)
class Procedure:
    kind: Kind
    site: str | None = None
    laterality: Laterality | None = None
    digit: int | None = None
    count: int | None = None
    lesion_cm: Decimal | None = None
    margin_cm: Decimal | None = None
    excised_cm: Decimal | None = None
    length_cm: Decimal | None = None
    defect_sq_cm: Decimal | None = None
    stages: tuple[int, ...] = ()
    drug: str | None = None
    dose_mg: Decimal | None = None
    complicated: bool = False
    modality: Modality | None = None
    area_sq_cm: Decimal | None = None
    # Issue 20 fields (coding-api.md as extended in README "Procedures added in 2026"):
    technique: str | None = None  # PDT who/how, graft split/full_thickness, dermabrasion extent
    # Excisions: cutaneous, subcutaneous or subfascial (soft tissue tumour codes, issue 20a);
    # debridement subcutaneous/muscle/bone; chemical peel epidermal/dermal (issue 20b).
    depth: str | None = None
    dose_units: Decimal | None = None  # a drug measured in units (botulinum toxin)
    wasted_mg: Decimal | None = None  # discarded from a single-dose container (JW line)
    wasted_units: Decimal | None = None
    container: str | None = None  # single_dose or multi_dose, where the drug comes in both
    volume_ml: Decimal | None = None  # filler volume
    stains: int | None = None  # special stains on a specimen (88312 units)
    antibodies: int | None = None  # immunohistochemistry antibodies on a specimen (88342/88341)
    component: str | None = None  # pathology: global, professional (26) or technical (TC)
    specimen_of: int | None = None  # index of the procedure that took the specimen
    prep_sq_cm: Decimal | None = None  # graft recipient-site preparation area (15002-15005)
    repair: Repair | None = None
    diagnosis: Diagnosis | None = None
    separate_lesion: bool = False
    symptomatic: bool | None = None
    cosmetic: bool = False
    abn: Abn | None = None
    path_pending: bool = False
    # dermcharge's extension (README "Lesions and history"): the lesion record it treated, its
    # short label, the lab's accession number, and its relation to an open global period.
    lesion_id: int | None = None
    lesion_label: str | None = None
    path_accession: str | None = None
    global_relation: GlobalRelation | None = None


@dataclass(frozen=True)
class EmService:
    """An office evaluation and management service billed with the procedures."""

    code: str
    separately_identifiable: bool = True
    diagnoses: tuple[Diagnosis, ...] = ()
    # The practitioner is the continuing focal point, or gives ongoing care for a serious or
    # complex condition (G2211); None: not recorded.
    longitudinal_care: bool | None = None
    global_relation: GlobalRelation | None = None  # only UNRELATED (24) is meaningful here


@dataclass(frozen=True)
class PriorProcedure:
    """A procedure from the patient's earlier visits, as services hand it to the core: enough to
    know whose global period is open and whether this visit treats the same lesion."""

    date_of_service: date
    cpt: str
    global_days: int | None = None  # None: the core looks it up in the CPT/MPFS tables
    site: str | None = None
    laterality: Laterality | None = None
    lesion_id: int | None = None
    diagnoses: tuple[str, ...] = ()
    modifiers: tuple[str, ...] = ()


@dataclass(frozen=True)
class ProfileOverrides:
    """Per-visit overrides of the payer profile (the contract's `payer_profile`)."""

    distinct_modifier: str | None = None
    append_51: bool | None = None
    laterality_modifiers: bool | None = None
    repeated_code: str | None = None  # "units", "distinct_modifier" or "repeat_76"
    small_benign_repair_bundle: bool | None = None  # NCCI R-EX-6 for a payer that follows NCCI
    pays_g2211: bool | None = None  # the payer pays the G2211 visit complexity add-on


@dataclass(frozen=True)
class Visit:
    date_of_service: date
    payer: Payer = Payer.COMMERCIAL
    patient_status: PatientStatus = PatientStatus.ESTABLISHED
    em: EmService | None = None
    procedures: tuple[Procedure, ...] = ()
    profile_overrides: ProfileOverrides = field(default_factory=ProfileOverrides)
    # ICD-10-CM codes a person put first on the claim (A, B, ...), in that order; the codes it
    # does not name follow in order of first use. Which condition is "chiefly responsible" for
    # the encounter is a clinical judgement the rules cannot make (ICD-10-CM guidelines IV.G).
    diagnosis_order: tuple[str, ...] = ()
    # The patient's earlier procedures (dermcharge's extension, filled by services from storage;
    # never stored with the visit itself).
    history: tuple[PriorProcedure, ...] = ()
