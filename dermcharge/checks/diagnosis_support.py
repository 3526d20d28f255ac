"""Does each line's diagnosis support the service? The mismatches payers deny on sight.

Sources: CPT section guidelines for excision (benign 11400–11446 vs malignant 11600–11646, chosen
from the final pathology; AAD DCC 2024, coding-rules.md R-EX-7) and Mohs (for skin cancer, CMS
LCD L35494 / article A56515, R-MO-1); CPT 17000–17004 (premalignant lesions, R-DE-1) and
17260–17286 (malignant lesions, R-DE-6); CPT 2024 excimer codes 96920–96922 "for psoriasis"
(AAD DCC Nov 2023, R-PH-1); HCPCS J3301 billed with its administration (R-IL-1); CMS Medicare
Claims Processing Manual ch. 26 (item 24E: every line points to a diagnosis).
"""

from __future__ import annotations

from datetime import date

from dermcharge.checks import code_families as fam
from dermcharge.checks.context import CheckContext
from dermcharge.checks.diagnosis_classes import (
    Behaviour,
    behaviour,
    calls_for_no_biopsy,
    is_premalignant,
    is_psoriasis,
)
from dermcharge.domain.claim import ClaimLine, Finding, Severity

CHECK = "diagnosis_support"
MALIGNANT_ONLY = fam.MALIGNANT_EXCISION | fam.MOHS | fam.MALIGNANT_DESTRUCTION
BENIGN_ONLY = fam.BENIGN_EXCISION | fam.BENIGN_DESTRUCTION
EXCIMER_FOR_PSORIASIS_FROM = date(2024, 1, 1)  # CPT 2024 revision of 96920–96922 (R-PH-1)
POINTER_SOURCE = "CMS Claims Processing Manual ch. 26 (item 24E diagnosis pointer)"
# Viral warts: B07.- and anogenital warts A63.0 (ICD-10-CM; AAPC 'Ideal ICD-10 coding for warts').
WART_PREFIXES = ("B07", "A63.0")
SKIN_TAG_SOURCE = (
    "CPT 11200/11201 removal of skin tags (R-ST-1); ICD-10-CM index 'Tag, skin' -> L91.8 and "
    "warts B07.-/A63.0 (AAPC 'Ideal ICD-10 coding for warts' [S67]; coding-rules.md 14e)"
)
MALIGNANT_SOURCE = (
    "CPT excision/Mohs/destruction guidelines; AAD DCC 2024 (code from final pathology, "
    "R-EX-7); CMS LCD L35494 (Mohs for skin cancer)"
)


def check_diagnosis_support(ctx: CheckContext) -> list[Finding]:
    """Each line against the diagnoses it points to."""
    found: list[Finding] = []
    billed = {line.cpt for line in ctx.lines}
    for number, line in enumerate(ctx.lines, 1):
        found.extend(_line_support(ctx, number, line, billed))
    return found


def _line_support(
    ctx: CheckContext, number: int, line: ClaimLine, billed: set[str]
) -> list[Finding]:
    procedures = ctx.line_procedures(line)

    def finding(severity: Severity, message: str, source: str, action: str) -> Finding:
        return Finding(severity, CHECK, message, (number,), procedures, source, action)

    cpt, dx = line.cpt, line.diagnoses
    if not dx:
        return [
            finding(
                Severity.ERROR,
                f"Line {number} ({cpt}) points to no diagnosis; it is denied without one.",
                POINTER_SOURCE,
                "Link the diagnosis of the lesion or problem this service treated.",
            )
        ]
    kinds = {behaviour(code) for code in dx}
    listed = ", ".join(dx)
    found: list[Finding] = []
    if cpt in MALIGNANT_ONLY:
        what = _family_name(cpt)
        if Behaviour.MALIGNANT not in kinds:
            if Behaviour.UNCERTAIN in kinds:
                found.append(
                    finding(
                        Severity.WARNING,
                        f"Line {number}: {what} {cpt} is linked to {listed}, a neoplasm of "
                        "uncertain or unspecified behaviour, not a malignancy.",
                        MALIGNANT_SOURCE,
                        "Hold the claim until pathology is back and code the final diagnosis; "
                        "if it is benign, use the benign code family.",
                    )
                )
            else:
                found.append(
                    finding(
                        Severity.ERROR,
                        f"Line {number}: {what} {cpt} is linked only to {listed}, which is not a "
                        "malignant or in-situ diagnosis.",
                        MALIGNANT_SOURCE,
                        "Link the malignancy from the pathology report, or recode the lesion "
                        "with the benign code family if pathology was benign.",
                    )
                )
    if cpt in fam.SHAVE and behaviour(dx[0]) is Behaviour.MALIGNANT:
        found.append(
            finding(
                Severity.WARNING,
                f"Line {number}: shave removal {cpt} is linked to the malignancy {dx[0]}; payers "
                "expect a malignant lesion removed as an excision or destruction code.",
                MALIGNANT_SOURCE,
                "Check the procedure note: code the removal that was done for the malignant "
                "lesion, or correct the diagnosis.",
            )
        )
    if cpt in BENIGN_ONLY and behaviour(dx[0]) is Behaviour.MALIGNANT:
        better = (
            "a malignant excision code (11600–11646)"
            if cpt in fam.BENIGN_EXCISION
            else ("a malignant destruction (17260–17286) or excision code")
        )
        found.append(
            finding(
                Severity.ERROR,
                f"Line {number}: benign-lesion code {cpt} is linked to the malignancy {dx[0]}.",
                MALIGNANT_SOURCE,
                f"Use {better} for a malignant lesion, or correct the diagnosis.",
            )
        )
    if cpt in fam.BIOPSY and all(calls_for_no_biopsy(code) for code in dx):
        found.append(
            finding(
                Severity.ERROR,
                f"Line {number}: biopsy {cpt} is linked only to {listed}, a diagnosis made on "
                "sight that does not call for a biopsy; payers deny it as not medically necessary.",
                "CMS medical necessity (SSA §1862(a)(1)(A)); coding-rules.md R-BX-2",
                "Link the diagnosis of the lesion actually biopsied (or the suspected condition's "
                "sign or symptom), or remove the biopsy.",
            )
        )
    if (
        cpt in fam.EXCIMER
        and ctx.visit.date_of_service >= EXCIMER_FOR_PSORIASIS_FROM
        and not any(is_psoriasis(code) for code in dx)
    ):
        found.append(
            finding(
                Severity.ERROR,
                f"Line {number}: excimer laser {cpt} is for psoriasis since 2024, and the line is "
                f"linked to {listed}.",
                "CPT 2024 96920–96922 revision (AAD DCC Nov 2023; coding-rules.md R-PH-1)",
                "Link the psoriasis diagnosis (L40.x); excimer for another condition (e.g. "
                "vitiligo) does not fit these codes — ask the payer which code to use.",
            )
        )
    if cpt in fam.PREMALIGNANT_DESTRUCTION and not any(is_premalignant(code) for code in dx):
        found.append(
            finding(
                Severity.ERROR,
                f"Line {number}: premalignant destruction {cpt} is linked to {listed} and not to "
                "a premalignant lesion such as actinic keratosis (L57.0).",
                "CPT 17000–17004 (AAD, Elston 2011; CMS NCD 250.4; coding-rules.md R-DE-1)",
                "Link L57.0 if actinic keratoses were destroyed; benign lesions (warts, SK) are "
                "17110/17111, malignant ones 17260–17286.",
            )
        )
    if cpt in fam.SKIN_TAGS and any(code.startswith(WART_PREFIXES) for code in dx):
        found.append(
            finding(
                Severity.ERROR,
                f"Line {number}: skin tag removal {cpt} is linked to the wart diagnosis {listed}; "
                "11200/11201 are for skin tags (acrochordons, L91.8) and payers deny them for "
                "warts.",
                SKIN_TAG_SOURCE,
                "If a wart was removed, code its destruction (17110/17111) or shave removal; if "
                "it was a skin tag, link L91.8.",
            )
        )
    if fam.is_drug(cpt) and not billed & fam.DRUG_ADMINISTRATION:
        found.append(
            finding(
                Severity.ERROR,
                f"Line {number}: drug {cpt} is billed with no injection line (11900/11901 "
                "intralesional, or 96372).",
                "HCPCS J3301 (per 10 mg) billed with its administration (coding-rules.md R-IL-1)",
                "Add the injection code for how the drug was given, or remove the drug line.",
            )
        )
    return found


def _family_name(cpt: str) -> str:
    if cpt in fam.MOHS:
        return "Mohs surgery"
    if cpt in fam.MALIGNANT_DESTRUCTION:
        return "malignant destruction"
    return "malignant excision"
