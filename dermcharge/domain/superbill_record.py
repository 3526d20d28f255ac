"""What a superbill shows, as plain values: built by services, printed by the superbill package."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from dermcharge.domain.record import Insurance, Patient, Practice, Provider

POINTER_LETTERS = "ABCDEFGHIJKL"  # a claim carries at most 12 diagnoses (CMS-1500 box 21 A-L)


@dataclass(frozen=True)
class SuperbillDiagnosis:
    letter: str  # the pointer letter, A-L
    code: str  # ICD-10-CM, dotted
    description: str  # the public ICD-10-CM description; "" when the release lacks the code


@dataclass(frozen=True)
class SuperbillLine:
    code: str  # CPT or HCPCS
    modifiers: tuple[str, ...]
    description: str  # our plain words, never the AMA descriptor
    pointers: tuple[str, ...]  # diagnosis letters, primary first
    units: int
    fee: Decimal | None  # per unit; None when the fee schedule has no fee for the code
    cosmetic: bool = False
    self_pay: bool = False  # the patient pays this line, not the insurer

    @property
    def total(self) -> Decimal | None:
        return None if self.fee is None else self.fee * self.units


@dataclass(frozen=True)
class Signature:
    name: str  # as it reads on the page, e.g. "Jane Doe, MD"
    signed_at: datetime


@dataclass(frozen=True)
class SuperbillRecord:
    """One visit's superbill. `patient` None prints a labelled placeholder to fill in by hand."""

    practice: Practice
    date_of_service: date
    place_of_service: str  # CMS place-of-service code, e.g. "11"
    place_of_service_name: str = ""  # e.g. "Office"
    practice_is_demo: bool = False
    provider: Provider | None = None
    patient: Patient | None = None
    primary_insurance: Insurance | None = None
    secondary_insurance: Insurance | None = None
    payer_kind: str = ""  # how the visit is paid: "Medicare", "Commercial", "Self-pay" ...
    visit_reference: str = ""  # e.g. "Visit 42"; "" for a visit that is not stored
    status: str = "draft"  # draft, ready or signed
    diagnoses: tuple[SuperbillDiagnosis, ...] = ()
    lines: tuple[SuperbillLine, ...] = ()
    amount_collected: Decimal = Decimal("0.00")
    signature: Signature | None = None
    next_appointment: str = ""
    errors: tuple[str, ...] = ()  # open error findings: printed in a warning box, never dropped
    code_sets: tuple[tuple[str, str], ...] = ()  # (code set, version), e.g. ("ICD-10-CM", "FY2026")
    fee_schedule_label: str = ""
    example_fees: bool = False

    @property
    def is_signed(self) -> bool:
        return self.signature is not None

    @property
    def total_charges(self) -> Decimal:
        """The sum of the line totals that have a fee (see `lines_without_fee`)."""
        return sum((line.total for line in self.lines if line.total is not None), Decimal("0.00"))

    @property
    def balance(self) -> Decimal:
        return self.total_charges - self.amount_collected

    @property
    def lines_without_fee(self) -> int:
        return sum(1 for line in self.lines if line.fee is None)
