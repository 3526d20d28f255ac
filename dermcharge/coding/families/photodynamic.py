"""Photodynamic therapy 96567/96573/96574, one code a day, with the photosensitiser's own line."""

from __future__ import annotations

from dermcharge.coding.context import CodingContext
from dermcharge.coding.draft import DraftLine
from dermcharge.coding.families.drug_supply import bill_drugs
from dermcharge.coding.families.entry_gaps import complete
from dermcharge.coding.office_tables import office_tables
from dermcharge.domain.claim import Severity
from dermcharge.domain.visit import Kind


def code_photodynamic(ctx: CodingContext) -> None:
    """One PDT code a day: 96574 (debridement then physician-applied PDT) over 96573 (physician-
    applied) over 96567 (staff-applied); the photosensitiser on its own line (J7308/J7309/J7345).
    Destruction of AKs of the same area is part of the session (NCCI pairs in ncci_ptp_derm.json,
    applied by modifiers.apply_distinct_service). Source: office_procedures.json
    photodynamic_therapy (Cutis/mdedge Elston 2018)."""
    spec = office_tables()["photodynamic_therapy"]
    indices = complete(
        ctx,
        ctx.indices(Kind.PHOTODYNAMIC_THERAPY),
        "technique",
        "who applied the photosensitiser, and whether lesions were debrided first,",
    )
    if not indices:
        return
    ranked = sorted(indices, key=lambda i: spec["rank"].index(ctx.procedures[i].technique))
    chosen = str(ctx.procedures[ranked[0]].technique)
    code = spec["codes"][chosen]
    ctx.draft.bill(
        DraftLine(
            code,
            1,
            tuple(indices),
            ctx.dx_of(indices),
            f"Photodynamic therapy, {chosen.replace('_', ' ')}: {code}, once a day whatever the "
            "number of areas or lesions (CPT PDT codes per day; Elston 2018).",
            per_lesion=False,
        )
    )
    for i in ranked[1:]:
        other = spec["codes"][str(ctx.procedures[i].technique)]
        ctx.draft.leave_off(
            other, f"one PDT code a day: {code} covers the session at the {ctx.where(i)}", (i,)
        )
    if len(indices) > 1:
        ctx.draft.find(
            Severity.INFO,
            "code_family",
            f"{len(indices)} PDT entries today are one PDT service ({code}, per day)",
            tuple(indices),
            source=spec["source"],
        )
    bill_drugs(ctx, indices)
