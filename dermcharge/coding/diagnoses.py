"""Findings to ICD-10-CM: a finding plus site and side gives the most specific billable code.

The table is resources/data/finding_codes.json (ICD-10-CM FY2026 tabular, coding-rules.md §14).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from dermcharge.anatomy.sites import site_table
from dermcharge.resource_files import resource_path


@dataclass(frozen=True)
class FindingCode:
    """The outcome of coding a finding: a code, or the reason there is none."""

    code: str | None
    problem: str = ""
    unspecified_site: bool = False  # the finding needs a site and none was recorded


@cache
def _findings() -> dict[str, dict[str, Any]]:
    raw = json.loads(resource_path("data", "finding_codes.json").read_text(encoding="utf-8"))
    findings: dict[str, dict[str, Any]] = raw["findings"]
    return findings


@cache
def known_findings() -> frozenset[str]:
    return frozenset(_findings())


def is_malignant(finding: str) -> bool:
    return bool(_findings().get(finding, {}).get("malignant"))


@cache
def code_for_finding(finding: str, site_id: str | None, laterality: str | None) -> FindingCode:
    spec = _findings()[finding]
    if site_id in spec.get("site_codes", {}):
        return FindingCode(spec["site_codes"][site_id])
    if "code" in spec:
        return FindingCode(spec["code"])
    site = site_table().get(site_id) if site_id else None
    if site is None:
        return FindingCode(spec["unspecified"], unspecified_site=True)
    axis = {"icd_site": site.icd_site, "abscess_site": site.abscess_site}.get(
        spec["by"], site.lipoma_site
    )
    entry = spec["codes"].get(axis)
    if isinstance(entry, dict):
        entry = entry.get(laterality or "")
    if entry is None and site.sides and laterality is None:
        return FindingCode(
            None,
            problem=f"{finding.replace('_', ' ')} at the {site.label} needs the side (left or "
            "right) for its ICD-10-CM code",
        )
    if entry is None:
        return FindingCode(
            None,
            problem=f"{finding.replace('_', ' ')} at the {site.label} has no code of its own "
            "in this table (genital skin is coded by sex: C51-C52, C60, C63.2, D28-D29, N-codes)"
            ": give the ICD-10-CM code explicitly",
        )
    return FindingCode(str(entry))
