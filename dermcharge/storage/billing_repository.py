"""Claims sent out, in the database: batches, per-visit export records, control numbers, and
the visits waiting to be billed. Every batch lands in the audit log with the visits it held.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dermcharge.domain.workflow import VisitStatus
from dermcharge.storage.audit_log import add_audited, append_audit
from dermcharge.storage.claim_models import ClaimBatchRow, ClaimExportRow, ControlCounterRow
from dermcharge.storage.models import ProviderRow, VisitRow
from dermcharge.storage.user_models import UserRow


@dataclass(frozen=True)
class LastExport:
    """The most recent time a visit went out."""

    batch_id: int
    amendment: int
    frequency: str
    claim_id: str
    original_claim_id: str
    payer_claim_number: str
    format: str
    at: datetime


@dataclass(frozen=True)
class ExportEntry:
    visit_id: int
    amendment: int
    frequency: str
    claim_id: str
    original_claim_id: str
    total_charge: Decimal


@dataclass(frozen=True)
class BatchSummary:
    id: int
    created_at: datetime
    created_by: str
    format: str
    file_name: str
    interchange_control: int | None
    visit_ids: tuple[int, ...]
    total_charge: Decimal
    again: bool


def next_control_number(session: Session, name: str) -> int:
    """The next number of sequence `name`, starting at 1; the row lock (PostgreSQL) or the
    write transaction (SQLite) keeps two exports from taking the same one."""
    row = session.execute(
        select(ControlCounterRow).where(ControlCounterRow.name == name).with_for_update()
    ).scalar_one_or_none()
    if row is None:
        row = ControlCounterRow(name=name, last_value=0)
        session.add(row)
    row.last_value += 1
    session.flush()
    return row.last_value


def last_exports(session: Session, visit_ids: list[int]) -> dict[int, LastExport]:
    """Each visit's latest export (by batch id), for the visits that have one."""
    if not visit_ids:
        return {}
    rows = session.execute(
        select(ClaimExportRow, ClaimBatchRow)
        .join(ClaimBatchRow, ClaimBatchRow.id == ClaimExportRow.batch_id)
        .where(ClaimExportRow.visit_id.in_(visit_ids))
        .order_by(ClaimExportRow.batch_id)
    ).all()
    latest: dict[int, LastExport] = {}
    for export, batch in rows:
        latest[export.visit_id] = LastExport(
            batch_id=batch.id,
            amendment=export.amendment,
            frequency=export.frequency,
            claim_id=export.claim_id,
            original_claim_id=export.original_claim_id,
            payer_claim_number=export.payer_claim_number,
            format=batch.format,
            at=batch.created_at,
        )
    return latest


def signed_visit_ids(
    session: Session, *, on: date | None = None, statuses: tuple[VisitStatus, ...] = ()
) -> list[int]:
    wanted = [str(s) for s in (statuses or (VisitStatus.SIGNED,))]
    query = select(VisitRow.id).where(VisitRow.status.in_(wanted))
    if on is not None:
        query = query.where(VisitRow.date_of_service == on)
    return list(session.scalars(query.order_by(VisitRow.date_of_service, VisitRow.id)))


def visit_ids_on(session: Session, on: date) -> list[int]:
    query = select(VisitRow.id).where(VisitRow.date_of_service == on).order_by(VisitRow.id)
    return list(session.scalars(query))


def add_batch(
    session: Session,
    *,
    format: str,
    file_name: str,
    interchange_control: int | None,
    entries: list[ExportEntry],
    again: bool,
    actor: str,
    at: datetime,
) -> int:
    total = sum((entry.total_charge for entry in entries), Decimal("0"))
    row = ClaimBatchRow(
        created_at=at,
        created_by=actor,
        format=format,
        file_name=file_name,
        interchange_control=interchange_control,
        visit_count=len(entries),
        total_charge=total,
        again=again,
    )
    after = {
        "format": format,
        "file_name": file_name,
        "interchange_control": interchange_control,
        "visits": [entry.visit_id for entry in entries],
        "total_charge": str(total),
        "again": again,
    }
    batch_id = add_audited(session, row, "claim_batch", after=after, actor=actor, at=at)
    for entry in entries:
        session.add(
            ClaimExportRow(
                batch_id=batch_id,
                visit_id=entry.visit_id,
                amendment=entry.amendment,
                frequency=entry.frequency,
                claim_id=entry.claim_id,
                original_claim_id=entry.original_claim_id,
                total_charge=entry.total_charge,
                payer_claim_number="",
            )
        )
        append_audit(
            session,
            at=at,
            actor=actor,
            action="export_claim",
            entity="visit",
            entity_id=entry.visit_id,
            before=None,
            after={
                "batch": batch_id,
                "format": format,
                "claim_id": entry.claim_id,
                "frequency": entry.frequency,
                "amendment": entry.amendment,
            },
        )
    session.flush()
    return batch_id


def set_payer_claim_number(
    session: Session, visit_id: int, number: str, *, actor: str, at: datetime
) -> None:
    """Record the payer's claim number (from the remittance) on the visit's latest export."""
    row = session.scalars(
        select(ClaimExportRow)
        .where(ClaimExportRow.visit_id == visit_id)
        .order_by(ClaimExportRow.batch_id.desc())
        .limit(1)
    ).first()
    if row is None:
        from dermcharge.storage.errors import NotFound

        raise NotFound(f"visit {visit_id} has not been exported")
    before = {"payer_claim_number": row.payer_claim_number}
    row.payer_claim_number = number
    append_audit(
        session,
        at=at,
        actor=actor,
        action="payer_claim_number",
        entity="visit",
        entity_id=visit_id,
        before=before,
        after={"payer_claim_number": number},
    )
    session.flush()


def list_batches(session: Session) -> list[BatchSummary]:
    batches = session.scalars(select(ClaimBatchRow).order_by(ClaimBatchRow.id)).all()
    visits: dict[int, list[int]] = {}
    for batch_id, visit_id in session.execute(
        select(ClaimExportRow.batch_id, ClaimExportRow.visit_id).order_by(ClaimExportRow.id)
    ):
        visits.setdefault(batch_id, []).append(visit_id)
    return [
        BatchSummary(
            id=row.id,
            created_at=row.created_at,
            created_by=row.created_by,
            format=row.format,
            file_name=row.file_name,
            interchange_control=row.interchange_control,
            visit_ids=tuple(visits.get(row.id, [])),
            total_charge=row.total_charge,
            again=row.again,
        )
        for row in batches
    ]


def count_batches(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(ClaimBatchRow)) or 0)


def account_provider_id(session: Session, username: str) -> int | None:
    """The provider a sign-in account signs for, if it is linked to one."""
    return session.scalar(select(UserRow.provider_id).where(UserRow.username == username))


def link_account_to_provider(
    session: Session, username: str, provider_id: int, *, actor: str, at: datetime
) -> None:
    row = session.scalars(select(UserRow).where(UserRow.username == username)).one()
    before = {"provider_id": row.provider_id}
    row.provider_id = provider_id
    npi = session.scalar(select(ProviderRow.npi).where(ProviderRow.id == provider_id))
    append_audit(
        session,
        at=at,
        actor=actor,
        action="update",
        entity="user",
        entity_id=username,
        before=before,
        after={"provider_id": provider_id, "npi": npi},
    )
    session.flush()
