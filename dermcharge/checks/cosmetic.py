"""Cosmetic or medically necessary: benign-lesion removal, by payer.

Sources: CMS LCDs "Removal of Benign Skin Lesions" L35498, L34938, L34200 (covered only with a
documented indication; coding-rules.md R-COS-1, R-COS-2); R-COS-3 and R-MOD-ABN (GA: ABN on file;
GZ: no ABN, the patient cannot be billed; GY: statutorily excluded, e.g. cosmetic, with Z41.1;
GX: voluntary notice) from AAD's ABN page, WPS cosmetic billing guidance and CMS ABN
instructions; CMS NCD 250.4 (actinic keratosis destruction covered without restriction,
R-DE-3). Commercial plans follow their own cosmetic policy (e.g. Aetna CPB 0633).
"""

from __future__ import annotations

from dataclasses import replace

from dermcharge.checks.code_families import (
    BENIGN_REMOVAL,
    COSMETIC_ONLY,
    PREMALIGNANT_DESTRUCTION,
    VASCULAR_DESTRUCTION,
)
from dermcharge.checks.context import CheckContext
from dermcharge.checks.diagnosis_classes import Behaviour, behaviour, signals_cosmetic
from dermcharge.domain.claim import ClaimLine, Finding, Severity
from dermcharge.domain.visit import Abn, Payer, Procedure

CHECK = "cosmetic"
LCD_SOURCE = "CMS LCD L35498/L34938/L34200 Removal of Benign Skin Lesions (coding-rules.md R-COS-1)"
ABN_SOURCE = "CMS ABN instructions; AAD ABN page; WPS cosmetic billing (coding-rules.md R-COS-3)"
NCD_SOURCE = "CMS NCD 250.4 Treatment of Actinic Keratosis (coding-rules.md R-DE-3)"
COMMERCIAL_SOURCE = "Commercial plan cosmetic policies (e.g. Aetna CPB 0633; coding-rules.md §15)"
INDICATIONS = (
    "bleeding, intense itching or pain, inflammation, obstruction of vision or an orifice, "
    "uncertain malignancy or a change in the lesion, recurrent trauma, a prior biopsy suggesting "
    "malignancy"
)
MEDICARE_CHOICES = (
    f"Choose one: record the indication ({INDICATIONS}) and mark the procedure symptomatic; "
    "ABN signed -> GA; no ABN -> GZ (the patient cannot be billed); cosmetic at the patient's "
    "request -> GY (+GX with a voluntary notice) with Z41.1; or self-pay with no claim."
)


def check_cosmetic(ctx: CheckContext) -> list[Finding]:
    """Benign-lesion removal lines without a documented indication, and misplaced ABN modifiers."""
    found: list[Finding] = []
    for number, line in enumerate(ctx.lines, 1):
        if line.cpt in COSMETIC_ONLY and ctx.visit.payer is not Payer.SELF_PAY:
            found.append(_cosmetic_on_claim(ctx, number, line))
        elif line.cpt in BENIGN_REMOVAL | VASCULAR_DESTRUCTION and _signals_cosmetic(line):
            for finding in _benign_removal(ctx, number, line):
                _add_or_merge(found, finding)
        elif line.cpt in PREMALIGNANT_DESTRUCTION and ctx.visit.payer is Payer.MEDICARE:
            found.extend(_ak_liability_modifiers(ctx, number, line))
    return found


def _cosmetic_on_claim(ctx: CheckContext, number: int, line: ClaimLine) -> Finding:
    """A peel, dermabrasion or filler is cosmetic: the patient pays the practice's cash price;
    it never goes on an insurance claim (R-COS-3; issue 20: always self-pay)."""
    return Finding(
        Severity.ERROR,
        CHECK,
        f"Line {number}: {line.cpt} is a cosmetic service; it is self-pay at the practice's "
        "cash price and never goes on an insurance claim.",
        (number,),
        ctx.line_procedures(line),
        COMMERCIAL_SOURCE + "; " + ABN_SOURCE,
        "Remove the line from the claim; record it as the cosmetic kind so it prints as self-pay.",
    )


def _add_or_merge(found: list[Finding], finding: Finding) -> None:
    """One finding per removal: an add-on line (11201 after 11200) joins its primary's finding."""
    for i, earlier in enumerate(found):
        if finding.procedures and earlier.procedures == finding.procedures:
            found[i] = replace(earlier, lines=tuple(sorted({*earlier.lines, *finding.lines})))
            return
    found.append(finding)


def _signals_cosmetic(line: ClaimLine) -> bool:
    dx = line.diagnoses
    if any(behaviour(code) is not Behaviour.OTHER for code in dx):
        return False  # a malignancy, or uncertainty about one, is itself the indication
    return any(signals_cosmetic(code) for code in dx)


def _benign_removal(ctx: CheckContext, number: int, line: ClaimLine) -> list[Finding]:
    procedures = ctx.line_procedures(line)
    recorded: list[Procedure] = [ctx.visit.procedures[i] for i in procedures]
    if any(p.symptomatic for p in recorded):
        return []
    lesion = ", ".join(line.diagnoses)
    payer = ctx.visit.payer

    def finding(severity: Severity, message: str, source: str, action: str = "") -> Finding:
        return Finding(severity, CHECK, message, (number,), procedures, source, action)

    if payer is Payer.SELF_PAY:
        return []
    patient_asked = any(p.cosmetic for p in recorded)
    if payer is not Payer.MEDICARE:
        what = "was marked cosmetic" if patient_asked else "has no documented indication"
        return [
            finding(
                Severity.WARNING,
                f"Line {number}: removal of a benign lesion ({line.cpt}, {lesion}) {what}; "
                "the plan may treat it as cosmetic and deny it.",
                COMMERCIAL_SOURCE,
                f"Record the indication ({INDICATIONS}) and mark the procedure symptomatic, or "
                "collect it as self-pay under the plan's rules.",
            )
        ]
    modifiers = set(line.modifiers)
    if patient_asked:
        missing = [m for m in ("GY",) if m not in modifiers]
        if "Z41.1" not in line.diagnoses:
            missing.append("Z41.1")
        if not missing:
            return []
        return [
            finding(
                Severity.WARNING,
                f"Line {number}: cosmetic removal ({line.cpt}, {lesion}) at the patient's request "
                f"is excluded by Medicare; the line lacks {' and '.join(missing)}.",
                ABN_SOURCE,
                "Bill it with GY (+GX if a voluntary notice was given) and Z41.1 first, or "
                "collect it as self-pay with no claim.",
            )
        ]
    abn = {p.abn for p in recorded}
    if "GA" in modifiers and Abn.SIGNED not in abn:
        return [
            finding(
                Severity.WARNING,
                f"Line {number} carries GA (ABN on file) but the visit records no signed ABN.",
                ABN_SOURCE,
                "Record the signed ABN on the procedure, or use GZ if none was signed.",
            )
        ]
    if "GZ" in modifiers and Abn.SIGNED in abn:
        return [
            finding(
                Severity.WARNING,
                f"Line {number} carries GZ (no ABN) but the visit records a signed ABN.",
                ABN_SOURCE,
                "Use GA: the signed ABN lets the practice bill the patient if Medicare denies.",
            )
        ]
    if modifiers & {"GA", "GZ", "GY"}:
        return []  # the liability decision is made and consistent with the record
    return [
        finding(
            Severity.WARNING,
            f"Line {number}: Medicare covers removal of {lesion} ({line.cpt}) only with a "
            "documented indication, and none is recorded.",
            LCD_SOURCE,
            MEDICARE_CHOICES,
        )
    ]


def _ak_liability_modifiers(ctx: CheckContext, number: int, line: ClaimLine) -> list[Finding]:
    used = sorted({"GA", "GZ", "GY"} & set(line.modifiers))
    if not used or "L57.0" not in line.diagnoses:
        return []
    return [
        Finding(
            Severity.WARNING,
            CHECK,
            f"Line {number}: destruction of actinic keratoses is covered by Medicare without "
            f"restriction (NCD 250.4); {'/'.join(used)} marks it as expected to be denied.",
            (number,),
            ctx.line_procedures(line),
            NCD_SOURCE,
            f"Remove {'/'.join(used)} from line {number}.",
        )
    ]
