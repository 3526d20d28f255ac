"""The patient's earlier procedures handed to the pure core as data (Visit.history), so the
engine and the global-period check judge a visit against the stored record, not the visit alone."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date, timedelta

from dermcharge.codesets.cpt import cpt_table
from dermcharge.domain.pathology_records import PriorLine
from dermcharge.domain.visit import Laterality, PriorProcedure, Visit
from dermcharge.storage import pathology_repository
from dermcharge.storage.database import Database

# The longest global period is 90 days after the day of surgery (CMS Claims Processing Manual
# ch. 12 §40.1); older procedures cannot reach a visit's date, so they are not read.
LONGEST_GLOBAL = timedelta(days=90)


def prior_procedures(
    db: Database, patient_id: int, before: date, *, exclude_visit: int | None = None
) -> tuple[PriorProcedure, ...]:
    """The patient's claim lines whose global period could reach `before`, other than those of
    `exclude_visit`."""
    with db.read() as session:
        lines = pathology_repository.prior_lines(
            session, patient_id, before, since=before - LONGEST_GLOBAL
        )
    return as_history(line for line in lines if line.visit_id != exclude_visit)


def as_history(lines: Iterable[PriorLine]) -> tuple[PriorProcedure, ...]:
    table = cpt_table()
    found = []
    for line in lines:
        found.append(
            PriorProcedure(
                date_of_service=line.date_of_service,
                cpt=line.cpt,
                global_days=table.global_days(line.cpt),
                site=line.site,
                laterality=Laterality(line.laterality) if line.laterality else None,
                lesion_id=line.lesion_id,
                diagnoses=line.diagnoses,
                modifiers=line.modifiers,
            )
        )
    return tuple(found)


def with_history(
    db: Database, visit: Visit, patient_id: int | None, *, exclude_visit: int | None = None
) -> Visit:
    """The visit as the coder sees it: with the patient's history (none for a new patient)."""
    if patient_id is None:
        return visit
    history = prior_procedures(db, patient_id, visit.date_of_service, exclude_visit=exclude_visit)
    return replace(visit, history=history)
