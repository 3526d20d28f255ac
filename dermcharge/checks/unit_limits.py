"""Medically Unlikely Edits (MUE): the most units of a code one provider bills a patient per day.

Source: CMS MUE program (practitioner services MUE table, quarterly) and the MUE adjudication
indicators as explained by Palmetto GBA, First Coast and NGS (coding-rules.md §12, [S53]–[S56]):
MAI 1 — a claim-line edit: units above the value on one line are denied, and medically necessary
extra units go on a second line with an appropriate modifier; MAI 2 — an absolute date-of-service
limit set by policy or the code descriptor: never payable above it, and no ABN shifts liability;
MAI 3 — a date-of-service limit from clinical data: units above it are denied, and the denial
can be appealed with the medical record. A curated row whose indicator is not known (0) is
judged per day.
"""

from __future__ import annotations

from collections import defaultdict

from dermcharge.checks.context import CheckContext
from dermcharge.checks.edit_tables import UnitLimit
from dermcharge.checks.shipped_tables import tables_of
from dermcharge.domain.claim import Finding, Severity

CHECK = "unit_limits"
PROGRAM = "CMS Medically Unlikely Edits (MUE), practitioner table"
NOT_VERIFIED = "unit limit not verified: load the CMS MUE file"


def check_unit_limits(ctx: CheckContext) -> list[Finding]:
    """Units per line (MAI 1) and per date of service (MAI 2 and 3) against the MUE in force."""
    lookup = tables_of(ctx).unit_limits
    if lookup is None:
        return []
    by_code: dict[str, list[int]] = defaultdict(list)
    for number, line in enumerate(ctx.lines, 1):
        by_code[line.cpt].append(number)
    found: list[Finding] = []
    for code, numbers in by_code.items():
        limit = lookup.limit_for(code, ctx.visit.date_of_service)
        if limit is None:
            continue
        if limit.adjudication == 1:
            for number in numbers:
                units = ctx.lines[number - 1].units
                if units > limit.units:
                    found.append(_over(ctx, limit, (number,), units))
        else:
            total = sum(ctx.lines[n - 1].units for n in numbers)
            if total > limit.units:
                found.append(_over(ctx, limit, tuple(numbers), total))
    return found


def _over(ctx: CheckContext, limit: UnitLimit, lines: tuple[int, ...], units: int) -> Finding:
    procedures = tuple(sorted({i for n in lines for i in ctx.line_procedures(ctx.lines[n - 1])}))
    where = "line " + ", ".join(str(n) for n in lines)
    mai = limit.adjudication or "not known"
    source = f"{limit.source or PROGRAM}; MAI {mai}"
    if limit.adjudication == 1:
        meaning = "a per-line limit (MAI 1): the line is denied as billed"
        action = (
            f"Put at most {limit.units} unit(s) on this line; if the extra units were medically "
            "necessary (separate lesions), report them on one more line with 59/XS or 76."
        )
        severity = Severity.ERROR
    elif limit.adjudication == 2:
        meaning = (
            "an absolute per-day limit (MAI 2) set by policy or the code's definition: units "
            "above it are never paid, and an ABN cannot make the patient liable"
        )
        action = f"Reduce the units of {limit.code} for the day to {limit.units}."
        severity = Severity.ERROR
    elif limit.adjudication == 3:
        meaning = (
            "a per-day limit from clinical data (MAI 3): units above it are denied, and the "
            "denial can be appealed with the medical record"
        )
        action = f"Reduce the units to {limit.units}, or keep the documentation ready to appeal."
        severity = Severity.WARNING
    else:
        meaning = (
            "a per-day limit (its adjudication indicator is not known: load the CMS MUE file "
            "for it); units above it are denied"
        )
        action = f"Reduce the units of {limit.code} for the day to {limit.units}."
        severity = Severity.ERROR
    message = (
        f"{limit.code} is billed {units} unit(s) on {where}; the MUE is {limit.units}, {meaning}."
    )
    if not limit.verified:
        message += f" Note: {NOT_VERIFIED}."
        severity = Severity.WARNING
    return Finding(severity, CHECK, message, lines, procedures, source=source, action=action)
