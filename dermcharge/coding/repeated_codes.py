"""One code for several separate lesions: units on one line, or separate lines with 59/XS or 76.

Sources: CMS MLN1783722 and the NCCI Policy Manual ch. I (59/XS "different site or organ
system, separate lesion"; a repeated code for a separate lesion on separate lines); CMS MUE
guidance (NGS "Medically Unlikely Edits and related billing clarifications" [S56]: the same code
on separate lines with anatomic modifiers, 59/XS or 76 is adjudicated line by line); Cahaba GBA
"Modifier 59 edit update questions" [S47] points to 76 for a repeated procedure; most derm
guidance reports the units on one line (coding-rules.md R-MOD-59, last bullet: "make it a payer
setting"). The choice is the payer profile's `repeated_code`: `units`, `distinct_modifier` or
`repeat_76`.
"""

from __future__ import annotations

from dermcharge.coding.context import CodingContext
from dermcharge.coding.draft import DraftLine
from dermcharge.domain.claim import Severity
from dermcharge.domain.visit import Procedure

UNITS = "units"
DISTINCT_MODIFIER = "distinct_modifier"
REPEAT_76 = "repeat_76"
POLICIES = frozenset({UNITS, DISTINCT_MODIFIER, REPEAT_76})
SOURCE = (
    "CMS MLN1783722; NCCI Policy Manual ch. I; NGS MUE billing clarifications [S56]; Cahaba "
    "GBA [S47] (76); coding-rules.md R-MOD-59 (payer setting)"
)


def _entry(p: Procedure) -> tuple[object, ...]:
    """What makes two entries the same entry typed twice: everything but the order."""
    return (p.kind, p.site, p.laterality, p.digit, p.count, p.lesion_cm, p.margin_cm,
            p.excised_cm, p.length_cm, p.defect_sq_cm, p.stages, p.diagnosis)  # fmt: skip


def warn_identical_entries(ctx: CodingContext) -> set[int]:
    """Two identical entries at one site, neither marked `separate_lesion`: likely one lesion
    entered twice. A warning for a person (never silently dropped); returns the later entries."""
    seen: dict[tuple[object, ...], int] = {}
    repeats: set[int] = set()
    for i, p in enumerate(ctx.procedures):
        if p.site is None or p.separate_lesion:
            continue
        first = seen.setdefault(_entry(p), i)
        if first == i:
            continue
        repeats.add(i)
        ctx.draft.find(
            Severity.WARNING,
            "duplicate_entry",
            f"Two identical {p.kind.replace('_', ' ')} entries at the {ctx.where(i)} (entries "
            f"{first + 1} and {i + 1}) and neither is marked as a separate lesion: if they are "
            "two lesions mark the second `separate_lesion`, else remove it",
            (first, i),
            source=SOURCE,
            action="Mark the separate lesion, or remove the repeated entry",
        )
    return repeats


def apply_repeated_code_policy(ctx: CodingContext, lines: list[DraftLine]) -> None:
    """Per-lesion primary codes billed on more than one line with the same modifiers: leave them
    to be merged into units (`units`), or mark each repeat with the profile's 59/XS
    (`distinct_modifier`) or with 76 (`repeat_76`). Identical entries at one site without
    `separate_lesion` are not marked (the warning asks a person), nor are add-on codes."""
    suspect = warn_identical_entries(ctx)
    policy = ctx.profile.repeated_code
    if policy == UNITS:
        return
    modifier = ctx.profile.distinct_modifier if policy == DISTINCT_MODIFIER else "76"
    firsts: dict[tuple[str, tuple[str, ...]], DraftLine] = {}
    for line in lines:
        if line.add_on or not line.per_lesion or None in line.procedures:
            continue
        key = (line.code, tuple(line.modifiers))
        if key not in firsts:
            firsts[key] = line
            continue
        if suspect & {i for i in line.procedures if i is not None}:
            continue
        if modifier not in line.modifiers:
            line.modifiers.append(modifier)
            line.why += (
                f" {modifier}: a separate lesion billed with the same code on its own line, as "
                f"the {ctx.profile.label} profile asks."
            )
