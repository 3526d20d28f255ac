"""Codes set by a visit's lesion count: AK destruction, benign destruction, skin tags, injections."""

from __future__ import annotations

import math

from dermcharge.coding.context import CodingContext
from dermcharge.coding.draft import DraftLine
from dermcharge.coding.families.drug_supply import bill_drugs
from dermcharge.coding.tables import coding_tables
from dermcharge.domain.claim import Severity
from dermcharge.domain.visit import Kind

ANOGENITAL_SITES = frozenset({"genitalia", "perianal"})


def _counted(ctx: CodingContext, kind: Kind) -> tuple[list[int], int]:
    indices = ctx.indices(kind)
    total = 0
    for i in indices:  # a count of 0 codes nothing; checks/missed_charges.py reports it
        total += ctx.procedures[i].count or 0
    return [i for i in indices if (ctx.procedures[i].count or 0) > 0], total


def actinic_keratoses_entered_as_benign(ctx: CodingContext) -> list[int]:
    """Benign destructions whose own diagnosis is an actinic keratosis (L57.0): the diagnosis
    decides the family — AKs are premalignant lesions, coded 17000-17004, and 17110 covers benign
    lesions "other than ... premalignant" (CPT 17110 descriptor as quoted [S-17110]; R-DE-1,
    R-DE-4; CMS NCD 250.4). Recoded, with a warning (coding_tables destruction_premalignant
    `diagnosis_prefixes`)."""
    prefixes = tuple(coding_tables()["destruction_premalignant"]["diagnosis_prefixes"])
    return [
        i
        for i in ctx.indices(Kind.DESTRUCTION_BENIGN)
        if ctx.dx(i) and all(d.startswith(prefixes) for d in ctx.dx(i))
    ]


def code_premalignant_destruction(ctx: CodingContext) -> None:
    """17000 first lesion, +17003 each of lesions 2-14, 17004 alone for 15 or more — never with
    17000/17003 (R-DE-1, AAD Elston 2011; CMS RAC topic 0121). AKs entered as benign
    destruction count here (`actinic_keratoses_entered_as_benign`)."""
    spec = coding_tables()["destruction_premalignant"]
    indices, n = _counted(ctx, Kind.DESTRUCTION_PREMALIGNANT)
    for i in actinic_keratoses_entered_as_benign(ctx):
        count = ctx.procedures[i].count or 0
        if count == 0:
            continue
        ctx.draft.find(
            Severity.WARNING,
            "code_family",
            f"{count} lesion(s) at the {ctx.where(i)} were entered as benign destruction but "
            "their diagnosis is actinic keratosis: coded as premalignant destruction "
            "(17000-17004), not 17110. Change the entry if they were not AKs",
            (i,),
            source="CPT 17000-17004 premalignant lesions vs 17110 benign lesions (R-DE-1, "
            "R-DE-4; CMS NCD 250.4)",
            action="Confirm the lesions were actinic keratoses",
        )
        indices.append(i)
        n += count
    if n == 0:
        return
    procs = tuple(indices)
    dx = ctx.dx_of(indices)
    if n >= spec["threshold"]:
        ctx.draft.bill(
            DraftLine(
                spec["fifteen_or_more"],
                1,
                procs,
                dx,
                f"{n} premalignant lesions destroyed: 15 or more take 17004 alone (R-DE-1).",
                per_lesion=False,
            )
        )
        why = f"17004 replaces 17000/17003 when 15 or more lesions are destroyed ({n}; R-DE-1)"
        ctx.draft.leave_off(spec["first"], why, procs)
        ctx.draft.leave_off(spec["each_additional"], why, procs)
        return
    ctx.draft.bill(
        DraftLine(
            spec["first"],
            1,
            procs,
            dx,
            "First premalignant lesion destroyed (R-DE-1).",
            per_lesion=False,
        )
    )
    if n > 1:
        ctx.draft.bill(
            DraftLine(
                spec["each_additional"],
                n - 1,
                procs,
                dx,
                f"Lesions 2 to {n} destroyed: {n - 1} units of the add-on (R-DE-1).",
                add_on=True,
                per_lesion=False,
            )
        )


def _anogenital_problem(ctx: CodingContext, index: int) -> str | None:
    """Why a benign destruction cannot go on 17110: at a genital or anal site (their own codes by
    sex and method), or anogenital warts (A63.0) with no site, which may be genital or anal
    (CPT 17110 excludes genital and anal lesions, cross-references to 54050-54065, 56501/56515,
    46900-46924; ICD-10-CM A63.0 anogenital venereal warts)."""
    p = ctx.procedures[index]
    if p.site in ANOGENITAL_SITES:
        return (
            f"Destruction of lesions at the {ctx.where(index)} is coded with the genital or anal "
            "destruction codes (54050-54065, 56501/56515, 46900-46924), which depend on the "
            "patient's sex and the method: code it by hand"
        )
    wart_prefixes = tuple(coding_tables()["destruction_benign"]["anogenital_diagnosis_prefixes"])
    if p.site is None and any(d.startswith(wart_prefixes) for d in ctx.dx(index)):
        return (
            "Anogenital warts were destroyed with no site recorded: on genital or anal skin they "
            "take the genital or anal destruction codes (54050-54065, 56501/56515, 46900-46924), "
            "not 17110. Record the site (a site off the genital and anal skin keeps 17110)"
        )
    return None


def code_benign_destruction(ctx: CodingContext) -> None:
    """17110 for up to 14 benign lesions (one unit a session), 17111 for 15 or more; never both
    (R-DE-4). Anogenital lesions have their own site- and sex-specific codes; AKs entered here
    are coded as premalignant (`actinic_keratoses_entered_as_benign`)."""
    spec = coding_tables()["destruction_benign"]
    indices, n = _counted(ctx, Kind.DESTRUCTION_BENIGN)
    recoded = set(actinic_keratoses_entered_as_benign(ctx))
    keep = []
    for i in indices:
        if i in recoded:
            n -= ctx.procedures[i].count or 0
            continue
        problem = _anogenital_problem(ctx, i)
        if problem:
            ctx.draft.find(
                Severity.ERROR,
                "code_family",
                problem,
                (i,),
                source="CPT 17110 excludes genital and anal lesions (cross-references)",
                action="Record the site, or enter the CPT code by hand",
            )
            n -= ctx.procedures[i].count or 0
        else:
            keep.append(i)
    if n <= 0:
        return
    code = spec["fifteen_or_more"] if n >= spec["threshold"] else spec["up_to_14"]
    other = spec["up_to_14"] if code == spec["fifteen_or_more"] else None
    ctx.draft.bill(
        DraftLine(
            code,
            1,
            tuple(keep),
            ctx.dx_of(keep),
            f"{n} benign lesions destroyed: 17110 covers up to 14, 17111 15 or more, one unit a "
            "session (R-DE-4).",
            per_lesion=False,
        )
    )
    if other:
        ctx.draft.leave_off(
            other, f"17111 replaces 17110 for 15 or more lesions ({n}; R-DE-4)", tuple(keep)
        )


def code_skin_tags(ctx: CodingContext) -> None:
    """11200 up to and including 15 tags; +11201 per further 10 tags or part (R-ST-1)."""
    spec = coding_tables()["skin_tag_removal"]
    indices, n = _counted(ctx, Kind.SKIN_TAG_REMOVAL)
    if n == 0:
        return
    procs, dx = tuple(indices), ctx.dx_of(indices)
    ctx.draft.bill(
        DraftLine(
            spec["first_15"],
            1,
            procs,
            dx,
            f"Skin tag removal, up to and including 15 tags ({n} removed; R-ST-1).",
            per_lesion=False,
        )
    )
    if n > spec["included"]:
        units = math.ceil((n - spec["included"]) / spec["step"])
        ctx.draft.bill(
            DraftLine(
                spec["each_additional_10"],
                units,
                procs,
                dx,
                f"Each further 10 tags or part beyond 15: ceil(({n} - 15) / 10) = {units} (R-ST-1).",
                add_on=True,
                per_lesion=False,
            )
        )


def code_injections(ctx: CodingContext) -> None:
    """11900 up to and including 7 lesions, 11901 more than 7, once per encounter; the drug is
    billed apart by the drug table, e.g. J3301 per 10 mg of triamcinolone acetonide rounded up
    (R-IL-1; HCPCS; CMS Claims Processing Manual ch. 17: a partial unit is billed as a whole unit)."""
    spec = coding_tables()["intralesional_injection"]
    indices, n = _counted(ctx, Kind.INTRALESIONAL_INJECTION)
    if n == 0:
        return
    procs, dx = tuple(indices), ctx.dx_of(indices)
    code = spec["more_than_7"] if n > spec["threshold"] else spec["up_to_7"]
    ctx.draft.bill(
        DraftLine(
            code,
            1,
            procs,
            dx,
            f"Intralesional injection of {n} lesions: 11900 up to 7, 11901 more than 7 (R-IL-1).",
            per_lesion=False,
        )
    )
    # The drug's code and units by the HCPCS descriptor in force, JW/JZ where due (drugs.json).
    bill_drugs(ctx, indices)
