"""Small office procedures: paring 11055-11057, nail trimming 11719, chemical cauterization 17250,
foreign body 10120/10121, debridement 11042-11047, hyperhidrosis 64650/64653 + toxin, vascular
laser 17106-17108, patch tests 95044, and 96372 drug injections with the drug's line."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from dermcharge.coding.context import CodingContext
from dermcharge.coding.draft import DraftLine
from dermcharge.coding.families.drug_supply import bill_drugs
from dermcharge.coding.families.entry_gaps import complete, missing
from dermcharge.coding.office_tables import add_on_units, office_tables
from dermcharge.domain.claim import Severity
from dermcharge.domain.visit import Kind

INJECTION_SOURCE = (
    "CPT 96372 therapeutic injection, subcutaneous or intramuscular, one unit an injection; the "
    "drug on its own line (CMS Pub. 100-04 ch. 12 §30.6.7: 99211 is not paid with it)"
)


def _once(ctx: CodingContext, kind: Kind, code: str, why: str) -> None:
    indices = ctx.indices(kind)
    if indices:
        ctx.draft.bill(
            DraftLine(code, 1, tuple(indices), ctx.dx_of(indices), why, per_lesion=False)
        )


def code_minor_procedures(ctx: CodingContext) -> None:
    t = office_tables()
    _code_paring(ctx)
    _once(ctx, Kind.NAIL_TRIMMING, t["nail_trimming"]["code"],
          "Trimming of non-dystrophic nails, any number: one unit (11719).")  # fmt: skip
    for i in ctx.indices(Kind.CHEMICAL_CAUTERIZATION):
        owner = ctx.wound_owner(i) if ctx.procedures[i].site else None
        if owner is not None and ctx.same_spot(i, owner):
            ctx.draft.leave_off(t["chemical_cauterization"]["code"],
                                "cauterizing today's wound for hemostasis is part of the procedure "
                                "that made it (CPT 17250 note, as quoted on the AAPC forum)", (i,))  # fmt: skip
            continue
        ctx.draft.bill(DraftLine(t["chemical_cauterization"]["code"], 1, (i,), ctx.dx(i),
                                 "Chemical cauterization of granulation tissue (17250)."))  # fmt: skip
    for i in ctx.indices(Kind.FOREIGN_BODY_REMOVAL):
        which = "complicated" if ctx.procedures[i].complicated else "simple"
        code = t["foreign_body_removal"][which]
        ctx.draft.bill(DraftLine(code, 1, (i,), ctx.dx(i),
                                 f"Removal of a subcutaneous foreign body, {which}: {code}."))  # fmt: skip
    _code_debridement(ctx)
    _code_hyperhidrosis(ctx)
    _code_vascular_laser(ctx)
    for i in ctx.indices(Kind.PATCH_TEST):
        units = ctx.procedures[i].count or 0
        if units == 0:
            missing(ctx, i, "count", "the number of tests applied")
            continue
        ctx.draft.bill(DraftLine(t["patch_test"]["code"], units, (i,), ctx.dx(i),
                                 f"Patch tests: {units} units, one a test applied (95044).",
                                 per_lesion=False))  # fmt: skip
    _code_drug_injections(ctx)


def _code_paring(ctx: CodingContext) -> None:
    """11055 one lesion, 11056 two to four, 11057 more than four, one line a visit (R-PA-1)."""
    indices = []
    for i in ctx.indices(Kind.PARING):
        if ctx.procedures[i].count:
            indices.append(i)
        else:
            missing(ctx, i, "count", "the number of lesions pared")
    n = sum(ctx.procedures[i].count or 0 for i in indices)
    if n == 0:
        return
    code = next(
        c for upper, c in office_tables()["paring"]["brackets"] if upper is None or n <= upper
    )
    ctx.draft.bill(DraftLine(code, 1, tuple(indices), ctx.dx_of(indices),
                             f"Paring of {n} benign hyperkeratotic lesions: {code} (R-PA-1).",
                             per_lesion=False))  # fmt: skip
    if any(ctx.procedures[i].site in ("sole", "toe", "foot_dorsum") for i in indices):
        ctx.draft.find(
            Severity.INFO,
            "routine_foot_care",
            "Paring on the foot is routine foot care for Medicare: it needs the systemic "
            "condition and a class-finding modifier (Q7/Q8/Q9) to be covered",
            tuple(indices),
            source="coding-rules.md R-PA-1, R-MOD-Q",
        )


def _code_debridement(ctx: CodingContext) -> None:
    """By the deepest level removed, areas of one depth added: first 20 sq cm, then each further
    20 or part (CPT 11042-11047; NCCI Policy Manual ch. III)."""
    spec = office_tables()["debridement"]
    by_depth: dict[str, list[int]] = defaultdict(list)
    indices = complete(ctx, ctx.indices(Kind.DEBRIDEMENT), "depth", "the deepest level removed")
    for i in complete(ctx, indices, "area_sq_cm", "the debrided area"):
        by_depth[str(ctx.procedures[i].depth)].append(i)
    for depth, procs in by_depth.items():
        first, add_on = spec["depths"][depth]
        area = sum((ctx.procedures[i].area_sq_cm or Decimal(0) for i in procs), Decimal(0))
        dx = ctx.dx_of(procs)
        ctx.draft.bill(DraftLine(first, 1, tuple(procs), dx,
                                 f"Debridement to {depth}, {area} sq cm: {first} for the first 20."))  # fmt: skip
        units = add_on_units(area, spec["first"], spec["step"])
        if units:
            ctx.draft.bill(DraftLine(add_on, units, tuple(procs), dx,
                                     f"Each further 20 sq cm or part: {units} units.",
                                     add_on=True, per_lesion=False))  # fmt: skip


def _code_hyperhidrosis(ctx: CodingContext) -> None:
    """64650 both axillae (one unit); 64653 other areas; the toxin on its own line with JW/JZ."""
    spec = office_tables()["hyperhidrosis_chemodenervation"]
    indices = complete(ctx, ctx.indices(Kind.HYPERHIDROSIS_CHEMODENERVATION), "site",
                       "axillae or another area")  # fmt: skip
    if not indices:
        return
    axillae = [i for i in indices if ctx.procedures[i].site == "axilla"]
    others = [i for i in indices if ctx.procedures[i].site != "axilla"]
    if axillae:
        ctx.draft.bill(DraftLine(spec["axillae"], 1, tuple(axillae), ctx.dx_of(axillae),
                                 "Chemodenervation of eccrine glands, both axillae: 64650 once.",
                                 per_lesion=False))  # fmt: skip
    if others:
        ctx.draft.bill(DraftLine(spec["other_extremity"], 1, tuple(others), ctx.dx_of(others),
                                 "Chemodenervation of eccrine glands, other areas: 64653.",
                                 per_lesion=False))  # fmt: skip
    bill_drugs(ctx, indices)


def _code_vascular_laser(ctx: CodingContext) -> None:
    """By total area treated: under 10 sq cm 17106, 10.0-50.0 17107, over 50.0 17108 (§6c)."""
    indices = complete(ctx, ctx.indices(Kind.VASCULAR_LASER), "area_sq_cm", "the treated area")
    if not indices:
        return
    area = sum((ctx.procedures[i].area_sq_cm or Decimal(0) for i in indices), Decimal(0))
    code = "17106" if area < 10 else "17107" if area <= 50 else "17108"
    ctx.draft.bill(DraftLine(code, 1, tuple(indices), ctx.dx_of(indices),
                             f"Vascular lesion destruction, {area} sq cm in all: {code} (§6c).",
                             per_lesion=False))  # fmt: skip


def _code_drug_injections(ctx: CodingContext) -> None:
    """96372, one unit an injection (count, default 1), and the drug's line(s)."""
    indices = ctx.indices(Kind.DRUG_INJECTION)
    if not indices:
        return
    units = sum(ctx.procedures[i].count or 1 for i in indices)
    ctx.draft.bill(DraftLine("96372", units, tuple(indices), ctx.dx_of(indices),
                             f"Therapeutic injection, IM or SC: {units} ({INJECTION_SOURCE}).",
                             per_lesion=False))  # fmt: skip
    bill_drugs(ctx, indices)


def em_beside_injection(
    ctx: CodingContext, em_line: DraftLine | None, lines: list[DraftLine]
) -> DraftLine | None:
    """99211 is not paid with a drug administration code such as 96372 (CMS Pub. 100-04 ch. 12
    §30.6.7); any other E/M beside it needs 25 (NCCI PTP E/M vs 96372, indicator 1)."""
    if em_line is None or em_line.code != "99211":
        return em_line
    if not any(line.code == "96372" for line in lines):
        return em_line
    ctx.draft.leave_off("99211", f"99211 is not paid with 96372 ({INJECTION_SOURCE})", (None,))
    return None
