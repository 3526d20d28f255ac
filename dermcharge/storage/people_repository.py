"""The practice, its providers, patients and their insurance: rows to records and back.

Callers validate records first (dermcharge.services.record_checks); these functions store what
they are given inside the caller's transaction and write an audit entry for every change.
"""

from __future__ import annotations

import contextlib
from dataclasses import asdict
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from dermcharge.domain.npi import compact
from dermcharge.domain.record import (
    Address,
    Insurance,
    Patient,
    Practice,
    Provider,
    SubscriberPerson,
)
from dermcharge.storage.audit_log import add_audited, append_audit
from dermcharge.storage.errors import NotFound
from dermcharge.storage.models import InsuranceRow, PatientRow, PracticeRow, ProviderRow
from dermcharge.storage.user_models import UserRow

_ADDRESS_FIELDS = ("line1", "line2", "city", "state", "zip")


def _address_columns(address: Address) -> dict[str, str]:
    return {
        "address_line1": address.line1,
        "address_line2": address.line2,
        "city": address.city,
        "state": address.state,
        "zip": address.zip,
    }


def _address_of(row: PatientRow | PracticeRow) -> Address:
    return Address(row.address_line1, row.address_line2, row.city, row.state, row.zip)


# --- practice -------------------------------------------------------------------------------


def practice_of(row: PracticeRow) -> Practice:
    return Practice(
        name=row.name,
        npi=row.npi,
        tax_id=row.tax_id,
        phone=row.phone,
        address=_address_of(row),
        taxonomy=row.taxonomy,
        place_of_service=row.place_of_service,
    )


def get_practice(session: Session) -> Practice | None:
    row = session.scalars(select(PracticeRow).order_by(PracticeRow.id).limit(1)).first()
    return None if row is None else practice_of(row)


def save_practice(session: Session, practice: Practice, *, actor: str, at: datetime) -> None:
    """Create the practice, or replace its details (one practice per database)."""
    row = session.scalars(select(PracticeRow).order_by(PracticeRow.id).limit(1)).first()
    before = None if row is None else asdict(practice_of(row))
    columns: dict[str, Any] = {
        "name": practice.name,
        "npi": compact(practice.npi),
        "tax_id": practice.tax_id,
        "taxonomy": practice.taxonomy,
        "phone": practice.phone,
        "place_of_service": practice.place_of_service,
        **_address_columns(practice.address),
    }
    if row is None:
        row = PracticeRow(**columns)
        session.add(row)
    else:
        for name, value in columns.items():
            setattr(row, name, value)
    session.flush()
    append_audit(
        session,
        at=at,
        actor=actor,
        action="create" if before is None else "update",
        entity="practice",
        entity_id=row.id,
        before=before,
        after=asdict(practice_of(row)),
    )


# --- providers ------------------------------------------------------------------------------


def provider_of(row: ProviderRow) -> Provider:
    return Provider(name=row.name, npi=row.npi, credentials=row.credentials, taxonomy=row.taxonomy)


def find_provider_id(session: Session, npi: str) -> int | None:
    return session.scalar(select(ProviderRow.id).where(ProviderRow.npi == compact(npi)))


def get_provider(session: Session, provider_id: int) -> Provider:
    row = session.get(ProviderRow, provider_id)
    if row is None:
        raise NotFound(f"no provider with id {provider_id}")
    return provider_of(row)


def list_providers(session: Session) -> list[tuple[int, Provider]]:
    rows = session.scalars(select(ProviderRow).where(ProviderRow.active).order_by(ProviderRow.name))
    return [(row.id, provider_of(row)) for row in rows]


def add_provider(session: Session, provider: Provider, *, actor: str, at: datetime) -> int:
    row = ProviderRow(
        name=provider.name,
        npi=compact(provider.npi),
        credentials=provider.credentials,
        taxonomy=provider.taxonomy.strip().upper(),
    )
    after = asdict(provider_of(row))
    return add_audited(session, row, "provider", after=after, actor=actor, at=at)


def complete_provider(
    session: Session, provider_id: int, given: Provider, *, actor: str, at: datetime
) -> None:
    """Fill in what the provider on file lacks (taxonomy, credentials) from a visit record;
    never overwrite what is on file — that is changed in the practice settings. The one
    exception is a placeholder name: a provider `users add --npi` added under its account's
    username (before any visit named the provider) takes the name the visit gives."""
    row = session.get(ProviderRow, provider_id)
    if row is None:
        raise NotFound(f"no provider with id {provider_id}")
    changes: dict[str, str] = {}
    taxonomy = given.taxonomy.strip().upper()
    if not row.taxonomy and taxonomy:
        changes["taxonomy"] = taxonomy
    if not row.credentials and given.credentials.strip():
        changes["credentials"] = given.credentials.strip()
    name = given.name.strip()
    if name and name != row.name and _named_after_its_account(session, row):
        changes["name"] = name
    if not changes:
        return
    before = asdict(provider_of(row))
    for field, value in changes.items():
        setattr(row, field, value)
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


def _named_after_its_account(session: Session, row: ProviderRow) -> bool:
    """The provider's name is the username of the account linked to it (a placeholder)."""
    linked = session.scalars(select(UserRow.username).where(UserRow.provider_id == row.id))
    return row.name in set(linked)


# --- patients and insurance -----------------------------------------------------------------


def patient_of(row: PatientRow) -> Patient:
    return Patient(
        first_name=row.first_name,
        last_name=row.last_name,
        dob=row.dob,
        sex=row.sex,
        account_number=row.account_number,
        phone=row.phone,
        address=_address_of(row),
    )


def _subscriber_person_of(row: InsuranceRow) -> SubscriberPerson | None:
    person = SubscriberPerson(
        first_name=row.subscriber_first_name,
        last_name=row.subscriber_last_name,
        dob=row.subscriber_dob,
        sex=row.subscriber_sex,
        address=Address(
            row.subscriber_address_line1,
            row.subscriber_address_line2,
            row.subscriber_city,
            row.subscriber_state,
            row.subscriber_zip,
        ),
    )
    return None if person == SubscriberPerson() else person


def _subscriber_person_columns(person: SubscriberPerson | None) -> dict[str, Any]:
    person = person or SubscriberPerson()
    return {
        "subscriber_first_name": person.first_name.strip(),
        "subscriber_last_name": person.last_name.strip(),
        "subscriber_dob": person.dob,
        "subscriber_sex": person.sex.strip().upper(),
        "subscriber_address_line1": person.address.line1,
        "subscriber_address_line2": person.address.line2,
        "subscriber_city": person.address.city,
        "subscriber_state": person.address.state,
        "subscriber_zip": person.address.zip,
    }


def insurance_of(row: InsuranceRow) -> Insurance:
    return Insurance(
        payer_name=row.payer_name,
        member_id=row.member_id,
        group=row.group_number,
        plan=row.plan,
        subscriber=row.subscriber,
        priority=row.priority,
        payer_id=row.payer_id,
        subscriber_person=_subscriber_person_of(row),
    )


def count_patients(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(PatientRow)) or 0


def find_patient_id(session: Session, account_number: str) -> int | None:
    return session.scalar(
        select(PatientRow.id).where(PatientRow.account_number == account_number.strip())
    )


def get_patient(session: Session, patient_id: int) -> tuple[Patient, tuple[Insurance, ...]]:
    row = session.get(PatientRow, patient_id)
    if row is None:
        raise NotFound(f"no patient with id {patient_id}")
    return patient_of(row), patient_insurance(session, patient_id)


def patient_insurance(session: Session, patient_id: int) -> tuple[Insurance, ...]:
    rows = session.scalars(
        select(InsuranceRow)
        .where(InsuranceRow.patient_id == patient_id)
        .order_by(InsuranceRow.priority)  # "primary" sorts before "secondary"
    )
    return tuple(insurance_of(row) for row in rows)


def _patient_snapshot(patient: Patient, insurance: tuple[Insurance, ...]) -> dict[str, Any]:
    return {"patient": asdict(patient), "insurance": [asdict(policy) for policy in insurance]}


def _add_insurance(session: Session, patient_id: int, insurance: tuple[Insurance, ...]) -> None:
    for policy in insurance:
        session.add(
            InsuranceRow(
                patient_id=patient_id,
                priority=policy.priority,
                payer_name=policy.payer_name,
                plan=policy.plan,
                member_id=policy.member_id,
                group_number=policy.group,
                subscriber=policy.subscriber,
                relationship=policy.relationship,
                payer_id=policy.payer_id.strip(),
                **_subscriber_person_columns(policy.subscriber_person),
            )
        )


def add_patient(
    session: Session,
    patient: Patient,
    insurance: tuple[Insurance, ...] = (),
    *,
    actor: str,
    at: datetime,
) -> int:
    row = PatientRow(
        account_number=patient.account_number.strip(),
        first_name=patient.first_name.strip(),
        last_name=patient.last_name.strip(),
        dob=patient.dob,
        sex=patient.sex,
        phone=patient.phone,
        **_address_columns(patient.address),
    )
    session.add(row)
    session.flush()
    _add_insurance(session, row.id, insurance)
    session.flush()
    append_audit(
        session,
        at=at,
        actor=actor,
        action="create",
        entity="patient",
        entity_id=row.id,
        before=None,
        after=_patient_snapshot(patient_of(row), patient_insurance(session, row.id)),
    )
    return row.id


def search_patients(session: Session, text: str, *, limit: int = 50) -> list[tuple[int, Patient]]:
    """Patients by account number, date of birth (YYYY-MM-DD), or name: "okaf" matches last
    names starting so, "okafor, a" also narrows the first name. Any case."""
    needle = text.strip()
    if not needle:
        return []
    last, _, first = (part.strip().lower() for part in needle.partition(","))
    by_name = func.lower(PatientRow.last_name).startswith(last, autoescape=True)
    if first:
        by_name &= func.lower(PatientRow.first_name).startswith(first, autoescape=True)
    condition = (PatientRow.account_number == needle) | by_name
    with contextlib.suppress(ValueError):
        condition |= PatientRow.dob == date.fromisoformat(needle)
    rows = session.scalars(
        select(PatientRow)
        .where(condition)
        .order_by(PatientRow.last_name, PatientRow.first_name, PatientRow.id)
        .limit(limit)
    )
    return [(row.id, patient_of(row)) for row in rows]


def update_patient(
    session: Session,
    patient_id: int,
    patient: Patient,
    insurance: tuple[Insurance, ...],
    *,
    actor: str,
    at: datetime,
) -> None:
    """Replace a patient's details and insurance (the account number may change too)."""
    row = session.get(PatientRow, patient_id, with_for_update=True)
    if row is None:
        raise NotFound(f"no patient with id {patient_id}")
    before = _patient_snapshot(patient_of(row), patient_insurance(session, patient_id))
    row.account_number = patient.account_number.strip()
    row.first_name, row.last_name = patient.first_name.strip(), patient.last_name.strip()
    row.dob, row.sex, row.phone = patient.dob, patient.sex, patient.phone
    for name, value in _address_columns(patient.address).items():
        setattr(row, name, value)
    session.execute(delete(InsuranceRow).where(InsuranceRow.patient_id == patient_id))
    _add_insurance(session, patient_id, insurance)
    session.flush()
    append_audit(
        session,
        at=at,
        actor=actor,
        action="update",
        entity="patient",
        entity_id=patient_id,
        before=before,
        after=_patient_snapshot(patient_of(row), patient_insurance(session, patient_id)),
    )
