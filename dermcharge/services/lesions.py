"""Lesions as records: every procedure at a spot belongs to a lesion (site + side + a short
label); a new procedure where an earlier lesion is offers to continue it; a lesion's timeline
is its procedures, their pathology and its photos.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace

from dermcharge.anatomy.sites import describe
from dermcharge.domain.pathology_records import LesionRecord, LesionStep, PhotoRecord
from dermcharge.domain.stored import StoredVisit
from dermcharge.domain.visit import Procedure
from dermcharge.domain.workflow import LOCKED
from dermcharge.services.visits import Coder, engine_coder, save_visit
from dermcharge.storage import pathology_repository, visit_repository
from dermcharge.storage.database import Database
from dermcharge.storage.errors import InvalidRecord

MAX_LABEL = 200


@dataclass(frozen=True)
class LesionTimeline:
    lesion: LesionRecord
    steps: tuple[LesionStep, ...]  # oldest first
    photos: tuple[PhotoRecord, ...]  # thumbnails only

    @property
    def last(self) -> LesionStep | None:
        return self.steps[-1] if self.steps else None

    def summary(self) -> str:
        """One line for a tooltip: the lesion, its last procedure and its newest result."""
        where = describe(self.lesion.site, self.lesion.laterality) if self.lesion.site else ""
        text = f"{self.lesion.label or where}"
        last = self.last
        if last is not None:
            text += f" — {last.kind.replace('_', ' ')} {last.date_of_service.isoformat()}"
        result = next((s.result for s in reversed(self.steps) if s.result is not None), None)
        if result is not None:
            text += f"; pathology {result.icd10}"
            if result.margins:
                text += f", margins {result.margins}"
        elif any(s.path_pending for s in self.steps):
            text += "; pathology pending"
        return text


def default_label(p: Procedure) -> str:
    if p.lesion_label:
        return p.lesion_label
    return describe(p.site, p.laterality) if p.site else p.kind.replace("_", " ")


def create_lesion(
    db: Database,
    patient_id: int,
    *,
    site: str | None,
    laterality: str | None,
    label: str,
    actor: str,
) -> LesionRecord:
    if len(label) > MAX_LABEL:
        raise InvalidRecord([f"label: {len(label)} characters is too long (at most {MAX_LABEL})"])
    with db.write() as session:
        lesion_id = pathology_repository.add_lesion(
            session, patient_id=patient_id, site=site, laterality=laterality,
            label=label.strip(), actor=actor, at=db.clock(),
        )  # fmt: skip
        return pathology_repository.get_lesion(session, lesion_id)


def lesions_of(db: Database, patient_id: int) -> list[LesionRecord]:
    with db.read() as session:
        return pathology_repository.patient_lesions(session, patient_id)


def continuable(
    db: Database, patient_id: int, site: str | None, laterality: str | None
) -> list[LesionRecord]:
    """Earlier lesions at this spot, newest first: what a new procedure there may continue."""
    if site is None:
        return []
    same = [
        lesion
        for lesion in lesions_of(db, patient_id)
        if (lesion.site, lesion.laterality) == (site, laterality)
    ]
    return sorted(same, key=lambda lesion: lesion.id, reverse=True)


def patient_timelines(db: Database, patient_id: int) -> list[LesionTimeline]:
    """Every lesion of the patient with its steps (photos not loaded): the body map's history."""
    with db.read() as session:
        lesions = pathology_repository.patient_lesions(session, patient_id)
        steps = pathology_repository.patient_steps(session, patient_id)
    by_lesion: dict[int, list[LesionStep]] = defaultdict(list)
    for step in steps:
        if step.lesion_id is not None:
            by_lesion[step.lesion_id].append(step)
    return [LesionTimeline(lesion, tuple(by_lesion[lesion.id]), ()) for lesion in lesions]


def lesion_timeline(db: Database, lesion_id: int) -> LesionTimeline:
    with db.read() as session:
        lesion = pathology_repository.get_lesion(session, lesion_id)
        steps = [
            s
            for s in pathology_repository.patient_steps(session, lesion.patient_id)
            if s.lesion_id == lesion_id
        ]
        photos = pathology_repository.lesion_photos(session, lesion_id)
    return LesionTimeline(lesion, tuple(steps), tuple(photos))


def attach_lesions(
    db: Database, visit_id: int, *, actor: str, coder: Coder = engine_coder
) -> StoredVisit:
    """Give every procedure at a site a lesion: the one earlier lesion at that spot when there is
    exactly one (continued), else a new lesion labelled from the procedure. A signed visit is
    left as it is (a person amends it first)."""
    with db.read() as session:
        stored = visit_repository.load_visit(session, visit_id)
    if stored.status in LOCKED:
        return stored
    visit = stored.record.visit
    procedures = list(visit.procedures)
    created: dict[tuple[str | None, str | None], int] = {}
    for i, p in enumerate(procedures):
        if p.lesion_id is not None or p.site is None:
            continue
        spot = (p.site, None if p.laterality is None else str(p.laterality))
        if spot not in created:
            earlier = continuable(db, stored.patient_id, *spot)
            if len(earlier) == 1:
                created[spot] = earlier[0].id
            else:
                lesion = create_lesion(db, stored.patient_id, site=spot[0], laterality=spot[1],
                                       label=default_label(p), actor=actor)  # fmt: skip
                created[spot] = lesion.id
        procedures[i] = replace(p, lesion_id=created[spot])
    if procedures == list(visit.procedures):
        return stored
    return save_visit(
        db, visit_id, replace(visit, procedures=tuple(procedures)),
        expected_version=stored.version, actor=actor, coder=coder,
    )  # fmt: skip
