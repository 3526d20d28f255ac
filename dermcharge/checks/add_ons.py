"""Add-on codes: never billed alone, never reduced as a multiple procedure.

Source: CPT guidelines on add-on codes ("+", reported with a listed primary procedure) and the
CMS NCCI add-on code (AOC) edit file; CMS/MAC modifier 51 pages (Novitas, NGS: no 51 on add-on
codes, coding-rules.md R-MOD-51); AAD "Modifier madness" 2019 (no 59 on the add-on biopsy codes
11103/11105/11107, R-BX-4).
"""

from __future__ import annotations

from dermcharge.checks.code_families import BIOPSY, BIOPSY_PRIMARY, DISTINCT_SERVICE_MODIFIERS
from dermcharge.checks.context import CheckContext
from dermcharge.checks.shipped_tables import tables_of
from dermcharge.domain.claim import Finding, Severity

CHECK = "add_ons"
AOC_SOURCE = "CPT add-on code guidelines; CMS NCCI add-on code (AOC) edits"
NO_51_SOURCE = "Novitas / NGS Medicare modifier 51 pages (coding-rules.md R-MOD-51)"
NO_59_SOURCE = "AAD, Miller, 'Modifier madness' (Apr 2019) (coding-rules.md R-BX-4)"


def check_add_ons(ctx: CheckContext) -> list[Finding]:
    """An add-on line needs one of its primaries on the claim; 51 and (biopsy) 59 never ride it."""
    lookup = tables_of(ctx).add_ons
    if lookup is None:
        return []
    billed = {line.cpt for line in ctx.lines}
    found: list[Finding] = []
    for number, line in enumerate(ctx.lines, 1):
        primaries = lookup.primaries_for(line.cpt, ctx.visit.date_of_service)
        if primaries is None:
            continue
        procedures = ctx.line_procedures(line)
        if primaries and not billed & set(primaries):
            found.append(
                Finding(
                    Severity.ERROR,
                    CHECK,
                    f"Line {number}: {line.cpt} is an add-on code and the claim has none of its "
                    f"primary codes ({', '.join(primaries)}); it is denied on its own.",
                    (number,),
                    procedures,
                    source=AOC_SOURCE,
                    action=f"Add the primary service it follows, or bill {line.cpt}'s service "
                    "under the primary code.",
                )
            )
        if "51" in line.modifiers:
            found.append(
                Finding(
                    Severity.WARNING,
                    CHECK,
                    f"Line {number}: {line.cpt} is an add-on code and carries 51; add-on codes "
                    "are never reduced as multiple procedures.",
                    (number,),
                    procedures,
                    source=NO_51_SOURCE,
                    action=f"Remove 51 from line {number}.",
                )
            )
        distinct = DISTINCT_SERVICE_MODIFIERS.intersection(line.modifiers)
        if line.cpt in BIOPSY - BIOPSY_PRIMARY and distinct:
            found.append(
                Finding(
                    Severity.WARNING,
                    CHECK,
                    f"Line {number}: the add-on biopsy code {line.cpt} carries "
                    f"{'/'.join(sorted(distinct))}; AAD advises no distinct-service modifier on "
                    "11103/11105/11107.",
                    (number,),
                    procedures,
                    source=NO_59_SOURCE,
                    action=f"Remove {'/'.join(sorted(distinct))} from line {number}.",
                )
            )
    return found
