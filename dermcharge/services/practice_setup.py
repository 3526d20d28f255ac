"""Setting up a practice: its details, providers and payers (CLI and Practice ▸ Settings).

Each call checks everything first (InvalidRecord lists each problem, naming the field and the
value) and stores nothing when there is a problem; each change is one transaction, audited,
and needs a user allowed to manage settings (an admin; the CLI's local administrator counts).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace

from dermcharge.domain.npi import compact, npi_problem
from dermcharge.domain.record import Practice, Provider
from dermcharge.domain.visit import Payer
from dermcharge.security.accounts import User
from dermcharge.security.roles import Action
from dermcharge.services.record_checks import practice_problems, provider_problems
from dermcharge.storage import payer_repository, provider_roster
from dermcharge.storage import people_repository as people
from dermcharge.storage.database import Database
from dermcharge.storage.errors import InvalidRecord
from dermcharge.storage.payer_repository import NamedPayer
from dermcharge.storage.provider_roster import RosterEntry

__all__ = ["NamedPayer", "RosterEntry"]

DEFAULT_TAXONOMY = "207N00000X"  # NUCC: Allopathic & Osteopathic Physicians, Dermatology
PRACTICE_FIELDS = (
    "name", "npi", "tax_id", "taxonomy", "phone", "place_of_service",
    "line1", "line2", "city", "state", "zip",
)  # fmt: skip
PAYER_TYPES = tuple(p.value for p in Payer)
# An electronic payer id as clearinghouses publish them: letters and digits (and - or .).
PAYER_ID = re.compile(r"^[0-9A-Za-z.-]{2,20}$")


def practice_with(current: Practice | None, fields: Mapping[str, str]) -> Practice:
    """`current` (or a new practice with the dermatology taxonomy) with `fields` changed;
    InvalidRecord when a field is unknown or the result is not valid."""
    unknown = [f"{name}: unknown field (one of {', '.join(PRACTICE_FIELDS)})" for name in fields
               if name not in PRACTICE_FIELDS]  # fmt: skip
    if unknown:
        raise InvalidRecord(unknown)
    base = current or Practice(name="", npi="", taxonomy=DEFAULT_TAXONOMY)
    values = {name: value.strip() for name, value in fields.items()}
    address = base.address
    for name in ("line1", "line2", "city", "state", "zip"):
        if name in values:
            address = replace(address, **{name: values.pop(name)})
    if "npi" in values:
        values["npi"] = compact(values["npi"])
    if "taxonomy" in values:
        values["taxonomy"] = values["taxonomy"].upper()
    practice = replace(base, address=address, **values)
    if problems := practice_problems(practice):
        raise InvalidRecord(problems)
    return practice


def current_practice(db: Database) -> Practice | None:
    with db.read() as session:
        return people.get_practice(session)


def set_practice(db: Database, fields: Mapping[str, str], *, by: User) -> Practice:
    """Change the practice's details (creating it on first use); the practice as stored."""
    by.require(Action.MANAGE_SETTINGS)
    with db.write() as session:
        practice = practice_with(people.get_practice(session), fields)
        people.save_practice(session, practice, actor=by.username, at=db.clock())
    return practice


# --- providers --------------------------------------------------------------------------


def providers(db: Database) -> list[RosterEntry]:
    """Every provider, active or not, with the account that signs for each."""
    with db.read() as session:
        return provider_roster.roster(session)


def add_provider(db: Database, provider: Provider, *, by: User) -> int:
    by.require(Action.MANAGE_SETTINGS)
    provider = replace(
        provider,
        npi=compact(provider.npi),
        name=provider.name.strip(),
        credentials=provider.credentials.strip(),
        taxonomy=(provider.taxonomy.strip() or DEFAULT_TAXONOMY).upper(),
    )
    if problems := provider_problems(provider):
        raise InvalidRecord(problems)
    with db.write() as session:
        if people.find_provider_id(session, provider.npi) is not None:
            raise InvalidRecord([f"npi: {provider.npi} is already on file"])
        return people.add_provider(session, provider, actor=by.username, at=db.clock())


def update_provider(db: Database, provider: Provider, *, by: User) -> None:
    """Correct the name, credentials or taxonomy of the provider with `provider.npi`."""
    by.require(Action.MANAGE_SETTINGS)
    if problems := provider_problems(provider):
        raise InvalidRecord(problems)
    with db.write() as session:
        provider_roster.update_provider(
            session, provider.npi, provider, actor=by.username, at=db.clock()
        )


def set_provider_active(db: Database, npi: str, active: bool, *, by: User) -> Provider:
    """Deactivate (or reactivate) a provider; providers are never deleted, a visit names them."""
    by.require(Action.MANAGE_SETTINGS)
    if (problem := npi_problem(npi)) is not None:
        raise InvalidRecord([f"npi: {problem}"])
    with db.write() as session:
        return provider_roster.set_provider_active(
            session, npi, active, actor=by.username, at=db.clock()
        )


# --- payers -----------------------------------------------------------------------------


def payer_problems(payer: NamedPayer) -> list[str]:
    problems = []
    if not payer.name.strip():
        problems.append("name: is required")
    payer_id = payer.electronic_payer_id.strip()
    if payer_id and not PAYER_ID.match(payer_id):
        problems.append(f"payer_id: {payer_id!r} must be 2 to 20 letters or digits")
    distinct = payer.overrides.distinct_modifier
    if distinct not in (None, "59", "XS"):
        problems.append(f"distinct_modifier: {distinct!r} must be 59 or XS")
    return problems


def payer_type(text: str) -> Payer:
    """The payer kind for a type word; InvalidRecord naming the value when there is none."""
    word = text.strip().lower().replace("-", "_").replace(" ", "_")
    try:
        return Payer(word)
    except ValueError:
        raise InvalidRecord(
            [f"type: {text!r} is not a payer type (one of {', '.join(PAYER_TYPES)})"]
        ) from None


def payers(db: Database) -> list[NamedPayer]:
    with db.read() as session:
        return payer_repository.payer_profiles(session)


def add_payer(db: Database, payer: NamedPayer, *, by: User) -> int:
    by.require(Action.MANAGE_SETTINGS)
    payer = replace(
        payer, name=payer.name.strip(), electronic_payer_id=payer.electronic_payer_id.strip()
    )
    if problems := payer_problems(payer):
        raise InvalidRecord(problems)
    with db.write() as session:
        if payer_repository.payer_profile_named(session, payer.name) is not None:
            raise InvalidRecord([f"name: a payer named {payer.name!r} is already on file"])
        return payer_repository.add_payer_profile(session, payer, actor=by.username, at=db.clock())


def update_payer(db: Database, name: str, payer: NamedPayer, *, by: User) -> None:
    by.require(Action.MANAGE_SETTINGS)
    if problems := payer_problems(payer):
        raise InvalidRecord(problems)
    with db.write() as session:
        if payer.name != name and payer_repository.payer_profile_named(session, payer.name):
            raise InvalidRecord([f"name: a payer named {payer.name!r} is already on file"])
        payer_repository.update_payer_profile(
            session, name, payer, actor=by.username, at=db.clock()
        )
