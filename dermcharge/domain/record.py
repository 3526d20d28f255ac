"""A visit record: the coding input plus who and where — for storage, import and the superbill."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dermcharge.domain.visit import Visit


@dataclass(frozen=True)
class Address:
    line1: str = ""
    line2: str = ""
    city: str = ""
    state: str = ""
    zip: str = ""


@dataclass(frozen=True)
class Patient:
    first_name: str
    last_name: str
    dob: date
    sex: str  # "F", "M", "X" or "U"
    account_number: str
    phone: str = ""
    address: Address = Address()


@dataclass(frozen=True)
class Insurance:
    payer_name: str
    member_id: str
    group: str = ""
    plan: str = ""
    subscriber: str = "self"
    priority: str = "primary"  # "primary" or "secondary"


@dataclass(frozen=True)
class Provider:
    name: str
    npi: str
    credentials: str = ""


@dataclass(frozen=True)
class Practice:
    name: str
    npi: str
    tax_id: str = ""
    phone: str = ""
    address: Address = Address()
    taxonomy: str = ""
    place_of_service: str = "11"


@dataclass(frozen=True)
class VisitRecord:
    visit: Visit
    patient: Patient | None = None
    insurance: tuple[Insurance, ...] = ()
    provider: Provider | None = None
    practice: Practice | None = None
    place_of_service: str = "11"
