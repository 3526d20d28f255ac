"""The certified-coder review cases (tests/core/coding/coder_cases/*.json), coded in-process.

Each case file is in the shared case format (../shared/cases/README.md): a contract visit and the
claim lines a coder would submit. The comparison is the one ../shared/tools/check_cases.py makes:
the same CPT codes with the same total units (lines may be split or merged), modifiers equal with
59/XS/XE/XP/XU counted as one distinct-service modifier and 51, RT/LT, E1-E4, F*/T* ignored (payer
profile), and every expected diagnosis ("A|B" = either) linked on that code's lines. A case with
`expect_error_finding` must end in InvalidVisit or carry an `error` finding.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from dermcharge.coding.engine import code_visit, default_catalog
from dermcharge.coding.visit_json import InvalidVisit, parse_visit
from dermcharge.domain.claim import CodedClaim, Severity

CASES_DIR = Path(__file__).parent / "coder_cases"
DISTINCT = frozenset({"59", "XS", "XE", "XP", "XU"})
IGNORED = (
    frozenset({"51", "RT", "LT", "E1", "E2", "E3", "E4", "FA", "TA"})
    | {f"F{i}" for i in range(1, 10)}
    | {f"T{i}" for i in range(1, 10)}
)


def _load_cases() -> list[dict[str, Any]]:
    return [json.loads(path.read_text()) for path in sorted(CASES_DIR.glob("*.json"))]


CASES = _load_cases()


def _normal_modifiers(modifiers: Any) -> set[str]:
    out: set[str] = set()
    for raw in modifiers:
        mod = str(raw).upper().lstrip("-")
        if mod in IGNORED:
            continue
        out.add("DISTINCT" if mod in DISTINCT else mod)
    return out


def _grouped_claim(claim: CodedClaim) -> dict[str, dict[str, Any]]:
    grouped: dict[str, dict[str, Any]] = {}
    for line in claim.lines:
        entry = grouped.setdefault(line.cpt, {"units": 0, "mods": set(), "dx": set()})
        entry["units"] += line.units
        entry["mods"] |= _normal_modifiers(line.modifiers)
        entry["dx"] |= {d.upper() for d in line.diagnoses}
    return grouped


def _grouped_expected(case: dict[str, Any]) -> dict[str, dict[str, Any]]:
    grouped: dict[str, dict[str, Any]] = {}
    for line in case["expected"]["lines"]:
        entry = grouped.setdefault(line["cpt"], {"units": 0, "mods": set(), "dx": []})
        entry["units"] += line["units"]
        entry["mods"] |= _normal_modifiers(line["modifiers"])
        entry["dx"] += line["diagnoses"]
    return grouped


def _mismatches(case: dict[str, Any], claim: CodedClaim) -> list[str]:
    got, want = _grouped_claim(claim), _grouped_expected(case)
    why: list[str] = []
    for cpt, exp in want.items():
        have = got.get(cpt)
        if have is None:
            why.append(f"missing {cpt}x{exp['units']}")
            continue
        if have["units"] != exp["units"]:
            why.append(f"{cpt}: units {have['units']} != {exp['units']}")
        if have["mods"] != exp["mods"]:
            why.append(f"{cpt}: modifiers {sorted(have['mods'])} != {sorted(exp['mods'])}")
        for dx in exp["dx"]:
            if not any(alt.upper() in have["dx"] for alt in dx.split("|")):
                why.append(f"{cpt}: diagnosis {dx} not linked (has {sorted(have['dx'])})")
    why += [f"unexpected {cpt}x{got[cpt]['units']}" for cpt in got if cpt not in want]
    return why


def test_the_case_folder_holds_the_review_set() -> None:
    ids = [case["id"] for case in CASES]
    assert len(ids) >= 60
    assert len(set(ids)) == len(ids), "case ids must be unique"


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_coder_case(case: dict[str, Any]) -> None:
    try:
        visit = parse_visit(case["input"], catalog_for=default_catalog)
    except InvalidVisit as invalid:
        assert case.get("expect_error_finding"), f"{case['id']} rejected: {invalid.problems}"
        return
    claim = code_visit(visit)
    why = _mismatches(case, claim)
    if case.get("expect_error_finding") and not any(
        f.severity is Severity.ERROR for f in claim.findings
    ):
        why.append("no error finding for an undeterminable code")
    assert not why, f"{case['id']} ({case['description']}): " + "; ".join(why)
