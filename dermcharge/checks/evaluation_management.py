"""Office E/M on the claim: modifier 25 and 57, 99211, new vs established, one visit per day.

Sources: NCCI Policy Manual ch. I §D and ch. XI (the decision to perform a minor procedure is
included; a significant, separately identifiable E/M takes 25; the decision for a 90-day
procedure takes 57) as quoted by First Coast's modifier 25 fact sheet and AAPC
(coding-rules.md R-EM-2); AAFP "How to use modifier 25" (a separate diagnosis is not required,
but the record must show the separate work, R-EM-3); Codapedia on 99211 with a procedure
(R-EM-6); CPT E/M guidelines (new patient: no professional service from the physician or the
same-specialty group in the past three years).
"""

from __future__ import annotations

from datetime import timedelta

from dermcharge.checks.code_families import EM_ESTABLISHED, EM_NEW, OFFICE_EM, is_procedure
from dermcharge.checks.context import CheckContext
from dermcharge.checks.shipped_tables import tables_of
from dermcharge.domain.claim import Finding, Severity
from dermcharge.domain.visit import PatientStatus

CHECK = "evaluation_management"
NCCI_EM = "NCCI Policy Manual ch. I §D; First Coast modifier 25 fact sheet (R-EM-2)"
CPT_EM = "CPT E/M guidelines: new and established patients"
NEW_PATIENT_WINDOW = timedelta(days=3 * 365 + 1)  # three years, leap day included


def check_evaluation_management(ctx: CheckContext) -> list[Finding]:
    em_lines = [n for n, line in enumerate(ctx.lines, 1) if line.cpt in OFFICE_EM]
    if not em_lines:
        return []
    procedure_lines = [n for n, line in enumerate(ctx.lines, 1) if is_procedure(line.cpt)]
    found: list[Finding] = []
    if len(em_lines) > 1:
        found.append(
            Finding(
                Severity.ERROR,
                CHECK,
                f"Lines {', '.join(map(str, em_lines))} bill {len(em_lines)} office visits on one "
                "day; one provider bills one office E/M per patient per day.",
                tuple(em_lines),
                source=CPT_EM,
                action="Keep one E/M line at the level that covers the whole visit.",
            )
        )
    for number in em_lines:
        found.extend(_modifiers(ctx, number, procedure_lines))
        found.extend(_patient_status(ctx, number))
    return found


def _modifiers(ctx: CheckContext, number: int, procedure_lines: list[int]) -> list[Finding]:
    line = ctx.lines[number - 1]
    mods = set(line.modifiers)
    codes = ", ".join(ctx.lines[n - 1].cpt for n in procedure_lines)
    found: list[Finding] = []

    def finding(
        severity: Severity, message: str, action: str, source: str = NCCI_EM, alone: bool = False
    ) -> Finding:
        lines = (number,) if alone else (number, *procedure_lines)
        return Finding(severity, CHECK, message, lines, (), source, action)

    if not procedure_lines:
        if "25" in mods:
            found.append(
                finding(
                    Severity.ERROR,
                    f"Line {number}: {line.cpt} carries 25, but no procedure is billed today.",
                    f"Remove 25 from line {number}.",
                )
            )
        return found
    if line.cpt == "99211":
        found.append(
            finding(
                Severity.WARNING,
                f"Line {number}: 99211 is billed with a procedure ({codes}); when the only "
                "service was the procedure, 99211 is not separately payable.",
                "Remove 99211 unless a separate, medically necessary nurse service is documented.",
                "Codapedia / Find-A-Code on 99211 with procedures (coding-rules.md R-EM-6)",
            )
        )
    if not mods & {"25", "57"}:
        found.append(
            finding(
                Severity.ERROR,
                f"Line {number}: {line.cpt} is billed on the day of a procedure ({codes}) without "
                "25; the payer bundles it into the procedure.",
                f"If the visit was significant and separately identifiable, add 25 to line "
                f"{number}; if it was only the decision to do the procedure, remove the E/M.",
            )
        )
    elif "57" in mods and "25" not in mods:
        days = tables_of(ctx).global_days
        periods = [
            days.global_days(ctx.lines[n - 1].cpt) if days is not None else None
            for n in procedure_lines
        ]
        longest = max((d for d in periods if d is not None), default=None)
        if longest is not None and longest < 90:
            found.append(
                finding(
                    Severity.WARNING,
                    f"Line {number}: 57 (decision for surgery) is for 90-day procedures; today's "
                    f"procedures ({codes}) have a {longest}-day global period.",
                    f"Replace 57 with 25 on line {number} if the visit was separately "
                    "identifiable.",
                )
            )
    if "25" in mods and line.diagnoses:
        procedure_dx = {d for n in procedure_lines for d in ctx.lines[n - 1].diagnoses}
        if set(line.diagnoses) <= procedure_dx:
            found.append(
                finding(
                    Severity.WARNING,
                    f"Line {number}: the 25 visit points only to the procedures' diagnoses "
                    f"({', '.join(line.diagnoses)}); payers ask for documentation of work beyond "
                    "the usual pre-procedure evaluation.",
                    "Make sure the note documents the separate problem managed (link its "
                    "diagnosis if there was one); a different diagnosis is not required.",
                    "AAFP 'How to use modifier 25' (coding-rules.md R-EM-3); " + NCCI_EM,
                    alone=True,
                )
            )
    return found


def _patient_status(ctx: CheckContext, number: int) -> list[Finding]:
    cpt = ctx.lines[number - 1].cpt
    status = ctx.visit.patient_status
    where = (number,)
    if cpt in EM_NEW and status is PatientStatus.ESTABLISHED:
        return [
            Finding(
                Severity.ERROR,
                CHECK,
                f"Line {number}: {cpt} is a new-patient visit, but the patient is established.",
                where,
                source=CPT_EM,
                action="Use the established-patient code of the same level (99212–99215), or "
                "correct the patient status.",
            )
        ]
    if cpt in EM_ESTABLISHED and status is PatientStatus.NEW:
        return [
            Finding(
                Severity.ERROR,
                CHECK,
                f"Line {number}: {cpt} is an established-patient visit, but the patient is new.",
                where,
                source=CPT_EM,
                action="Use the new-patient code of the same level (99202–99205), or correct the "
                "patient status.",
            )
        ]
    if cpt in EM_NEW:
        dos = ctx.visit.date_of_service
        seen = sorted(
            p.date_of_service
            for p in ctx.history
            if p.date_of_service < dos and dos - p.date_of_service < NEW_PATIENT_WINDOW
        )
        if seen:
            return [
                Finding(
                    Severity.WARNING,
                    CHECK,
                    f"Line {number}: {cpt} is a new-patient visit, but the patient was seen here "
                    f"on {seen[-1]}, within three years.",
                    where,
                    source=CPT_EM,
                    action="Use the established-patient code, unless that visit was with a "
                    "different specialty.",
                )
            ]
    return []
