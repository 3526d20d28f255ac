"""A practice's own fee schedules: import a CSV for a payer (or the practice default) from a
date, list what is stored, correct one fee. Superbills and claims then charge from the schedule
in force on the date of service (`fee_schedules.fee_schedule_for`).

Checks come first and name the field and value; a file with any problem stores nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal

from dermcharge.fees.schedule import ANY_PAYER, Fee, FeeSchedule
from dermcharge.fees.schedule_csv import CODE, MODIFIER, parse_fee_csv
from dermcharge.fees.schedule_json import InvalidFeeSchedule, parse_amount
from dermcharge.security.accounts import User
from dermcharge.security.roles import Action
from dermcharge.storage import fee_schedule_changes, payer_repository
from dermcharge.storage.database import Database
from dermcharge.storage.errors import InvalidRecord
from dermcharge.storage.fee_schedule_changes import StoredFee

__all__ = ["DEFAULT_SCHEDULE", "StoredFee", "import_fee_csv", "stored_fees"]

DEFAULT_SCHEDULE = "default"  # the --payer word for the practice's default schedule


def import_fee_csv(
    db: Database, text: str, *, payer: str, effective_from: date, by: User, source: str = ""
) -> int:
    """Store the fees of a CSV (`code,modifier,fee`) as `payer`'s schedule from
    `effective_from` ("default": the practice default). The schedule in force before ends the
    day before. InvalidRecord (nothing stored) for a bad file or an unknown payer."""
    by.require(Action.MANAGE_SETTINGS)
    try:
        fees = parse_fee_csv(text)
    except InvalidFeeSchedule as bad:
        raise InvalidRecord(bad.problems) from None
    return _store_schedule(db, fees, payer, effective_from, by, source or "imported CSV")


def _store_schedule(
    db: Database, fees: Mapping[str, Fee], payer: str, effective_from: date, by: User, source: str
) -> int:
    """Store `fees` as `payer`'s schedule from `effective_from`; the one before ends the day
    before. InvalidRecord for a payer not on file."""
    with db.write() as session:
        if payer.strip().lower() == DEFAULT_SCHEDULE:
            kind, name, label = ANY_PAYER, "", "Practice fee schedule"
        else:
            named = payer_repository.payer_profile_named(session, payer.strip())
            if named is None:
                raise InvalidRecord(
                    [f"payer: {payer!r} is not a payer on file (add it first, or say default)"]
                )
            kind, name, label = named.payer.value, named.name, f"{named.name} fee schedule"
        schedule = FeeSchedule(
            payer=kind,
            label=f"{label} from {effective_from.isoformat()}",
            effective_from=effective_from,
            effective_to=None,
            fees=fees,
            source=source[:300],
            payer_name=name,
        )
        return fee_schedule_changes.take_over(session, schedule, actor=by.username, at=db.clock())


def stored_fees(db: Database, *, payer: str | None = None) -> list[StoredFee]:
    """Every stored fee (of schedules that apply on some day); `payer` a payer's name, or
    "default" for the practice default."""
    name = None
    if payer is not None:
        name = "" if payer.strip().lower() == DEFAULT_SCHEDULE else payer.strip()
    with db.read() as session:
        if name and payer_repository.payer_profile_named(session, name) is None:
            raise InvalidRecord([f"payer: {payer!r} is not a payer on file"])
        return fee_schedule_changes.stored_fees(session, payer_name=name)


def set_fee(
    db: Database, schedule_id: int, code: str, modifier: str, fee: str, *, by: User
) -> Decimal:
    """Correct (or add) one fee in a stored schedule; the amount stored."""
    by.require(Action.MANAGE_SETTINGS)
    problems: list[str] = []
    code, modifier = code.strip().upper(), modifier.strip().upper()
    if not CODE.match(code):
        problems.append(f"code: {code!r} is not a CPT/HCPCS code (5 letters/digits)")
    if modifier and not MODIFIER.match(modifier):
        problems.append(f"modifier: {modifier!r} must be 2 letters/digits or blank")
    amount = parse_amount(fee.strip(), "fee", problems)
    if problems or amount is None:
        raise InvalidRecord(problems)
    with db.write() as session:
        fee_schedule_changes.set_fee(
            session, schedule_id, code, modifier, amount, actor=by.username, at=db.clock()
        )
    return amount


def import_percent_of_medicare(
    db: Database,
    *,
    percent: str,
    payer: str,
    effective_from: date,
    by: User,
    conversion_factor: str | None = None,
) -> int:
    """A schedule for `payer` ("default": the practice default) at `percent` % of Medicare's
    national non-facility amounts (fees.medicare_based), from the PFS relative value file in
    force on `effective_from` (`dermcharge tables import PPRRVU….csv`). InvalidRecord when the
    percentage or conversion factor is not a positive number, or no RVU row can be priced."""
    from dermcharge.codesets.cms.active import active_tables
    from dermcharge.fees.medicare_based import RvuLine, percent_of_medicare

    by.require(Action.MANAGE_SETTINGS)
    problems: list[str] = []
    rate = parse_amount(percent.strip(), "percent", problems)
    factor = None
    if conversion_factor is not None:
        factor = _positive_decimal(conversion_factor, "conversion_factor", problems)
    if rate is not None and not 0 < rate <= 1000:
        problems.append(f"percent: {percent!r} must be more than 0 and at most 1000")
    if problems or rate is None:
        raise InvalidRecord(problems)
    rvus = active_tables(effective_from).rvu
    lines = [
        RvuLine(r.code, r.modifier, r.status, r.total_rvu_nonfacility, r.conversion_factor)
        for r in rvus.rows.values()
    ]
    fees = percent_of_medicare(lines, rate, factor)
    if not fees:
        raise InvalidRecord(
            [
                f"conversion_factor: no code could be priced from {rvus.origin.label} (import the "
                "PFS relative value file with `dermcharge tables import`, or give the year's "
                "conversion factor)"
            ]
        )
    source = f"{rate}% of Medicare national non-facility amounts, {rvus.origin.label}"
    return _store_schedule(db, fees, payer, effective_from, by, source)


def _positive_decimal(text: str, field: str, problems: list[str]) -> Decimal | None:
    try:
        value = Decimal(text.strip())
    except ArithmeticError:
        problems.append(f"{field}: {text!r} is not a number")
        return None
    if not value.is_finite() or value <= 0:
        problems.append(f"{field}: {text!r} must be more than 0")
        return None
    return value
