"""Modifiers where they do not belong: on the wrong kind of code, for the wrong payer or side.

Sources: CMS MLN1783722 (59/X are for procedures, never E/M; 25 is an E/M modifier, R-MOD-59);
Novitas and NGS Medicare modifier 51 pages (Medicare: do not report 51, and never on E/M,
R-MOD-51); CMS ABN instructions (GA and GZ are opposite statements about the ABN, R-MOD-ABN);
First Coast "Anatomical modifiers" (RT/LT state the side treated, R-MOD-ANAT); CMS Transmittal
13015 as summarised in coding-rules.md R-EM-5 (G2211 is not payable with an E/M carrying 25
for a same-day minor procedure; SECONDARY, verify).
"""

from __future__ import annotations

from dermcharge.checks import code_families as fam
from dermcharge.checks.context import CheckContext
from dermcharge.domain.claim import ClaimLine, Finding, Severity
from dermcharge.domain.visit import Payer

CHECK = "modifier_use"
MODIFIER_SOURCE = "CMS MLN1783722 (coding-rules.md R-MOD-59)"
MOD_51_SOURCE = "Novitas / NGS Medicare modifier 51 pages (coding-rules.md R-MOD-51)"
ABN_SOURCE = "CMS ABN instructions (coding-rules.md R-MOD-ABN)"
SIDE_SOURCE = "First Coast, Anatomical modifiers (coding-rules.md R-MOD-ANAT)"
G2211_SOURCE = "CMS Transmittal 13015 (2025), coding-rules.md R-EM-5 (SECONDARY: verify)"
SIDES = {"RT": "right", "LT": "left"}


def check_modifier_use(ctx: CheckContext) -> list[Finding]:
    found: list[Finding] = []
    em_with_25 = any(ln.cpt in fam.OFFICE_EM and "25" in ln.modifiers for ln in ctx.lines)
    for number, line in enumerate(ctx.lines, 1):
        found.extend(_line(ctx, number, line))
        if line.cpt == "G2211" and em_with_25:
            found.append(
                _finding(
                    ctx, number, Severity.WARNING,
                    f"Line {number}: G2211 is billed with an E/M carrying 25; CMS does not pay "
                    "G2211 when the E/M's 25 is for a same-day minor procedure.",
                    G2211_SOURCE,
                    "Remove G2211 unless the other service is an annual wellness visit, a "
                    "vaccine or a Part B preventive service.",
                )
            )  # fmt: skip
    return found


def _line(ctx: CheckContext, number: int, line: ClaimLine) -> list[Finding]:
    mods = set(line.modifiers)
    is_em = line.cpt in fam.OFFICE_EM
    found: list[Finding] = []
    distinct = sorted(mods & fam.DISTINCT_SERVICE_MODIFIERS)
    if is_em and distinct:
        found.append(
            _finding(
                ctx, number, Severity.ERROR,
                f"Line {number}: {'/'.join(distinct)} is a procedure modifier and cannot go on "
                f"the E/M {line.cpt}.",
                MODIFIER_SOURCE,
                "Use 25 for a separately identifiable E/M on a procedure day.",
            )
        )  # fmt: skip
    if not is_em and "25" in mods:
        found.append(
            _finding(
                ctx, number, Severity.ERROR,
                f"Line {number}: 25 is an E/M modifier and cannot go on {line.cpt}.",
                MODIFIER_SOURCE,
                "Put 25 on the E/M line; a separate lesion on a procedure takes 59/XS.",
            )
        )  # fmt: skip
    if "51" in mods and (is_em or ctx.visit.payer is Payer.MEDICARE):
        why = "on an E/M code" if is_em else "on a Medicare claim (the MAC adds it itself)"
        found.append(
            _finding(
                ctx, number, Severity.WARNING,
                f"Line {number}: 51 is not reported {why}.",
                MOD_51_SOURCE,
                f"Remove 51 from line {number}.",
            )
        )  # fmt: skip
    if {"GA", "GZ"} <= mods:
        found.append(
            _finding(
                ctx, number, Severity.ERROR,
                f"Line {number} carries both GA (ABN on file) and GZ (no ABN).",
                ABN_SOURCE,
                "Keep GA if the patient signed an ABN, otherwise GZ.",
            )
        )  # fmt: skip
    found.extend(_wrong_side(ctx, number, line))
    return found


def _wrong_side(ctx: CheckContext, number: int, line: ClaimLine) -> list[Finding]:
    claimed = [SIDES[m] for m in line.modifiers if m in SIDES]
    recorded = {
        str(p.laterality)
        for i in ctx.line_procedures(line)
        if (p := ctx.visit.procedures[i]).laterality is not None
    }
    if len(claimed) != 1 or not recorded or claimed[0] in recorded:
        return []
    return [
        _finding(
            ctx, number, Severity.ERROR,
            f"Line {number} carries {'RT' if claimed[0] == 'right' else 'LT'} but the procedure "
            f"was recorded on the {recorded.pop()} side.",
            SIDE_SOURCE,
            "Correct the side modifier or the procedure's laterality.",
        )
    ]  # fmt: skip


def _finding(
    ctx: CheckContext, number: int, severity: Severity, message: str, source: str, action: str
) -> Finding:
    line = ctx.lines[number - 1]
    return Finding(severity, CHECK, message, (number,), ctx.line_procedures(line), source, action)
