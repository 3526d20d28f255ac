"""What the pathology loop hands around: plain frozen records of the queue, results, lesions,
their steps and photos (storage builds them; services, the CLI and the GUI read them)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class PendingPathology:
    """One row of the pending-pathology queue."""

    visit_id: int
    procedure_index: int  # 0-based, as `dermcharge path result` takes it
    patient_id: int
    patient: str  # "Last, First"
    account_number: str
    kind: str
    site: str | None
    laterality: str | None
    date_of_service: date
    days_waiting: int
    provider: str
    status: str  # the visit's workflow status
    lesion_id: int | None
    lesion: str  # the lesion's label, "" when none
    accession: str  # the lab's accession number, "" when none


@dataclass(frozen=True)
class PathologyResult:
    id: int
    visit_id: int
    procedure_index: int
    lesion_id: int | None
    icd10: str
    previous_diagnosis: str
    margins: str | None  # "involved", "clear" or None (not reported)
    note: str
    entered_at: datetime
    entered_by: str


@dataclass(frozen=True)
class LesionRecord:
    id: int
    patient_id: int
    site: str | None
    laterality: str | None
    label: str
    created_at: datetime


@dataclass(frozen=True)
class LesionStep:
    """One procedure of a patient's history: a step on its lesion's timeline."""

    visit_id: int
    date_of_service: date
    status: str
    procedure_index: int
    kind: str
    site: str | None
    laterality: str | None
    lesion_id: int | None
    diagnosis: str  # the ICD-10-CM code or finding as stored, "" when none
    path_pending: bool
    result: PathologyResult | None


@dataclass(frozen=True)
class PriorLine:
    """A claim line of an earlier visit, with the site and lesion of the procedure it codes."""

    visit_id: int
    date_of_service: date
    cpt: str
    modifiers: tuple[str, ...]
    diagnoses: tuple[str, ...]
    site: str | None
    laterality: str | None
    lesion_id: int | None


@dataclass(frozen=True)
class PhotoRecord:
    id: int
    lesion_id: int
    visit_id: int | None
    media_type: str
    thumbnail: bytes
    image: bytes  # b"" unless asked for
    caption: str
    created_at: datetime
