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


# The patient's relationship to the subscriber, as claims say it (X12 837P SBR02/PAT01).
SUBSCRIBER_RELATIONSHIPS = ("self", "spouse", "child", "other")


@dataclass(frozen=True)
class SubscriberPerson:
    """The policy holder when that is not the patient."""

    first_name: str = ""
    last_name: str = ""
    dob: date | None = None
    sex: str = ""  # "F", "M" or "U"
    address: Address = Address()


@dataclass(frozen=True)
class Insurance:
    payer_name: str
    member_id: str
    group: str = ""
    plan: str = ""
    # "self", or the patient's relationship to the subscriber (SUBSCRIBER_RELATIONSHIPS); older
    # records may hold the subscriber's name here, read as "other".
    subscriber: str = "self"
    priority: str = "primary"  # "primary" or "secondary"
    payer_id: str = ""  # the payer's electronic id (e.g. "SMTX1")
    subscriber_person: SubscriberPerson | None = None  # when the subscriber is not the patient

    @property
    def relationship(self) -> str:
        """The patient's relationship to the subscriber: one of SUBSCRIBER_RELATIONSHIPS."""
        value = self.subscriber.strip().lower()
        return value if value in SUBSCRIBER_RELATIONSHIPS else "other"


@dataclass(frozen=True)
class Provider:
    name: str
    npi: str
    credentials: str = ""
    taxonomy: str = ""  # NUCC provider taxonomy code, e.g. 207N00000X


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

    @property
    def primary_payer_name(self) -> str:
        """The payer billed first, by name (its primary insurance): a payer's own fee schedule
        is chosen by this name."""
        primary = [p for p in self.insurance if p.priority == "primary"] or list(self.insurance)
        return primary[0].payer_name if primary else ""
