"""Duplicate lines: the same code with the same modifiers twice on one date of service.

Source: CMS Medicare Claims Processing Manual ch. 12 §40.x / MLN duplicate-claim edits (same
code, same modifiers, same date, same provider is denied as a duplicate); CMS MLN1783722 and
coding-rules.md R-MOD-59 (a repeated code for a separate lesion takes 59/XS, or 76 where the
payer wants it, or its units go on one line).
"""

from __future__ import annotations

from collections import defaultdict

from dermcharge.checks.context import CheckContext
from dermcharge.domain.claim import Finding, Severity

CHECK = "duplicates"
SOURCE = (
    "CMS duplicate-line edits (same code, modifiers and date); CMS MLN1783722 / "
    "coding-rules.md R-MOD-59 (repeated code for a separate lesion)"
)


def check_duplicates(ctx: CheckContext) -> list[Finding]:
    """Lines that repeat a code and modifier set; identical lines are an error."""
    groups: dict[tuple[str, frozenset[str]], list[int]] = defaultdict(list)
    for number, line in enumerate(ctx.lines, 1):
        groups[(line.cpt, frozenset(line.modifiers))].append(number)
    found: list[Finding] = []
    for (cpt, _modifiers), numbers in groups.items():
        if len(numbers) < 2:
            continue
        lines = [ctx.lines[n - 1] for n in numbers]
        identical = len({(ln.diagnoses, ln.units) for ln in lines}) < len(lines)
        listed = ", ".join(str(n) for n in numbers)
        if identical:
            found.append(
                Finding(
                    Severity.ERROR,
                    CHECK,
                    f"Lines {listed} are the same {cpt} line twice; the payer denies the "
                    "repeat as a duplicate.",
                    tuple(numbers),
                    source=SOURCE,
                    action="Delete the repeated line, or put all units on one line.",
                )
            )
        else:
            found.append(
                Finding(
                    Severity.WARNING,
                    CHECK,
                    f"Lines {listed} repeat {cpt} with the same modifiers; the payer may deny "
                    "the later line as a duplicate.",
                    tuple(numbers),
                    source=SOURCE,
                    action="Report the units on one line, or if each line is a separate lesion "
                    "add 59/XS (or 76, as the payer wants) to the repeated line.",
                )
            )
    return found
