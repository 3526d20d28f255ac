"""Shave removal 11300-11313, excision 11400-11646, malignant destruction 17260-17286: site and size."""

from __future__ import annotations

from decimal import Decimal

from dermcharge.coding.context import CodingContext
from dermcharge.coding.draft import DraftLine
from dermcharge.coding.families.soft_tissue import code_soft_tissue_excision
from dermcharge.coding.tables import BracketGap, coding_tables, pick_bracket
from dermcharge.domain.claim import Severity
from dermcharge.domain.visit import Kind, RepairType

GAP_SOURCE = "CPT size brackets stated to 0.1 cm; coding-rules.md R-EX-9 (flag, never round)"


def excised_diameter(ctx: CodingContext, index: int) -> Decimal | None:
    """Lesion diameter plus twice the narrowest margin, or the recorded excised diameter (R-EX-2)."""
    p = ctx.procedures[index]
    if p.excised_cm is not None:
        return p.excised_cm
    if p.lesion_cm is None or p.margin_cm is None:
        return None
    return p.lesion_cm + 2 * p.margin_cm


def _sized_code(ctx: CodingContext, index: int, family: str, size: Decimal) -> str | None:
    spec = coding_tables()[family]
    site = ctx.site(index)
    assert site is not None
    brackets = coding_tables()["lesion_brackets"][spec["brackets"]]
    step = pick_bracket(size, brackets)
    if isinstance(step, BracketGap):
        ctx.draft.find(
            Severity.ERROR,
            "size_gap",
            f"{size} cm at the {ctx.where(index)} falls between the CPT brackets "
            f"{step.below} cm and {step.above} cm: re-measure in whole millimetres; "
            "the line is left out until then",
            (index,),
            source=GAP_SOURCE,
            action="Correct the measurement",
        )
        return None
    return str(spec["base"][site.excision_group] + int(step))


def _code_each_lesion(ctx: CodingContext, kind: Kind, family: str, why: str) -> None:
    """One code per lesion from its site group and clinical lesion diameter; `why` is formatted
    with the lesion's place and size."""
    for i in ctx.indices(kind):
        size = ctx.procedures[i].lesion_cm
        assert size is not None
        code = _sized_code(ctx, i, family, size)
        if code:
            ctx.draft.bill(
                DraftLine(code, 1, (i,), ctx.dx(i), why.format(where=ctx.where(i), size=size))
            )


def code_shave_removals(ctx: CodingContext) -> None:
    """One code per lesion by site group and lesion diameter, no margins (R-SH-1)."""
    _code_each_lesion(
        ctx,
        Kind.SHAVE_REMOVAL,
        "shave_removal",
        "Shave removal at the {where}: site group and lesion diameter {size} cm, margins not "
        "added (R-SH-1).",
    )


def hidradenitis_code(ctx: CodingContext, index: int) -> str | None:
    """11450-11471 for a benign excision of hidradenitis in the axilla, groin or perianal skin,
    by the class of its repair, which the code includes (R-EX-1; CPT site and repair structure)."""
    p = ctx.procedures[index]
    spec = coding_tables()["excision_hidradenitis"]
    if p.kind is not Kind.EXCISION_BENIGN or p.site not in spec["sites"]:
        return None
    if not any(d.startswith(spec["diagnosis_prefix"]) for d in ctx.dx(index)):
        return None
    complex_repair = p.repair is not None and p.repair.type is RepairType.COMPLEX
    return str(spec["sites"][p.site]["complex" if complex_repair else "simple_or_intermediate"])


def _code_hidradenitis(ctx: CodingContext, index: int, code: str) -> None:
    repair = ctx.procedures[index].repair
    how = f"{repair.type} repair included" if repair else "simple or intermediate repair included"
    ctx.draft.bill(
        DraftLine(
            code,
            1,
            (index,),
            ctx.dx(index),
            f"Excision for hidradenitis at the {ctx.where(index)}, {how} (R-EX-1: 11450-11471).",
        )
    )


def code_excisions(ctx: CodingContext, covered_by_flap: set[int]) -> None:
    """One code per excised lesion, never added together; excised diameter = lesion + 2 x
    narrowest margin (R-EX-1..R-EX-4). An excision closed by adjacent tissue transfer at the same
    site is included in the flap (R-ATT-1)."""
    for i in ctx.indices(Kind.EXCISION_BENIGN, Kind.EXCISION_MALIGNANT):
        p = ctx.procedures[i]
        hidradenitis = hidradenitis_code(ctx, i)
        if hidradenitis is not None and i not in covered_by_flap:
            _code_hidradenitis(ctx, i, hidradenitis)
            continue
        if any(d.startswith("L73.2") for d in ctx.dx(i)):
            ctx.draft.find(
                Severity.WARNING,
                "code_family",
                f"Hidradenitis excised at the {ctx.where(i)}: the hidradenitis codes "
                "(11450-11471) cover the axilla, groin and perianal, perineal or umbilical skin; "
                "coded here as a lesion excision — check the site",
                (i,),
                source="coding-rules.md R-EX-1",
                action="Check the site",
            )
        family = str(p.kind)
        size = excised_diameter(ctx, i)
        assert size is not None
        if i not in covered_by_flap and code_soft_tissue_excision(ctx, i, size):
            continue
        code = _sized_code(ctx, i, family, size)
        if code is None:
            continue
        if i in covered_by_flap:
            ctx.draft.leave_off(
                code,
                f"the excision at the {ctx.where(i)} is included in the "
                "adjacent tissue transfer that closed it (R-ATT-1)",
                (i,),
            )
            continue
        kind = "malignant" if p.kind is Kind.EXCISION_MALIGNANT else "benign"
        how = (
            f"lesion {p.lesion_cm} cm + 2 x {p.margin_cm} cm margin = {size} cm"
            if p.excised_cm is None
            else f"excised diameter {size} cm"
        )
        ctx.draft.bill(
            DraftLine(
                code,
                1,
                (i,),
                ctx.dx(i),
                f"Excision of a {kind} lesion at the {ctx.where(i)}: {how} (R-EX-2, R-EX-3).",
            )
        )


def code_malignant_destructions(ctx: CodingContext) -> None:
    """One code per lesion by site group and lesion diameter (R-DE-6)."""
    _code_each_lesion(
        ctx,
        Kind.DESTRUCTION_MALIGNANT,
        "destruction_malignant",
        "Destruction of a malignant lesion at the {where}, {size} cm (R-DE-6; clinical "
        "diameter as documented).",
    )
