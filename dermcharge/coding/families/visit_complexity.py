"""G2211, the office E/M visit complexity add-on: when it is billed, suggested or left off.

Sources: HCPCS G2211, payable from 2024 (CY2024 PFS final rule; CMS MLN MM13272): ongoing care
for a single serious or complex condition, or the continuing focal point for all needed
services, with an office/outpatient E/M 99202-99215; not payable when the E/M carries modifier
25, except from 2025 where the other same-day service is an annual wellness visit, a vaccine
administration or a Medicare Part B preventive service (CY2025 PFS final rule; CMS Transmittal
13015 as summarised in coding-rules.md R-EM-5). Only payers whose profile pays it
(`pays_g2211`). Numbers and lists: resources/data/visit_complexity_g2211.json.
"""

from __future__ import annotations

import json
from datetime import date
from functools import cache
from typing import Any

from dermcharge.coding.context import CodingContext
from dermcharge.coding.draft import EM, DraftLine
from dermcharge.domain.claim import Severity
from dermcharge.domain.visit import PatientStatus
from dermcharge.resource_files import resource_path

CHECK = "g2211"
SOURCE = (
    "HCPCS G2211 (CY2024 PFS final rule; CMS MLN MM13272); CY2025 PFS final rule and CMS "
    "Transmittal 13015 (25 allowed only beside an AWV, vaccine administration or Part B "
    "preventive service; coding-rules.md R-EM-5)"
)


@cache
def g2211_table() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        resource_path("data", "visit_complexity_g2211.json").read_text(encoding="utf-8")
    )
    return data


def chronic_conditions(diagnoses: list[str]) -> list[str]:
    """The E/M's diagnoses that are long-term conditions managed over time (table list)."""
    prefixes = tuple(g2211_table()["chronic_condition_prefixes"])
    return [d for d in diagnoses if d.startswith(prefixes)]


def _with_25_allowed(ctx: CodingContext, codes: set[str]) -> bool:
    """From 2025, G2211 beside an E/M with 25 when the other service is an AWV, a vaccine
    administration or a Part B preventive service (CY2025 PFS final rule)."""
    table = g2211_table()
    if ctx.visit.date_of_service < date.fromisoformat(table["with_25_allowed_from"]):
        return False
    return bool(codes & set(table["with_25_allowed_services"]))


def code_visit_complexity(
    ctx: CodingContext, em_line: DraftLine | None, other_codes: set[str]
) -> DraftLine | None:
    """The G2211 line, or None with the reason in not_billed or a finding. Billed where the payer
    pays it, the office E/M is billed without 57 and without 25 (or with 25 beside a service
    CMS allows), and a serious or chronic condition is under longitudinal care: recorded
    (`em.longitudinal_care`), or, unrecorded, an established patient's visit for such a
    condition — then with a warning to confirm. A new patient's visit is only suggested."""
    table = g2211_table()
    em = ctx.visit.em
    if em is None or em_line is None or em.longitudinal_care is False:
        return None
    if em_line.code not in table["office_em"]:
        return None
    if ctx.visit.date_of_service < date.fromisoformat(table["effective_from"]):
        return None
    chronic = chronic_conditions(em_line.diagnoses)
    if not chronic:
        return None
    code = str(table["code"])
    if not ctx.profile.pays_g2211:
        ctx.draft.leave_off(code, f"the {ctx.profile.label} profile does not pay G2211", (EM,))
        return None
    if "57" in em_line.modifiers:
        ctx.draft.leave_off(code, "G2211 is not added to a decision-for-surgery E/M (57)", (EM,))
        return None
    if "25" in em_line.modifiers and not _with_25_allowed(ctx, other_codes):
        ctx.draft.leave_off(
            code,
            "G2211 is not paid with an E/M carrying 25 for a same-day procedure; only an annual "
            "wellness visit, a vaccine administration or a Part B preventive service allows it "
            "(CY2025 PFS final rule; R-EM-5)",
            (EM,),
        )
        return None
    if em.longitudinal_care is None:
        if ctx.visit.patient_status is PatientStatus.NEW:
            ctx.draft.find(
                Severity.INFO,
                CHECK,
                f"G2211 may apply: a new patient seen for {', '.join(chronic)}. Add it if this "
                "visit starts ongoing care for that condition (record em.longitudinal_care)",
                (),
                source=SOURCE,
                action="Record whether the provider will manage the condition over time",
            )
            return None
        ctx.draft.find(
            Severity.WARNING,
            CHECK,
            f"G2211 was added for the ongoing care of {', '.join(chronic)}: confirm the provider "
            "manages this condition over time (em.longitudinal_care), or remove it",
            (),
            source=SOURCE,
            action="Confirm the longitudinal care relationship",
        )
    return DraftLine(
        code,
        1,
        (EM,),
        chronic + [d for d in em_line.diagnoses if d not in chronic],
        f"Visit complexity add-on with the office E/M: ongoing care of {', '.join(chronic)} "
        "(G2211; CMS MLN MM13272).",
        add_on=True,
        per_lesion=False,
    )
