"""How values read on paper: US dates, dollar amounts, names, addresses (no ReportLab here)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from dermcharge.domain.record import Address, Insurance, Patient, Provider

SEX_NAMES = {"F": "Female", "M": "Male", "X": "X", "U": "Unknown"}


def us_date(value: date) -> str:
    return value.strftime("%m/%d/%Y")


def us_datetime(value: datetime) -> str:
    zone = value.strftime(" %Z") if value.tzinfo else ""
    return value.strftime("%m/%d/%Y %H:%M") + zone


def money(amount: Decimal | None) -> str:
    if amount is None:
        return "—"
    sign = "−" if amount < 0 else ""
    return f"{sign}${abs(amount):,.2f}"


def patient_name(patient: Patient) -> str:
    """Last name first, as a biller files it."""
    return f"{patient.last_name}, {patient.first_name}".strip(", ")


def provider_name(provider: Provider) -> str:
    return f"{provider.name}, {provider.credentials}" if provider.credentials else provider.name


def address_lines(address: Address) -> list[str]:
    city_line = " ".join(
        part
        for part in (f"{address.city}," if address.city else "", address.state, address.zip)
        if part
    ).rstrip(",")
    return [line for line in (address.line1, address.line2, city_line) if line]


def insurance_subscriber(insurance: Insurance) -> str:
    return "Self" if insurance.subscriber.strip().lower() == "self" else insurance.subscriber
