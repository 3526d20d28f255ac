"""The practice's providers as the settings show them: active or not, and whether they may go.

A provider on a visit is never deleted (the visit names who saw the patient); they are
deactivated instead and drop out of the pickers. Every change is audited.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from dermcharge.domain.npi import compact
from dermcharge.domain.record import Provider
from dermcharge.storage.audit_log import append_audit
from dermcharge.storage.errors import NotFound
from dermcharge.storage.models import ProviderRow, VisitRow
from dermcharge.storage.people_repository import add_provider, provider_of
from dermcharge.storage.user_models import UserRow


@dataclass(frozen=True)
class RosterEntry:
    id: int
    provider: Provider
    active: bool
    account: str  # the username that signs for this provider, "" when none
    on_visits: bool  # True once any visit names the provider: deactivate, never delete


def roster(session: Session) -> list[RosterEntry]:
    """Every provider, active or not, by name."""
    rows = session.scalars(select(ProviderRow).order_by(ProviderRow.name, ProviderRow.id)).all()
    entries = []
    for row in rows:
        account = session.scalar(
            select(UserRow.username).where(UserRow.provider_id == row.id).order_by(UserRow.id)
        )
        on_visits = bool(session.scalar(select(exists().where(VisitRow.provider_id == row.id))))
        entries.append(RosterEntry(row.id, provider_of(row), row.active, account or "", on_visits))
    return entries


def set_provider_active(
    session: Session, npi: str, active: bool, *, actor: str, at: datetime
) -> Provider:
    row = session.scalars(select(ProviderRow).where(ProviderRow.npi == compact(npi))).first()
    if row is None:
        raise NotFound(f"npi: there is no provider with NPI {npi!r}")
    if row.active == active:
        return provider_of(row)
    before = {**asdict(provider_of(row)), "active": row.active}
    row.active = active
    session.flush()
    append_audit(
        session,
        at=at,
        actor=actor,
        action="update" if active else "deactivate",
        entity="provider",
        entity_id=row.id,
        before=before,
        after={**asdict(provider_of(row)), "active": row.active},
    )
    return provider_of(row)


def update_provider(
    session: Session, npi: str, provider: Provider, *, actor: str, at: datetime
) -> None:
    """Correct a provider's name, credentials or taxonomy (the NPI identifies them)."""
    row = session.scalars(select(ProviderRow).where(ProviderRow.npi == compact(npi))).first()
    if row is None:
        raise NotFound(f"npi: there is no provider with NPI {npi!r}")
    before = asdict(provider_of(row))
    row.name, row.credentials = provider.name.strip(), provider.credentials.strip()
    row.taxonomy = provider.taxonomy.strip().upper()
    session.flush()
    append_audit(
        session,
        at=at,
        actor=actor,
        action="update",
        entity="provider",
        entity_id=row.id,
        before=before,
        after=asdict(provider_of(row)),
    )


def link_account(
    session: Session, username: str, provider_id: int | None, *, actor: str, at: datetime
) -> None:
    """Make `username` the account that signs for the provider (None: for no provider)."""
    row = session.scalars(select(UserRow).where(UserRow.username == username)).first()
    if row is None:
        raise NotFound(f"username: there is no user {username!r}")
    before = {"provider_id": row.provider_id}
    row.provider_id = provider_id
    session.flush()
    append_audit(
        session,
        at=at,
        actor=actor,
        action="link_provider",
        entity="user",
        entity_id=username,
        before=before,
        after={"provider_id": provider_id},
    )


def link_account_to_npi(
    session: Session,
    username: str,
    npi: str,
    *,
    actor: str,
    at: datetime,
    name_if_new: str | None = None,
) -> None:
    """Make `username` the account that signs for the provider with this NPI. A provider not
    on file is added under `name_if_new` (the contract lets `users add --npi` come before any
    visit names the provider; `visits import` completes the record later); without it,
    NotFound."""
    provider_id = session.scalar(select(ProviderRow.id).where(ProviderRow.npi == compact(npi)))
    if provider_id is None:
        if name_if_new is None:
            raise NotFound(f"npi: there is no provider with NPI {npi!r}")
        provider = Provider(name=name_if_new, npi=compact(npi))
        provider_id = add_provider(session, provider, actor=actor, at=at)
    link_account(session, username, provider_id, actor=actor, at=at)
