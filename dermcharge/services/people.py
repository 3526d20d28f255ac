"""The practice, its providers and patients: look up, add and correct, each change audited."""

from __future__ import annotations

from dataclasses import dataclass

from dermcharge.domain.record import Insurance, Patient, Practice, Provider
from dermcharge.services.record_checks import (
    insurance_problems,
    patient_problems,
    practice_problems,
    provider_problems,
)
from dermcharge.services.visits import VisitSummary, patient_history
from dermcharge.storage import people_repository as people
from dermcharge.storage.database import Database
from dermcharge.storage.errors import InvalidRecord

__all__ = [
    "PatientMatch",
    "VisitSummary",
    "add_provider",
    "list_providers",
    "open_patient",
    "patient_history",
    "practice",
    "save_practice",
    "search_patients",
    "update_patient",
]


@dataclass(frozen=True)
class PatientMatch:
    id: int
    patient: Patient

    @property
    def name(self) -> str:
        return f"{self.patient.last_name}, {self.patient.first_name}"


def search_patients(db: Database, text: str, *, limit: int = 50) -> list[PatientMatch]:
    """By account number, date of birth (YYYY-MM-DD), or name ("okaf", "okafor, a"), any case."""
    with db.read() as session:
        return [
            PatientMatch(pid, p) for pid, p in people.search_patients(session, text, limit=limit)
        ]


def open_patient(db: Database, patient_id: int) -> tuple[Patient, tuple[Insurance, ...]]:
    with db.read() as session:
        return people.get_patient(session, patient_id)


def update_patient(
    db: Database,
    patient_id: int,
    patient: Patient,
    insurance: tuple[Insurance, ...],
    *,
    actor: str,
) -> None:
    problems = patient_problems(patient, db.clock().date()) + insurance_problems(insurance)
    if problems:
        raise InvalidRecord(problems)
    with db.write() as session:
        people.update_patient(session, patient_id, patient, insurance, actor=actor, at=db.clock())


def list_providers(db: Database) -> list[tuple[int, Provider]]:
    with db.read() as session:
        return people.list_providers(session)


def add_provider(db: Database, provider: Provider, *, actor: str) -> int:
    problems = provider_problems(provider)
    if problems:
        raise InvalidRecord(problems)
    with db.write() as session:
        if people.find_provider_id(session, provider.npi) is not None:
            raise InvalidRecord([f"provider.npi: {provider.npi} is already on file"])
        return people.add_provider(session, provider, actor=actor, at=db.clock())


def practice(db: Database) -> Practice | None:
    with db.read() as session:
        return people.get_practice(session)


def save_practice(db: Database, details: Practice, *, actor: str) -> None:
    problems = practice_problems(details)
    if problems:
        raise InvalidRecord(problems)
    with db.write() as session:
        people.save_practice(session, details, actor=actor, at=db.clock())
