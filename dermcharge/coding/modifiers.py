"""Modifiers: distinct service (59/XS) where a PTP edit applies, ABN and cosmetic (GA/GZ/GY/GX),
anatomic (RT/LT, E1-E4, F/T digits) and 51, each by the payer profile."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from itertools import permutations

from dermcharge.codesets.ptp import BYPASSABLE, NOT_BYPASSABLE, PtpEdit
from dermcharge.coding.context import CodingContext
from dermcharge.coding.draft import DraftLine
from dermcharge.domain.claim import Severity
from dermcharge.domain.visit import Abn, Kind, Procedure

EYELID = {
    ("upper_eyelid", "left"): "E1",
    ("lower_eyelid", "left"): "E2",
    ("upper_eyelid", "right"): "E3",
    ("lower_eyelid", "right"): "E4",
}
FINGER = {"left": ["FA", "F1", "F2", "F3", "F4"], "right": ["F5", "F6", "F7", "F8", "F9"]}
TOE = {"left": ["TA", "T1", "T2", "T3", "T4"], "right": ["T5", "T6", "T7", "T8", "T9"]}

# Benign-lesion removals that Medicare LCDs cover only with a documented indication (R-COS-1).
BENIGN_REMOVAL = frozenset(
    {Kind.SHAVE_REMOVAL, Kind.EXCISION_BENIGN, Kind.DESTRUCTION_BENIGN, Kind.SKIN_TAG_REMOVAL}
)
COSMETIC_SIGNAL_PREFIXES = ("L82.1", "L91.8", "D22", "D23", "L72", "D18.01", "B07")
COSMETIC_DX = "Z41.1"


def digit_modifier(p: Procedure) -> str | None:
    """F/T modifiers: left thumb FA, right thumb F5; left great toe TA, right T5 (R-MOD-ANAT)."""
    if p.digit is None or p.laterality is None:
        return None
    table = FINGER if p.site == "finger" else TOE if p.site == "toe" else None
    return table[str(p.laterality)][p.digit - 1] if table else None


def anatomic_modifier(p: Procedure) -> str | None:
    if p.site in ("upper_eyelid", "lower_eyelid") and p.laterality:
        return EYELID[(p.site, str(p.laterality))]
    digit = digit_modifier(p)
    if digit:
        return digit
    return {"left": "LT", "right": "RT"}.get(str(p.laterality)) if p.laterality else None


def apply_distinct_service(ctx: CodingContext, lines: list[DraftLine]) -> list[DraftLine]:
    """Where an NCCI PTP edit pairs two codes of the visit: indicator 0 leaves column 2 off;
    indicator 1 takes the profile's 59 or XS on the column-2 code when the two treat distinct
    lesions or sites, never on an add-on code (CMS MLN1783722; R-MOD-59; R-BX-4; column 2 by
    the MACs' convention, AAD 2019)."""
    dropped: set[int] = set()
    by_code: dict[str, list[int]] = {}
    for n, line in enumerate(lines):
        by_code.setdefault(line.code, []).append(n)
    # Look edits up per pair of distinct codes (a visit has few), then judge the lines.
    for code1, code2 in permutations(by_code, 2):
        edit = ctx.ptp.edit_for(code1, code2, ctx.visit.date_of_service)
        if edit is None:
            continue
        for c1 in by_code[code1]:
            for c2 in by_code[code2]:
                if c2 not in dropped and not lines[c2].add_on:
                    _judge_pair(ctx, edit, lines[c1], lines[c2], c2, dropped)
    return [line for n, line in enumerate(lines) if n not in dropped]


def _judge_pair(
    ctx: CodingContext,
    edit: PtpEdit,
    first: DraftLine,
    second: DraftLine,
    index: int,
    dropped: set[int],
) -> None:
    own = [i for i in second.procedures if i is not None]
    other = [i for i in first.procedures if i is not None]
    distinct = any(all(ctx.distinct_lesions(i, j) for j in other) for i in own)
    if edit.modifier_indicator == NOT_BYPASSABLE:
        dropped.add(index)
        ctx.draft.leave_off(
            second.code,
            f"NCCI PTP edit {first.code}/{second.code} (modifier indicator 0): not payable with it",
            tuple(own),
        )
    elif edit.modifier_indicator == BYPASSABLE and distinct:
        if ctx.profile.distinct_modifier not in second.modifiers:
            second.modifiers.append(ctx.profile.distinct_modifier)
            second.why += (
                f" {ctx.profile.distinct_modifier}: a distinct lesion from "
                f"{first.code}, which it pairs with in an NCCI PTP edit."
            )
        if not edit.verified:
            ctx.draft.find(
                Severity.INFO,
                "ncci_ptp_unverified",
                f"The {first.code}/{second.code} pair behind {ctx.profile.distinct_modifier} "
                "comes from NCCI policy statements, not the CMS PTP file: load the current "
                "PTP file to confirm it",
                tuple(own),
                source=edit.source,
                action="dermcharge tables import FILE",
            )
    elif edit.modifier_indicator == BYPASSABLE:
        ctx.draft.find(
            Severity.WARNING,
            "ncci_ptp",
            f"{second.code} is bundled into {first.code} (NCCI PTP edit) unless it treated a "
            "separate lesion or site: record which, or it will be denied",
            tuple(own + other),
            source=edit.source or "NCCI PTP edits",
            action="Mark the separate lesion, or remove the line",
        )


def _cosmetic_signal(codes: list[str]) -> bool:
    return any(c.startswith(COSMETIC_SIGNAL_PREFIXES) for c in codes)


def apply_liability(ctx: CodingContext, line: DraftLine) -> None:
    """Medicare: cosmetic at the patient's request -> GY (+GX with any notice given) and Z41.1;
    an ABN signed -> GA; no ABN for a removal the LCD will likely deny -> GZ (R-MOD-ABN,
    R-COS-3; WPS Z41.1)."""
    if not ctx.profile.abn_modifiers:
        return
    procs = [ctx.procedures[i] for i in line.procedures if i is not None]
    statuses = {_liability_status(p, line.diagnoses) for p in procs}
    if len(statuses) > 1:
        ctx.draft.find(
            Severity.WARNING,
            "cosmetic",
            f"{line.code} counts lesions with different coverage (cosmetic, ABN or covered): "
            "no liability modifier was added to the line. Bill the cosmetic or non-covered "
            "lesions apart (to the patient, or on their own line with GY/GA/GZ)",
            tuple(i for i in line.procedures if i is not None),
            source="coding-rules.md R-COS-1, R-COS-3, R-MOD-ABN",
            action="Split the count by coverage",
        )
        return
    status = statuses.pop() if statuses else "covered"
    wanted = {"cosmetic": ["GY"], "cosmetic_voluntary": ["GY", "GX"], "signed": ["GA"],
              "voluntary": ["GX"], "no_abn": ["GZ"]}.get(status, [])  # fmt: skip
    if status.startswith("cosmetic") and COSMETIC_DX not in line.diagnoses:
        line.diagnoses.append(COSMETIC_DX)
    for mod in wanted:
        if mod not in line.modifiers:
            line.modifiers.append(mod)


def _liability_status(p: Procedure, diagnoses: list[str]) -> str:
    """Who pays for one procedure under Medicare's rules (R-COS-3, R-MOD-ABN)."""
    if p.cosmetic:
        # Any notice for a statutorily excluded service is voluntary: no ABN is required for an
        # exclusion, so a signed notice is reported with GX beside GY, never GA (CMS MM6563
        # modifier GX "notice of liability issued, voluntary under payer policy"; GX may be
        # combined with GY, not with GA/GZ; R-COS-3).
        return "cosmetic" if p.abn in (None, Abn.NONE) else "cosmetic_voluntary"
    if p.abn is Abn.SIGNED:
        return "signed"
    if p.abn is Abn.VOLUNTARY:
        return "voluntary"
    if (p.abn is Abn.NONE and p.kind in BENIGN_REMOVAL and not p.symptomatic
            and _cosmetic_signal(diagnoses)):  # fmt: skip
        return "no_abn"
    return "covered"


def apply_anatomic(ctx: CodingContext, line: DraftLine) -> None:
    """RT/LT and E1-E4 / F / T on skin-lesion codes only where the payer wants them (R-MOD-ANAT:
    Priority Health may deny them, UHC requires E/F/T) — a profile setting, default off."""
    if not ctx.profile.laterality_modifiers or line.code.startswith("J"):
        return
    mods = {anatomic_modifier(ctx.procedures[i]) for i in line.procedures if i is not None}
    if len(mods) == 1:
        mod = mods.pop()
        if mod and mod not in line.modifiers:
            line.modifiers.append(mod)


def apply_multiple_procedure(
    ctx: CodingContext, lines: list[DraftLine], value: Callable[[str], Decimal | None]
) -> None:
    """51 on every primary procedure but the highest-valued, where the payer wants it; never on
    add-on codes, E/M, drugs or 17004 (R-MOD-51: the lower-valued codes; Medicare: never).
    `value(code)` is the procedure's PFS work RVU from the fee schedule file (engine
    `_procedure_value`); without RVUs the first procedure in claim order is taken as the
    highest-valued, and a finding says so."""
    if not ctx.profile.append_51:
        return
    candidates = [
        line
        for line in lines
        if not (line.add_on or line.code.startswith(("99", "J")) or line.code == "17004")
    ]
    if len(candidates) < 2:
        return
    values = [value(line.code) for line in candidates]
    if all(v is not None for v in values):
        top = max(range(len(candidates)), key=lambda n: (values[n], -n))
    else:
        top = 0
        ctx.draft.find(
            Severity.INFO,
            "modifier_51",
            "51 was put on every procedure after the first in claim order: load the CMS fee "
            "schedule RVU file so the highest-valued procedure goes without it",
            (),
            source="coding-rules.md R-MOD-51",
            action="dermcharge tables import PPRRVU FILE",
        )
    for n, line in enumerate(candidates):
        if n != top and "51" not in line.modifiers:
            line.modifiers.append("51")
