"""Specificity and validity: codes that exist, are billable, are in force, and say what is known.

Sources: ICD-10-CM Official Guidelines for Coding and Reporting FY2026 §I.A.6 / §I.B.1 (report
the highest specificity; a code is invalid if it has not been coded to the full number of
characters) and §I.B.13 (laterality: when the side is documented, code it); ICD-10-CM tabular
note to D37–D48 (uncertain behaviour needs histologic uncertainty; coding-rules.md R-ICD-PEND);
AAD DCC 2024 on coding excisions from the final pathology (R-EX-7); CPT code changes by
calendar year (coding-rules.md §16: 11100/11101 deleted 2019, 11102–11107 added 2019, 99201
deleted 2021).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from weakref import WeakKeyDictionary

from dermcharge.anatomy.sites import describe
from dermcharge.checks.code_families import BIOPSY
from dermcharge.checks.context import CheckContext
from dermcharge.checks.diagnosis_classes import side_named, unspecified_place
from dermcharge.checks.diagnosis_places import places_for
from dermcharge.codesets.icd10.catalog import normalize_code
from dermcharge.domain.claim import Finding, Severity

CHECK = "specificity"
GUIDELINES = "ICD-10-CM Official Guidelines FY2026"
PENDING_SOURCE = "ICD-10-CM tabular note D37–D48; coding-rules.md R-ICD-PEND, R-EX-7"
CPT_CHANGES_SOURCE = "CPT annual code changes (coding-rules.md §16; AAD DCC 2018, AAD 2021)"
# (code, first day in force, first day no longer in force), CPT calendar-year changes.
CPT_IN_FORCE: dict[str, tuple[date | None, date | None]] = {
    "11100": (None, date(2019, 1, 1)),
    "11101": (None, date(2019, 1, 1)),
    **{str(c): (date(2019, 1, 1), None) for c in range(11102, 11108)},
    "99201": (None, date(2021, 1, 1)),
}


def check_specificity(ctx: CheckContext) -> list[Finding]:
    """Every claim diagnosis and CPT code against the code sets and the recorded sites."""
    found: list[Finding] = []
    # Which ICD-10-CM release coded a visit outside its release's dates is said once, by the
    # coding engine (coding/engine.py `code_set_version`, which knows the releases loaded).
    facts = release_memo(ctx.icd)  # each code looked up once, however many lines and runs
    for number, line in enumerate(ctx.lines, 1):
        found.extend(_cpt_in_force(ctx, number))
        for code in line.diagnoses:
            found.extend(_diagnosis(ctx, number, code, facts))
    found.extend(_pending_pathology(ctx))
    return found


def _cpt_in_force(ctx: CheckContext, number: int) -> list[Finding]:
    cpt = ctx.lines[number - 1].cpt
    window = CPT_IN_FORCE.get(cpt)
    if window is None:
        return []
    start, end = window
    dos = ctx.visit.date_of_service
    if start is not None and dos < start:
        why = f"came into force on {start}"
    elif end is not None and dos >= end:
        why = f"was deleted on {end}"
    else:
        return []
    return [
        Finding(
            Severity.ERROR,
            CHECK,
            f"Line {number}: {cpt} {why}; it is not valid on the date of service {dos}.",
            (number,),
            ctx.line_procedures(ctx.lines[number - 1]),
            source=CPT_CHANGES_SOURCE,
            action="Use the code in force on the date of service (biopsies before 2019: "
            "11100/11101; from 2019: 11102–11107).",
        )
    ]


@dataclass(frozen=True)
class CodeFacts:
    exists: bool
    billable: bool
    description: str
    unspecified_place: bool = False  # the site or side is left unspecified (C44.90, D22.60)
    side: str | None = None  # the side the description names


# Facts per ICD-10-CM release object, kept as long as the release is: a re-check on every click
# then asks the code index nothing new.
_FACTS_BY_RELEASE: WeakKeyDictionary[object, dict[str, CodeFacts]] = WeakKeyDictionary()


def release_memo(icd: object) -> dict[str, CodeFacts]:
    try:
        return _FACTS_BY_RELEASE.setdefault(icd, {})
    except TypeError:  # a catalog that cannot be weakly referenced: remember for this run only
        return {}


def _facts(ctx: CheckContext, code: str, memo: dict[str, CodeFacts]) -> CodeFacts:
    known = memo.get(code)
    if known is None:
        icd = ctx.icd
        exists = icd.exists(code)
        description = icd.description(code) if exists else ""
        known = CodeFacts(
            exists,
            exists and icd.is_billable(code),
            description,
            unspecified_place(code, description),
            side_named(description),
        )
        memo[code] = known
    return known


def _diagnosis(
    ctx: CheckContext, number: int, raw: str, memo: dict[str, CodeFacts]
) -> list[Finding]:
    line = ctx.lines[number - 1]
    code = normalize_code(raw)
    icd = ctx.icd
    facts = _facts(ctx, code, memo)

    def finding(
        severity: Severity, message: str, action: str, procedures: tuple[int, ...] = ()
    ) -> Finding:
        return Finding(
            severity, CHECK, message, (number,), procedures or ctx.line_procedures(line),
            source=GUIDELINES, action=action,
        )  # fmt: skip

    if not facts.exists:
        return [
            finding(
                Severity.ERROR,
                f"Line {number}: {raw} is not an ICD-10-CM code in {icd.release}, the release "
                "in force for this date of service.",
                "Pick the diagnosis again from the code search.",
            )
        ]
    if not facts.billable:
        return [
            finding(
                Severity.ERROR,
                f"Line {number}: {code} ({facts.description}) is a category, not a "
                "billable code; it needs its full number of characters.",
                f"Choose the complete code under {code} that matches the record.",
            )
        ]
    found: list[Finding] = []
    if facts.unspecified_place or facts.side:  # only then does the recorded site matter
        found.extend(_against_record(ctx, number, code, facts))
    if code == "D48.5":
        pending = line.cpt in BIOPSY or any(
            ctx.visit.procedures[i].path_pending for i in ctx.line_procedures(line)
        )
        if pending:
            found.append(
                Finding(
                    Severity.WARNING,
                    CHECK,
                    f"Line {number}: D48.5 (uncertain behaviour) is for a lesion the pathologist "
                    "could not classify; before pathology is back it is the wrong code.",
                    (number,),
                    ctx.line_procedures(line),
                    source=PENDING_SOURCE,
                    action="Hold the claim until pathology is back and code the final diagnosis; "
                    "if it must go now, use D49.2 (unspecified behaviour) or a sign/symptom code.",
                )
            )
    return found


def _against_record(ctx: CheckContext, number: int, code: str, facts: CodeFacts) -> list[Finding]:
    """A site-unspecified code where the site is recorded, or the side the record contradicts."""
    line = ctx.lines[number - 1]
    description = facts.description
    found: list[Finding] = []

    def finding(
        severity: Severity, message: str, action: str, procedures: tuple[int, ...]
    ) -> Finding:
        return Finding(
            severity, CHECK, message, (number,), procedures or ctx.line_procedures(line),
            source=GUIDELINES, action=action,
        )  # fmt: skip

    places = places_for(ctx, line, code)
    sited = [p for p in places if p.site]
    if sited and facts.unspecified_place:
        where = describe(sited[0].site, sited[0].laterality)
        found.append(
            finding(
                Severity.WARNING,
                f"Line {number}: {code} ({description}) leaves the site or side unspecified, "
                f"but the record says {where}.",
                f"Use the {code[:3]} code for the {where}.",
                tuple(p.procedure for p in sited if p.procedure is not None),
            )
        )
    side = facts.side
    sided = [p for p in places if p.laterality]
    if side and sided and all(p.laterality != side for p in sided):
        where = describe(sided[0].site, sided[0].laterality)
        found.append(
            finding(
                Severity.ERROR,
                f"Line {number}: {code} ({description}) names the {side} side, but the record "
                f"says {where}.",
                "Correct the side of the diagnosis or of the procedure.",
                tuple(p.procedure for p in sided if p.procedure is not None),
            )
        )
    return found


def _pending_pathology(ctx: CheckContext) -> list[Finding]:
    pending = tuple(i for i, p in enumerate(ctx.visit.procedures) if p.path_pending)
    if not pending:
        return []
    lines = tuple(sorted({n for i in pending for n in ctx.lines_for(i)}))
    which = ", ".join(
        f"#{i + 1} ({ctx.visit.procedures[i].kind.value.replace('_', ' ')})" for i in pending
    )
    return [
        Finding(
            Severity.WARNING,
            CHECK,
            f"Pathology is pending for procedure {which}; the diagnosis (and for an excision "
            "benign vs malignant) comes from the final report.",
            lines,
            pending,
            source=PENDING_SOURCE,
            action="Hold the claim until pathology is back, then code the final diagnosis.",
        )
    ]
