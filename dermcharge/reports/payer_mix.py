"""Payer mix: visits and charges by payer type and by payer."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from dermcharge.reports.records import ReportVisit


@dataclass(frozen=True)
class PayerMixRow:
    payer_kind: str
    payer_name: str  # "" on the row that totals the payer type
    visits: tuple[int, ...]
    charged: Decimal


def payer_mix(visits: Iterable[ReportVisit]) -> list[PayerMixRow]:
    """A total row per payer type, then one row per payer of that type, by charges."""
    kinds: dict[str, list[ReportVisit]] = {}
    payers: dict[tuple[str, str], list[ReportVisit]] = {}
    for visit in visits:
        kinds.setdefault(visit.payer_kind, []).append(visit)
        payers.setdefault((visit.payer_kind, visit.payer_name), []).append(visit)
    rows: list[PayerMixRow] = []
    for kind in sorted(kinds, key=lambda k: (-_charged(kinds[k]), k)):
        rows.append(PayerMixRow(kind, "", _ids(kinds[kind]), _charged(kinds[kind])))
        named = [(name, group) for (k, name), group in payers.items() if k == kind]
        named.sort(key=lambda item: (-_charged(item[1]), item[0]))
        rows += [PayerMixRow(kind, name, _ids(group), _charged(group)) for name, group in named]
    return rows


def _ids(visits: list[ReportVisit]) -> tuple[int, ...]:
    return tuple(sorted(visit.visit_id for visit in visits))


def _charged(visits: list[ReportVisit]) -> Decimal:
    return sum((visit.charge for visit in visits), Decimal("0"))
