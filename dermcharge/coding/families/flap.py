"""Adjacent tissue transfer 14000-14302: primary plus secondary defect, by anatomic group."""

from __future__ import annotations

import math
from decimal import Decimal

from dermcharge.coding.context import CodingContext
from dermcharge.coding.draft import DraftLine
from dermcharge.coding.tables import BracketGap, coding_tables, pick_bracket
from dermcharge.domain.claim import Severity
from dermcharge.domain.visit import EXCISION_KINDS, Kind


def excisions_under_flaps(ctx: CodingContext) -> set[int]:
    """Excisions at a flap's site: the flap includes the excision of the lesion whose defect it
    closes (R-ATT-1). An excision marked `separate_lesion` is a different lesion: the flap does
    not include it, and it is billed, with the distinct-service modifier where an NCCI pair
    applies (NCCI Policy Manual ch. III: ATT includes the excision and repair "of the same
    lesion"; AAPC [S24] worked example 14301 + 11603-59)."""
    covered = set()
    for flap in ctx.indices(Kind.ADJACENT_TISSUE_TRANSFER):
        for i in ctx.indices(*EXCISION_KINDS):
            if ctx.procedures[i].separate_lesion:
                continue
            if ctx.same_spot(i, flap) or ctx.same_region(i, flap):
                covered.add(i)
    return covered


def code_flaps(ctx: CodingContext) -> None:
    """Size = primary + secondary defect in sq cm; 14301 for 30.1-60 sq cm anywhere, +14302 per
    further 30 sq cm or part (coding-rules.md §5, R-ATT-1; descriptor quotes, SECONDARY)."""
    spec = coding_tables()["adjacent_tissue_transfer"]
    large = spec["large"]
    for i in ctx.indices(Kind.ADJACENT_TISSUE_TRANSFER):
        site = ctx.site(i)
        assert site is not None
        area = ctx.procedures[i].defect_sq_cm
        assert area is not None
        top = Decimal(str(spec["groups"][site.att_group][-1][0]))
        why = f"Adjacent tissue transfer at the {ctx.where(i)}, defect {area} sq cm (R-ATT-1)."
        if area <= top:
            code = pick_bracket(area, spec["groups"][site.att_group])
            if isinstance(code, BracketGap):
                ctx.draft.find(
                    Severity.ERROR,
                    "size_gap",
                    f"Defect {area} sq cm falls between the CPT brackets {code.below} and "
                    f"{code.above} sq cm",
                    (i,),
                    source="CPT ATT brackets",
                    action="Correct the defect size",
                )
                continue
            ctx.draft.bill(DraftLine(str(code), 1, (i,), ctx.dx(i), why))
            continue
        if top < area < top + Decimal("0.1"):
            ctx.draft.find(
                Severity.ERROR,
                "size_gap",
                f"Defect {area} sq cm falls between {top} and {top + Decimal('0.1')} sq cm",
                (i,),
                source="CPT ATT brackets",
                action="Correct the defect size",
            )
            continue
        ctx.draft.bill(
            DraftLine(large["code"], 1, (i,), ctx.dx(i), why + " 30.1-60 sq cm, any area.")
        )
        upper = Decimal(str(large["upper_sq_cm"]))
        if area > upper:
            units = math.ceil((area - upper) / Decimal(str(large["add_on_step_sq_cm"])))
            ctx.draft.bill(
                DraftLine(
                    large["add_on"],
                    units,
                    (i,),
                    ctx.dx(i),
                    f"Each further 30 sq cm or part beyond 60: {units}.",
                    add_on=True,
                )
            )
