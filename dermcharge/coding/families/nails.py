"""Nail procedures: debridement 11720/11721, avulsion 11730/+11732, matrix excision 11750."""

from __future__ import annotations

from dermcharge.coding.context import CodingContext
from dermcharge.coding.draft import DraftLine
from dermcharge.coding.modifiers import digit_modifier
from dermcharge.coding.tables import coding_tables
from dermcharge.domain.claim import Severity
from dermcharge.domain.visit import Kind


def _digit_mods(ctx: CodingContext, index: int) -> list[str]:
    if not ctx.profile.digit_modifiers_on_nails:
        return []
    mod = digit_modifier(ctx.procedures[index])
    return [mod] if mod else []


def code_nails(ctx: CodingContext) -> None:
    """Debridement: 11720 for 1-5 nails, 11721 for 6 or more, one unit a day. Avulsion: 11730 for
    the first nail plate, +11732 each further one. 11750 per nail for permanent matrix removal;
    an avulsion of the same digit is included (R-NL-1; CMS A57193; oregonbillingservice)."""
    spec = coding_tables()["nails"]
    debrided = ctx.indices(Kind.NAIL_DEBRIDEMENT)
    n = sum(ctx.procedures[i].count or 0 for i in debrided)
    if n:
        code = (
            spec["debridement_6_or_more"]
            if n >= spec["debridement_threshold"]
            else spec["debridement_1_to_5"]
        )
        ctx.draft.bill(
            DraftLine(
                code,
                1,
                tuple(debrided),
                ctx.dx_of(debrided),
                f"Debridement of {n} nails: 11720 for 1-5, 11721 for 6 or more, once a day (R-NL-1).",
                per_lesion=False,
            )
        )
        if ctx.visit.payer == "medicare":
            ctx.draft.find(
                Severity.INFO,
                "routine_foot_care",
                "Medicare pays nail debridement as routine foot care only with a qualifying "
                "systemic condition and class findings (modifiers Q7/Q8/Q9)",
                tuple(debrided),
                source="coding-rules.md R-MOD-Q, R-PA-1",
                action="Add the class-finding modifier if it applies",
            )
    matrix = ctx.indices(Kind.NAIL_MATRIX_EXCISION)
    for i in matrix:
        ctx.draft.bill(
            DraftLine(
                spec["matrix_excision"],
                1,
                (i,),
                ctx.dx(i),
                f"Permanent removal of the nail and matrix, {ctx.where(i)} (R-NL-1).",
                modifiers=_digit_mods(ctx, i),
            )
        )
    avulsions = []
    for i in ctx.indices(Kind.NAIL_AVULSION):
        if any(ctx.same_spot(i, j) for j in matrix):
            ctx.draft.leave_off(
                spec["avulsion_first"],
                f"avulsion of the {ctx.where(i)} nail is included in its matrix excision (R-NL-1)",
                (i,),
            )
        else:
            avulsions.append(i)
    for n_nail, i in enumerate(avulsions):
        first = n_nail == 0
        ctx.draft.bill(
            DraftLine(
                spec["avulsion_first"] if first else spec["avulsion_each_additional"],
                1,
                (i,),
                ctx.dx(i),
                f"Avulsion of the {ctx.where(i)} nail plate: "
                + ("the first nail (R-NL-1)." if first else "each further nail (R-NL-1)."),
                add_on=not first,
                modifiers=_digit_mods(ctx, i),
            )
        )
