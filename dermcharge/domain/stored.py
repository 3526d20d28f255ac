"""What storage hands back: plain frozen records with their database ids, no SQLAlchemy objects."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from dermcharge.domain.workflow import VisitStatus

if TYPE_CHECKING:  # annotations only: the first window's list rows need neither
    from dermcharge.domain.claim import CodedClaim
    from dermcharge.domain.record import VisitRecord


@dataclass(frozen=True)
class FindingDecision:
    """A claim-check finding as stored, with what a person decided about it."""

    id: int
    position: int  # index into StoredVisit.claim.findings
    severity: str
    check: str
    message: str
    decision: str | None = None  # "acknowledged", "overridden" or None (open)
    decided_by: str | None = None
    decided_at: datetime | None = None
    reason: str | None = None


@dataclass(frozen=True)
class StoredVisit:
    id: int
    status: VisitStatus
    version: int  # pass back to every change: the optimistic lock
    amendment: int  # 0 for the original, n after the n-th amendment
    record: VisitRecord
    claim: CodedClaim | None
    patient_id: int
    provider_id: int
    findings: tuple[FindingDecision, ...]
    code_sets: dict[str, Any]
    created_at: datetime
    created_by: str
    updated_at: datetime
    updated_by: str
    signed_at: datetime | None = None
    signed_by: str | None = None
    billed_at: datetime | None = None


@dataclass(frozen=True)
class ClaimLineSummary:
    cpt: str
    units: int
    modifiers: tuple[str, ...]
    diagnoses: tuple[str, ...]


@dataclass(frozen=True)
class VisitSummary:
    """One row of a day list or a patient's history."""

    id: int
    date_of_service: date
    status: VisitStatus
    version: int
    patient_id: int
    patient_name: str  # "Last, First"
    account_number: str
    provider_id: int
    provider_name: str
    payer: str
    lines: tuple[ClaimLineSummary, ...]


_STATUS_BY_VALUE = {str(status): status for status in VisitStatus}


def visit_summary(row: Sequence[Any], lines: Sequence[ClaimLineSummary]) -> VisitSummary:
    """A day-list or history row from the columns both readers select, in this order: visit id,
    date of service, status, version, patient id, last name, first name, account number,
    provider id, provider name, payer (storage/visit_queries.py, storage/startup_reader.py)."""
    return VisitSummary(
        id=row[0],
        date_of_service=row[1],
        status=_STATUS_BY_VALUE[row[2]],
        version=row[3],
        patient_id=row[4],
        patient_name=f"{row[5]}, {row[6]}",
        account_number=row[7],
        provider_id=row[8],
        provider_name=row[9],
        payer=row[10],
        lines=tuple(lines),
    )


@dataclass(frozen=True)
class SignedVersion:
    """A signed visit as it stood before an amendment reopened it."""

    visit_id: int
    amendment: int
    status: VisitStatus
    visit_json: dict[str, Any]
    claim_json: dict[str, Any] | None
    signed_at: datetime | None
    signed_by: str | None
    amended_at: datetime
    amended_by: str
    reason: str


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: datetime
    actor: str
    action: str
    entity: str
    entity_id: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
