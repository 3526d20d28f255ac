"""Services included in another billed service for the same wound or lesion.

Sources (coding-rules.md): R-EX-5 — excision codes include simple closure (CPT, via AAPC);
R-BX-3 — punch and incisional biopsy include simple closure (AAD, Cutis, Zupko); R-EX-6 — a benign
excision of 0.5 cm or less (11400, 11420, 11440) includes simple, intermediate and complex repair
under the NCCI Policy Manual (commercial payers that follow CPT alone may pay it); R-ATT-1 —
adjacent tissue transfer includes the excision of the lesion and the repair of that defect (AAD
DCC June 2025); R-MO-5 — no separate surgical pathology for the Mohs specimens (AAD, CPT
Assistant Feb 2014).
"""

from __future__ import annotations

from dataclasses import dataclass

from dermcharge.checks import code_families as fam
from dermcharge.checks.context import CheckContext
from dermcharge.domain.claim import Finding, Severity
from dermcharge.domain.visit import Payer

CHECK = "bundled_services"
SIMPLE_REPAIR = fam.code_span(12001, 12018)
LAYERED_REPAIR = fam.code_span(12031, 12057) | fam.code_span(13100, 13153)
CLOSURE_INCLUDED = fam.EXCISION | frozenset({"11104", "11105", "11106", "11107"})
SMALL_BENIGN_EXCISION = frozenset({"11400", "11420", "11440"})
ATT_PRIMARY = fam.ADJACENT_TISSUE_TRANSFER - {"14302"}
SURGICAL_PATHOLOGY = frozenset({"88305"})


@dataclass(frozen=True)
class Inclusion:
    includer: frozenset[str]
    included: frozenset[str]
    what: str
    source: str
    medicare_only_error: bool = False  # an NCCI policy other payers may not follow
    separate_tissue_may_bill: bool = False  # only part of the included service is included


INCLUSIONS = (
    Inclusion(
        CLOSURE_INCLUDED,
        SIMPLE_REPAIR,
        "simple closure is part of the excision or punch/incisional biopsy",
        "CPT excision and biopsy guidelines (coding-rules.md R-EX-5, R-BX-3)",
    ),
    Inclusion(
        SMALL_BENIGN_EXCISION,
        LAYERED_REPAIR,
        "a benign excision of 0.5 cm or less includes even an intermediate or complex repair",
        "NCCI Policy Manual as quoted by AAPC (coding-rules.md R-EX-6)",
        medicare_only_error=True,
    ),
    Inclusion(
        ATT_PRIMARY,
        fam.EXCISION | SIMPLE_REPAIR | LAYERED_REPAIR,
        "adjacent tissue transfer includes excising the lesion and repairing that defect",
        "AAD DCC June 2025; CCI 16.0 (coding-rules.md R-ATT-1)",
    ),
    Inclusion(
        fam.MOHS,
        SURGICAL_PATHOLOGY,
        "the Mohs surgeon's own reading of the Mohs specimens is part of the Mohs codes",
        "AAD Miller 2020 citing CPT Assistant Feb 2014 (coding-rules.md R-MO-5)",
        separate_tissue_may_bill=True,
    ),
)


def check_bundled_services(ctx: CheckContext) -> list[Finding]:
    linked = any(i is not None for line in ctx.lines for i in line.procedures)
    found: list[Finding] = []
    for rule in INCLUSIONS:
        includers = [n for n, ln in enumerate(ctx.lines, 1) if ln.cpt in rule.includer]
        for number, line in enumerate(ctx.lines, 1):
            if line.cpt not in rule.included:
                continue
            mine = set(ctx.line_procedures(line))
            for other in includers:
                shared = mine & set(ctx.line_procedures(ctx.lines[other - 1]))
                if other == number or (linked and not shared):
                    continue
                found.append(_finding(ctx, rule, other, number, sorted(shared), linked))
                break
    return found


def _finding(
    ctx: CheckContext,
    rule: Inclusion,
    includer: int,
    included: int,
    shared: list[int],
    linked: bool,
) -> Finding:
    big, small = ctx.lines[includer - 1].cpt, ctx.lines[included - 1].cpt
    severity = Severity.ERROR
    note = ""
    if rule.medicare_only_error and ctx.visit.payer is not Payer.MEDICARE:
        severity, note = Severity.WARNING, " Payers that follow CPT alone may pay it: check yours."
    if rule.separate_tissue_may_bill:
        severity = Severity.WARNING
        note = " Tissue sent separately for permanent sections (e.g. a debulk) may be billed."
    same = "the same wound" if linked else "what appears to be the same wound"
    return Finding(
        severity,
        CHECK,
        f"Line {included}: {small} is billed for {same} as {big} (line {includer}); "
        f"{rule.what}.{note}",
        (includer, included),
        tuple(shared),
        rule.source,
        f"Remove line {included}, unless it is for a different lesion or site (then record "
        "that on the procedure).",
    )
