"""Pathology and lesions in storage: the pending queue, results, lesions, their history, photos.

Functions work inside the caller's transaction like the visit repository; each change appends an
audit entry. Returns plain records (storage/pathology_records.py), never rows.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dermcharge.domain.pathology_records import (
    LesionRecord,
    LesionStep,
    PathologyResult,
    PendingPathology,
    PhotoRecord,
    PriorLine,
)
from dermcharge.storage.audit_log import add_audited, append_audit
from dermcharge.storage.errors import NotFound
from dermcharge.storage.models import PatientRow, ProcedureRow, ProviderRow, VisitRow
from dermcharge.storage.pathology_models import LesionPhotoRow, LesionRow, PathologyResultRow


def pending(session: Session, today: date) -> list[PendingPathology]:
    """Every procedure whose pathology is pending, oldest first."""
    rows = session.execute(
        select(
            VisitRow.id,
            ProcedureRow.position,
            PatientRow.last_name,
            PatientRow.first_name,
            PatientRow.account_number,
            ProcedureRow.kind,
            ProcedureRow.site,
            ProcedureRow.laterality,
            VisitRow.date_of_service,
            ProviderRow.name,
            VisitRow.status,
            ProcedureRow.lesion_id,
            VisitRow.visit_json,
            VisitRow.patient_id,
        )
        .join(VisitRow, VisitRow.id == ProcedureRow.visit_id)
        .join(PatientRow, PatientRow.id == VisitRow.patient_id)
        .join(ProviderRow, ProviderRow.id == VisitRow.provider_id)
        .where(ProcedureRow.path_pending.is_(True))
        .order_by(VisitRow.date_of_service, VisitRow.id, ProcedureRow.position)
    ).all()
    lesion_ids = {row[11] for row in rows if row[11] is not None}
    labels = _lesion_labels(session, lesion_ids)
    found = []
    for row in rows:
        entered = _procedure_json(row[12], row[1])
        found.append(
            PendingPathology(
                visit_id=row[0],
                procedure_index=row[1],
                patient_id=row[13],
                patient=f"{row[2]}, {row[3]}",
                account_number=row[4],
                kind=row[5],
                site=row[6],
                laterality=row[7],
                date_of_service=row[8],
                days_waiting=(today - row[8]).days,
                provider=row[9],
                status=row[10],
                lesion_id=row[11],
                lesion=labels.get(row[11], "") or str(entered.get("lesion_label") or ""),
                accession=str(entered.get("path_accession") or ""),
            )
        )
    return found


def _procedure_json(visit_json: dict[str, Any], position: int) -> dict[str, Any]:
    procedures = visit_json.get("procedures") or []
    found = procedures[position] if 0 <= position < len(procedures) else {}
    return found if isinstance(found, dict) else {}


def _lesion_labels(session: Session, ids: set[int]) -> dict[int | None, str]:
    if not ids:
        return {}
    rows = session.execute(select(LesionRow.id, LesionRow.label).where(LesionRow.id.in_(ids)))
    return {lesion_id: label for lesion_id, label in rows}


def add_result(
    session: Session,
    *,
    visit_id: int,
    position: int,
    lesion_id: int | None,
    icd10: str,
    previous_diagnosis: str,
    margins: str | None,
    note: str,
    actor: str,
    at: datetime,
) -> int:
    row = PathologyResultRow(
        visit_id=visit_id,
        position=position,
        lesion_id=lesion_id,
        icd10=icd10,
        previous_diagnosis=previous_diagnosis,
        margins=margins,
        note=note,
        entered_at=at,
        entered_by=actor,
    )
    return add_audited(
        session,
        row,
        "pathology_result",
        after={
            "visit_id": visit_id,
            "procedure_index": position,
            "icd10": icd10,
            "previous_diagnosis": previous_diagnosis,
            "margins": margins,
            "note": note,
        },
        actor=actor,
        at=at,
    )


def results_for_visit(session: Session, visit_id: int) -> list[PathologyResult]:
    rows = session.scalars(
        select(PathologyResultRow)
        .where(PathologyResultRow.visit_id == visit_id)
        .order_by(PathologyResultRow.id)
    )
    return [_result(row) for row in rows]


def _result(row: PathologyResultRow) -> PathologyResult:
    return PathologyResult(
        id=row.id,
        visit_id=row.visit_id,
        procedure_index=row.position,
        lesion_id=row.lesion_id,
        icd10=row.icd10,
        previous_diagnosis=row.previous_diagnosis,
        margins=row.margins,
        note=row.note,
        entered_at=row.entered_at,
        entered_by=row.entered_by,
    )


def add_lesion(
    session: Session,
    *,
    patient_id: int,
    site: str | None,
    laterality: str | None,
    label: str,
    actor: str,
    at: datetime,
) -> int:
    if session.get(PatientRow, patient_id) is None:
        raise NotFound(f"no patient with id {patient_id}")
    row = LesionRow(
        patient_id=patient_id,
        site=site,
        laterality=laterality,
        label=label,
        created_at=at,
        created_by=actor,
    )
    after = {"patient_id": patient_id, "site": site, "laterality": laterality, "label": label}
    return add_audited(session, row, "lesion", after=after, actor=actor, at=at)


def rename_lesion(
    session: Session, lesion_id: int, label: str, *, actor: str, at: datetime
) -> None:
    row = session.get(LesionRow, lesion_id)
    if row is None:
        raise NotFound(f"no lesion with id {lesion_id}")
    before = {"label": row.label}
    row.label = label
    session.flush()
    append_audit(session, at=at, actor=actor, action="edit", entity="lesion",
                 entity_id=lesion_id, before=before, after={"label": label})  # fmt: skip


def _lesion_record(row: LesionRow) -> LesionRecord:
    return LesionRecord(
        id=row.id,
        patient_id=row.patient_id,
        site=row.site,
        laterality=row.laterality,
        label=row.label,
        created_at=row.created_at,
    )


def get_lesion(session: Session, lesion_id: int) -> LesionRecord:
    row = session.get(LesionRow, lesion_id)
    if row is None:
        raise NotFound(f"no lesion with id {lesion_id}")
    return _lesion_record(row)


def patient_lesions(session: Session, patient_id: int) -> list[LesionRecord]:
    rows = session.scalars(
        select(LesionRow).where(LesionRow.patient_id == patient_id).order_by(LesionRow.id)
    )
    return [_lesion_record(row) for row in rows]


def patient_steps(session: Session, patient_id: int) -> list[LesionStep]:
    """Every procedure of the patient's visits, with its lesion, diagnosis and newest pathology
    result: what the lesion timelines and the body-map history show (two indexed queries)."""
    rows = session.execute(
        select(
            VisitRow.id,
            VisitRow.date_of_service,
            VisitRow.status,
            ProcedureRow.position,
            ProcedureRow.kind,
            ProcedureRow.site,
            ProcedureRow.laterality,
            ProcedureRow.lesion_id,
            ProcedureRow.icd10,
            ProcedureRow.finding,
            ProcedureRow.path_pending,
        )
        .join(VisitRow, VisitRow.id == ProcedureRow.visit_id)
        .where(VisitRow.patient_id == patient_id)
        .order_by(VisitRow.date_of_service, VisitRow.id, ProcedureRow.position)
    ).all()
    results: dict[tuple[int, int], PathologyResultRow] = {}
    for result in session.scalars(
        select(PathologyResultRow)
        .join(VisitRow, VisitRow.id == PathologyResultRow.visit_id)
        .where(VisitRow.patient_id == patient_id)
        .order_by(PathologyResultRow.id)
    ):
        results[(result.visit_id, result.position)] = result  # the newest wins
    steps = []
    for row in rows:
        result = results.get((row[0], row[3]))
        steps.append(
            LesionStep(
                visit_id=row[0],
                date_of_service=row[1],
                status=row[2],
                procedure_index=row[3],
                kind=row[4],
                site=row[5],
                laterality=row[6],
                lesion_id=row[7],
                diagnosis=row[8] or row[9] or "",
                path_pending=row[10],
                result=None if result is None else _result(result),
            )
        )
    return steps


def prior_lines(
    session: Session, patient_id: int, before: date, *, since: date | None = None
) -> list[PriorLine]:
    """The claim lines of the patient's visits from `since` to `before` (inclusive), with the
    lesion and site of the procedure each line codes (its first procedure)."""
    window = [VisitRow.patient_id == patient_id, VisitRow.date_of_service <= before]
    if since is not None:
        window.append(VisitRow.date_of_service >= since)
    visits = {
        visit_id: (dos, claim or {})
        for visit_id, dos, claim in session.execute(
            select(VisitRow.id, VisitRow.date_of_service, VisitRow.claim_json).where(*window)
        )
    }
    if not visits:
        return []
    procedures: dict[int, dict[int, tuple[str | None, str | None, int | None]]] = defaultdict(dict)
    for visit_id, position, site, side, lesion_id in session.execute(
        select(
            ProcedureRow.visit_id,
            ProcedureRow.position,
            ProcedureRow.site,
            ProcedureRow.laterality,
            ProcedureRow.lesion_id,
        ).where(ProcedureRow.visit_id.in_(visits))
    ):
        procedures[visit_id][position] = (site, side, lesion_id)
    lines = []
    for visit_id, (dos, claim) in sorted(visits.items(), key=lambda item: (item[1][0], item[0])):
        for line in claim.get("lines", []):
            indices = [i for i in line.get("procedures", []) if isinstance(i, int)]
            site, side, lesion_id = (
                procedures[visit_id].get(indices[0], (None, None, None))
                if (indices)
                else (None, None, None)
            )
            lines.append(
                PriorLine(
                    visit_id=visit_id,
                    date_of_service=dos,
                    cpt=str(line.get("cpt", "")),
                    modifiers=tuple(line.get("modifiers", [])),
                    diagnoses=tuple(line.get("diagnoses", [])),
                    site=site,
                    laterality=side,
                    lesion_id=lesion_id,
                )
            )
    return lines


def add_photo(
    session: Session,
    *,
    lesion_id: int,
    visit_id: int | None,
    media_type: str,
    image: bytes,
    thumbnail: bytes,
    caption: str,
    actor: str,
    at: datetime,
) -> int:
    if session.get(LesionRow, lesion_id) is None:
        raise NotFound(f"no lesion with id {lesion_id}")
    row = LesionPhotoRow(
        lesion_id=lesion_id,
        visit_id=visit_id,
        media_type=media_type,
        image=image,
        thumbnail=thumbnail,
        caption=caption,
        created_at=at,
        created_by=actor,
    )
    after = {"lesion_id": lesion_id, "visit_id": visit_id, "media_type": media_type,
             "bytes": len(image), "caption": caption}  # fmt: skip
    return add_audited(session, row, "lesion_photo", after=after, actor=actor, at=at)


def lesion_photos(
    session: Session, lesion_id: int, *, with_image: bool = False
) -> list[PhotoRecord]:
    rows = session.scalars(
        select(LesionPhotoRow)
        .where(LesionPhotoRow.lesion_id == lesion_id)
        .order_by(LesionPhotoRow.id)
    )
    return [
        PhotoRecord(
            id=row.id,
            lesion_id=row.lesion_id,
            visit_id=row.visit_id,
            media_type=row.media_type,
            thumbnail=row.thumbnail,
            image=row.image if with_image else b"",
            caption=row.caption,
            created_at=row.created_at,
        )
        for row in rows
    ]
