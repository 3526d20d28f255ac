"""domain.pathology: which procedures wait for a report, and whether billing holds the visit."""

from __future__ import annotations

from datetime import date

from dermcharge.domain.pathology import (
    has_pending_pathology,
    held_for_pathology,
    pending_procedures,
)
from dermcharge.domain.visit import Kind, Procedure, Visit

BIOPSY = Procedure(Kind.BIOPSY_PUNCH, site="scalp")


def test_pending_procedures_and_hold() -> None:
    visit = Visit(date(2026, 11, 20), procedures=(
        BIOPSY, Procedure(Kind.BIOPSY_PUNCH, site="chest", path_pending=True)))  # fmt: skip
    assert pending_procedures(visit) == (1,)
    assert has_pending_pathology(visit)
    assert held_for_pathology(visit, hold_pending_pathology=True)
    assert not held_for_pathology(visit, hold_pending_pathology=False)
    done = Visit(date(2026, 11, 20), procedures=(BIOPSY,))
    assert not has_pending_pathology(done)
    assert not held_for_pathology(done, hold_pending_pathology=True)
