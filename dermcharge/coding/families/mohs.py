"""Mohs micrographic surgery 17311-17315."""

from __future__ import annotations

from dermcharge.coding.context import CodingContext
from dermcharge.coding.draft import DraftLine
from dermcharge.coding.tables import coding_tables
from dermcharge.domain.visit import Kind


def code_mohs(ctx: CodingContext) -> None:
    """Per lesion: first stage 17311 (head, neck, hands, feet, genitalia) or 17313 (trunk, arms,
    legs), +17312/+17314 per further stage, +17315 per block beyond 5 in any stage (R-MO-2, AAPC).
    The repair is reported separately (R-MO-3)."""
    spec = coding_tables()["mohs"]
    included = spec["blocks_per_stage_included"]
    for i in ctx.indices(Kind.MOHS):
        site = ctx.site(i)
        assert site is not None
        stages = ctx.procedures[i].stages
        if not stages:
            continue
        group = spec[site.mohs_group]
        area = (
            "head, neck, hands, feet or genitalia" if site.mohs_group == "H" else "trunk or limbs"
        )
        dx = ctx.dx(i)
        ctx.draft.bill(
            DraftLine(
                group["first_stage"],
                1,
                (i,),
                dx,
                f"Mohs first stage at the {ctx.where(i)} ({area}), up to 5 blocks (R-MO-2).",
            )
        )
        if len(stages) > 1:
            ctx.draft.bill(
                DraftLine(
                    group["additional_stage"],
                    len(stages) - 1,
                    (i,),
                    dx,
                    f"{len(stages) - 1} further stage(s) (R-MO-2).",
                    add_on=True,
                )
            )
        extra = sum(max(0, blocks - included) for blocks in stages)
        if extra:
            ctx.draft.bill(
                DraftLine(
                    spec["extra_block"],
                    extra,
                    (i,),
                    dx,
                    f"Blocks beyond 5 in a stage: {' + '.join(str(max(0, b - included)) for b in stages)}"
                    f" = {extra} (R-MO-2).",
                    add_on=True,
                )
            )
