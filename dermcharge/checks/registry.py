"""The claim checks in the order they run, and the visit-level verdict built from their findings.

An ordered list of plain functions (beancount's validations are the model): adding a check is one
line here. A check that fails on unforeseen data reports that as a finding instead of raising, so
the person at the desk always gets the other checks' results.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from dermcharge.checks.add_ons import check_add_ons
from dermcharge.checks.bundled_services import check_bundled_services
from dermcharge.checks.claim_shape import check_claim_shape
from dermcharge.checks.code_pairs import check_code_pairs
from dermcharge.checks.context import CheckContext
from dermcharge.checks.cosmetic import check_cosmetic
from dermcharge.checks.diagnosis_support import check_diagnosis_support
from dermcharge.checks.duplicates import check_duplicates
from dermcharge.checks.edit_tables import CheckTables
from dermcharge.checks.evaluation_management import (
    check_evaluation_management,
)
from dermcharge.checks.exclusive_codes import check_exclusive_codes
from dermcharge.checks.global_periods import check_global_periods
from dermcharge.checks.missed_charges import check_missed_charges
from dermcharge.checks.modifier_use import check_modifier_use
from dermcharge.checks.shipped_tables import tables_of
from dermcharge.checks.specificity import check_specificity
from dermcharge.checks.unit_limits import check_unit_limits
from dermcharge.codesets.icd10.catalog import Icd10Catalog
from dermcharge.domain.claim import CodedClaim, Finding, Severity
from dermcharge.domain.visit import Visit

Check = Callable[[CheckContext], list[Finding]]

CHECKS: tuple[tuple[str, Check], ...] = (
    ("claim_shape", check_claim_shape),
    ("duplicates", check_duplicates),
    ("exclusive_codes", check_exclusive_codes),
    ("code_pairs", check_code_pairs),
    ("bundled_services", check_bundled_services),
    ("add_ons", check_add_ons),
    ("modifier_use", check_modifier_use),
    ("unit_limits", check_unit_limits),
    ("diagnosis_support", check_diagnosis_support),
    ("specificity", check_specificity),
    ("cosmetic", check_cosmetic),
    ("evaluation_management", check_evaluation_management),
    ("global_periods", check_global_periods),
    ("missed_charges", check_missed_charges),
)
CHECK_FAILED = "check_failed"
READABLE = {
    "claim_shape": "claim form",
    "duplicates": "duplicate lines",
    "exclusive_codes": "exclusive codes",
    "code_pairs": "code pairs (NCCI)",
    "bundled_services": "included services",
    "modifier_use": "modifier use",
    "add_ons": "add-on codes",
    "unit_limits": "unit limits (MUE)",
    "diagnosis_support": "diagnosis support",
    "specificity": "code specificity",
    "cosmetic": "cosmetic / coverage",
    "evaluation_management": "E/M and modifier 25",
    "global_periods": "global periods",
    "missed_charges": "missed charges",
    "coding": "coding",
}


@dataclass(frozen=True)
class Verdict:
    clean: bool  # no error findings: the claim may go
    summary: str  # one line for a person: "Not ready: 2 errors (code pairs), 1 warning (cosmetic)"


def run_checks(ctx: CheckContext) -> tuple[Finding, ...]:
    """Every check in order; identical findings reported once, in first-seen order."""
    if not isinstance(ctx.tables, CheckTables):  # adapt or choose the tables once, not per check
        ctx = replace(ctx, tables=tables_of(ctx))
    found: list[Finding] = []
    for name, check in CHECKS:
        try:
            found.extend(check(ctx))
        except Exception as error:  # a check bug must not hide the other checks' findings
            found.append(
                Finding(
                    Severity.WARNING,
                    CHECK_FAILED,
                    f"The {READABLE.get(name, name)} check could not run on this claim "
                    f"({type(error).__name__}: {error}); review that area by hand.",
                    source="dermcharge",
                    action="Report this claim to the dermcharge maintainers.",
                )
            )
    return unique(found)


def unique(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    return tuple(dict.fromkeys(findings))


def verdict(findings: Iterable[Finding]) -> Verdict:
    """Clean means no error finding; the summary counts errors and warnings and names areas."""
    items = tuple(findings)
    parts = []
    for severity, word in ((Severity.ERROR, "error"), (Severity.WARNING, "warning")):
        of_kind = [f for f in items if f.severity is severity]
        if not of_kind:
            continue
        areas = ", ".join(
            dict.fromkeys(READABLE.get(f.check, f.check.replace("_", " ")) for f in of_kind)
        )
        plural = "" if len(of_kind) == 1 else "s"
        parts.append(f"{len(of_kind)} {word}{plural} ({areas})")
    clean = not any(f.severity is Severity.ERROR for f in items)
    if clean and not parts:
        return Verdict(True, "Clean: no problems found.")
    if clean:
        return Verdict(True, f"Clean, with {parts[0]} to review.")
    return Verdict(False, "Not ready: " + ", ".join(parts) + ".")


def check_claim(visit: Visit, claim: CodedClaim, icd: Icd10Catalog) -> CodedClaim:
    """The engine's hook: the claim with the checks' findings added after its own, once each."""
    ctx = CheckContext(visit=visit, claim=claim, tables=None, icd=icd)
    return replace(claim, findings=unique((*claim.findings, *run_checks(ctx))))
