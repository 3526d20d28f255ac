"""Report use cases for the CLI, the GUI and tests: read a range of visits once, price them with
the practice's fee schedules, value them with the PFS RVU file in force, and hand the pure
reports (dermcharge.reports) plain records.

Who sees what: billers and admins see every provider; a provider signed in sees their own
visits only (the provider their account signs for).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from dermcharge.codesets.cms.active import active_tables
from dermcharge.codesets.cms.quarter import Quarter
from dermcharge.codesets.cms.tables import RvuTable
from dermcharge.codesets.cpt import cpt_table
from dermcharge.fees.schedule import FeeSchedule, schedule_for
from dermcharge.reports.payer_mix import PayerMixRow, payer_mix
from dermcharge.reports.productivity import ProductivityRow, RvuValues, productivity
from dermcharge.reports.reconciliation import ReconciliationRow, reconcile
from dermcharge.reports.records import ReportLine, ReportVisit
from dermcharge.reports.report_tables import (
    ReportTable,
    day_table,
    payers_table,
    productivity_table,
    risk_table,
)
from dermcharge.reports.risk import MissedCharge, RiskRow, likely_missed_charges, risk_by_check
from dermcharge.security.accounts import User
from dermcharge.security.roles import Role
from dermcharge.services.fee_schedules import stored_fee_schedules
from dermcharge.storage import report_queries
from dermcharge.storage.database import Database
from dermcharge.superbill.report_pdf import report_pdf

REPORTS = ("day", "productivity", "risk", "payers")
MAX_RANGE_DAYS = 3 * 366


class ReportRefused(Exception):
    """The report cannot be made as asked; the message says why in words."""


@dataclass(frozen=True)
class ReportScope:
    start: date
    end: date
    provider_id: int | None  # None: every provider


def scope_for(
    db: Database, user: User, start: date, end: date, provider_id: int | None = None
) -> ReportScope:
    """The range and provider a user may see: billers and admins any, a provider their own."""
    if end < start:
        raise ReportRefused(f"--to {end.isoformat()} is before --from {start.isoformat()}")
    if (end - start).days > MAX_RANGE_DAYS:
        raise ReportRefused("a report covers at most three years; choose a shorter range")
    if user.roles & {Role.BILLER, Role.ADMIN}:
        return ReportScope(start, end, provider_id)
    if Role.PROVIDER in user.roles:
        own = report_queries_linked_provider(db, user.username)
        if own is None:
            raise ReportRefused(
                f"{user.username} is a provider account linked to no provider; an admin links it"
            )
        if provider_id not in (None, own):
            raise ReportRefused("a provider sees their own visits only")
        return ReportScope(start, end, own)
    raise ReportRefused(f"Only a biller, an admin or a provider may run reports ({user.username})")


def report_queries_linked_provider(db: Database, username: str) -> int | None:
    with db.read_connection() as connection:
        return report_queries.linked_provider(connection, username)


def visits_in(db: Database, scope: ReportScope) -> list[ReportVisit]:
    """The visits of the scope, each priced by the fee schedule in force for its payer and date."""
    schedules = stored_fee_schedules(db)
    with db.read_connection() as connection:
        facts = report_queries.report_visits(connection, scope.start, scope.end, scope.provider_id)
        lines = list(
            report_queries.report_lines(connection, scope.start, scope.end, scope.provider_id)
        )
    by_visit: dict[int, list[ReportLine]] = {}
    for line in lines:
        by_visit.setdefault(line.visit_id, []).append(line)
    return [
        ReportVisit(
            visit_id=fact.visit_id,
            date_of_service=fact.date_of_service,
            provider_id=fact.provider_id,
            provider_name=fact.provider_name,
            payer_kind=fact.payer_kind,
            payer_name=fact.payer_name,
            status=fact.status,
            line_count=len(by_visit.get(fact.visit_id, [])),
            charge=_charged(
                schedule_for(schedules, fact.payer_kind, fact.date_of_service, fact.payer_name),
                fact.date_of_service,
                by_visit.get(fact.visit_id, []),
            ),
            exported=fact.exported,
            held_for_pathology=fact.held_for_pathology,
        )
        for fact in facts
    ]


def _charged(schedule: FeeSchedule | None, on: date, lines: Iterable[ReportLine]) -> Decimal:
    """What the visit's lines charge under the schedule that prices it (as on the claim)."""
    if schedule is None:
        return Decimal(0)
    total = Decimal(0)
    for line in lines:
        fee = schedule.fee_for(line.cpt, line.modifiers, on=on)
        total += (fee or Decimal(0)) * line.units
    return total


def day_report(db: Database, scope: ReportScope, *, by_day: bool = True) -> list[ReconciliationRow]:
    return reconcile(visits_in(db, scope), by_day=by_day)


def payers_report(db: Database, scope: ReportScope) -> list[PayerMixRow]:
    return payer_mix(visits_in(db, scope))


def risk_report(db: Database, scope: ReportScope) -> tuple[list[RiskRow], list[MissedCharge]]:
    visits = visits_in(db, scope)
    with db.read_connection() as connection:
        findings = report_queries.report_findings(
            connection, scope.start, scope.end, scope.provider_id
        )
        lines = list(
            report_queries.report_lines(connection, scope.start, scope.end, scope.provider_id)
        )
    return risk_by_check(findings, visits), likely_missed_charges(visits, lines, findings)


@dataclass(frozen=True)
class ProductivityReport:
    rows: list[ProductivityRow]
    rvu_sources: tuple[str, ...]  # which PFS RVU tables valued the lines
    rvus_loaded: bool  # False: only the curated table (global days, no RVUs) was in force


def productivity_report(
    db: Database, scope: ReportScope, *, period: str = "month", group: str = "provider"
) -> ProductivityReport:
    tables = {quarter: active_tables(quarter.start).rvu for quarter in _quarters(scope)}
    lookup = rvu_lookup(tables)
    with db.read_connection() as connection:
        names = report_queries.provider_names(connection)
        # The codes dermcharge bills (its CPT/HCPCS table): the ones a claim line can hold.
        codes = [code.code for code in cpt_table().codes()]
        rvus = _rvu_rows(codes, scope, lookup)
        groups = report_queries.productivity_groups(
            connection, scope.start, scope.end, scope.provider_id, rvus
        )
    rows = productivity(
        groups,
        lookup,
        period=period,
        group=group,
        provider_names=names,
        family_of=code_family,
    )
    sources = tuple(dict.fromkeys(table.origin.label for table in tables.values()))
    loaded = any(table.origin.imported for table in tables.values())
    return ProductivityReport(rows, sources, loaded)


def _quarters(scope: ReportScope) -> list[Quarter]:
    quarters, quarter = [], Quarter.of(scope.start)
    while quarter.start <= scope.end:
        quarters.append(quarter)
        quarter = Quarter.of(date.fromordinal(quarter.start.toordinal() + 95).replace(day=1))
    return quarters


def _rvu_rows(
    codes: list[str], scope: ReportScope, lookup: Callable[[str, str, date], RvuValues | None]
) -> list[report_queries.RvuRow]:
    """The values in force for the billed codes (and their 26/TC rows), quarter by quarter."""
    rows: list[report_queries.RvuRow] = []
    for quarter in _quarters(scope):
        last = date.fromordinal(
            Quarter.of(
                date.fromordinal(quarter.start.toordinal() + 95).replace(day=1)
            ).start.toordinal()
            - 1
        )
        for code in codes:
            for component in ("", "26", "TC"):
                values = lookup(code, component, quarter.start)
                if values is not None:
                    rows.append(
                        (code, component, quarter.start, last, values.total, values.mult_proc)
                    )
    return rows


def rvu_lookup(
    tables: dict[Quarter, RvuTable] | None = None,
) -> Callable[[str, str, date], RvuValues | None]:
    """The PFS values of a code (or its 26/TC row) in force on a date, remembered per quarter
    for one report (a new report reads the tables again: one may have been imported since)."""
    remembered: dict[tuple[str, str, Quarter], RvuValues | None] = {}
    tables = dict(tables or {})

    def values(code: str, modifier: str, on: date) -> RvuValues | None:
        key = (code, modifier, Quarter.of(on))
        if key not in remembered:
            if key[2] not in tables:
                tables[key[2]] = active_tables(key[2].start).rvu
            row = tables[key[2]].get(code, modifier)
            remembered[key] = (
                None
                if row is None
                else RvuValues(
                    row.work_rvu, row.total_rvu_nonfacility, row.mult_proc, row.conversion_factor
                )
            )
        return remembered[key]

    return values


def code_family(code: str) -> str:
    found = cpt_table().get(code)
    return found.family if found is not None else "other"


def report_table(
    db: Database,
    kind: str,
    scope: ReportScope,
    *,
    period: str = "month",
    group: str = "provider",
) -> ReportTable:
    """One of REPORTS as the table the CLI prints and the PDF and the app show."""
    if kind == "day":
        return day_table(day_report(db, scope), scope.start, scope.end)
    if kind == "productivity":
        report = productivity_report(db, scope, period=period, group=group)
        notes = [f"RVUs: {source}" for source in report.rvu_sources]
        if not report.rvus_loaded:
            notes.append(
                "The CMS PFS relative value file is not loaded: the shipped table holds global "
                "days only, so no line is valued (dermcharge tables import PPRRVU….csv)."
            )
        return productivity_table(report.rows, scope.start, scope.end, group, notes)
    if kind == "risk":
        rows, missed = risk_report(db, scope)
        return risk_table(rows, missed, scope.start, scope.end)
    if kind == "payers":
        return payers_table(payers_report(db, scope), scope.start, scope.end)
    raise ReportRefused(f"no report {kind!r}: choose one of {', '.join(REPORTS)}")


def report_pdf_bytes(db: Database, table: ReportTable) -> bytes:
    return report_pdf(table, printed_at=db.clock())


def provider_id_of(db: Database, given: str) -> int | None:
    with db.read_connection() as connection:
        return report_queries.provider_id_of(connection, given)
