"""What the windows ask of the database, in one place, through the services layer.

The windows never hold a database session: each call here is one service call (one short
transaction).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from dermcharge.domain.record import VisitRecord
from dermcharge.domain.stored import StoredVisit, VisitSummary
from dermcharge.domain.visit import Visit
from dermcharge.domain.workflow import VisitStatus
from dermcharge.gui.backend_records import PatientHit, ProviderChoice, provider_choices
from dermcharge.services import people
from dermcharge.services import visits as visit_service
from dermcharge.services.database import Database

__all__ = ["AppBackend", "PatientHit", "ProviderChoice"]


class AppBackend:
    """One open database and the person acting (for the audit log)."""

    def __init__(self, db: Database, actor: str) -> None:
        self.db = db
        self.actor = actor

    @property
    def database_label(self) -> str:
        url = self.db.url
        if url.startswith("sqlite"):
            return "SQLite " + url.split("///", 1)[-1]
        return f"{self.db.backend} " + url.split("@")[-1]  # never show a password

    # --- lists -----------------------------------------------------------------------------------
    def providers(self) -> list[ProviderChoice]:
        return provider_choices(people.list_providers(self.db))

    def day_visits(
        self, on: date, provider_id: int | None = None, status: VisitStatus | None = None
    ) -> list[VisitSummary]:
        return visit_service.list_visits(self.db, on, provider_id=provider_id, status=status)

    def search_patients(self, query: str, limit: int = 50) -> list[PatientHit]:
        """Patients by name, DOB or account number."""
        return [
            PatientHit(hit.id, f"{hit.patient.last_name}, {hit.patient.first_name}",
                       hit.patient.dob, hit.patient.account_number)
            for hit in people.search_patients(self.db, query, limit=limit)
        ]  # fmt: skip

    def patient_history(self, patient_id: int) -> list[VisitSummary]:
        return visit_service.patient_history(self.db, patient_id)

    # --- one visit -------------------------------------------------------------------------------
    def open_visit(self, visit_id: int) -> StoredVisit:
        return visit_service.open_visit(self.db, visit_id)

    def save_visit(self, stored: StoredVisit, visit: Visit) -> StoredVisit:
        return visit_service.save_visit(
            self.db, stored.id, visit, expected_version=stored.version, actor=self.actor
        )

    def mark_ready(self, stored: StoredVisit) -> StoredVisit:
        return visit_service.mark_ready(
            self.db, stored.id, expected_version=stored.version, actor=self.actor
        )

    def sign(self, stored: StoredVisit) -> StoredVisit:
        return visit_service.sign(
            self.db, stored.id, expected_version=stored.version, actor=self.actor
        )

    def decide_finding(
        self, stored: StoredVisit, position: int, decision: str, reason: str
    ) -> StoredVisit:
        """Acknowledge or override finding `position` of the stored claim (who and why audited)."""
        return visit_service.decide_finding(
            self.db, stored.id, position, decision=decision, reason=reason, actor=self.actor
        )

    def create_visit(self, record: VisitRecord) -> StoredVisit:
        return visit_service.create_visit(self.db, record, actor=self.actor)

    def new_visit_like(self, stored: StoredVisit, on: date) -> StoredVisit:
        """A new, empty visit for the same patient, provider and coverage on another day."""
        old = stored.record
        visit = Visit(date_of_service=on, payer=old.visit.payer)
        return self.create_visit(replace(old, visit=visit))
