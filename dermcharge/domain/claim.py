"""The coded claim: lines, diagnosis list, codes left off and what the checks found."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"  # must be fixed before the claim can go
    WARNING = "warning"  # needs a human decision
    INFO = "info"


@dataclass(frozen=True)
class ClaimLine:
    cpt: str
    units: int
    modifiers: tuple[str, ...]
    diagnoses: tuple[str, ...]
    description: str
    why: str
    # Indices into Visit.procedures this line codes; None stands for the E/M service.
    procedures: tuple[int | None, ...] = ()


@dataclass(frozen=True)
class NotBilled:
    cpt: str
    why: str
    procedures: tuple[int | None, ...] = ()


@dataclass(frozen=True)
class Finding:
    severity: Severity
    check: str
    message: str
    lines: tuple[int, ...] = ()  # 1-based claim line numbers
    procedures: tuple[int, ...] = ()  # 0-based indices into Visit.procedures
    source: str = ""
    action: str = ""  # what to do about it, when one action fits


@dataclass(frozen=True)
class CodedClaim:
    lines: tuple[ClaimLine, ...]
    diagnoses: tuple[str, ...]
    not_billed: tuple[NotBilled, ...] = ()
    findings: tuple[Finding, ...] = ()
    code_sets: dict[str, str] = field(default_factory=dict)
    # Cosmetic services the patient pays at the cash price: printed, never sent to a payer.
    self_pay: tuple[ClaimLine, ...] = ()

    @property
    def is_clean(self) -> bool:
        return not any(f.severity is Severity.ERROR for f in self.findings)
