"""What every check reads: the visit, its coded claim, the edit tables, the ICD-10-CM release
and the patient's earlier coded visits. Checks never read files, clocks or globals themselves."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from dermcharge.checks.edit_tables import CheckTables
from dermcharge.codesets.cms.tables import EditTables
from dermcharge.codesets.icd10.catalog import Icd10Catalog
from dermcharge.domain.claim import ClaimLine, CodedClaim
from dermcharge.domain.visit import Procedure, Visit


@dataclass(frozen=True)
class PriorVisit:
    """One of the patient's earlier coded visits (storage supplies them; tests build them)."""

    date_of_service: date
    visit: Visit
    claim: CodedClaim


@dataclass(frozen=True)
class CheckContext:
    visit: Visit
    claim: CodedClaim
    # The CMS helper's EditTables (active_tables(on)) or the checks' own CheckTables (small ones
    # in tests); None: the tables in force on the date of service (shipped_tables.default_tables).
    tables: CheckTables | EditTables | None
    icd: Icd10Catalog
    history: tuple[PriorVisit, ...] = ()
    # The fee charged on each claim line, in line order, when the caller priced the claim.
    line_fees: tuple[Decimal, ...] = ()

    @property
    def lines(self) -> tuple[ClaimLine, ...]:
        return self.claim.lines

    def procedure(self, index: int | None) -> Procedure | None:
        if index is None or not 0 <= index < len(self.visit.procedures):
            return None
        return self.visit.procedures[index]

    def line_procedures(self, line: ClaimLine) -> tuple[int, ...]:
        """Indices of the visit procedures a line codes (the E/M marker and bad indices dropped)."""
        count = len(self.visit.procedures)
        return tuple(i for i in line.procedures if i is not None and 0 <= i < count)

    def lines_for(self, index: int) -> tuple[int, ...]:
        """1-based numbers of the claim lines that code procedure `index`."""
        return tuple(n for n, line in enumerate(self.lines, 1) if index in line.procedures)


def line_numbers(lines: Sequence[int]) -> tuple[int, ...]:
    return tuple(sorted(set(lines)))
