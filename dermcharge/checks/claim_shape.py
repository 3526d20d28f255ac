"""Claim shape: what the CMS-1500 / 837P claim form can carry at all.

Source: CMS-1500 form and the NUCC 1500 instructions (item 21: up to 12 diagnoses A–L; item 24E:
up to 4 diagnosis pointers; item 24D: up to 4 two-character modifiers; item 24G: units > 0;
item 24F: charges); CMS MLN1783722 (59 and an X{EPSU} modifier never on the same line).
"""

from __future__ import annotations

import re

from dermcharge.checks.code_families import DISTINCT_SERVICE_MODIFIERS
from dermcharge.checks.context import CheckContext
from dermcharge.domain.claim import Finding, Severity

CHECK = "claim_shape"
FORM_SOURCE = "NUCC 1500 claim form instructions (items 21, 24D–24G)"
MAX_DIAGNOSES = 12
MAX_POINTERS = 4
MAX_MODIFIERS = 4
_MODIFIER = re.compile(r"^[A-Z0-9]{2}$")
_CODE = re.compile(r"^(?:\d{4}[0-9AFMTU]|[A-V]\d{4})$")


def check_claim_shape(ctx: CheckContext) -> list[Finding]:
    """Diagnosis, pointer, modifier, unit and fee limits of the claim form."""
    found: list[Finding] = []
    diagnoses = ctx.claim.diagnoses
    if len(diagnoses) > MAX_DIAGNOSES:
        found.append(
            _error(
                f"The claim lists {len(diagnoses)} diagnoses; a claim form holds {MAX_DIAGNOSES}.",
                (),
                "Keep the 12 that the lines point to (primary first) or split the visit "
                "into two claims as the payer allows.",
            )
        )
    repeated = sorted({code for code in diagnoses if diagnoses.count(code) > 1})
    if repeated:
        found.append(
            Finding(
                Severity.WARNING,
                CHECK,
                f"Diagnosis listed more than once on the claim: {', '.join(repeated)}.",
                source=FORM_SOURCE,
                action="List each diagnosis once and point lines to it.",
            )
        )
    for number in range(1, len(ctx.lines) + 1):
        found.extend(_line_shape(ctx, number))
    return found


def _line_shape(ctx: CheckContext, number: int) -> list[Finding]:
    line = ctx.lines[number - 1]
    where = (number,)
    found: list[Finding] = []
    if not _CODE.match(line.cpt):
        found.append(_error(f"Line {number}: {line.cpt!r} is not a CPT/HCPCS code.", where))
    if len(line.diagnoses) > MAX_POINTERS:
        found.append(
            _error(
                f"Line {number} ({line.cpt}) points to {len(line.diagnoses)} diagnoses; "
                f"a line holds {MAX_POINTERS}.",
                where,
                "Keep the four that support this service, the lesion's own diagnosis first.",
            )
        )
    unlisted = [code for code in line.diagnoses if code not in ctx.claim.diagnoses]
    if unlisted:
        found.append(
            _error(
                f"Line {number} ({line.cpt}) points to {', '.join(unlisted)}, "
                "which the claim's diagnosis list does not contain.",
                where,
                "Add the diagnosis to the claim's list or correct the line's pointer.",
            )
        )
    if len(line.modifiers) > MAX_MODIFIERS:
        found.append(
            _error(
                f"Line {number} ({line.cpt}) carries {len(line.modifiers)} modifiers; "
                f"a line holds {MAX_MODIFIERS}.",
                where,
                "Keep the payment modifiers first (25, 59/X, 58/78/79, GA/GZ/GY) and drop "
                "informational ones.",
            )
        )
    for modifier in line.modifiers:
        if not _MODIFIER.match(modifier):
            found.append(
                _error(
                    f"Line {number} ({line.cpt}): modifier {modifier!r} is not two letters "
                    "or digits.",
                    where,
                    "Correct the modifier (for example 25, 59, XS, RT).",
                )
            )
    twice = sorted({m for m in line.modifiers if line.modifiers.count(m) > 1})
    if twice:
        found.append(
            _error(f"Line {number} ({line.cpt}) repeats modifier {', '.join(twice)}.", where)
        )
    distinct = [m for m in line.modifiers if m in DISTINCT_SERVICE_MODIFIERS]
    if "59" in distinct and len(distinct) > 1:
        found.append(
            Finding(
                Severity.ERROR,
                CHECK,
                f"Line {number} ({line.cpt}) carries 59 and {', '.join(set(distinct) - {'59'})}"
                "; CMS does not allow 59 and an X modifier on the same line.",
                where,
                source="CMS MLN1783722, Proper Use of Modifiers 59, XE, XP, XS & XU",
                action="Keep the more specific X modifier and remove 59.",
            )
        )
    if line.units <= 0:
        found.append(
            _error(
                f"Line {number} ({line.cpt}) has {line.units} units; units must be 1 or more.",
                where,
                "Enter the number of units performed, or remove the line.",
            )
        )
    if number <= len(ctx.line_fees) and ctx.line_fees[number - 1] <= 0:
        found.append(
            _error(
                f"Line {number} ({line.cpt}) is charged {ctx.line_fees[number - 1]}; "
                "a billed line needs a charge above zero.",
                where,
                "Set the fee in the practice fee schedule, or remove the line.",
            )
        )
    return found


def _error(message: str, lines: tuple[int, ...], action: str = "") -> Finding:
    return Finding(Severity.ERROR, CHECK, message, lines, source=FORM_SOURCE, action=action)
