"""The lists people look at: a day's visits and a patient's history, with their claim lines.

Two indexed queries each (the visits with names, then the same visits' claim lines), built once
and run as Core statements on a plain connection: bench/bench_storage.py holds these to within
2x of the same SQL written by hand.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from sqlalchemy import Connection, Executable, bindparam, select

from dermcharge.domain.stored import ClaimLineSummary, VisitSummary, visit_summary
from dermcharge.domain.workflow import VisitStatus
from dermcharge.storage.models import ClaimLineRow, PatientRow, ProviderRow, VisitRow

_SUMMARY_COLUMNS = (
    VisitRow.id,
    VisitRow.date_of_service,
    VisitRow.status,
    VisitRow.version,
    VisitRow.patient_id,
    PatientRow.last_name,
    PatientRow.first_name,
    PatientRow.account_number,
    VisitRow.provider_id,
    ProviderRow.name,
    VisitRow.payer,
)
_SUMMARIES = (
    select(*_SUMMARY_COLUMNS)
    .join(PatientRow, PatientRow.id == VisitRow.patient_id)
    .join(ProviderRow, ProviderRow.id == VisitRow.provider_id)
)
# Built once: these run on every screen refresh, and building a statement costs more than
# running it on an indexed table. Filters use bound parameters, so one compiled form serves all.
_DAY_FILTER = VisitRow.date_of_service == bindparam("day")
_HISTORY_FILTER = VisitRow.patient_id == bindparam("patient_id")
_DAY = _SUMMARIES.where(_DAY_FILTER).order_by(ProviderRow.name, VisitRow.id)
_DAY_BY_PROVIDER = _DAY.where(VisitRow.provider_id == bindparam("provider_id"))
_HISTORY = _SUMMARIES.where(_HISTORY_FILTER).order_by(
    VisitRow.date_of_service.desc(), VisitRow.id.desc()
)
# The lines of the same visits, selected by the same filter (a join, not a long IN list).
_LINES = select(
    ClaimLineRow.visit_id,
    ClaimLineRow.cpt,
    ClaimLineRow.units,
    ClaimLineRow.modifiers,
    ClaimLineRow.diagnoses,
).join(VisitRow, VisitRow.id == ClaimLineRow.visit_id)
_DAY_LINES = _LINES.where(_DAY_FILTER).order_by(ClaimLineRow.visit_id, ClaimLineRow.line_no)
_HISTORY_LINES = _LINES.where(_HISTORY_FILTER).order_by(ClaimLineRow.visit_id, ClaimLineRow.line_no)


def _lines_by_visit(
    connection: Connection, query: Executable, params: dict[str, Any]
) -> dict[int, list[ClaimLineSummary]]:
    lines: dict[int, list[ClaimLineSummary]] = defaultdict(list)
    # A day repeats the same few lines (17000 x1 for L57.0 ...): build each distinct one once.
    # The records are frozen, so sharing them is safe.
    distinct: dict[tuple[str, int, str, str], ClaimLineSummary] = {}
    for visit_id, cpt, units, modifiers, diagnoses in connection.execute(query, params).all():
        key = (cpt, units, modifiers, diagnoses)
        line = distinct.get(key)
        if line is None:
            line = distinct[key] = ClaimLineSummary(
                cpt, units, tuple(modifiers.split()), tuple(diagnoses.split())
            )
        lines[visit_id].append(line)
    return lines


def _summaries(
    connection: Connection,
    query: Executable,
    lines_query: Executable,
    params: dict[str, Any],
) -> list[VisitSummary]:
    rows = connection.execute(query, params).all()
    lines = _lines_by_visit(connection, lines_query, params) if rows else {}
    return [visit_summary(row, lines.get(row[0], ())) for row in rows]


def list_day(
    connection: Connection,
    on: date,
    *,
    provider_id: int | None = None,
    status: VisitStatus | None = None,
) -> list[VisitSummary]:
    """The visits on one date of service, by provider then in the order they were entered."""
    if provider_id is None:
        summaries = _summaries(connection, _DAY, _DAY_LINES, {"day": on})
    else:
        params = {"day": on, "provider_id": provider_id}
        summaries = _summaries(connection, _DAY_BY_PROVIDER, _DAY_LINES, params)
    if status is not None:
        summaries = [s for s in summaries if s.status is status]
    return summaries


def patient_history(connection: Connection, patient_id: int) -> list[VisitSummary]:
    """All of one patient's visits, newest first."""
    return _summaries(connection, _HISTORY, _HISTORY_LINES, {"patient_id": patient_id})
