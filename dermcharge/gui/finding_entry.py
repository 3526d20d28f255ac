"""What a typed finding means: one of our findings, an ICD-10-CM code, or an ICD search hit."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QWidget

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
NOT_BILLABLE_MARK = "  [category: not billable — choose a code below it]"
POPUP_WIDTH = 640


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
        for choice in search_codes(text, on, limit):  # the same search as `dermcharge icd search`
            mark = "" if choice.billable else NOT_BILLABLE_MARK
            found.append(f"{choice.code}{_SEPARATOR}{choice.description}{mark}")
    return found[:limit]


def completer_for(model: QStringListModel, owner: QWidget) -> QCompleter:
    """The type-ahead of a finding box: the list is the search's own result, in its order (Qt
    must not filter it again by the typed letters — "bcc nose" is in no description), in a
    popup wide enough for whole descriptions."""
    completer = QCompleter(model, owner)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
    popup = completer.popup()
    popup.setMinimumWidth(POPUP_WIDTH)
    popup.setTextElideMode(Qt.TextElideMode.ElideNone)
    return completer


def resolve_entry(text: str, on: date) -> EntryChoice | None:
    """The choice a typed line stands for (Enter in a finding box), None when nothing fits."""
    cleaned = text.strip()
    if not cleaned:
        return None
    if _SEPARATOR in cleaned:  # a completion picked from the ICD list
        if cleaned.endswith(NOT_BILLABLE_MARK):
            return None  # a category is never put on a claim: choose one of its codes
        return EntryChoice(icd10=normalize_code(cleaned.split(_SEPARATOR, 1)[0]))
    if _ICD_SHAPE.match(cleaned.upper()):
        code = normalize_code(cleaned)
        exact = [hit for hit in search_codes(code, on, 5) if hit.code == code]
        if exact and not exact[0].billable:
            return None  # a category (L82) is not a claim's code: one below it is
        return EntryChoice(icd10=code)
    if cleaned.lower() in FINDING_ABBREVIATIONS:
        return EntryChoice(finding=FINDING_ABBREVIATIONS[cleaned.lower()])
    for finding, label in FINDING_LABELS.items():
        if cleaned.lower() in (label.lower(), finding):
            return EntryChoice(finding=finding)
    # Enter on typed words takes the first suggestion that can be billed (what the popup shows
    # first), never a category.
    for completion in finding_completions(cleaned, on):
        if not completion.endswith(NOT_BILLABLE_MARK):
            return resolve_entry(completion, on)
    return None
