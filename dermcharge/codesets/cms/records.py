"""Rows of the CMS edit tables, each knowing its source and whether a public file confirms it.

`PtpEdit` is the engine's own record (dermcharge.codesets.ptp), reused here so an imported
CMS PTP file and the shipped derm pair table give the same type.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dermcharge.codesets.ptp import PtpEdit

__all__ = ["AddOnEdit", "FeeScheduleRvu", "MueLimit", "PtpEdit"]

# MUE adjudication indicators (CMS MUE program; coding-rules.md §12).
MAI_CLAIM_LINE = 1
MAI_DATE_OF_SERVICE_POLICY = 2
MAI_DATE_OF_SERVICE_CLINICAL = 3
MAI_NOT_KNOWN = 0  # a curated row whose indicator no public source gives


@dataclass(frozen=True)
class MueLimit:
    code: str
    units: int
    adjudication_indicator: int  # 1 claim line, 2/3 date of service; 0 not known (curated rows)
    rationale: str
    source: str
    verified: bool
    note: str = ""


@dataclass(frozen=True)
class AddOnEdit:
    """One add-on/primary pair of the NCCI add-on code (AOC) file.

    edit_type 1: CMS lists every acceptable primary; 2: none listed, the MAC decides (`primary`
    is None, the file says CCCCC); 3: some listed, the MAC may allow more.
    """

    add_on: str
    primary: str | None
    edit_type: int  # 1, 2, 3 from the AOC file; 0 for a curated pair (type not known)
    effective_from: date
    effective_to: date | None
    source: str
    verified: bool
    notes: str = ""

    def in_force(self, on: date) -> bool:
        return self.effective_from <= on and (self.effective_to is None or on <= self.effective_to)


@dataclass(frozen=True)
class FeeScheduleRvu:
    """One row of the Physician Fee Schedule relative value file (PPRRVU)."""

    code: str
    modifier: str  # "" for the global service, "26"/"TC"/"53" rows otherwise
    status: str  # A active, B bundled, ... ("" when unknown)
    global_days: int | None  # 0, 10, 90; None for XXX/ZZZ/YYY/MMM
    global_indicator: str
    mult_proc: str  # multiple-procedure indicator, "2" = standard 100/50/50 reduction
    work_rvu: float | None
    total_rvu_nonfacility: float | None
    total_rvu_facility: float | None
    pctc: str
    conversion_factor: float | None
    source: str
    verified: bool
    note: str = ""
