"""The billing queue: what is ready to bill, what is held, what needs a corrected claim; the
history of exports; and the records an export shares (services/claims_export.py writes them).

A signed visit is *ready to bill*. A visit goes out again only when asked (`again`); one amended
and signed again after it went out is a *corrected claim* (837P frequency 7 referring to the
claim it replaces). Pending pathology holds a visit while the setting `hold_pending_pathology`
is on (the default).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from dermcharge.claims_out.claim_record import Frequency
from dermcharge.claims_out.requirements import FORMATS
from dermcharge.domain.pathology import has_pending_pathology
from dermcharge.domain.stored import StoredVisit
from dermcharge.security.accounts import User
from dermcharge.security.roles import Action
from dermcharge.services.claim_building import build_claim
from dermcharge.services.fee_schedules import practice_fee_schedules
from dermcharge.services.pathology_settings import hold_pending_pathology
from dermcharge.storage import billing_repository
from dermcharge.storage.billing_repository import BatchSummary, LastExport
from dermcharge.storage.database import Database
from dermcharge.storage.errors import StorageError
from dermcharge.storage.visit_repository import load_visit

__all__ = ["FORMATS", "BatchSummary", "ExportRefused", "ExportResult", "QueueItem"]


class ExportRefused(StorageError):
    """Nothing was written and nothing marked exported; `problems` name each visit and field."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        super().__init__("; ".join(self.problems))


@dataclass(frozen=True)
class QueueItem:
    visit_id: int
    date_of_service: date
    patient: str  # "Last, First"
    account_number: str
    provider: str
    payer: str  # the primary payer's name, or "self-pay"
    total: Decimal | None  # None when a line has no fee
    status: str  # "ready", "corrected claim needed", or "held: pathology pending"


@dataclass(frozen=True)
class ExportResult:
    batch_id: int
    format: str
    path: Path
    visit_ids: tuple[int, ...]
    total: Decimal
    frequencies: dict[int, str]
    interchange_control: int | None


def _queue_status(stored: StoredVisit, last: LastExport | None, hold: bool) -> str:
    if hold and has_pending_pathology(stored.record.visit):
        return "held: pathology pending"
    if last is not None and last.amendment < stored.amendment:
        return "corrected claim needed"
    return "ready"


def billing_queue(db: Database, *, on: date | None = None) -> list[QueueItem]:
    """Signed visits not yet exported (an amended one shows as needing a corrected claim)."""
    hold = hold_pending_pathology(db)
    schedules = practice_fee_schedules(db)
    items = []
    with db.read() as session:
        ids = billing_repository.signed_visit_ids(session, on=on)
        last = billing_repository.last_exports(session, ids)
        visits = [load_visit(session, visit_id) for visit_id in ids]
    for stored in visits:
        claim, _ = build_claim(stored, schedules, frequency=Frequency.ORIGINAL)
        patient, provider = stored.record.patient, stored.record.provider
        assert patient is not None and provider is not None
        primary = next((p for p in stored.record.insurance if p.priority == "primary"), None)
        items.append(
            QueueItem(
                visit_id=stored.id,
                date_of_service=stored.record.visit.date_of_service,
                patient=f"{patient.last_name}, {patient.first_name}",
                account_number=patient.account_number,
                provider=provider.name,
                payer=primary.payer_name if primary else "self-pay",
                total=claim.total if claim else None,
                status=_queue_status(stored, last.get(stored.id), hold),
            )
        )
    return items


def list_batches(db: Database) -> list[BatchSummary]:
    with db.read() as session:
        return billing_repository.list_batches(session)


def set_payer_claim_number(db: Database, visit_id: int, number: str, *, by: User) -> None:
    """The payer's claim number for the visit's last export (a corrected claim refers to it)."""
    by.require(Action.PRINT_EXPORT)
    with db.write() as session:
        billing_repository.set_payer_claim_number(
            session, visit_id, number.strip(), actor=by.username, at=db.clock()
        )
