"""Every deliberately broken claim in broken_claims/ is caught by the checks it names."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from dermcharge.checks.context import CheckContext, PriorVisit
from dermcharge.checks.registry import run_checks, unique, verdict
from dermcharge.codesets.icd10.catalog import Icd10Catalog
from dermcharge.coding.claim_json import claim_from_json
from dermcharge.coding.engine import code_visit
from dermcharge.coding.visit_json import parse_visit
from dermcharge.domain.claim import CodedClaim, Finding
from dermcharge.domain.visit import Visit
from tests.core.checks.claim_builders import icd

FOLDER = Path(__file__).parent / "broken_claims"
CASES = sorted(FOLDER.glob("*.json"))


def catalog_for(on: date) -> Icd10Catalog:
    from dermcharge.codesets.icd10.releases import catalog_for as releases_catalog_for

    return releases_catalog_for(on)


def coded(data: dict[str, Any]) -> tuple[Visit, CodedClaim]:
    visit = parse_visit(data["input"], catalog_for=catalog_for)
    if "claim" in data:
        return visit, claim_from_json(data["claim"])
    return visit, code_visit(visit, catalog_for=catalog_for, run_checks=False)


def findings_for(data: dict[str, Any]) -> tuple[Finding, ...]:
    visit, claim = coded(data)
    history = []
    for earlier in data.get("history", ()):
        prior_visit, prior_claim = coded(earlier)
        on = date.fromisoformat(earlier.get("date_of_service", earlier["input"]["date_of_service"]))
        history.append(PriorVisit(on, prior_visit, prior_claim))
    ctx = CheckContext(visit, claim, None, icd(), tuple(history))
    return unique((*claim.findings, *run_checks(ctx)))


def test_there_is_a_broken_claim_for_every_check() -> None:
    named = {
        (e if isinstance(e, str) else e["check"])
        for path in CASES
        for e in json.loads(path.read_text(encoding="utf-8"))["must_fire"]
    }
    assert named >= {
        "claim_shape", "duplicates", "exclusive_codes", "code_pairs", "add_ons", "unit_limits",
        "diagnosis_support", "specificity", "cosmetic", "evaluation_management",
        "global_periods", "missed_charges", "bundled_services", "modifier_use",
    }  # fmt: skip


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_broken_claim_is_caught(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    found = findings_for(data)
    seen = [(f.check, f.severity.value) for f in found]
    for expected in data["must_fire"]:
        check, severity = (
            (expected, None)
            if isinstance(expected, str)
            else (expected["check"], expected.get("severity"))
        )
        assert any(c == check and severity in (None, s) for c, s in seen), (
            f"{path.stem}: expected {check} {severity or ''} in {seen}"
        )
    for check in data.get("must_not_fire", ()):
        assert check not in {c for c, _ in seen}, f"{path.stem}: {check} fired: {seen}"
    if "clean" in data:
        assert verdict(found).clean is data["clean"], f"{path.stem}: {seen}"
