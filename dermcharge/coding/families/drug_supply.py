"""The drug line(s) beside an administration code: HCPCS code and units in force on the date of
service, and JW/JZ for drugs from single-dose containers.

Rules (resources/data/drugs.json): units from the HCPCS descriptor in force on the date, a partial
unit billed as a whole one; for a single-dose container the administered units go on one line and
the discarded units on a second line with JW; JZ when nothing was discarded (from 2023-07-01).
CMS Pub. 100-04 ch. 17 §40; CMS JW/JZ policy FAQs; Noridian JE drug wastage page; Noridian 'Modifier JZ' (units that cover the dose and the discarded
amount take no JW line).
"""

from __future__ import annotations

from decimal import Decimal

from dermcharge.coding.context import CodingContext
from dermcharge.coding.draft import DraftLine
from dermcharge.coding.drug_table import (
    Drug,
    billing_units,
    code_for_dose,
    drugs,
    modifier_dates,
)
from dermcharge.coding.procedure_fields import DRUGS_FOR
from dermcharge.domain.claim import Severity
from dermcharge.domain.visit import Procedure

CHECK = "drug_units"


def dose_of(p: Procedure, drug: Drug) -> tuple[Decimal | None, Decimal]:
    """(dose given, amount discarded) in the drug's own measure."""
    if drug.measure == "units":
        return p.dose_units, p.wasted_units or Decimal(0)
    return p.dose_mg, p.wasted_mg or Decimal(0)


def bill_drugs(ctx: CodingContext, indices: list[int]) -> None:
    """One drug line (plus a JW line) per drug over `indices`. A procedure with no drug
    recorded bills none (checks/missed_charges.py reports it); a missing dose is a finding."""
    by_drug: dict[str, list[int]] = {}
    for i in indices:
        p = ctx.procedures[i]
        if p.drug is None:
            continue
        if p.drug not in DRUGS_FOR.get(p.kind, frozenset()):
            ctx.draft.find(
                Severity.ERROR,
                CHECK,
                f"{p.drug.replace('_', ' ')} is not a drug for a "
                f"{p.kind.replace('_', ' ')}: choose one of "
                f"{', '.join(sorted(DRUGS_FOR.get(p.kind, frozenset())))}",
                (i,),
                source="resources/data/drugs.json",
                action="Correct the drug",
            )
            continue
        by_drug.setdefault(p.drug, []).append(i)
    for name, group in by_drug.items():
        _bill_one_drug(ctx, drugs()[name], group)


def _bill_one_drug(ctx: CodingContext, drug: Drug, group: list[int]) -> None:
    on = ctx.visit.date_of_service
    given = Decimal(0)
    wasted = Decimal(0)
    for i in group:
        dose, waste = dose_of(ctx.procedures[i], drug)
        if dose is None:
            ctx.draft.find(
                Severity.ERROR,
                CHECK,
                f"{drug.label} at the {ctx.where(i)} has no dose: its units come from the dose "
                f"in {drug.measure}",
                (i,),
                source="HCPCS descriptor billing unit (resources/data/drugs.json)",
                action=f"Record dose_{drug.measure}",
            )
            return
        given += dose
        wasted += waste
    procs = tuple(group)
    dx = ctx.dx_of(group)
    code = code_for_dose(drug, given, on)
    if code is None:
        ctx.draft.find(
            Severity.ERROR,
            CHECK,
            f"{drug.label}: no HCPCS code in force on {on} expresses {given} {drug.measure} "
            f"({', '.join(c.hcpcs for c in drug.codes_on(on)) or 'none in force'}); code it by hand",
            procs,
            source="; ".join(c.source for _, _, c in drug.codes),
            action="Enter the drug line by hand",
        )
        return
    container = _container(ctx, drug, group)
    waste_rule = ctx.profile.drug_waste_modifiers and container == "single_dose"
    jw_from, jz_from, rule_source = modifier_dates()
    units = billing_units(given, code.per_unit)
    total_units = billing_units(given + wasted, code.per_unit)
    modifiers: list[str] = []
    why = (
        f"{drug.label} {given} {drug.measure} at {code.per_unit} {drug.measure} a unit of "
        f"{code.hcpcs} = {units} units, a partial unit rounded up ({code.source})."
    )
    if waste_rule and total_units == units and on >= jz_from:
        # Nothing discarded, or the rounded-up units already cover the discarded part: no JW
        # line is permitted and the line takes JZ (Noridian 'Modifier JZ', Mar 2024).
        modifiers = ["JZ"]
        why += (
            " Nothing discarded from the single-dose container: JZ (CMS JW/JZ policy)."
            if wasted == 0
            else f" The {units} units billed already cover the {wasted} {drug.measure} "
            "discarded: no JW line, JZ on this one (Noridian 'Modifier JZ')."
        )
    ctx.draft.bill(
        DraftLine(code.hcpcs, units, procs, dx, why, modifiers=modifiers, per_lesion=False)
    )
    if wasted > 0 and not waste_rule:
        if container != "single_dose" and container is not None:
            ctx.draft.find(
                Severity.WARNING,
                CHECK,
                f"{drug.label}: {wasted} {drug.measure} recorded as discarded from a multi-dose "
                "vial; only single-dose containers bill a discarded amount",
                procs,
                source=rule_source,
                action="Remove the discarded amount or record the vial as single-dose",
            )
        return
    if wasted > 0 and on >= jw_from and total_units > units:
        ctx.draft.bill(
            DraftLine(
                code.hcpcs,
                total_units - units,
                procs,
                dx,
                f"{wasted} {drug.measure} of {drug.label} discarded from the single-dose "
                f"container: {total_units - units} units on their own line with JW ({rule_source}).",
                modifiers=["JW"],
                per_lesion=False,
            )
        )


def _container(ctx: CodingContext, drug: Drug, group: list[int]) -> str | None:
    """single_dose or multi_dose; a drug sold in both needs the visit to say which (error)."""
    given = {ctx.procedures[i].container for i in group} - {None}
    if len(given) == 1:
        return given.pop()
    if drug.container != "either":
        return drug.container
    if ctx.profile.drug_waste_modifiers:
        ctx.draft.find(
            Severity.ERROR,
            CHECK,
            f"{drug.label} comes in single-dose and multi-dose containers: say which was used "
            "(container), since JW/JZ apply only to single-dose containers",
            tuple(group),
            source=modifier_dates()[2],
            action="Record container: single_dose or multi_dose",
        )
    return None
