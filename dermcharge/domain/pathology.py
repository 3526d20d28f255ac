"""Pathology pending on a visit: which procedures wait for a report, and whether billing holds it.

Coders code a biopsy's diagnosis from the pathology report when it is available (ICD-10-CM
Official Guidelines I.A.19 / IV.K: outpatient coding may wait for the report; AAD coding
guidance: "code from the path report"), so a practice may hold such claims; the setting
`hold_pending_pathology` (services/pathology_settings.py) says whether it does.
"""

from __future__ import annotations

from dermcharge.domain.visit import Visit


def pending_procedures(visit: Visit) -> tuple[int, ...]:
    """0-based indices of the visit's procedures whose pathology result is still awaited."""
    return tuple(i for i, p in enumerate(visit.procedures) if p.path_pending)


def has_pending_pathology(visit: Visit) -> bool:
    """True while any procedure of the visit awaits its pathology report."""
    return any(p.path_pending for p in visit.procedures)


def held_for_pathology(visit: Visit, *, hold_pending_pathology: bool) -> bool:
    """Whether the billing queue holds this visit back: the practice holds claims with pending
    pathology (the default) and this one has some."""
    return hold_pending_pathology and has_pending_pathology(visit)
