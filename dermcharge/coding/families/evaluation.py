"""Office E/M 99202-99215 beside procedures: 25, 57, or included in the procedure."""

from __future__ import annotations

from dermcharge.codesets.cpt import cpt_table
from dermcharge.coding.context import CodingContext
from dermcharge.coding.draft import EM, DraftLine
from dermcharge.coding.families.office_tests import TEST_CODES
from dermcharge.domain.claim import Severity

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
    # The E/M rules a claim is checked against (patient status, 99211 beside a procedure, an
    # E/M pointing only to the procedures' diagnoses) are reported by
    # checks/evaluation_management.py alone: the engine codes, the checks report.
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
    if major and set(dx) <= set(major_dx):
        return _decision_for_surgery(ctx, em.code, dx)
    why = "Significant, separately identifiable E/M on the day of a procedure: 25 (R-EM-2)."
    if set(dx) <= procedure_dx:
        why += " Its diagnoses are the procedures' own: the note must show work beyond them."
    return DraftLine(em.code, 1, (EM,), dx, why, modifiers=["25"])
