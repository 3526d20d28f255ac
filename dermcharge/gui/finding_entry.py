"""What a typed finding means: one of our findings, an ICD-10-CM code, or an ICD search hit."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from dermcharge.codesets.icd10.catalog import normalize_code
from dermcharge.gui.icd_lookup import search_codes
from dermcharge.gui.vocabulary import (
    FAVOURITE_FINDINGS,
    FINDING_ABBREVIATIONS,
    FINDING_LABELS,
    finding_label,
)

_ICD_SHAPE = re.compile(r"^[A-Z](?:\d[0-9A-Z]|[A-Z]\d)(\.?[0-9A-Z]{1,4})?$")
_SEPARATOR = " — "


@dataclass(frozen=True)
class EntryChoice:
    finding: str | None = None
    icd10: str | None = None

    @property
    def text(self) -> str:
        return finding_label(self.finding) if self.finding else (self.icd10 or "")


def _ordered_findings() -> list[str]:
    rest = [f for f in FINDING_LABELS if f not in FAVOURITE_FINDINGS]
    return [*FAVOURITE_FINDINGS, *sorted(rest)]


def finding_completions(text: str, on: date, limit: int = 15) -> list[str]:
    """Findings whose words start with what was typed (favourites first), then ICD matches."""
    fragments = text.lower().split()
    found = []
    for finding in _ordered_findings():
        words = [*finding_label(finding).lower().split(), *finding.split("_")]
        if all(any(w.startswith(f) for w in words) for f in fragments):
            found.append(finding_label(finding))
    if len(text.strip()) >= 3:
        for choice in search_codes(text, on, limit):
            found.append(f"{choice.code}{_SEPARATOR}{choice.description}")
    return found[:limit]


def resolve_entry(text: str, on: date) -> EntryChoice | None:
    """The choice a typed line stands for (Enter in a finding box), None when nothing fits."""
    cleaned = text.strip()
    if not cleaned:
        return None
    if _SEPARATOR in cleaned:  # a completion picked from the ICD list
        return EntryChoice(icd10=normalize_code(cleaned.split(_SEPARATOR, 1)[0]))
    if _ICD_SHAPE.match(cleaned.upper()):
        return EntryChoice(icd10=normalize_code(cleaned))
    if cleaned.lower() in FINDING_ABBREVIATIONS:
        return EntryChoice(finding=FINDING_ABBREVIATIONS[cleaned.lower()])
    for finding, label in FINDING_LABELS.items():
        if cleaned.lower() in (label.lower(), finding):
            return EntryChoice(finding=finding)
    completions = finding_completions(cleaned, on, limit=1)
    return resolve_entry(completions[0], on) if completions else None
