"""Skin biopsies 11102-11107."""

from __future__ import annotations

from dermcharge.coding.context import CodingContext
from dermcharge.coding.draft import DraftLine
from dermcharge.coding.tables import coding_tables
from dermcharge.domain.claim import Severity
from dermcharge.domain.visit import BIOPSY_KINDS, EXCISION_KINDS, Kind

# Procedures more extensive than a biopsy of the same lesion (NCCI ch. I, coding-rules.md R-BX-2).
MORE_EXTENSIVE = EXCISION_KINDS | {
    Kind.SHAVE_REMOVAL,
    Kind.DESTRUCTION_MALIGNANT,
    Kind.DESTRUCTION_BENIGN,
    Kind.DESTRUCTION_PREMALIGNANT,
    Kind.MOHS,
    Kind.ADJACENT_TISSUE_TRANSFER,
}


def _more_extensive_by_region(ctx: CodingContext) -> dict[str | None, list[int]]:
    """The procedures a biopsy could be part of, by anatomic region, in the order performed.
    Built once a visit: scanning every procedure for every biopsy made coding time grow with
    the square of the biopsy count (issue 13: 20,000 biopsies took 27 s)."""
    by_region: dict[str | None, list[int]] = {}
    for j, other in enumerate(ctx.procedures):
        if other.kind not in MORE_EXTENSIVE or ctx.spots[j] is None or other.separate_lesion:
            continue
        site = ctx.site(j)
        by_region.setdefault(site.region if site is not None else None, []).append(j)
    return by_region


def _same_lesion_procedure(
    ctx: CodingContext, biopsy: int, candidates: dict[str | None, list[int]]
) -> int | None:
    """A more extensive procedure on the biopsied lesion: at the same spot, or in the same
    region (a biopsy of the nasal ala and an excision entered at the nose), not marked as a
    separate lesion and not for a different diagnosis. Same spot means same site, so both
    cases are in the biopsy's own region of `candidates`."""
    if ctx.spots[biopsy] is None or ctx.procedures[biopsy].separate_lesion:
        return None
    site = ctx.site(biopsy)
    for j in candidates.get(site.region if site is not None else None, ()):
        if not (ctx.same_spot(biopsy, j) or ctx.same_region(biopsy, j)):
            continue
        dx_biopsy, dx_other = set(ctx.dx(biopsy)), set(ctx.dx(j))
        if dx_biopsy and dx_other and not dx_biopsy & dx_other:
            continue
        return j
    return None


def code_biopsies(ctx: CodingContext) -> None:
    """One primary biopsy code per encounter, the highest-ranked technique (incisional > punch >
    tangential); every other biopsy takes the add-on code of its own technique (R-BX-1, AAD 2019).
    A biopsy of a lesion then removed or destroyed at the same visit is part of that procedure
    (R-BX-2, NCCI Policy Manual ch. I)."""
    table = coding_tables()["biopsy"]
    billable = []
    candidates = _more_extensive_by_region(ctx)
    for i in ctx.indices(*BIOPSY_KINDS):
        kind = ctx.procedures[i].kind
        target = _same_lesion_procedure(ctx, i, candidates)
        if target is None:
            billable.append(i)
            continue
        done = ctx.procedures[target].kind.replace("_", " ")
        ctx.draft.leave_off(
            table["codes"][kind]["primary"],
            f"the biopsy at the {ctx.where(i)} is of the lesion treated by the {done} at the same "
            "visit, which includes it (NCCI ch. I, R-BX-2)",
            (i, target),
        )
        ctx.draft.find(
            Severity.WARNING,
            "biopsy_same_lesion",
            f"Biopsy at the {ctx.where(i)} was taken as part of the {done} there. If it was a "
            "different lesion, mark it as a separate lesion; if it was read before deciding on "
            "the procedure (frozen section), it is billable with a distinct-service modifier.",
            (i, target),
            source="NCCI Policy Manual ch. I (via AAPC); coding-rules.md R-BX-2",
            action="Mark the biopsy as a separate lesion if it was one",
        )
    if not billable:
        return
    rank = table["rank"]
    primary = min(billable, key=lambda i: (rank.index(ctx.procedures[i].kind), i))
    kind = ctx.procedures[primary].kind
    ctx.draft.bill(
        DraftLine(
            table["codes"][kind]["primary"],
            1,
            (primary,),
            ctx.dx(primary),
            f"The first biopsy, of the highest-ranked technique done today ({kind.split('_')[1]}), "
            "takes the primary biopsy code (R-BX-1: incisional > punch > tangential).",
        )
    )
    for i in billable:
        if i == primary:
            continue
        kind = ctx.procedures[i].kind
        ctx.draft.bill(
            DraftLine(
                table["codes"][kind]["add_on"],
                1,
                (i,),
                ctx.dx(i),
                f"Each further biopsy takes the add-on code of its own technique "
                f"({kind.split('_')[1]}), R-BX-1.",
                add_on=True,
            )
        )
