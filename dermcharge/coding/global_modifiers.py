"""The next step inside an earlier procedure's global period, from the patient's history on the
visit (Visit.history): 58, 78, 79 on procedures, 24 on an unrelated E/M, and 99024 for a
post-operative visit.

Sources: CPT Appendix A modifier definitions as quoted by AAD (Elston 2011/2012, AAD DCC 2023;
coding-rules.md R-MOD-58/78/79, R-EX-8): 58 = staged or related procedure during the
postoperative period — planned prospectively, more extensive than the original, or therapy
following a diagnostic procedure, including re-excision for positive margins; 78 = unplanned
return to the operating/procedure room for a related procedure during the postoperative period;
79 = unrelated procedure during the postoperative period; 24 = unrelated E/M during a
postoperative period (R-EM-4). CMS Medicare Claims Processing Manual ch. 12 §40.1 (the global
package includes related follow-up visits and complications not needing a return to the
operating room; a 10-day global counts the day of surgery and the 10 days after it) and the CMS
Global Surgery booklet (MLN907166). 99024 = post-operative follow-up visit included in the global
package, reported for tracking at no charge (CPT; CMS collects it under §40.1's data collection).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from dermcharge.codesets.cpt import cpt_table
from dermcharge.coding.context import CodingContext
from dermcharge.coding.draft import EM, DraftLine
from dermcharge.domain.claim import Severity
from dermcharge.domain.visit import (
    EXCISION_KINDS,
    REPAIR_KINDS,
    GlobalRelation,
    Kind,
    PriorProcedure,
    Procedure,
)

SOURCE = (
    "CPT modifiers 58/78/79/24 (coding-rules.md R-MOD-58/78/79, R-EX-8, R-EM-4); CMS Claims "
    "Processing Manual ch. 12 §40.1; CMS Global Surgery booklet MLN907166"
)
POSTOP_CODE = "99024"
# ICD-10-CM: encounter for surgical aftercare following surgery on the skin and subcutaneous
# tissue; used for 99024 only when the record names no diagnosis for the surgery.
AFTERCARE_DX = "Z48.817"
MODIFIER = {
    GlobalRelation.STAGED: "58",
    GlobalRelation.COMPLICATION: "78",
    GlobalRelation.UNRELATED: "79",
}
GLOBAL_MODIFIERS = frozenset({"58", "78", "79"})
# Procedures that treat the lesion itself: on the lesion of an open global they are the staged
# or more extensive next step (re-excision, Mohs after an excision with involved margins).
DEFINITIVE = EXCISION_KINDS | {
    Kind.MOHS,
    Kind.SHAVE_REMOVAL,
    Kind.DESTRUCTION_MALIGNANT,
    Kind.ADJACENT_TISSUE_TRANSFER,
}
CLOSURES = frozenset(REPAIR_KINDS) | {Kind.ADJACENT_TISSUE_TRANSFER}


@dataclass(frozen=True)
class OpenGlobal:
    prior: PriorProcedure
    days: int

    @property
    def ends(self) -> date:
        return self.prior.date_of_service + timedelta(days=self.days)

    def describe(self) -> str:
        return (
            f"{self.prior.cpt} of {self.prior.date_of_service.isoformat()} ({self.days}-day "
            f"global, to {self.ends.isoformat()})"
        )


def open_globals(history: tuple[PriorProcedure, ...], on: date) -> list[OpenGlobal]:
    """Earlier procedures (before `on`) whose 10- or 90-day global period covers `on` (§40.1:
    the day of surgery and the days after it; a 0-day global ends on the day itself)."""
    table = cpt_table()
    found = []
    for prior in history:
        days = prior.global_days if prior.global_days is not None else table.global_days(prior.cpt)
        if days is None or days <= 0 or not prior.date_of_service < on:
            continue
        window = OpenGlobal(prior, days)
        if window.ends >= on:
            found.append(window)
    return sorted(found, key=lambda w: (w.prior.date_of_service, w.prior.cpt))


def same_lesion(p: Procedure, prior: PriorProcedure) -> bool | None:
    """True/False when the record says whether `p` treats the lesion of `prior`; None when it
    cannot tell (no lesion ids and no sites to compare)."""
    if p.lesion_id is not None and prior.lesion_id is not None:
        return p.lesion_id == prior.lesion_id
    if p.site is None or prior.site is None:
        return None
    return (p.site, p.laterality) == (prior.site, prior.laterality)


def _relation(
    ctx: CodingContext, index: int, windows: list[OpenGlobal]
) -> tuple[GlobalRelation | None, OpenGlobal | None]:
    p = ctx.procedures[index]
    verdicts = [(same_lesion(p, w.prior), w) for w in windows]
    related = next((w for same, w in verdicts if same), None)
    if p.global_relation is not None:
        return p.global_relation, related or windows[0]
    if related is not None:
        owner = ctx.wound_owner(index) if p.kind in CLOSURES else None
        closes_definitive = owner is not None and ctx.procedures[owner].kind in DEFINITIVE
        if p.kind in DEFINITIVE or closes_definitive:
            return GlobalRelation.STAGED, related
        return None, related  # same lesion, but planned or a complication? a person says
    if all(same is False for same, _ in verdicts):
        return GlobalRelation.UNRELATED, windows[0]
    return None, windows[0]


def apply_global_modifiers(ctx: CodingContext, lines: list[DraftLine]) -> None:
    """58/78/79 on each primary procedure line inside an open global period, 24 on an E/M the
    provider marked unrelated; undecidable cases become an error finding for a person."""
    windows = open_globals(ctx.visit.history, ctx.visit.date_of_service)
    if not windows:
        return
    table = cpt_table()
    for line in lines:
        if line.code == POSTOP_CODE or line.add_on or table.is_add_on(line.code):
            continue
        if EM in line.procedures:
            _em_in_global(ctx, line, windows)
            continue
        own = [i for i in line.procedures if i is not None]
        if not own or GLOBAL_MODIFIERS & set(line.modifiers):
            continue
        relation, window = _relation(ctx, own[0], windows)
        assert window is not None
        if relation is None:
            ctx.draft.find(
                Severity.ERROR, "global_periods",
                f"{line.code} at the {ctx.where(own[0])} treats the lesion of "
                f"{window.describe()}: say whether it was planned or more extensive (58) or "
                "treats a complication in the procedure room (78)",
                tuple(own), source=SOURCE, action="Set the procedure's relation to the global",
            )  # fmt: skip
            continue
        modifier = MODIFIER[relation]
        line.modifiers.insert(0, modifier)
        line.why += (
            f" {modifier}: inside the global period of {window.describe()}, {_reason(relation)}."
        )
        if relation is GlobalRelation.COMPLICATION:
            ctx.draft.find(
                Severity.WARNING, "global_periods",
                f"{line.code}-78: Medicare pays a complication only when the patient returned "
                "to an operating or procedure room; treated otherwise it is part of the global "
                "package",
                tuple(own), source="CMS Claims Processing Manual ch. 12 §40.1",
                action="Confirm the return to the procedure room",
            )  # fmt: skip


def _reason(relation: GlobalRelation) -> str:
    return {
        GlobalRelation.STAGED: "a staged or more extensive procedure on the same lesion",
        GlobalRelation.COMPLICATION: "an unplanned return for a complication",
        GlobalRelation.UNRELATED: "an unrelated procedure (another lesion)",
    }[relation]


def _em_in_global(ctx: CodingContext, line: DraftLine, windows: list[OpenGlobal]) -> None:
    em = ctx.visit.em
    if em is None or em.global_relation is not GlobalRelation.UNRELATED:
        return  # related follow-up is included: the claim check says so as an error
    if "24" not in line.modifiers:
        line.modifiers.insert(0, "24")
        line.why += (
            f" 24: an E/M unrelated to {windows[0].describe()}, during its global period (R-EM-4)."
        )


def code_postop_visits(ctx: CodingContext) -> None:
    """99024 (no charge) for each post-operative visit: it points to the surgery's diagnosis
    (the lesion's, from the history), else to the skin-surgery aftercare code."""
    windows = open_globals(ctx.visit.history, ctx.visit.date_of_service)
    for i in ctx.indices(Kind.POSTOP_VISIT):
        p = ctx.procedures[i]
        related = [w for w in windows if same_lesion(p, w.prior) is not False]
        diagnoses = list(ctx.dx(i))
        if not diagnoses and related:
            diagnoses = list(related[-1].prior.diagnoses[:1])
        if not diagnoses:
            diagnoses = [AFTERCARE_DX]
        why = "Post-operative visit included in the surgical package, reported at no charge"
        if related:
            why += f" (global period of {related[-1].describe()})"
        else:
            ctx.draft.find(
                Severity.WARNING, "global_periods",
                f"99024 at visit {ctx.visit.date_of_service.isoformat()}: no procedure in the "
                "patient's record has a global period covering this date, so this follow-up "
                "may be a billable E/M instead",
                (i,), source=SOURCE, action="Check the date of the surgery, or bill an E/M",
            )  # fmt: skip
        ctx.draft.bill(DraftLine(POSTOP_CODE, 1, (i,), diagnoses, why + ".", per_lesion=False))
