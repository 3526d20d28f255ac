"""From draft lines to claim lines: merge, order, four pointers a line, the A-L diagnosis list."""

from __future__ import annotations

from collections.abc import Sequence

from dermcharge.codesets.cpt import cpt_table
from dermcharge.coding.draft import DraftLine
from dermcharge.domain.claim import ClaimLine, Finding, Severity

MAX_POINTERS = 4  # CMS-1500 item 24E
MAX_DIAGNOSES = 12  # CMS-1500 item 21 A-L


def merge_lines(lines: list[DraftLine]) -> list[DraftLine]:
    """Lines of one code with the same modifiers become one line with summed units, as long as
    their diagnoses fit four pointers (the case convention: 11103 x 2 on one line)."""
    merged: list[DraftLine] = []
    # A merged line's procedures, gathered in a list and a set and made a tuple once at the
    # end: growing the tuple line by line made 10,000 add-on biopsies cost 10,000² steps.
    procedures: dict[int, tuple[list[int | None], set[int | None]]] = {}
    by_code: dict[tuple[str, tuple[str, ...]], list[DraftLine]] = {}
    for line in lines:
        for into in by_code.get((line.code, tuple(line.modifiers)), ()):
            union = into.diagnoses + [d for d in line.diagnoses if d not in into.diagnoses]
            if len(union) > MAX_POINTERS:
                continue
            into.units += line.units
            order, seen = procedures[id(into)]
            for p in line.procedures:
                if p not in seen:
                    order.append(p)
                    seen.add(p)
            into.diagnoses = union
            break
        else:
            merged.append(line)
            by_code.setdefault((line.code, tuple(line.modifiers)), []).append(line)
            procedures[id(line)] = (list(line.procedures), set(line.procedures))
    for line in merged:
        line.procedures = tuple(procedures[id(line)][0])
    return merged


def order_lines(lines: list[DraftLine]) -> list[DraftLine]:
    """E/M first, then procedures in the order performed, each add-on right after its primary
    (11104 before the 11103 of an earlier tangential biopsy) and drugs after their injection."""
    table = cpt_table()

    def first(line: DraftLine) -> int:
        # A line's own procedure comes first in `procedures` (a repair before the wound it
        # closes), so the repair sorts after that wound's procedure.
        return next((p for p in line.procedures if p is not None), 0)

    def key(line: DraftLine) -> tuple[int, int, int, str]:
        if None in line.procedures:
            return (0, 0, 0, line.code)
        if line.add_on:
            primaries = set(table.primaries(line.code))
            anchors = [first(other) for other in lines if other.code in primaries]
            return (1, min(anchors, default=first(line)), 1, line.code)
        return (1, first(line), int(line.code.startswith("J")), line.code)

    return sorted(lines, key=key)


def finalize(
    lines: list[DraftLine], diagnosis_order: Sequence[str] = ()
) -> tuple[list[ClaimLine], list[str], list[Finding]]:
    """Claim lines with at most four diagnoses each, the claim's diagnosis list (A-L), and
    findings for what does not fit a claim form.

    The list is in order of first use unless a person ordered it (`diagnosis_order`): the
    first-listed diagnosis is the condition chiefly responsible for the services (ICD-10-CM
    Official Guidelines, Section IV.G), which only the provider can judge. Each line keeps its
    own pointers, primary first (NUCC 1500 instructions, item 24E). Codes in the order that no
    line points to are not claimed (the order outlives a lesion whose code was changed)."""
    table = cpt_table()
    findings: list[Finding] = []
    claim_dx: list[str] = []
    out: list[ClaimLine] = []
    for n, line in enumerate(lines, start=1):
        dx = list(dict.fromkeys(line.diagnoses))
        if len(dx) > MAX_POINTERS:
            findings.append(
                Finding(
                    Severity.INFO,
                    "claim_shape",
                    f"Line {n} ({line.code}) concerns {len(dx)} diagnoses; the first four are "
                    f"pointed to ({', '.join(dx[MAX_POINTERS:])} left out)",
                    lines=(n,),
                    source="CMS-1500 item 24E: four diagnosis pointers a line",
                )
            )
            dx = dx[:MAX_POINTERS]
        for code in dx:
            if code not in claim_dx:
                claim_dx.append(code)
        out.append(
            ClaimLine(
                cpt=line.code,
                units=line.units,
                modifiers=tuple(line.modifiers[:4]),
                diagnoses=tuple(dx),
                description=table.description(line.code),
                why=line.why.strip(),
                procedures=line.procedures,
            )
        )
    chosen = [code for code in diagnosis_order if code in claim_dx]
    claim_dx = chosen + [code for code in claim_dx if code not in chosen]
    if len(claim_dx) > MAX_DIAGNOSES:
        findings.append(
            Finding(
                Severity.ERROR,
                "claim_shape",
                f"The claim needs {len(claim_dx)} diagnoses; a claim holds 12 (A-L): split the "
                "procedures over two claims",
                source="CMS-1500 item 21",
            )
        )
    return out, claim_dx, findings
