"""One claim as every writer sees it: who, for whom, to whom, and the priced lines.

Built by services.billing from a signed visit; the writers never look anything else up.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from dermcharge.domain.record import Insurance, Patient, Practice, Provider

# CMS-1500 box 21 / 837P HI: diagnosis pointers A-L are positions 1-12.
MAX_DIAGNOSES = 12
MAX_POINTERS = 4
DEFAULT_TAXONOMY = "207N00000X"  # NUCC: Allopathic & Osteopathic Physicians, Dermatology


class Frequency:
    """CLM05-3 claim frequency type codes (NUBC; 837P 005010X222A1 2300 CLM05-3)."""

    ORIGINAL = "1"
    REPLACEMENT = "7"  # a corrected claim, replacing one the payer has
    VOID = "8"  # void / cancel of a prior claim


@dataclass(frozen=True)
class ClaimLineOut:
    cpt: str
    modifiers: tuple[str, ...]
    units: int
    unit_charge: Decimal
    pointers: tuple[int, ...]  # 1-based positions in ClaimOut.diagnoses, primary first
    description: str = ""

    @property
    def charge(self) -> Decimal:
        return self.unit_charge * self.units


@dataclass(frozen=True)
class ClaimOut:
    visit_id: int
    claim_id: str  # CLM01, the patient control number: one per visit and amendment
    frequency: str  # Frequency.*
    original_claim_id: str  # what a replacement or void refers to (REF*F8); "" for originals
    date_of_service: date
    place_of_service: str
    patient: Patient
    insurance: Insurance | None  # the primary policy; None for self-pay
    payer_kind: str  # medicare, medicaid, commercial, self_pay
    provider: Provider  # rendering
    practice: Practice  # billing provider
    diagnoses: tuple[str, ...]  # ICD-10-CM as coded (dots allowed), pointer order
    lines: tuple[ClaimLineOut, ...]
    signed_at: datetime | None = None
    amendment: int = 0

    @property
    def total(self) -> Decimal:
        return sum((line.charge for line in self.lines), Decimal("0"))


@dataclass(frozen=True)
class Envelope:
    """Who sends a batch and who receives it, and its control number (837P ISA/GS)."""

    submitter_id: str
    submitter_name: str
    receiver_id: str
    receiver_name: str
    contact_name: str
    contact_phone: str
    control_number: int
    batch_id: int
    created_at: datetime
    usage: str = "P"  # ISA15: P production, T test


def compact_code(icd10: str) -> str:
    """ICD-10-CM without its dot, as X12 HI and HL7 want it."""
    return icd10.replace(".", "").strip().upper()


def dotted_code(icd10: str) -> str:
    code = compact_code(icd10)
    return code if len(code) <= 3 else f"{code[:3]}.{code[3:]}"
