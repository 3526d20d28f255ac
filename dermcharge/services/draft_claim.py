"""The claim of a visit still being entered: its complete procedures coded, the others flagged.

The coding engine codes finished procedures; an excision without its size would stop it. The
capture flow (on every edit) and `visits.save_visit` (on every save, the 1.5 s autosave
included) code a draft the same way, so what the screen shows is what is stored.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from dermcharge.domain.claim import CodedClaim, Finding, Severity
from dermcharge.domain.visit import Visit
from dermcharge.services.procedure_needs import procedure_problems

Coder = Callable[[Visit], CodedClaim]


def incomplete_procedures(visit: Visit) -> dict[int, list[str]]:
    """What each unfinished procedure still lacks, by its index (finished ones are left out)."""
    found = {i: procedure_problems(p) for i, p in enumerate(visit.procedures)}
    return {i: messages for i, messages in found.items() if messages}


def code_draft(visit: Visit, coder: Coder) -> tuple[CodedClaim | None, str]:
    """(the claim, "") — or (None, why) when the engine failed: the visit itself is never lost."""
    problems = incomplete_procedures(visit)
    kept = [i for i in range(len(visit.procedures)) if i not in problems]
    codable = replace(visit, procedures=tuple(visit.procedures[i] for i in kept))
    try:
        claim = coder(codable)
    except Exception as error:  # an engine fault must never lose the visit being captured
        return None, f"Could not code this visit: {error}"
    return _remap(claim, kept, problems), ""


def _remap(claim: CodedClaim, kept: list[int], problems: dict[int, list[str]]) -> CodedClaim:
    """Put the claim's procedure indices back on the full visit and add the incomplete ones."""

    def back(indices: tuple[int | None, ...]) -> tuple[int | None, ...]:
        return tuple(None if i is None else kept[i] for i in indices)

    lines = tuple(replace(line, procedures=back(line.procedures)) for line in claim.lines)
    not_billed = tuple(replace(nb, procedures=back(nb.procedures)) for nb in claim.not_billed)
    findings = [
        replace(f, procedures=tuple(kept[i] for i in f.procedures if i < len(kept)))
        for f in claim.findings
    ]
    for index, messages in sorted(problems.items()):
        for message in messages:
            findings.append(
                Finding(
                    severity=Severity.ERROR,
                    check="incomplete",
                    message=f"procedure {index + 1}: {message}",
                    procedures=(index,),
                    action="complete the procedure",
                )
            )
    return replace(claim, lines=lines, not_billed=not_billed, findings=tuple(findings))
