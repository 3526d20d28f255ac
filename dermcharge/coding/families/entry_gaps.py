"""A procedure entered in the GUI without a field its code depends on: an error for a person,
never a default the engine picks (the CLI refuses such input; the capture flow codes as you go)."""

from __future__ import annotations

from dermcharge.coding.context import CodingContext
from dermcharge.domain.claim import Severity


def missing(ctx: CodingContext, index: int, field: str, what: str) -> None:
    p = ctx.procedures[index]
    ctx.draft.find(
        Severity.ERROR,
        "missing_field",
        f"{p.kind.replace('_', ' ').capitalize()} at the {ctx.where(index)} has no {field}: "
        f"{what} decides the code",
        (index,),
        source="coding-api.md as extended in README (Procedures added in 2026)",
        action=f"Enter {field}",
    )


def complete(ctx: CodingContext, indices: list[int], field: str, what: str) -> list[int]:
    """The procedures of `indices` that have `field`; an error finding for each that lacks it."""
    kept = []
    for i in indices:
        if getattr(ctx.procedures[i], field) is None:
            missing(ctx, i, field, what)
        else:
            kept.append(i)
    return kept
