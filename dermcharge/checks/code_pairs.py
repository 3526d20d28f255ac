"""NCCI procedure-to-procedure (PTP) edits between two lines of the same claim.

Source: CMS NCCI Policy Manual for Medicare Services, ch. I §E (modifiers and modifier
indicators) and the quarterly practitioner PTP files; CMS MLN1783722 "Proper Use of Modifiers 59,
XE, XP, XS & XU" (coding-rules.md R-MOD-59, R-BX-2). Modifier indicator 0: the column-2 code is
never paid with the column-1 code. 1: an NCCI-associated modifier bypasses the edit only when the
services really are distinct (a separate lesion or site, documented). 9: the edit does not apply.
"""

from __future__ import annotations

from dermcharge.checks.code_families import (
    ANATOMIC_MODIFIERS,
    DISTINCT_SERVICE_MODIFIERS,
    GLOBAL_PERIOD_MODIFIERS,
    OFFICE_EM,
)
from dermcharge.checks.context import CheckContext
from dermcharge.checks.shipped_tables import tables_of
from dermcharge.codesets.ptp import BYPASSABLE, NOT_BYPASSABLE, PtpEdit
from dermcharge.domain.claim import ClaimLine, Finding, Severity

CHECK = "code_pairs"
POLICY = "NCCI Policy Manual ch. I; CMS MLN1783722"
# NCCI-associated modifiers (NCCI Policy Manual ch. I §E): any of them may bypass an indicator-1
# edit; the E/M ones (25, 57) are judged by the E/M check, the rest need a separate lesion or site.
SITE_MODIFIERS = DISTINCT_SERVICE_MODIFIERS | ANATOMIC_MODIFIERS
NCCI_ASSOCIATED = SITE_MODIFIERS | GLOBAL_PERIOD_MODIFIERS | {"25", "27", "57", "91"}
UNVERIFIED = " This pair comes from the shipped curated table, not the CMS file: load it to verify."


def check_code_pairs(ctx: CheckContext) -> list[Finding]:
    """Every ordered pair of lines looked up as (column 1, column 2) in the PTP table in force."""
    pairs = tables_of(ctx).pairs
    if pairs is None:
        return []
    found: list[Finding] = []
    on = ctx.visit.date_of_service
    numbers: dict[str, list[int]] = {}
    for number, line in enumerate(ctx.lines, 1):
        numbers.setdefault(line.cpt, []).append(number)
    for code1, lines1 in numbers.items():
        for code2, lines2 in numbers.items():
            edit = pairs.edit_for(code1, code2, on) if code1 != code2 else None
            if edit is None:
                continue
            for first in lines1:
                for second in lines2:
                    one, two = (first, ctx.lines[first - 1]), (second, ctx.lines[second - 1])
                    finding = _judge(ctx, edit, one, two)
                    if finding is not None:
                        found.append(finding)
    return sorted(found, key=lambda f: f.lines)


def _judge(
    ctx: CheckContext, edit: PtpEdit, one: tuple[int, ClaimLine], two: tuple[int, ClaimLine]
) -> Finding | None:
    (n1, line1), (n2, line2) = one, two
    lines = (n1, n2)
    procedures = tuple(sorted({*ctx.line_procedures(line1), *ctx.line_procedures(line2)}))
    source = f"{edit.source or 'CMS NCCI PTP edit'} ({POLICY})"
    note = "" if edit.verified else UNVERIFIED
    pair = f"{edit.column1} (line {n1}) and {edit.column2} (line {n2})"
    if edit.modifier_indicator == NOT_BYPASSABLE:
        return Finding(
            Severity.ERROR if edit.verified else Severity.WARNING,
            CHECK,
            f"NCCI pair {pair}: {edit.column2} is not payable with {edit.column1} on the same day, "
            f"and no modifier can change that (modifier indicator 0).{note}",
            lines,
            procedures,
            source=source,
            action=f"Remove line {n2} ({edit.column2}).",
        )
    if edit.modifier_indicator != BYPASSABLE:
        return None
    if line1.cpt in OFFICE_EM or line2.cpt in OFFICE_EM:
        return None  # E/M and procedure on one day: the evaluation_management check judges 25/57
    used = [m for m in (*line1.modifiers, *line2.modifiers) if m in NCCI_ASSOCIATED]
    separate = _separately_recorded(ctx, line1, line2)
    if not used:
        if separate is False:
            action = (
                f"Remove line {n2}: it is included in {edit.column1}. If it was a separate "
                "lesion or site, record that on the procedure and add 59/XS."
            )
        else:
            action = f"Add XS (or 59, per the payer) to line {n2} ({edit.column2})."
        return Finding(
            Severity.ERROR if edit.verified else Severity.WARNING,
            CHECK,
            f"NCCI pair {pair}: {edit.column2} is bundled into {edit.column1} unless it was a "
            f"separate lesion or site marked with a distinct-service modifier.{note}",
            lines,
            procedures,
            source=source,
            action=action,
        )
    if separate is False and any(m in SITE_MODIFIERS for m in used):
        return Finding(
            Severity.WARNING,
            CHECK,
            f"NCCI pair {pair} is bypassed with {'/'.join(sorted(set(used)))}, but the visit "
            "records the same site and no separate lesion; an audit would take the column-2 "
            f"payment back.{note}",
            lines,
            procedures,
            source=source,
            action="Mark the procedure as a separate lesion (and document it), or remove "
            f"line {n2}.",
        )
    return None


def _separately_recorded(ctx: CheckContext, line1: ClaimLine, line2: ClaimLine) -> bool | None:
    """True when the visit shows a separate lesion or site; None when a line links no procedure."""
    first = [p for i in ctx.line_procedures(line1) if (p := ctx.procedure(i)) is not None]
    second = [p for i in ctx.line_procedures(line2) if (p := ctx.procedure(i)) is not None]
    if not first or not second:
        return None
    if any(p.separate_lesion for p in (*first, *second)):
        return True
    if line1.diagnoses and line2.diagnoses and not set(line1.diagnoses) & set(line2.diagnoses):
        return True  # different diagnoses: different lesions, even at one site
    places = {(p.site, p.laterality, p.digit) for p in first}
    return any((p.site, p.laterality, p.digit) not in places or p.site is None for p in second)
