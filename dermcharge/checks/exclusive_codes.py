"""Codes that exclude each other on one date of service: the count decides which one applies.

Sources (coding-rules.md): 17000/17003 vs 17004 — 17004 is 15 or more AKs reported alone (AAD,
Elston 2011; CMS RAC topic 0121; R-DE-1); 17110 vs 17111 — up to 14 vs 15 or more benign lesions,
never both on one date (R-DE-4); 11900 vs 11901 — up to 7 vs more than 7 lesions injected, once per
encounter (R-IL-1); 10060 vs 10061 — several simple abscesses are one 10061 (CPT Assistant 2005,
R-ID-1); 11102/11104/11106 — one primary biopsy code per encounter, the others as add-ons (AAD
2019, R-BX-1).
"""

from __future__ import annotations

from dataclasses import dataclass

from dermcharge.checks.context import CheckContext
from dermcharge.domain.claim import Finding, Severity

CHECK = "exclusive_codes"


@dataclass(frozen=True)
class ExclusiveSet:
    codes: frozenset[str]
    rule: str  # why only one of them belongs on the claim
    action: str
    source: str
    # Two codes that may still appear together (17000 with its own add-on 17003).
    allowed_together: frozenset[frozenset[str]] = frozenset()


EXCLUSIVE_SETS = (
    ExclusiveSet(
        frozenset({"17000", "17003", "17004"}),
        "17004 covers 15 or more premalignant lesions and is reported alone; 17000/17003 are "
        "for 1 to 14",
        "Count every AK destroyed today: 15 or more is 17004 alone, 1–14 is 17000 + 17003.",
        "AAD, Elston 2011; CMS RAC topic 0121 (coding-rules.md R-DE-1)",
        frozenset({frozenset({"17000", "17003"})}),
    ),
    ExclusiveSet(
        frozenset({"17110", "17111"}),
        "17110 is up to 14 benign lesions and 17111 is 15 or more, one code per session",
        "Bill one line: 17110 for up to 14 lesions in total, 17111 for 15 or more.",
        "CPT 17110/17111 descriptors (coding-rules.md R-DE-4)",
    ),
    ExclusiveSet(
        frozenset({"11900", "11901"}),
        "11900 is up to 7 lesions injected and 11901 more than 7, once per encounter",
        "Bill one line: 11900 for up to 7 lesions in total, 11901 for more than 7.",
        "CPT 11900/11901 descriptors (coding-rules.md R-IL-1)",
    ),
    ExclusiveSet(
        frozenset({"10060", "10061"}),
        "several abscesses drained at one visit are one 10061 (complicated or multiple)",
        "Bill a single 10061 for multiple or complicated drainage; 10060 only for one simple "
        "abscess.",
        "CPT Assistant Special Issue 2005, as quoted on AAPC (coding-rules.md R-ID-1)",
    ),
)
BIOPSY_PRIMARIES = ExclusiveSet(
    frozenset({"11102", "11104", "11106"}),
    "one primary biopsy code per encounter (incisional > punch > tangential); every other "
    "biopsy takes the add-on code of its own technique",
    "Keep the highest primary (11106 > 11104 > 11102) at 1 unit and move the other biopsies to "
    "11103/11105/11107.",
    "AAD, Miller, 'Biopsy coding in 2019: Part 3' (coding-rules.md R-BX-1)",
)


def check_exclusive_codes(ctx: CheckContext) -> list[Finding]:
    """Report each set of which two or more members (or a lone primary biopsy, twice) are billed."""
    found: list[Finding] = []
    for rule in (*EXCLUSIVE_SETS, BIOPSY_PRIMARIES):
        numbers = [n for n, line in enumerate(ctx.lines, 1) if line.cpt in rule.codes]
        codes = frozenset(ctx.lines[n - 1].cpt for n in numbers)
        units = sum(ctx.lines[n - 1].units for n in numbers)
        clash = len(codes) > 1 and codes not in rule.allowed_together
        repeated_primary = rule is BIOPSY_PRIMARIES and units > 1
        if not (clash or repeated_primary):
            continue
        procedures = tuple(
            sorted({i for n in numbers for i in ctx.line_procedures(ctx.lines[n - 1])})
        )
        billed = " + ".join(
            f"{ctx.lines[n - 1].cpt}×{ctx.lines[n - 1].units} (line {n})" for n in numbers
        )
        found.append(
            Finding(
                Severity.ERROR,
                CHECK,
                f"{billed} on one day: {rule.rule}.",
                tuple(numbers),
                procedures,
                source=rule.source,
                action=rule.action,
            )
        )
    return found
