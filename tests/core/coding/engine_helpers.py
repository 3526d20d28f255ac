"""Shared helpers for the engine tests: code a contract dict, read the lines back."""

from __future__ import annotations

from collections import Counter
from typing import Any

from dermcharge.coding.engine import code_visit
from dermcharge.coding.visit_json import parse_visit
from dermcharge.domain.claim import CodedClaim

DOS = "2026-11-20"


def code(procedures: list[dict[str, Any]], payer: str = "medicare", **extra: Any) -> CodedClaim:
    from dermcharge.codesets.icd10.releases import catalog_for

    data = {"date_of_service": DOS, "payer": payer, "procedures": procedures, **extra}
    return code_visit(parse_visit(data, catalog_for=catalog_for))


def units(claim: CodedClaim) -> Counter[str]:
    """Total units by code (lines may be split or merged)."""
    total: Counter[str] = Counter()
    for line in claim.lines:
        total[line.cpt] += line.units
    return total


def line(claim: CodedClaim, cpt: str) -> Any:
    found = [ln for ln in claim.lines if ln.cpt == cpt]
    assert found, f"no {cpt} line in {[ln.cpt for ln in claim.lines]}"
    return found[0]


def errors(claim: CodedClaim) -> list[str]:
    return [f.check for f in claim.findings if f.severity == "error"]
