"""What the reports read: visits, claim lines and claim-check findings as plain records."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

UNSIGNED_STATUSES = frozenset({"draft", "ready"})
SIGNED_STATUSES = frozenset({"signed", "billed"})


@dataclass(frozen=True)
class ReportVisit:
    visit_id: int
    date_of_service: date
    provider_id: int
    provider_name: str
    payer_kind: str  # medicare, medicaid, commercial, self_pay
    payer_name: str  # the primary policy's payer, or "Self-pay"
    status: str  # draft, ready, signed, billed
    line_count: int
    charge: Decimal  # the total charged by the fee schedule in force (0 when none priced it)
    exported: bool  # a claim for it left in an export batch
    held_for_pathology: bool  # a procedure still waits for its pathology result

    @property
    def signed(self) -> bool:
        return self.status in SIGNED_STATUSES


@dataclass(frozen=True)
class ReportLine:
    visit_id: int
    date_of_service: date
    provider_id: int
    cpt: str
    modifiers: tuple[str, ...]
    units: int
    diagnoses: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReportFinding:
    visit_id: int
    provider_id: int
    check: str
    severity: str  # error, warning, info
    decision: str | None  # acknowledged, overridden, or None (still open)


@dataclass(frozen=True)
class LineGroup:
    """Claim lines of one provider, day, code and component (26/TC or ""), summed by the
    database: `paid_units` are the units after the multiple-procedure reduction."""

    provider_id: int
    date_of_service: date
    cpt: str
    component: str
    paid_units: Decimal
    units: int
    lines: int
