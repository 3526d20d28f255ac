"""Repairs 12001-13153: lengths summed by class and anatomic group, then coded by bracket."""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

from dermcharge.coding.context import CodingContext
from dermcharge.coding.draft import DraftLine
from dermcharge.coding.families import soft_tissue
from dermcharge.coding.families.lesion_size import excised_diameter, hidradenitis_code
from dermcharge.coding.tables import BracketGap, coding_tables, pick_bracket
from dermcharge.domain.claim import Severity
from dermcharge.domain.visit import BIOPSY_KINDS, REPAIR_KINDS, Kind, RepairType

SMALL_BENIGN_CM = Decimal("0.5")


@dataclass(frozen=True)
class Wound:
    """One repaired wound: its class, where, how long, and which procedures it belongs to."""

    repair_type: RepairType
    group: str
    length_cm: Decimal
    procedures: tuple[int, ...]  # the repair (or excision carrying it) first, then its owner
    diagnoses: tuple[str, ...]


def _group(ctx: CodingContext, index: int, repair_type: RepairType) -> str:
    site = ctx.site(index)
    assert site is not None
    return {
        RepairType.SIMPLE: site.simple_repair_group,
        RepairType.INTERMEDIATE: site.intermediate_repair_group,
        RepairType.COMPLEX: site.complex_repair_group,
    }[repair_type]


def _excluded(
    ctx: CodingContext,
    repair_type: RepairType,
    owner: int | None,
    flap_sites: list[int],
    where: int,
) -> str | None:
    """Why a repair is not reported on its own, or None when it is. The repair of a separate
    lesion's wound (`separate_lesion` on the repair or on the excision it closes) is not the
    flap's closure, even at the flap's site (NCCI Policy Manual ch. III: ATT includes the repair
    of the same lesion)."""
    separate = ctx.procedures[where].separate_lesion or (
        owner is not None and ctx.procedures[owner].separate_lesion
    )
    for flap in [] if separate else flap_sites:
        if ctx.same_spot(where, flap) or ctx.same_region(where, flap):
            return "closure by the adjacent tissue transfer at the same site includes it (R-ATT-1)"
    if owner is None:
        return None
    if hidradenitis_code(ctx, owner) is not None:
        return "the hidradenitis excision code (11450-11471) includes its repair (R-EX-1)"
    if soft_tissue.repair_included(ctx, owner, repair_type):
        return (
            "simple and intermediate repair are included in the soft tissue tumour excision "
            "code (CPT; AAD DCC Feb 2026)"
        )
    kind = ctx.procedures[owner].kind
    if repair_type is RepairType.SIMPLE:
        if kind in (Kind.EXCISION_BENIGN, Kind.EXCISION_MALIGNANT):
            return "simple repair is included in the excision (R-EX-5)"
        if kind in BIOPSY_KINDS:
            return "simple closure is included in the punch or incisional biopsy (R-BX-3)"
    if kind is Kind.EXCISION_BENIGN and ctx.profile.ncci_small_benign_repair_bundle:
        size = excised_diameter(ctx, owner)
        if size is not None and size <= SMALL_BENIGN_CM:
            return (
                "NCCI policy includes any repair of a benign excision of 0.5 cm or less "
                "(R-EX-6; a payer that does not follow NCCI may pay it: payer setting)"
            )
    return None


def collect_wounds(ctx: CodingContext) -> list[Wound]:
    """Every repair of the visit that is reported on its own; the rest go to not_billed."""
    flaps = ctx.indices(Kind.ADJACENT_TISSUE_TRANSFER)
    wounds = []
    for i, p in enumerate(ctx.procedures):
        length: Decimal | None
        owner: int | None
        if p.repair is not None:  # nested: the excision's own wound, at its site
            repair_type, length, owner, where = p.repair.type, p.repair.length_cm, i, i
        elif p.kind in REPAIR_KINDS:
            repair_type, length, where = REPAIR_KINDS[p.kind], p.length_cm, i
            owner = ctx.wound_owner(i)
        else:
            continue
        assert length is not None
        why_not = _excluded(ctx, repair_type, owner, flaps, where)
        group = _group(ctx, where, repair_type)
        if why_not:
            code = _code_for_length(repair_type, group, length)
            ctx.draft.leave_off(code, why_not, (i,))
            continue
        dx = ctx.dx(i) or (ctx.dx(owner) if owner is not None else [])
        procs = (i,) if owner in (None, i) else (i, owner)
        wounds.append(Wound(repair_type, group, length, procs, tuple(dx)))
    return wounds


def _code_for_length(repair_type: RepairType, group: str, length: Decimal) -> str:
    """The repair code a wound of this length alone would take (for `not_billed`)."""
    spec = coding_tables()["repair"][str(repair_type)]
    brackets = (
        spec["groups"][group]["brackets"] if repair_type is RepairType.COMPLEX else spec[group]
    )
    if repair_type is RepairType.COMPLEX:
        length = max(length, Decimal(str(spec["minimum_cm"])))
        length = min(length, Decimal(str(spec["add_on_start_cm"])))
    code = pick_bracket(length, brackets)
    return str(brackets[0][1] if isinstance(code, BracketGap) or code is None else code)


def code_repairs(ctx: CodingContext) -> None:
    """Add lengths of repairs of the same class in the same anatomic group; report groups and
    classes separately (R-RP-2); code by bracket (R-RP-4); complex repair add-on units =
    ceil((total - 7.5) / 5). A complex repair totalling 1.0 cm or less has no complex code (CPT
    parenthetical): it is reported as intermediate, with a warning for the coder."""
    totals: dict[tuple[RepairType, str], list[Wound]] = {}
    for wound in _short_complex_as_intermediate(ctx, collect_wounds(ctx)):
        totals.setdefault((wound.repair_type, wound.group), []).append(wound)
    spec = coding_tables()["repair"]
    for (repair_type, group), wounds in totals.items():
        total = sum((w.length_cm for w in wounds), Decimal(0))
        procs = tuple(i for w in wounds for i in w.procedures)
        dx: list[str] = []
        for w in wounds:
            dx.extend(d for d in w.diagnoses if d not in dx)
        lengths = " + ".join(str(w.length_cm) for w in wounds)
        summed = f"{lengths} = {total} cm" if len(wounds) > 1 else f"{total} cm"
        if repair_type is RepairType.COMPLEX:
            _bill_complex(ctx, group, total, procs, dx, summed)
            continue
        code = pick_bracket(total, spec[str(repair_type)][group])
        if isinstance(code, BracketGap):
            _gap(ctx, total, code, procs)
            continue
        ctx.draft.bill(
            DraftLine(
                str(code),
                1,
                procs,
                dx,
                f"{str(repair_type).capitalize()} repair, lengths of the same class and anatomic "
                f"group added: {summed} (R-RP-2, R-RP-4).",
                per_lesion=False,
            )
        )


def _gap(ctx: CodingContext, total: Decimal, gap: BracketGap, procs: tuple[int, ...]) -> None:
    ctx.draft.find(
        Severity.ERROR,
        "size_gap",
        f"Repair length {total} cm falls between the CPT brackets {gap.below} and {gap.above} cm: "
        "record lengths to the 0.1 cm",
        tuple(p for p in procs if p is not None),
        source="CPT repair brackets; coding-rules.md R-EX-9",
        action="Correct the length",
    )


def _bill_complex(
    ctx: CodingContext,
    group: str,
    total: Decimal,
    procs: tuple[int, ...],
    dx: list[str],
    summed: str,
) -> None:
    spec = coding_tables()["repair"]["complex"]
    rule = spec["groups"][group]
    start = Decimal(str(spec["add_on_start_cm"]))
    base = pick_bracket(min(total, start), rule["brackets"])
    if isinstance(base, BracketGap):
        _gap(ctx, total, base, procs)
        return
    why = f"Complex repair, lengths in the same anatomic group added: {summed} (R-RP-2, R-RP-4)."
    ctx.draft.bill(DraftLine(str(base), 1, procs, dx, why, per_lesion=False))
    if total > start:
        units = math.ceil((total - start) / Decimal(str(spec["add_on_step_cm"])))
        ctx.draft.bill(
            DraftLine(
                rule["add_on"],
                units,
                procs,
                dx,
                f"Each further 5 cm or part beyond 7.5 cm of complex repair: ceil(({total} - 7.5) / 5)"
                f" = {units} (R-RP-4).",
                add_on=True,
                per_lesion=False,
            )
        )


def _short_complex_as_intermediate(ctx: CodingContext, wounds: list[Wound]) -> list[Wound]:
    """Complex repairs whose group total is under 1.1 cm, where complex codes start, become
    intermediate repairs of their site's intermediate group and are added to that group's other
    intermediate repairs (CPT parenthetical; R-RP-2, R-RP-4), with a warning for the coder."""
    minimum = Decimal(str(coding_tables()["repair"]["complex"]["minimum_cm"]))
    complex_totals: dict[str, Decimal] = {}
    for w in wounds:
        if w.repair_type is RepairType.COMPLEX:
            complex_totals[w.group] = complex_totals.get(w.group, Decimal(0)) + w.length_cm
    out = []
    for w in wounds:
        if w.repair_type is RepairType.COMPLEX and complex_totals[w.group] < minimum:
            group = _group(ctx, w.procedures[0], RepairType.INTERMEDIATE)
            out.append(Wound(RepairType.INTERMEDIATE, group, w.length_cm, w.procedures,
                             w.diagnoses))  # fmt: skip
            ctx.draft.find(
                Severity.WARNING,
                "repair_class",
                f"A complex repair totalling {complex_totals[w.group]} cm has no complex code "
                "(they start at 1.1 cm): counted as intermediate with the group's other "
                "intermediate repairs. Confirm, or record it as simple if no layered closure "
                "was done.",
                tuple(p for p in w.procedures if p is not None),
                source="CPT complex repair parenthetical (coding-rules.md R-RP-4)",
                action="Confirm the repair class",
            )
        else:
            out.append(w)
    return out
