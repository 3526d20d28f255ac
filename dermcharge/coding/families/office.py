"""Office treatments coded once a visit: I&D, acne surgery, phototherapy and excimer laser."""

from __future__ import annotations

from dermcharge.coding.context import CodingContext
from dermcharge.coding.draft import DraftLine
from dermcharge.coding.tables import coding_tables
from dermcharge.domain.claim import Severity
from dermcharge.domain.visit import Kind


def code_drainage(ctx: CodingContext) -> None:
    """10060 simple or single; 10061 complicated or multiple — several simple abscesses drained
    at one visit are 10061 once (R-ID-1, CPT Assistant 2005)."""
    spec = coding_tables()["incision_drainage"]
    indices = ctx.indices(Kind.INCISION_DRAINAGE)
    if not indices:
        return
    procs, dx = tuple(indices), ctx.dx_of(indices)
    complicated = any(ctx.procedures[i].complicated for i in indices)
    if complicated or len(indices) > 1:
        reason = "complicated" if complicated else f"multiple ({len(indices)} abscesses)"
        ctx.draft.bill(
            DraftLine(
                spec["complicated_or_multiple"],
                1,
                procs,
                dx,
                f"Incision and drainage, {reason}: 10061 once (R-ID-1).",
                per_lesion=False,
            )
        )
        ctx.draft.leave_off(
            spec["simple_single"],
            f"10061 covers complicated or multiple drainage ({reason}; R-ID-1)",
            procs,
        )
    else:
        ctx.draft.bill(
            DraftLine(
                spec["simple_single"],
                1,
                procs,
                dx,
                "Incision and drainage of a single simple abscess (R-ID-1).",
                per_lesion=False,
            )
        )


def code_acne_surgery(ctx: CodingContext) -> None:
    """10040 acne surgery, once a visit (R-AC-1, AAD 2019)."""
    indices = ctx.indices(Kind.ACNE_SURGERY)
    if indices:
        ctx.draft.bill(
            DraftLine(
                coding_tables()["acne_surgery"]["code"],
                1,
                tuple(indices),
                ctx.dx_of(indices),
                "Acne surgery: opening or removal of multiple milia, comedones, "
                "cysts or pustules (R-AC-1).",
                per_lesion=False,
            )
        )


def code_phototherapy(ctx: CodingContext) -> None:
    """96900 UV light alone; 96910 UVB with tar or petrolatum applied in the office; 96912 PUVA
    (R-PH-1)."""
    spec = coding_tables()["phototherapy"]
    for i in ctx.indices(Kind.PHOTOTHERAPY):
        modality = ctx.procedures[i].modality
        assert modality is not None
        ctx.draft.bill(
            DraftLine(
                spec[str(modality)],
                1,
                (i,),
                ctx.dx(i),
                f"Phototherapy, {str(modality).replace('_', ' ')} (R-PH-1).",
                per_lesion=False,
            )
        )


def code_excimer(ctx: CodingContext) -> None:
    """96920 under 250 sq cm, 96921 250-500, 96922 over 500 — excimer laser for psoriasis only
    since 2024 (R-PH-1, AAD DCC Nov 2023)."""
    spec = coding_tables()["excimer_laser"]
    for i in ctx.indices(Kind.EXCIMER_LASER):
        area = ctx.procedures[i].area_sq_cm
        assert area is not None
        if area < spec["small_below_sq_cm"]:
            code = spec["small"]
        elif area <= spec["medium_up_to_sq_cm"]:
            code = spec["medium"]
        else:
            code = spec["large"]
        dx = ctx.dx(i)
        if dx and not all(d.startswith("L40") for d in dx):
            ctx.draft.leave_off(
                code,
                "excimer laser codes 96920-96922 describe treatment of "
                "psoriasis only since 2024 (R-PH-1)",
                (i,),
            )
            ctx.draft.find(
                Severity.ERROR,
                "diagnosis_support",
                f"Excimer laser for {', '.join(dx)} is not psoriasis: 96920-96922 do not fit. "
                "Code it by hand (the unlisted 96999 is often suggested; unverified)",
                (i,),
                source="AAD DCC Nov 2023 (2024 CPT revision of 96920-96922)",
                action="Enter the code by hand",
            )
            continue
        ctx.draft.bill(
            DraftLine(
                code,
                1,
                (i,),
                dx,
                f"Excimer laser for psoriasis, {area} sq cm (R-PH-1).",
                per_lesion=False,
            )
        )
