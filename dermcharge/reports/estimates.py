"""Patient estimates and the No Surprises Act Good Faith Estimate, as a plain record.

An estimate prices the planned codes with the fee schedule for the patient's payer (or the
practice's cash prices). For an uninsured or self-pay patient it is a Good Faith Estimate with
the parts 45 CFR 149.610(c) requires: the patient's name and date of birth; the service in plain
words and its expected date; the items with their service codes, diagnosis codes where known and
expected charges, by provider; each provider's name, NPI and TIN and where the service is given;
and the disclaimers (other services may need separate scheduling; only an estimate; the right to
dispute a bill $400 or more above it, within 120 days; not a contract). The wording of the
disclaimers follows the HHS standard notice in our own words.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

GFE_PAYERS = frozenset({"self_pay"})
DISPUTE_THRESHOLD = Decimal("400")
DISPUTE_DAYS = 120
DISCLAIMERS = (
    "This Good Faith Estimate shows the costs of the items and services reasonably expected "
    "for your care, based on what is known today. It is only an estimate: the actual items, "
    "services and charges may differ.",
    "Your provider may recommend other items or services as part of your care that must be "
    "scheduled or requested separately; they are not in this estimate.",
    "If you are billed $400 or more above this estimate for any provider or facility, federal "
    "law lets you dispute the bill through the patient-provider dispute resolution process "
    "within 120 calendar days of the date on the original bill. Starting a dispute does not "
    "change the quality of your care. For how to start one: www.cms.gov/nosurprises or "
    "1-800-985-3059. Keep a copy of this estimate.",
    "This Good Faith Estimate is not a contract and does not oblige you to obtain the items or "
    "services from any provider or facility named in it.",
)


@dataclass(frozen=True)
class EstimateItem:
    code: str
    description: str  # our own plain words, never the AMA descriptor
    units: int
    unit_price: Decimal | None  # None: no price in the schedule (shown, never guessed)
    diagnoses: tuple[str, ...] = ()

    @property
    def total(self) -> Decimal | None:
        return None if self.unit_price is None else self.unit_price * self.units


@dataclass(frozen=True)
class EstimateParty:
    name: str
    npi: str
    tax_id: str
    address: str  # where the service is given


@dataclass(frozen=True)
class Estimate:
    patient_name: str
    patient_dob: date | None
    payer_kind: str
    service: str  # the primary service in plain words
    expected_date: date | None
    issued_on: date
    provider: EstimateParty
    practice: EstimateParty
    items: tuple[EstimateItem, ...]
    schedule_label: str
    diagnoses: tuple[str, ...] = ()
    separately_scheduled: tuple[str, ...] = ()
    disclaimers: tuple[str, ...] = field(default=())

    @property
    def good_faith(self) -> bool:
        """A Good Faith Estimate (uninsured or self-pay) rather than a courtesy estimate."""
        return self.payer_kind in GFE_PAYERS

    @property
    def total(self) -> Decimal:
        return sum((item.total or Decimal(0) for item in self.items), Decimal(0))

    @property
    def unpriced(self) -> tuple[str, ...]:
        return tuple(item.code for item in self.items if item.unit_price is None)


PriceFor = Callable[[str, tuple[str, ...]], Decimal | None]  # (code, modifiers) -> price


def build_estimate(
    *,
    codes: Sequence[tuple[str, int, tuple[str, ...], tuple[str, ...]]],
    price_for: PriceFor,
    describe: Callable[[str], str],
    patient_name: str,
    patient_dob: date | None,
    payer_kind: str,
    expected_date: date | None,
    issued_on: date,
    provider: EstimateParty,
    practice: EstimateParty,
    schedule_label: str,
    service: str = "",
) -> Estimate:
    """`codes`: (code, units, modifiers, diagnoses) in claim order."""
    items = tuple(
        EstimateItem(code, describe(code), units, price_for(code, modifiers), diagnoses)
        for code, units, modifiers, diagnoses in codes
    )
    diagnoses = tuple(dict.fromkeys(dx for item in items for dx in item.diagnoses))
    good_faith = payer_kind in GFE_PAYERS
    return Estimate(
        patient_name=patient_name,
        patient_dob=patient_dob,
        payer_kind=payer_kind,
        service=service or (items[0].description if items else ""),
        expected_date=expected_date,
        issued_on=issued_on,
        provider=provider,
        practice=practice,
        items=items,
        schedule_label=schedule_label,
        diagnoses=diagnoses,
        disclaimers=DISCLAIMERS if good_faith else (DISCLAIMERS[0],),
    )


def estimate_problems(estimate: Estimate) -> list[str]:
    """What a Good Faith Estimate still lacks (45 CFR 149.610(c)); empty when complete."""
    if not estimate.good_faith:
        return []
    problems = []
    if not estimate.patient_name.strip():
        problems.append("patient name: required on a Good Faith Estimate")
    if estimate.patient_dob is None:
        problems.append("patient date of birth: required on a Good Faith Estimate")
    for party, label in ((estimate.provider, "provider"), (estimate.practice, "practice")):
        if not party.npi.strip():
            problems.append(f"{label} NPI: required on a Good Faith Estimate")
        if not party.tax_id.strip() and label == "practice":
            problems.append("practice TIN (EIN): required on a Good Faith Estimate")
    if estimate.unpriced:
        problems.append(f"no price for {', '.join(estimate.unpriced)}: set its cash price")
    if not estimate.items:
        problems.append("no items: an estimate lists the expected services")
    return problems
