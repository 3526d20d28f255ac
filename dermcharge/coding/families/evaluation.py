"""Office E/M 99202-99215 beside procedures: 25, 57, or included in the procedure."""

from __future__ import annotations

from dermcharge.codesets.cpt import cpt_table
from dermcharge.coding.context import CodingContext
from dermcharge.coding.draft import EM, DraftLine
from dermcharge.coding.families.office_tests import TEST_CODES
from dermcharge.domain.claim import Severity
from dermcharge.domain.visit import PatientStatus

NEW_PATIENT_CODES = frozenset({"99202", "99203", "99204", "99205"})
MAJOR_GLOBAL_DAYS = 90  # MPFS global indicator 090: a major procedure (coding-rules.md R-EM-2)
SOURCE_EM = "NCCI Policy Manual ch. I via First Coast modifier 25 fact sheet (R-EM-2)"


def em_diagnoses(ctx: CodingContext) -> list[str]:
    em = ctx.visit.em
    assert em is not None
    codes: list[str] = []
    for dx in em.diagnoses:
        code = ctx.code_diagnosis(dx, None, None, ())
        if code and code not in codes:
            codes.append(code)
    return codes


def _decision_for_surgery(ctx: CodingContext, code: str, dx: list[str]) -> DraftLine:
    """The E/M at which a 090-day-global procedure was decided is billed with 57 (R-EM-2)."""
    ctx.draft.find(
        Severity.INFO,
        "em_modifier",
        "57: this E/M is where the decision for today's 90-day-global procedure was made; "
        "use 25 instead if it managed a separate problem",
        (),
        source=SOURCE_EM,
    )
    return DraftLine(
        code,
        1,
        (EM,),
        dx,
        "E/M at which the decision for a 90-day-global procedure was made: 57 (R-EM-2).",
        modifiers=["57"],
    )


def code_evaluation(ctx: CodingContext, procedure_lines: list[DraftLine]) -> DraftLine | None:
    """With no procedure the E/M is billed as it is. With a minor procedure the decision to do it
    is included: only a significant, separately identifiable E/M is billed, with 25; an E/M that
    led to a 90-day-global procedure the same day takes 57 (R-EM-2, R-EM-3)."""
    em = ctx.visit.em
    if em is None:
        return None
    is_new_code = em.code in NEW_PATIENT_CODES
    if is_new_code != (ctx.visit.patient_status is PatientStatus.NEW):
        ctx.draft.find(
            Severity.ERROR,
            "em_patient_status",
            f"{em.code} is a {'new' if is_new_code else 'established'}-patient code but the "
            f"patient is recorded as {ctx.visit.patient_status}",
            (),
            source="CPT E/M guidelines (new vs established patient)",
            action="Correct the E/M code or the patient status",
        )
    dx = em_diagnoses(ctx)
    # Drug supply lines and lab/pathology tests (no global period) do not call for 25.
    procedures = [
        line
        for line in procedure_lines
        if not line.code.startswith("J") and line.code not in TEST_CODES
    ]
    if not procedures:
        return DraftLine(em.code, 1, (EM,), dx, "Office visit with no procedure billed today.")
    table = cpt_table()
    major = [line for line in procedures if table.global_days(line.code) == MAJOR_GLOBAL_DAYS]
    major_dx = [d for line in major for d in line.diagnoses]
    if not em.separately_identifiable:
        if major:
            return _decision_for_surgery(ctx, em.code, dx or major_dx[:4])
        ctx.draft.leave_off(
            em.code,
            "the evaluation that led to today's procedure is part of the "
            "procedure; only a separately identifiable E/M is billed (R-EM-2)",
            (EM,),
        )
        return None
    procedure_dx = {d for line in procedures for d in line.diagnoses}
    if not dx:
        dx = [d for line in procedures for d in line.diagnoses][:4]
        ctx.draft.find(
            Severity.WARNING,
            "em_diagnosis",
            "The E/M has no diagnosis of its own; it points to the procedures' diagnoses. "
            "Record the separately managed problem(s) that justify 25",
            (),
            source="R-EM-3 (AAFP via sipoch: link the E/M to the separately managed problem)",
            action="Add the E/M's diagnoses",
        )
    if major and set(dx) <= set(major_dx):
        return _decision_for_surgery(ctx, em.code, dx)
    why = "Significant, separately identifiable E/M on the day of a procedure: 25 (R-EM-2)."
    if set(dx) <= procedure_dx:
        why += " Its diagnoses are the procedures' own: the note must show work beyond them."
    if em.code == "99211":
        ctx.draft.find(
            Severity.WARNING,
            "em_99211",
            "99211 beside a procedure needs a separately identifiable, medically necessary "
            "service beyond the procedure",
            (),
            source="coding-rules.md R-EM-6",
            action="Confirm or remove the E/M",
        )
    return DraftLine(em.code, 1, (EM,), dx, why, modifiers=["25"])
