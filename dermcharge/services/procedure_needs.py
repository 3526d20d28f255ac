"""What each procedure kind needs entered before it can be coded, and the problems when it lacks it.

The needs follow the kinds table of the headless contract (shared/contract/coding-api.md); the
messages name the field as the contract does so the GUI and `dermcharge code` read alike.
"""

from __future__ import annotations

from dermcharge.anatomy.sites import site_table
from dermcharge.coding.procedure_fields import added_problems
from dermcharge.coding.procedure_kinds import Need, kind_spec
from dermcharge.domain.visit import Kind, Procedure

__all__ = ["Need", "needs", "procedure_problems"]

# Measurements the kind needs (optional extras such as a repair or a drug are not "needed").
_REQUIRED = {
    Need.COUNT: ("count", "enter how many (a whole number of 1 or more)"),
    Need.LENGTH: ("length_cm", "enter the repair length (a number greater than 0)"),
    Need.DEFECT: ("defect_sq_cm", "enter the defect area in cm² (greater than 0)"),
    Need.MODALITY: ("modality", "choose UVB, UVB with topical, or PUVA"),
    Need.AREA: ("area_sq_cm", "enter the treated area in cm² (greater than 0)"),
}


def needs(kind: Kind) -> frozenset[Need]:
    """The fields the procedure panel shows for `kind` (from the kinds table in the core), with
    SITE meaning the site is required (it is chosen on the body map, not in the panel)."""
    spec = kind_spec(kind)
    shown = spec.asks - {Need.SITE, Need.EXCISED}  # the panel takes lesion + margin instead
    return shown | {Need.SITE} if spec.site_required else shown


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
    problems += added_problems(procedure)  # technique, depth, drug dose, volume (issue 20)
    if Need.STAGES in kind_needs and (
        not procedure.stages or any(blocks < 1 for blocks in procedure.stages)
    ):
        problems.append("stages: enter the tissue blocks of each stage (1 or more per stage)")
    repair = procedure.repair
    if repair is not None and repair.length_cm <= 0:
        problems.append("repair.length_cm: enter the repair length (a number greater than 0)")
    # A repair takes the diagnosis of the wound it closes (the contract), a post-operative visit
    # that of the procedure it follows (the patient's history), so neither needs its own.
    wound_closure = not kind_spec(procedure.kind).own_diagnosis
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
    nail = kind_spec(procedure.kind).digit
    if nail and procedure.site not in ("finger", "toe"):
        problems.append("site: a nail procedure is on a finger or a toe")
    if site.digit and procedure.digit is None and nail:
        problems.append(f"digit: say which {site.label} (1 = thumb or great toe … 5)")
    if procedure.digit is not None and not 1 <= procedure.digit <= 5:
        problems.append("digit: must be 1 to 5")
    return problems


def _size_problems(procedure: Procedure) -> list[str]:
    if Need.EXCISED in kind_spec(procedure.kind).asks:  # lesion + margin, or excised_cm
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
