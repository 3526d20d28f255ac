"""Cosmetic services (chemical peels, dermabrasion, fillers, neurotoxin for lines): always paid by
the patient at the practice's cash price, never put on an insurance claim.

Medicare excludes cosmetic surgery by statute and commercial plans by their cosmetic policies
(coding-rules.md §15, R-COS-3); a service done only for appearance is self-pay, whatever the payer.
"""

from __future__ import annotations

from decimal import Decimal

from dermcharge.codesets.cpt import cpt_table
from dermcharge.coding.context import CodingContext
from dermcharge.coding.drug_table import billing_units, code_for_dose, drugs
from dermcharge.coding.families.entry_gaps import missing
from dermcharge.coding.office_tables import office_tables
from dermcharge.coding.procedure_fields import TOXINS
from dermcharge.domain.claim import ClaimLine, Severity
from dermcharge.domain.visit import Kind

SELF_PAY_WHY = "Cosmetic: self-pay at the practice's cash price, never on an insurance claim"


def _line(ctx: CodingContext, i: int, code: str, units: int, what: str) -> ClaimLine:
    return ClaimLine(
        cpt=code,
        units=units,
        modifiers=(),
        diagnoses=tuple(ctx.dx(i)),
        description=cpt_table().description(code) or what,
        why=f"{what}. {SELF_PAY_WHY} (coding-rules.md §15).",
        procedures=(i,),
    )


def code_cosmetic_services(ctx: CodingContext) -> list[ClaimLine]:
    """The self-pay lines of the visit's cosmetic services (office_procedures.json cosmetic)."""
    spec = office_tables()["cosmetic"]
    lines: list[ClaimLine] = []
    for i, p in enumerate(ctx.procedures):
        if p.kind is Kind.CHEMICAL_PEEL:
            if p.depth is None or p.site is None:
                missing(ctx, i, "depth" if p.depth is None else "site", "facial or not, and depth,")
                continue
            where = "facial" if p.site in spec["facial_sites"] else "nonfacial"
            depth = p.depth
            code = spec["chemical_peel"][where][depth]
            lines.append(_line(ctx, i, code, 1, f"Chemical peel, {where}, {depth}"))
        elif p.kind is Kind.DERMABRASION:
            if p.technique is None:
                missing(ctx, i, "technique", "the extent of the dermabrasion")
                continue
            extent = p.technique
            code = spec["dermabrasion"][extent]
            lines.append(_line(ctx, i, code, 1, f"Dermabrasion, {extent.replace('_', ' ')}"))
        elif p.kind is Kind.FILLER:
            if p.volume_ml is None:
                missing(ctx, i, "volume_ml", "the volume injected")
                continue
            volume = p.volume_ml
            code = next(
                c
                for upper, c in spec["filler_brackets"]
                if upper is None or volume <= Decimal(str(upper))
            )
            lines.append(_line(ctx, i, code, 1, f"Dermal filler, {volume} mL"))
        elif p.kind is Kind.NEUROTOXIN_COSMETIC:
            drug = drugs().get(p.drug or "") if p.drug in TOXINS else None
            dose = p.dose_units
            found = code_for_dose(drug, dose, ctx.visit.date_of_service) if drug and dose else None
            if drug is None or dose is None or found is None:
                ctx.draft.find(
                    Severity.ERROR,
                    "cosmetic",
                    f"Cosmetic neurotoxin at the {ctx.where(i)} needs the toxin (drug) and its "
                    "units (dose_units) to be priced",
                    (i,),
                    action="Record the toxin and units",
                )
                continue
            units = billing_units(dose, found.per_unit)
            lines.append(_line(ctx, i, found.hcpcs, units, f"{drug.label} for lines, {dose} units"))
    return lines
