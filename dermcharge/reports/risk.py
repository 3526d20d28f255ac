"""Risk and missed charges across visits: what the claim checks found and what people decided.

- By check and provider: findings still open, acknowledged and overridden, and how many claims
  left (signed or exported) with a warning someone acknowledged or an error overridden.
- Likely missed charges, beside the engine's own `missed_charges` findings:
  an office E/M billed on the day of a procedure without modifier 25 (CPT Appendix A, modifier
  25; NCCI Policy Manual Chapter I §D and Chapter XI §B: the E/M is either separately
  identifiable and marked 25, or part of the procedure — both cost money when wrong), and a
  biopsy billed with a placeholder diagnosis (neoplasm of uncertain or unspecified behavior,
  D48.-/D49.-) whose visit waits for no pathology (ICD-10-CM Official Guidelines I.C.2.d-e: code
  from the pathology report once it is available) — a result never entered.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from dermcharge.reports.records import ReportFinding, ReportLine, ReportVisit

OFFICE_EM = frozenset(
    {"99202", "99203", "99204", "99205", "99211", "99212", "99213", "99214", "99215"}
)
BIOPSY_CODES = frozenset({"11102", "11103", "11104", "11105", "11106", "11107"})
PLACEHOLDER_DIAGNOSES = ("D48.", "D49.")
ENGINE_MISSED_CHARGES = "missed_charges"


@dataclass(frozen=True)
class RiskRow:
    provider_name: str
    check: str
    open: int
    acknowledged: int
    overridden: int
    claims_left_with_decisions: tuple[int, ...]  # signed/exported visits with a decided finding


@dataclass(frozen=True)
class MissedCharge:
    visit_id: int
    provider_name: str
    reason: str
    source: str


def risk_by_check(
    findings: Iterable[ReportFinding], visits: Iterable[ReportVisit]
) -> list[RiskRow]:
    by_id = {visit.visit_id: visit for visit in visits}
    groups: dict[tuple[str, str], list[ReportFinding]] = {}
    for finding in findings:
        if finding.severity == "info" or finding.visit_id not in by_id:
            continue
        name = by_id[finding.visit_id].provider_name
        groups.setdefault((name, finding.check), []).append(finding)
    rows = []
    for (name, check), group in sorted(groups.items()):
        left = {
            f.visit_id
            for f in group
            if f.decision in ("acknowledged", "overridden")
            and (by_id[f.visit_id].signed or by_id[f.visit_id].exported)
        }
        rows.append(
            RiskRow(
                provider_name=name,
                check=check,
                open=sum(f.decision is None for f in group),
                acknowledged=sum(f.decision == "acknowledged" for f in group),
                overridden=sum(f.decision == "overridden" for f in group),
                claims_left_with_decisions=tuple(sorted(left)),
            )
        )
    return rows


def likely_missed_charges(
    visits: Iterable[ReportVisit],
    lines: Iterable[ReportLine],
    findings: Iterable[ReportFinding] = (),
) -> list[MissedCharge]:
    by_id = {visit.visit_id: visit for visit in visits}
    claims: dict[int, list[ReportLine]] = {}
    for line in lines:
        claims.setdefault(line.visit_id, []).append(line)
    found: list[MissedCharge] = []
    for visit_id, claim in sorted(claims.items()):
        visit = by_id.get(visit_id)
        if visit is None:
            continue
        found += _em_without_25(visit, claim) + _biopsy_without_result(visit, claim)
    for finding in findings:
        visit = by_id.get(finding.visit_id)
        if finding.check == ENGINE_MISSED_CHARGES and visit is not None:
            found.append(
                MissedCharge(
                    visit.visit_id,
                    visit.provider_name,
                    "the claim check found a service documented but not billed",
                    "dermcharge missed-charges check (checks/missed_charges.py)",
                )
            )
    return sorted(found, key=lambda m: (m.visit_id, m.reason))


def _em_without_25(visit: ReportVisit, claim: list[ReportLine]) -> list[MissedCharge]:
    em = [line for line in claim if line.cpt in OFFICE_EM]
    procedures = [line for line in claim if line.cpt not in OFFICE_EM and line.cpt[:1].isdigit()]
    if not em or not procedures or any("25" in line.modifiers for line in em):
        return []
    return [
        MissedCharge(
            visit.visit_id,
            visit.provider_name,
            f"E/M {em[0].cpt} billed with {procedures[0].cpt} without modifier 25: mark it 25 "
            f"if separately identifiable, else it is part of the procedure",
            "CPT Appendix A, modifier 25; NCCI Policy Manual Ch. I §D, Ch. XI §B",
        )
    ]


def _biopsy_without_result(visit: ReportVisit, claim: list[ReportLine]) -> list[MissedCharge]:
    if visit.held_for_pathology:
        return []
    placeholder = [
        line
        for line in claim
        if line.cpt in BIOPSY_CODES
        and line.diagnoses
        and all(dx.startswith(PLACEHOLDER_DIAGNOSES) for dx in line.diagnoses)
    ]
    if not placeholder:
        return []
    return [
        MissedCharge(
            visit.visit_id,
            visit.provider_name,
            f"biopsy {placeholder[0].cpt} billed with {placeholder[0].diagnoses[0]} and no "
            f"pathology pending: enter the pathology result",
            "ICD-10-CM Official Guidelines I.C.2 (code from the pathology report when available)",
        )
    ]
