"""Checks on who and where before anything is stored: each problem named, all found at once.

Pure functions over the records; `today` is passed in, never read from the clock here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from dermcharge.domain.npi import npi_problem
from dermcharge.domain.record import Insurance, Patient, Practice, Provider

SEXES = ("F", "M", "X", "U")
# NUCC Health Care Provider Taxonomy codes: ten characters, the last an X (e.g. 207N00000X).
TAXONOMY = re.compile(r"^[0-9]{3}[0-9A-Z]{6}X$")


def taxonomy_problem(taxonomy: str) -> str | None:
    """None for a blank or well-formed NUCC taxonomy code, else what is wrong."""
    if not taxonomy.strip() or TAXONOMY.match(taxonomy.strip().upper()):
        return None
    return f"{taxonomy!r} is not a provider taxonomy code (ten characters ending in X, e.g. 207N00000X)"


def tax_id_problem(tax_id: str) -> str | None:
    """None for a blank EIN or one of nine digits (a hyphen after the second is allowed)."""
    digits = tax_id.strip().replace("-", "")
    if not digits or (len(digits) == 9 and digits.isdigit()):
        return None
    return f"{tax_id!r} must be an EIN of 9 digits (e.g. 37-1234567)"


PRIORITIES = ("primary", "secondary")
OLDEST_DOB = date(1900, 1, 1)


def patient_problems(patient: Patient | None, today: date) -> list[str]:
    if patient is None:
        return ["patient: is required (first_name, last_name, dob, sex, account_number)"]
    problems = [
        f"patient.{name}: is required"
        for name in ("first_name", "last_name", "account_number")
        if not str(getattr(patient, name) or "").strip()
    ]
    if not isinstance(patient.dob, date):
        problems.append("patient.dob: is required (YYYY-MM-DD)")
    elif patient.dob > today:
        problems.append(f"patient.dob: {patient.dob.isoformat()} is in the future")
    elif patient.dob < OLDEST_DOB:
        problems.append(f"patient.dob: {patient.dob.isoformat()} is before 1900")
    if patient.sex not in SEXES:
        problems.append(f"patient.sex: {patient.sex!r} must be one of {', '.join(SEXES)}")
    return problems


def date_of_service_problems(date_of_service: date, patient: Patient | None) -> list[str]:
    if patient is not None and isinstance(patient.dob, date) and date_of_service < patient.dob:
        return [
            f"date_of_service: {date_of_service.isoformat()} is before the patient's date of "
            f"birth {patient.dob.isoformat()}"
        ]
    return []


def provider_problems(provider: Provider | None, *, needs_name: bool = True) -> list[str]:
    if provider is None:
        return ["provider: is required (name, credentials, npi)"]
    problems = []
    npi = npi_problem(provider.npi)
    if npi is not None:
        problems.append(f"provider.npi: {npi}")
    if needs_name and not provider.name.strip():
        problems.append("provider.name: is required")
    if (taxonomy := taxonomy_problem(provider.taxonomy)) is not None:
        problems.append(f"provider.taxonomy: {taxonomy}")
    return problems


def practice_problems(practice: Practice) -> list[str]:
    problems = []
    if not practice.name.strip():
        problems.append("practice.name: is required")
    npi = npi_problem(practice.npi)
    if npi is not None:
        problems.append(f"practice.npi: {npi}")
    if len(practice.place_of_service) != 2 or not practice.place_of_service.isdigit():
        problems.append("practice.place_of_service: must be a two-digit CMS code such as 11")
    if (tax_id := tax_id_problem(practice.tax_id)) is not None:
        problems.append(f"practice.tax_id: {tax_id}")
    if (taxonomy := taxonomy_problem(practice.taxonomy)) is not None:
        problems.append(f"practice.taxonomy: {taxonomy}")
    return problems


def insurance_problems(insurance: Sequence[Insurance]) -> list[str]:
    problems = []
    seen: set[str] = set()
    for i, policy in enumerate(insurance):
        where = f"insurance[{i}]"
        if not policy.payer_name.strip():
            problems.append(f"{where}.payer_name: is required")
        if not policy.member_id.strip():
            problems.append(f"{where}.member_id: is required")
        if policy.priority not in PRIORITIES:
            problems.append(f"{where}.priority: must be primary or secondary")
        elif policy.priority in seen:
            problems.append(f"{where}.priority: there is already a {policy.priority} policy")
        seen.add(policy.priority)
        person = policy.subscriber_person
        if person is not None and person.sex and person.sex not in SEXES:
            problems.append(
                f"{where}.subscriber_person.sex: {person.sex!r} must be one of {', '.join(SEXES)}"
            )
    return problems


def place_of_service_problems(place_of_service: str) -> list[str]:
    if len(place_of_service) == 2 and place_of_service.isdigit():
        return []
    return [f"place_of_service: {place_of_service!r} must be a two-digit CMS code such as 11"]
