"""Payer profiles (which kind of payer a named plan is, and its coding overrides) and fee schedules.

Fee schedules are stored as rows of dermcharge.fees.FeeSchedule: one row per schedule, one per
code and modifier ("" for the code's plain fee).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from dermcharge.domain.record import Address
from dermcharge.domain.visit import Payer, ProfileOverrides
from dermcharge.fees.schedule import Fee, FeeSchedule
from dermcharge.storage.audit_log import add_audited, append_audit
from dermcharge.storage.errors import NotFound
from dermcharge.storage.models import FeeScheduleEntryRow, FeeScheduleRow, PayerProfileRow


@dataclass(frozen=True)
class NamedPayer:
    """A payer as billing staff name it ("Medicare Part B"), with its kind and overrides."""

    name: str
    payer: Payer
    electronic_payer_id: str = ""
    overrides: ProfileOverrides = field(default_factory=ProfileOverrides)
    # None = the payer kind's default (resources/data/payer_profiles.json).
    abn_modifiers: bool | None = None  # follows Medicare's ABN/cosmetic modifiers (GA/GZ/GY/GX)
    ncci_repair_rule: bool | None = None  # NCCI: simple repair bundled into small excisions
    claim_address: Address = field(default_factory=Address)


def add_payer_profile(session: Session, profile: NamedPayer, *, actor: str, at: datetime) -> int:
    row = PayerProfileRow(
        name=profile.name,
        payer=str(profile.payer),
        electronic_payer_id=profile.electronic_payer_id,
        distinct_modifier=profile.overrides.distinct_modifier,
        append_51=profile.overrides.append_51,
        laterality_modifiers=profile.overrides.laterality_modifiers,
        abn_modifiers=profile.abn_modifiers,
        ncci_repair_rule=profile.ncci_repair_rule,
        claim_address_line1=profile.claim_address.line1,
        claim_address_line2=profile.claim_address.line2,
        claim_city=profile.claim_address.city,
        claim_state=profile.claim_address.state,
        claim_zip=profile.claim_address.zip,
    )
    after = asdict(profile)
    return add_audited(session, row, "payer_profile", after=after, actor=actor, at=at)


def update_payer_profile(
    session: Session, name: str, profile: NamedPayer, *, actor: str, at: datetime
) -> None:
    """Replace the details of the payer called `name` (its name may change too)."""
    row = session.scalars(select(PayerProfileRow).where(PayerProfileRow.name == name)).first()
    if row is None:
        raise NotFound(f"no payer named {name!r}")
    before = asdict(_named_payer(row))
    row.name, row.payer = profile.name, str(profile.payer)
    row.electronic_payer_id = profile.electronic_payer_id
    row.distinct_modifier = profile.overrides.distinct_modifier
    row.append_51 = profile.overrides.append_51
    row.laterality_modifiers = profile.overrides.laterality_modifiers
    row.abn_modifiers, row.ncci_repair_rule = profile.abn_modifiers, profile.ncci_repair_rule
    address = profile.claim_address
    row.claim_address_line1, row.claim_address_line2 = address.line1, address.line2
    row.claim_city, row.claim_state, row.claim_zip = address.city, address.state, address.zip
    session.flush()
    append_audit(
        session,
        at=at,
        actor=actor,
        action="update",
        entity="payer_profile",
        entity_id=row.id,
        before=before,
        after=asdict(_named_payer(row)),
    )


def _named_payer(row: PayerProfileRow) -> NamedPayer:
    return NamedPayer(
        name=row.name,
        payer=Payer(row.payer),
        electronic_payer_id=row.electronic_payer_id,
        overrides=ProfileOverrides(row.distinct_modifier, row.append_51, row.laterality_modifiers),
        abn_modifiers=row.abn_modifiers,
        ncci_repair_rule=row.ncci_repair_rule,
        claim_address=Address(
            row.claim_address_line1,
            row.claim_address_line2,
            row.claim_city,
            row.claim_state,
            row.claim_zip,
        ),
    )


def payer_profiles(session: Session) -> list[NamedPayer]:
    rows = session.scalars(select(PayerProfileRow).order_by(PayerProfileRow.name))
    return [_named_payer(row) for row in rows]


def payer_profile_named(session: Session, name: str) -> NamedPayer | None:
    row = session.scalars(select(PayerProfileRow).where(PayerProfileRow.name == name)).first()
    return None if row is None else _named_payer(row)


def add_fee_schedule(session: Session, schedule: FeeSchedule, *, actor: str, at: datetime) -> int:
    row = FeeScheduleRow(
        payer=schedule.payer,
        payer_name=schedule.payer_name,
        label=schedule.label,
        effective_from=schedule.effective_from,
        effective_to=schedule.effective_to,
        source=schedule.source[:300],
        example_fees=schedule.example_fees,
        currency=schedule.currency,
    )
    after = {
        "payer": row.payer,
        "payer_name": row.payer_name,
        "label": row.label,
        "effective_from": row.effective_from.isoformat(),
        "codes": len(schedule.fees),
    }
    add_audited(session, row, "fee_schedule", after=after, actor=actor, at=at)
    for code, fee in schedule.fees.items():
        session.add(
            FeeScheduleEntryRow(schedule_id=row.id, cpt=code, modifier="", amount=fee.amount)
        )
        for modifier, amount in fee.by_modifier.items():
            session.add(
                FeeScheduleEntryRow(schedule_id=row.id, cpt=code, modifier=modifier, amount=amount)
            )
    session.flush()
    return row.id


def fee_schedules(session: Session, *, in_force_on: date | None = None) -> list[FeeSchedule]:
    """The stored schedules (optionally only those in force on a date), oldest first."""
    query = select(FeeScheduleRow).order_by(FeeScheduleRow.effective_from, FeeScheduleRow.id)
    if in_force_on is not None:
        query = query.where(
            FeeScheduleRow.effective_from <= in_force_on,
            (FeeScheduleRow.effective_to.is_(None)) | (FeeScheduleRow.effective_to >= in_force_on),
        )
    schedules = []
    for row in session.scalars(query).all():
        plain: dict[str, Fee] = {}
        by_modifier: dict[str, dict[str, Decimal]] = {}
        entries = session.scalars(
            select(FeeScheduleEntryRow).where(FeeScheduleEntryRow.schedule_id == row.id)
        )
        for entry in entries:
            if entry.modifier:
                by_modifier.setdefault(entry.cpt, {})[entry.modifier] = entry.amount
            else:
                plain[entry.cpt] = Fee(entry.amount)
        fees = {code: Fee(fee.amount, by_modifier.get(code, {})) for code, fee in plain.items()}
        schedules.append(
            FeeSchedule(
                payer=row.payer,
                label=row.label,
                effective_from=row.effective_from,
                effective_to=row.effective_to,
                fees=fees,
                source=row.source,
                example_fees=row.example_fees,
                currency=row.currency,
                payer_name=row.payer_name,
            )
        )
    return schedules
