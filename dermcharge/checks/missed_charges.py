"""Missed charges: work recorded on the visit that no claim line bills and no rule leaves off.

Sources: coding-rules.md R-BX-2 (tissue sent to pathology comes from a biopsy, shave or excision
that is itself billable), R-IL-1 (the drug of an intralesional injection is billed separately,
J3301 per 10 mg), R-EX-5 / R-RP-2 (intermediate and complex repairs are reported separately;
simple repair is included), R-MO-3 (repairs, flaps and grafts after Mohs are reported
separately), R-DE-1 / R-DE-4 / R-ST-1 (destruction and skin-tag codes are chosen by the count).
"""

from __future__ import annotations

from dermcharge.anatomy.sites import site_table
from dermcharge.checks import code_families as fam
from dermcharge.checks.context import CheckContext
from dermcharge.domain.claim import Finding, Severity
from dermcharge.domain.visit import BILLED_DRUG_KINDS, REPAIR_KINDS, Kind, Procedure

CHECK = "missed_charges"
COUNTED_KINDS = frozenset(
    {
        Kind.DESTRUCTION_PREMALIGNANT,
        Kind.DESTRUCTION_BENIGN,
        Kind.SKIN_TAG_REMOVAL,
        Kind.INTRALESIONAL_INJECTION,
        Kind.NAIL_DEBRIDEMENT,
    }
)
CLOSURE_KINDS = frozenset({*REPAIR_KINDS, Kind.ADJACENT_TISSUE_TRANSFER})
CLOSURE_CODES = fam.REPAIR | fam.ADJACENT_TISSUE_TRANSFER


def check_missed_charges(ctx: CheckContext) -> list[Finding]:
    found: list[Finding] = []
    for index, procedure in enumerate(ctx.visit.procedures):
        if procedure.path_pending and not _accounted(ctx, index, fam.TISSUE_REMOVAL):
            found.append(
                _finding(
                    ctx, index, Severity.WARNING,
                    f"Procedure #{index + 1} ({_kind(procedure)}) sent a specimen to pathology, "
                    "but no biopsy, shave or excision line bills the tissue taken.",
                    "If tissue was sampled before or during the treatment, add the biopsy "
                    "(11102–11107, with 59/XS when the lesion is separate); otherwise clear "
                    "'pathology pending'.",
                    "coding-rules.md R-BX-2 (NCCI Policy Manual ch. I)",
                )
            )  # fmt: skip
        if _repair_recorded(procedure) and not _accounted(ctx, index, CLOSURE_CODES):
            found.append(
                _finding(
                    ctx, index, Severity.WARNING,
                    f"Procedure #{index + 1} records a repair ({_kind(procedure)}) that no claim "
                    "line bills and no rule leaves off.",
                    "Check the repair's type and length so it codes, or say why it is not billed.",
                    "coding-rules.md R-EX-5, R-RP-2 (CPT repair guidelines)",
                )
            )  # fmt: skip
        if procedure.kind in COUNTED_KINDS and (procedure.count or 0) <= 0:
            # An error: the engine codes nothing for it, so the work would go unbilled.
            found.append(
                _finding(
                    ctx, index, Severity.ERROR,
                    f"Procedure #{index + 1} ({_kind(procedure)}) has its lesion count at zero; "
                    "the code and units depend on how many were treated.",
                    "Enter the number of lesions treated.",
                    "coding-rules.md R-DE-1, R-DE-4, R-ST-1, R-IL-1 (count-based codes)",
                )
            )  # fmt: skip
        if procedure.kind is Kind.MOHS and not _closure_recorded(ctx, index):
            found.append(
                _finding(
                    ctx, index, Severity.INFO,
                    f"Mohs surgery #{index + 1} has no wound closure recorded (repair, flap or "
                    "graft).",
                    "Record the closure if one was done (it is billed separately), or note "
                    "healing by second intention.",
                    "coding-rules.md R-MO-3 (AAPC; CMS Mohs article A56515)",
                )
            )  # fmt: skip
    found.extend(_missing_drug(ctx))
    return found


def _missing_drug(ctx: CheckContext) -> list[Finding]:
    """A service whose drug is billed on its own line but has no drug recorded (one finding
    each); else an injection billed with no drug line at all."""
    undrugged = [
        i
        for i, p in enumerate(ctx.visit.procedures)
        if p.kind in BILLED_DRUG_KINDS and p.drug is None
    ]
    if undrugged:
        return [_no_drug(ctx, i) for i in undrugged]
    injections = [
        i for i, p in enumerate(ctx.visit.procedures) if p.kind is Kind.INTRALESIONAL_INJECTION
    ]
    injected = injections or [n for n, line in enumerate(ctx.lines) if line.cpt in fam.INJECTION]
    if not injected or any(fam.is_drug(line.cpt) for line in ctx.lines):
        return []
    drugs = {p.drug for i in injections if (p := ctx.visit.procedures[i]).drug}
    lines = tuple(n for n, line in enumerate(ctx.lines, 1) if line.cpt in fam.INJECTION)
    if drugs:
        action = (
            f"Add the drug line ({', '.join(sorted(drugs))}: J3301 per 10 mg for triamcinolone "
            "acetonide) and check the dose is recorded."
        )
    else:
        action = "Record the drug and dose injected so its J-code line (e.g. J3301) is billed."
    return [
        Finding(
            Severity.WARNING,
            CHECK,
            "An intralesional injection is billed with no drug line.",
            lines,
            tuple(injections),
            "coding-rules.md R-IL-1 (drug billed separately, J3301 per 10 mg)",
            action,
        )
    ]


def _no_drug(ctx: CheckContext, index: int) -> Finding:
    return _finding(
        ctx,
        index,
        Severity.WARNING,
        f"Procedure #{index + 1} ({_kind(ctx.visit.procedures[index])}) has no drug recorded; "
        "the drug is billed on a line of its own.",
        "Record the drug and the dose given.",
        "CMS Pub. 100-04 ch. 17 (drugs billed with their HCPCS code); coding-rules.md R-IL-1",
    )


def _repair_recorded(procedure: Procedure) -> bool:
    return procedure.repair is not None or procedure.kind in CLOSURE_KINDS


def _accounted(ctx: CheckContext, index: int, codes: frozenset[str]) -> bool:
    """A line in `codes` bills procedure `index`, or a not-billed entry says why it is left off.

    Claims built without procedure links (by hand, or by an older engine) are judged as a whole.
    """
    linked = any(i is not None for line in ctx.lines for i in line.procedures) or any(
        i is not None for item in ctx.claim.not_billed for i in item.procedures
    )
    for line in ctx.lines:
        if line.cpt in codes and (index in line.procedures or not linked):
            return True
    return any(
        item.cpt in codes and (index in item.procedures or not item.procedures)
        for item in ctx.claim.not_billed
    )


def _closure_recorded(ctx: CheckContext, index: int) -> bool:
    mohs = ctx.visit.procedures[index]
    if mohs.repair is not None:
        return True
    region = _region(mohs.site)
    for other in ctx.visit.procedures:
        if other.kind not in CLOSURE_KINDS and other.kind is not Kind.SKIN_GRAFT:
            continue
        if other.site == mohs.site or (region is not None and _region(other.site) == region):
            return True
    return False


def _region(site_id: str | None) -> str | None:
    site = site_table().get(site_id) if site_id else None
    return site.region if site else None


def _kind(procedure: Procedure) -> str:
    where = f" at {procedure.site.replace('_', ' ')}" if procedure.site else ""
    return procedure.kind.value.replace("_", " ") + where


def _finding(
    ctx: CheckContext, index: int, severity: Severity, message: str, action: str, source: str
) -> Finding:
    return Finding(severity, CHECK, message, ctx.lines_for(index), (index,), source, action)
