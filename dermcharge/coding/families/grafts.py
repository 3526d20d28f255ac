"""Skin grafts: split 15100-15121 and full-thickness 15200-15261 by site group and area, recipient-
site preparation 15002-15005, and what the graft includes (the closure of the wound it covers,
the direct closure of its donor site)."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from dermcharge.coding.context import CodingContext
from dermcharge.coding.draft import DraftLine
from dermcharge.coding.families.entry_gaps import complete
from dermcharge.coding.office_tables import add_on_units, office_tables
from dermcharge.domain.claim import Severity
from dermcharge.domain.visit import Kind

REPAIR_PREFIXES = ("120", "121", "130", "131")  # 12001-13160: layered, simple and complex repair


def _group(ctx: CodingContext, i: int, block: str) -> str:
    spec = office_tables()["skin_graft"]
    site = ctx.site(i)
    assert site is not None
    if block == "full_thickness":
        return site.att_group  # the same site lists as adjacent tissue transfer (CPT)
    return "special" if site.id in spec["split_special_sites"] else "trunk_limbs"


def _bill_by_area(
    ctx: CodingContext, block: str, group: str, procs: list[int], area: Decimal, what: str
) -> None:
    spec = office_tables()["skin_graft"][block]
    first_code, add_on = spec["groups"][group]
    dx = ctx.dx_of(procs)
    ctx.draft.bill(
        DraftLine(
            first_code,
            1,
            tuple(procs),
            dx,
            f"{what} of {area} sq cm: {first_code} for the first {spec['first']} sq cm "
            "(office_procedures.json skin_graft).",
        )
    )
    units = add_on_units(area, spec["first"], spec["step"])
    if units:
        ctx.draft.bill(
            DraftLine(
                add_on,
                units,
                tuple(procs),
                dx,
                f"{what}: each further {spec['step']} sq cm or part beyond {spec['first']}: "
                f"ceil(({area} - {spec['first']}) / {spec['step']}) = {units} units.",
                add_on=True,
                per_lesion=False,
            )
        )


def code_grafts(ctx: CodingContext) -> None:
    """Areas of one graft type in one site group add up; the add-on counts each further step or
    part (CPT skin replacement guidelines as quoted by AAPC). Recipient-site preparation
    (15002-15005) is billed only when recorded (prep_sq_cm) and never for the wound of an
    excision or Mohs the graft closes (CPT guideline quoted on the AAPC forum, 'Excise SCC with
    skin graft closure'). Source: office_procedures.json."""
    indices = complete(ctx, ctx.indices(Kind.SKIN_GRAFT), "technique", "split or full thickness")
    indices = complete(ctx, indices, "area_sq_cm", "the grafted area")
    indices = complete(ctx, indices, "site", "the site group")
    if not indices:
        return
    areas: dict[tuple[str, str], list[int]] = defaultdict(list)
    preps: dict[str, list[int]] = defaultdict(list)
    for i in indices:
        p = ctx.procedures[i]
        block = str(p.technique)
        areas[(block, _group(ctx, i, block))].append(i)
        if p.prep_sq_cm:
            owner = ctx.wound_owner(i)
            if owner is None:
                preps[_group(ctx, i, "recipient_prep")].append(i)
            else:
                code = office_tables()["skin_graft"]["recipient_prep"]["groups"][
                    _group(ctx, i, "recipient_prep")
                ][0]
                ctx.draft.leave_off(
                    code,
                    f"the graft closes the wound of the {ctx.procedures[owner].kind.replace('_', ' ')}"
                    " that created it: recipient-site preparation is not reported with it (CPT "
                    "graft guidelines as quoted on the AAPC forum)",
                    (i,),
                )
    for (block, group), procs in areas.items():
        total = sum((ctx.procedures[i].area_sq_cm or Decimal(0) for i in procs), Decimal(0))
        what = "Full-thickness graft" if block == "full_thickness" else "Split-thickness graft"
        _bill_by_area(ctx, block, group, procs, total, what)
    for group, procs in preps.items():
        total = sum((ctx.procedures[i].prep_sq_cm or Decimal(0) for i in procs), Decimal(0))
        _bill_by_area(ctx, "recipient_prep", group, procs, total, "Recipient-site preparation")
    _graft_includes_closure(ctx, indices)


def _graft_includes_closure(ctx: CodingContext, grafts: list[int]) -> None:
    """A repair of the wound the graft covers is not billed: the graft is that wound's closure.
    A repair with no wound of its own on a graft day may be the donor site's direct closure,
    which the graft code includes (CPT graft descriptors, 'including direct closure of donor
    site'; AAPC Otolaryngology Coding Alert; a donor site needing a graft or flap is billed)."""
    kept = []
    for line in ctx.draft.lines:
        procs = [i for i in line.procedures if i is not None]
        covered = line.code.startswith(REPAIR_PREFIXES) and any(
            ctx.same_spot(i, g) and not ctx.procedures[i].separate_lesion
            for i in procs
            for g in grafts
        )
        if covered:
            ctx.draft.leave_off(
                line.code,
                "the skin graft closes this wound: a repair of the same wound is not billed",
                tuple(line.procedures),
            )
        else:
            kept.append(line)
    ctx.draft.lines[:] = kept
    repair_kinds = (Kind.REPAIR_SIMPLE, Kind.REPAIR_INTERMEDIATE, Kind.REPAIR_COMPLEX)
    for i in ctx.indices(*repair_kinds):
        if ctx.wound_owner(i) is None and not any(ctx.same_spot(i, g) for g in grafts):
            ctx.draft.find(
                Severity.WARNING,
                "bundled_services",
                f"The repair at the {ctx.where(i)} closes no wound recorded today: if it is the "
                "graft's donor site, its direct closure is included in the graft code",
                (i,),
                source=office_tables()["skin_graft"]["source"],
                action="Remove the repair if it closed the donor site",
            )
