"""Day reconciliation: every visit has charges, every charge is signed and sent.

Per provider (and per day, or for the whole range): the visits, those without claim lines,
unsigned (draft or ready), signed but not exported, exported, held for pathology, and the total
charged. Each count keeps the visits behind it, so a row opens them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from dermcharge.reports.records import ReportVisit


@dataclass(frozen=True)
class ReconciliationRow:
    day: date | None  # None: the whole range
    provider_id: int
    provider_name: str
    visits: tuple[int, ...]
    without_charges: tuple[int, ...]
    unsigned: tuple[int, ...]
    signed_not_exported: tuple[int, ...]
    exported: tuple[int, ...]
    held_for_pathology: tuple[int, ...]
    charged: Decimal

    def counts(self) -> dict[str, int]:
        return {
            "visits": len(self.visits),
            "without_charges": len(self.without_charges),
            "unsigned": len(self.unsigned),
            "signed_not_exported": len(self.signed_not_exported),
            "exported": len(self.exported),
            "held_for_pathology": len(self.held_for_pathology),
        }


def reconcile(visits: Iterable[ReportVisit], *, by_day: bool = True) -> list[ReconciliationRow]:
    """One row per provider (per day when `by_day`), by day then provider name."""
    groups: dict[tuple[date | None, int], list[ReportVisit]] = {}
    for visit in visits:
        key = (visit.date_of_service if by_day else None, visit.provider_id)
        groups.setdefault(key, []).append(visit)
    rows = [_row(day, group) for (day, _provider), group in groups.items()]
    rows.sort(key=lambda row: (row.day or date.min, row.provider_name.casefold(), row.provider_id))
    return rows


def _row(day: date | None, visits: list[ReportVisit]) -> ReconciliationRow:
    visits = sorted(visits, key=lambda visit: visit.visit_id)
    return ReconciliationRow(
        day=day,
        provider_id=visits[0].provider_id,
        provider_name=visits[0].provider_name,
        visits=_ids(visits, lambda v: True),
        without_charges=_ids(visits, lambda v: v.line_count == 0),
        unsigned=_ids(visits, lambda v: not v.signed),
        signed_not_exported=_ids(visits, lambda v: v.signed and not v.exported),
        exported=_ids(visits, lambda v: v.exported),
        held_for_pathology=_ids(visits, lambda v: v.held_for_pathology),
        charged=sum((v.charge for v in visits), Decimal("0")),
    )


def _ids(visits: list[ReportVisit], keep: Callable[[ReportVisit], bool]) -> tuple[int, ...]:
    return tuple(visit.visit_id for visit in visits if keep(visit))
