"""Global surgical periods: services inside an earlier procedure's 0-, 10- or 90-day global.

Sources: CMS Medicare Claims Processing Manual ch. 12 §40.1–40.4 (global surgery package; the
10- and 90-day periods count from the day of the procedure); AAD, Elston 2011/2012 and AAD DCC
Oct 2023 as collected in coding-rules.md R-MOD-58/78/79 (58: staged, planned or more extensive
related procedure, including re-excision for margins; 78: unplanned return for a complication;
79: unrelated procedure) and R-EM-4 (an unrelated E/M in the global period takes 24; routine
related follow-up is included). Global days come from the MPFS via the CPT table, with the
family fallback below where the table has no row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from dermcharge.checks import code_families as fam
from dermcharge.checks.context import CheckContext
from dermcharge.checks.shipped_tables import tables_of
from dermcharge.domain.claim import ClaimLine, Finding, Severity

CHECK = "global_periods"
SOURCE = "CMS Claims Processing Manual ch. 12 §40; coding-rules.md R-MOD-58/78/79, R-EM-4"
# Family fallback when no table row gives the global days (coding-rules.md: biopsy 000 §1,
# excision 010 §3 R-EX, adjacent tissue transfer 090 §5, Mohs 000 §8 R-MO-3, 17110/17111 010 §6b).
FALLBACK_DAYS: tuple[tuple[frozenset[str], int], ...] = (
    (fam.BIOPSY_PRIMARY, 0),
    (fam.EXCISION, 10),
    (fam.ADJACENT_TISSUE_TRANSFER - {"14302"}, 90),
    (frozenset({"17311", "17313"}), 0),
    (fam.BENIGN_DESTRUCTION, 10),
)
PROCEDURE_MODIFIERS = frozenset({"58", "78", "79"})
POSTOP_VISIT = "99024"  # the post-operative visit itself: no charge, no modifier (CPT)


@dataclass(frozen=True)
class GlobalWindow:
    cpt: str
    performed: date
    days: int
    diagnoses: tuple[str, ...]

    @property
    def ends(self) -> date:
        return self.performed + timedelta(days=self.days)

    def describe(self) -> str:
        return f"{self.cpt} of {self.performed} ({self.days}-day global, to {self.ends})"


def global_days(ctx: CheckContext, cpt: str) -> int | None:
    lookup = tables_of(ctx).global_days
    days = lookup.global_days(cpt) if lookup is not None else None
    if days is None:
        days = next((d for codes, d in FALLBACK_DAYS if cpt in codes), None)
    return days


def open_windows(ctx: CheckContext) -> list[GlobalWindow]:
    """Earlier procedures whose global period covers this visit's date of service: from the
    patient's stored history on the visit (Visit.history, filled by services) and from the
    earlier coded visits a caller hands the checks."""
    dos = ctx.visit.date_of_service
    windows = []
    for earlier in ctx.visit.history:
        if earlier.date_of_service >= dos or not fam.is_procedure(earlier.cpt):
            continue  # the same day is one surgical session's business (59), not a global's
        days = earlier.global_days
        days = global_days(ctx, earlier.cpt) if days is None else days
        if days is None:
            continue
        window = GlobalWindow(earlier.cpt, earlier.date_of_service, days, earlier.diagnoses)
        if window.ends >= dos:
            windows.append(window)
    for prior in ctx.history:
        if prior.date_of_service > dos or prior.visit == ctx.visit:
            continue  # a later visit, or this very visit handed back by storage
        for line in prior.claim.lines:
            days = global_days(ctx, line.cpt)
            if days is None or not fam.is_procedure(line.cpt):
                continue
            window = GlobalWindow(line.cpt, prior.date_of_service, days, line.diagnoses)
            if window.ends >= dos:
                windows.append(window)
    return sorted(windows, key=lambda w: (w.ends, w.days), reverse=True)


def check_global_periods(ctx: CheckContext) -> list[Finding]:
    windows = open_windows(ctx)
    found: list[Finding] = []
    for number, line in enumerate(ctx.lines, 1):
        if line.cpt == POSTOP_VISIT:
            continue
        found.extend(_misplaced_modifiers(ctx, number, line, bool(windows)))
        if not windows:
            continue
        if line.cpt in fam.OFFICE_EM:
            found.extend(_em_in_global(ctx, number, line, windows))
        elif fam.is_procedure(line.cpt) and _is_primary(ctx, line.cpt):
            found.extend(_procedure_in_global(ctx, number, line, windows))
    return found


def _is_primary(ctx: CheckContext, cpt: str) -> bool:
    add_ons = tables_of(ctx).add_ons
    return add_ons is None or add_ons.primaries_for(cpt, ctx.visit.date_of_service) is None


def _em_in_global(
    ctx: CheckContext, number: int, line: ClaimLine, windows: list[GlobalWindow]
) -> list[Finding]:
    mods = set(line.modifiers)
    window = windows[0]
    related = [w for w in windows if set(w.diagnoses) & set(line.diagnoses)]
    surgery_dx = {d for w in windows for d in w.diagnoses}
    if "24" in mods:
        if not related or not set(line.diagnoses) <= surgery_dx:
            return []
        return [
            _finding(
                ctx, number, line, Severity.WARNING,
                f"Line {number}: {line.cpt} carries 24 (unrelated to the surgery), but it points "
                f"to the same diagnosis as {related[0].describe()}.",
                "Routine follow-up of that procedure is included; remove the E/M, or link the "
                "unrelated problem that was managed.",
            )
        ]  # fmt: skip
    if "57" in mods:
        return []  # decision for a new major procedure, judged by the E/M check
    return [
        _finding(
            ctx, number, line, Severity.ERROR,
            f"Line {number}: {line.cpt} falls inside the global period of {window.describe()}; "
            "without 24 the payer treats it as included post-operative care.",
            "If the visit was for a problem unrelated to that procedure, add 24; if it was "
            "routine follow-up, remove the E/M (it is included).",
        )
    ]  # fmt: skip


def _procedure_in_global(
    ctx: CheckContext, number: int, line: ClaimLine, windows: list[GlobalWindow]
) -> list[Finding]:
    if set(line.modifiers) & PROCEDURE_MODIFIERS:
        return []
    window = windows[0]
    same_problem = any(set(w.diagnoses) & set(line.diagnoses) for w in windows)
    if same_problem:
        hint = (
            "same diagnosis: 58 if staged, planned or more extensive (re-excision for margins), "
            "78 if it treats a complication"
        )
    else:
        hint = "different diagnosis: 79 (unrelated procedure)"
    return [
        _finding(
            ctx, number, line, Severity.ERROR,
            f"Line {number}: {line.cpt} falls inside the global period of {window.describe()} "
            "and carries no 58, 78 or 79; the payer denies it as part of that surgery.",
            f"Add the modifier that fits ({hint}).",
        )
    ]  # fmt: skip


def _misplaced_modifiers(
    ctx: CheckContext, number: int, line: ClaimLine, in_global: bool
) -> list[Finding]:
    mods = set(line.modifiers)
    is_em = line.cpt in fam.OFFICE_EM
    if is_em and mods & PROCEDURE_MODIFIERS:
        wrong = "/".join(sorted(mods & PROCEDURE_MODIFIERS))
        return [
            _finding(
                ctx, number, line, Severity.ERROR,
                f"Line {number}: {wrong} belongs on procedure codes, not on the E/M {line.cpt}.",
                "Use 24 for an unrelated E/M in a global period (25 for a same-day procedure).",
            )
        ]  # fmt: skip
    if not is_em and "24" in mods:
        return [
            _finding(
                ctx, number, line, Severity.ERROR,
                f"Line {number}: 24 is an E/M modifier and cannot go on {line.cpt}.",
                "Use 79 for an unrelated procedure in a global period (58 or 78 if related).",
            )
        ]  # fmt: skip
    used = mods & (PROCEDURE_MODIFIERS | {"24"})
    if used and (ctx.history or ctx.visit.history) and not in_global:
        return [
            _finding(
                ctx, number, line, Severity.WARNING,
                f"Line {number} carries {'/'.join(sorted(used))}, but no earlier procedure in the "
                "patient's record has a global period covering this date.",
                "Remove the modifier, or record the earlier procedure it refers to.",
            )
        ]  # fmt: skip
    return []


def _finding(
    ctx: CheckContext, number: int, line: ClaimLine, severity: Severity, message: str, action: str
) -> Finding:
    return Finding(severity, CHECK, message, (number,), ctx.line_procedures(line), SOURCE, action)
