"""What each procedure kind needs entered before it can be coded, and the problems when it lacks it.

The needs follow the kinds table of the headless contract (shared/contract/coding-api.md); the
messages name the field as the contract does so the GUI and `dermcharge code` read alike.
"""

from __future__ import annotations

from enum import StrEnum

from dermcharge.anatomy.sites import site_table
from dermcharge.coding.procedure_fields import added_problems
from dermcharge.domain.visit import (
    BIOPSY_KINDS,
    EXCISION_KINDS,
    NAIL_KINDS,
    REPAIR_KINDS,
    Kind,
    Procedure,
)


class Need(StrEnum):
    """One thing the procedure panel asks for."""

    SITE = "site"
    COUNT = "count"
    LESION = "lesion_cm"
    MARGIN = "margin_cm"
    LENGTH = "length_cm"
    DEFECT = "defect_sq_cm"
    STAGES = "stages"
    MODALITY = "modality"
    AREA = "area_sq_cm"
    REPAIR = "repair"  # optional nested repair of an excision's wound
    DRUG = "drug"
    COMPLICATED = "complicated"
    TECHNIQUE = "technique"  # issue 20: PDT who/how, graft type, dermabrasion extent
    DEPTH = "depth"  # debridement level, peel depth
    DOSE = "dose"  # dose_mg or dose_units, by the drug's measure
    VOLUME = "volume_ml"


_SITE_ONLY = frozenset({Need.SITE})
_EXCISION = frozenset({Need.SITE, Need.LESION, Need.MARGIN, Need.REPAIR})

NEEDS: dict[Kind, frozenset[Need]] = {
    **{kind: _SITE_ONLY for kind in BIOPSY_KINDS},
    Kind.SHAVE_REMOVAL: frozenset({Need.SITE, Need.LESION}),
    **{kind: _EXCISION for kind in EXCISION_KINDS},
    **{kind: frozenset({Need.SITE, Need.LENGTH}) for kind in REPAIR_KINDS},
    Kind.ADJACENT_TISSUE_TRANSFER: frozenset({Need.SITE, Need.DEFECT}),
    Kind.DESTRUCTION_PREMALIGNANT: frozenset({Need.COUNT}),
    Kind.DESTRUCTION_BENIGN: frozenset({Need.COUNT}),
    Kind.DESTRUCTION_MALIGNANT: frozenset({Need.SITE, Need.LESION}),
    Kind.SKIN_TAG_REMOVAL: frozenset({Need.COUNT}),
    Kind.MOHS: frozenset({Need.SITE, Need.STAGES}),
    Kind.INTRALESIONAL_INJECTION: frozenset({Need.COUNT, Need.DRUG}),
    Kind.INCISION_DRAINAGE: frozenset({Need.SITE, Need.COMPLICATED}),
    Kind.ACNE_SURGERY: frozenset(),
    Kind.PHOTOTHERAPY: frozenset({Need.MODALITY}),
    Kind.EXCIMER_LASER: frozenset({Need.AREA}),
    Kind.NAIL_AVULSION: _SITE_ONLY,
    Kind.NAIL_MATRIX_EXCISION: _SITE_ONLY,
    Kind.NAIL_DEBRIDEMENT: frozenset({Need.SITE, Need.COUNT}),
    # Issue 20 kinds; their own fields (technique, depth, dose …) are checked by
    # coding.procedure_fields through _added_problems below.
    Kind.PHOTODYNAMIC_THERAPY: frozenset({Need.TECHNIQUE, Need.DRUG}),
    Kind.SKIN_GRAFT: frozenset({Need.SITE, Need.TECHNIQUE, Need.AREA}),
    Kind.DRUG_INJECTION: frozenset({Need.DRUG, Need.DOSE}),
    Kind.KOH_PREP: frozenset(),
    Kind.FUNGAL_CULTURE: frozenset(),
    Kind.DERMATOPATHOLOGY: frozenset(),
    Kind.PARING: frozenset({Need.COUNT}),
    Kind.NAIL_TRIMMING: frozenset(),
    Kind.CHEMICAL_CAUTERIZATION: _SITE_ONLY,
    Kind.FOREIGN_BODY_REMOVAL: frozenset({Need.SITE, Need.COMPLICATED}),
    Kind.DEBRIDEMENT: frozenset({Need.SITE, Need.DEPTH, Need.AREA}),
    Kind.HYPERHIDROSIS_CHEMODENERVATION: frozenset({Need.SITE, Need.DRUG, Need.DOSE}),
    Kind.VASCULAR_LASER: frozenset({Need.AREA}),
    Kind.PATCH_TEST: frozenset({Need.COUNT}),
    Kind.CHEMICAL_PEEL: frozenset({Need.SITE, Need.DEPTH}),
    Kind.DERMABRASION: frozenset({Need.TECHNIQUE}),
    Kind.FILLER: frozenset({Need.VOLUME}),
    Kind.NEUROTOXIN_COSMETIC: frozenset({Need.DRUG, Need.DOSE}),
}

# Measurements the kind needs (optional extras such as a repair or a drug are not "needed").
_REQUIRED = {
    Need.COUNT: ("count", "enter how many (a whole number of 1 or more)"),
    Need.LENGTH: ("length_cm", "enter the repair length (a number greater than 0)"),
    Need.DEFECT: ("defect_sq_cm", "enter the defect area in cm² (greater than 0)"),
    Need.MODALITY: ("modality", "choose UVB, UVB with topical, or PUVA"),
    Need.AREA: ("area_sq_cm", "enter the treated area in cm² (greater than 0)"),
}


def needs(kind: Kind) -> frozenset[Need]:
    return NEEDS.get(kind, frozenset())


def procedure_problems(procedure: Procedure) -> list[str]:
    """What stops this procedure from being coded, one message per problem ([] when complete)."""
    kind_needs = needs(procedure.kind)
    problems: list[str] = []
    problems += _site_problems(procedure, kind_needs)
    for need, (field, message) in _REQUIRED.items():
        if need not in kind_needs:
            continue
        value = getattr(procedure, field)
        if value is None or (need is not Need.MODALITY and value <= 0):
            problems.append(f"{field}: {message}")
    if Need.LESION in kind_needs:
        problems += _size_problems(procedure)
    problems += added_problems(procedure)
    if Need.STAGES in kind_needs and (
        not procedure.stages or any(blocks < 1 for blocks in procedure.stages)
    ):
        problems.append("stages: enter the tissue blocks of each stage (1 or more per stage)")
    repair = procedure.repair
    if repair is not None and repair.length_cm <= 0:
        problems.append("repair.length_cm: enter the repair length (a number greater than 0)")
    # A repair takes the diagnosis of the wound it closes (the contract), so it needs none.
    wound_closure = procedure.kind in (
        *REPAIR_KINDS,
        Kind.ADJACENT_TISSUE_TRANSFER,
        Kind.SKIN_GRAFT,
    )
    # A specimen linked to the procedure that took it takes that lesion's diagnosis.
    wound_closure = wound_closure or procedure.specimen_of is not None
    diagnosis = procedure.diagnosis
    has_diagnosis = diagnosis is not None and bool(diagnosis.icd10 or diagnosis.finding)
    if not wound_closure and not has_diagnosis:
        problems.append("finding: choose what was treated (a finding or an ICD-10-CM code)")
    return problems


def _site_problems(procedure: Procedure, kind_needs: frozenset[Need]) -> list[str]:
    if procedure.site is None:
        return ["site: choose where on the body"] if Need.SITE in kind_needs else []
    site = site_table().get(procedure.site)
    if site is None:
        return [f"site: unknown site {procedure.site!r}"]
    problems = []
    if site.sides and procedure.laterality is None:
        problems.append(f"laterality: say which {site.label}, left or right")
    if procedure.kind in NAIL_KINDS and procedure.site not in ("finger", "toe"):
        problems.append("site: a nail procedure is on a finger or a toe")
    if site.digit and procedure.digit is None and procedure.kind in NAIL_KINDS:
        problems.append(f"digit: say which {site.label} (1 = thumb or great toe … 5)")
    if procedure.digit is not None and not 1 <= procedure.digit <= 5:
        problems.append("digit: must be 1 to 5")
    return problems


def _size_problems(procedure: Procedure) -> list[str]:
    if procedure.kind in EXCISION_KINDS:
        if procedure.excised_cm is not None and procedure.excised_cm > 0:
            return []
        problems = []
        if procedure.lesion_cm is None or procedure.lesion_cm <= 0:
            problems.append("lesion_cm: enter the lesion diameter (greater than 0)")
        if procedure.margin_cm is None or procedure.margin_cm < 0:
            problems.append("margin_cm: enter the narrowest margin (0 or more)")
        return problems
    if procedure.lesion_cm is None or procedure.lesion_cm <= 0:
        return ["lesion_cm: enter the lesion diameter (greater than 0)"]
    return []
