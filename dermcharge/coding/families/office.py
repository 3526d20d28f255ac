"""Office treatments coded once a visit: I&D, acne surgery, phototherapy and excimer laser."""

from __future__ import annotations

from decimal import Decimal

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
    (R-PH-1). The codes are per session (CPT; AAD DCC May 2022): entries of one modality on the
    day are one session, billed once with a warning; two modalities on one day cannot be told
    apart from two sessions, so they are an error for a person, never two units."""
    spec = coding_tables()["phototherapy"]
    indices = ctx.indices(Kind.PHOTOTHERAPY)
    by_modality: dict[str, list[int]] = {}
    for i in indices:
        by_modality.setdefault(str(ctx.procedures[i].modality), []).append(i)
    if len(by_modality) > 1:
        codes = sorted(spec[m] for m in by_modality)
        ctx.draft.find(
            Severity.ERROR,
            "phototherapy_session",
            f"Phototherapy of {len(by_modality)} kinds on one day ({', '.join(codes)}): the codes "
            "are per session, and one session has one modality. Keep the one given, or record "
            "the second session's separate visit",
            tuple(indices),
            source="CPT 96900-96913 per session; AAD DCC 'See the light' (May 2022); R-PH-1",
            action="Keep one phototherapy entry for the session",
        )
        for modality, procs in by_modality.items():
            ctx.draft.leave_off(
                spec[modality], "one phototherapy session a day (R-PH-1)", tuple(procs)
            )
        return
    for modality, procs in by_modality.items():
        if len(procs) > 1:
            ctx.draft.find(
                Severity.WARNING,
                "phototherapy_session",
                f"Phototherapy ({modality.replace('_', ' ')}) was entered {len(procs)} times: "
                "billed once, as one session (the code is per session)",
                tuple(procs),
                source="CPT 96900-96913 per session; AAD DCC May 2022; R-PH-1",
                action="Remove the duplicate entry",
            )
        ctx.draft.bill(
            DraftLine(
                spec[modality],
                1,
                tuple(procs),
                ctx.dx_of(procs),
                f"Phototherapy, {modality.replace('_', ' ')}, one session (R-PH-1).",
                per_lesion=False,
            )
        )


def excimer_code(area: Decimal) -> str:
    """96920 under 250 sq cm, 96921 250-500, 96922 over 500 (R-PH-1, AAD DCC Nov 2023)."""
    spec = coding_tables()["excimer_laser"]
    if area < spec["small_below_sq_cm"]:
        return str(spec["small"])
    if area <= spec["medium_up_to_sq_cm"]:
        return str(spec["medium"])
    return str(spec["large"])


def code_excimer(ctx: CodingContext) -> None:
    """One code for the session by the TOTAL area treated: the descriptors count the total area
    of all psoriatic plaques treated at a session, so the entries' areas are summed, never coded
    one by one (CPT 96920-96922 "total area"; AAD DCC Nov 2023). Excimer laser for psoriasis
    only since 2024 (R-PH-1)."""
    psoriasis: list[int] = []
    for i in ctx.indices(Kind.EXCIMER_LASER):
        dx = ctx.dx(i)
        if dx and not all(d.startswith("L40") for d in dx):
            area = ctx.procedures[i].area_sq_cm
            assert area is not None
            ctx.draft.leave_off(
                excimer_code(area),
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
        psoriasis.append(i)
    if not psoriasis:
        return
    areas = [ctx.procedures[i].area_sq_cm or Decimal(0) for i in psoriasis]
    total = sum(areas, Decimal(0))
    summed = " + ".join(str(a) for a in areas) + f" = {total}" if len(areas) > 1 else str(total)
    ctx.draft.bill(
        DraftLine(
            excimer_code(total),
            1,
            tuple(psoriasis),
            ctx.dx_of(psoriasis),
            f"Excimer laser for psoriasis, total area of the session {summed} sq cm (R-PH-1).",
            per_lesion=False,
        )
    )
