"""What the reports read, for a range of dates (and one provider): visits with their state,
claim lines and claim-check findings — three indexed queries, no per-visit round trips.

Whether a visit's claim left in an export batch and whether it waits for pathology are read
here too, so the reports and the billing queue agree on both.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, Select, and_, func, select, text

from dermcharge.reports.records import LineGroup, ReportFinding, ReportLine
from dermcharge.storage.models import (
    ClaimLineRow,
    FindingRow,
    InsuranceRow,
    ProviderRow,
    VisitRow,
)

# Rows are read in batches so a year of a busy clinic never sits in memory twice.
_BATCH = 20_000


@dataclass(frozen=True)
class VisitFacts:
    """One visit as stored; the services price its lines and make a ReportVisit of it."""

    visit_id: int
    date_of_service: date
    provider_id: int
    provider_name: str
    payer_kind: str
    payer_name: str
    status: str
    held_for_pathology: bool
    exported: bool


def _in_range(query: Select[Any], start: date, end: date, provider_id: int | None) -> Select[Any]:
    query = query.where(VisitRow.date_of_service >= start, VisitRow.date_of_service <= end)
    if provider_id is not None:
        query = query.where(VisitRow.provider_id == provider_id)
    return query


def report_visits(
    connection: Connection, start: date, end: date, provider_id: int | None = None
) -> list[VisitFacts]:
    primary = (
        select(InsuranceRow.patient_id, func.min(InsuranceRow.payer_name).label("payer_name"))
        .where(InsuranceRow.priority == "primary")
        .group_by(InsuranceRow.patient_id)
        .subquery()
    )
    query = _in_range(
        select(
            VisitRow.id,
            VisitRow.date_of_service,
            VisitRow.provider_id,
            ProviderRow.name,
            VisitRow.payer,
            primary.c.payer_name,
            VisitRow.status,
            VisitRow.visit_json,
        )
        .join(ProviderRow, ProviderRow.id == VisitRow.provider_id)
        .outerjoin(primary, primary.c.patient_id == VisitRow.patient_id)
        .order_by(VisitRow.date_of_service, VisitRow.id),
        start,
        end,
        provider_id,
    )
    exported = exported_visit_ids(connection, start, end, provider_id)
    facts = []
    for visit_id, day, provider, name, payer, payer_name, status, visit_json in connection.execute(
        query
    ):
        facts.append(
            VisitFacts(
                visit_id=visit_id,
                date_of_service=day,
                provider_id=provider,
                provider_name=name,
                payer_kind=payer,
                payer_name=payer_name or ("Self-pay" if payer == "self_pay" else payer.title()),
                status=status,
                held_for_pathology=pathology_pending(visit_json),
                # "billed": marked sent by hand (the workflow before claims export) — sent too.
                exported=visit_id in exported or status == "billed",
            )
        )
    return facts


def pathology_pending(visit_json: dict[str, Any] | None) -> bool:
    """A procedure of the visit still marked pathology pending."""
    procedures = (visit_json or {}).get("procedures") or []
    return any(isinstance(p, dict) and p.get("path_pending") is True for p in procedures)


def exported_visit_ids(
    connection: Connection, start: date, end: date, provider_id: int | None
) -> set[int]:
    """The visits of the range whose claim left in an export batch (none before claims export
    existed in this database)."""
    from dermcharge.storage import claim_models  # the claims export's tables

    exports = claim_models.ClaimExportRow
    query = _in_range(
        select(exports.visit_id).join(VisitRow, VisitRow.id == exports.visit_id).distinct(),
        start,
        end,
        provider_id,
    )
    return {visit_id for (visit_id,) in connection.execute(query)}


def report_lines(
    connection: Connection, start: date, end: date, provider_id: int | None = None
) -> Iterator[ReportLine]:
    """The claim lines of the range, by visit and claim order."""
    query = _in_range(
        select(
            ClaimLineRow.visit_id,
            VisitRow.date_of_service,
            VisitRow.provider_id,
            ClaimLineRow.cpt,
            ClaimLineRow.modifiers,
            ClaimLineRow.units,
            ClaimLineRow.diagnoses,
        )
        .join(VisitRow, VisitRow.id == ClaimLineRow.visit_id)
        .order_by(ClaimLineRow.visit_id, ClaimLineRow.line_no),
        start,
        end,
        provider_id,
    )
    result = connection.execution_options(yield_per=_BATCH).execute(query)
    for visit_id, day, provider, cpt, modifiers, units, diagnoses in result:
        yield ReportLine(
            visit_id, day, provider, cpt, tuple(modifiers.split()), units, tuple(diagnoses.split())
        )


def report_findings(
    connection: Connection, start: date, end: date, provider_id: int | None = None
) -> list[ReportFinding]:
    query = _in_range(
        select(
            FindingRow.visit_id,
            VisitRow.provider_id,
            FindingRow.check_name,
            FindingRow.severity,
            FindingRow.decision,
        )
        .join(VisitRow, and_(VisitRow.id == FindingRow.visit_id))
        .order_by(FindingRow.visit_id, FindingRow.position),
        start,
        end,
        provider_id,
    )
    return [ReportFinding(*row) for row in connection.execute(query)]


def provider_names(connection: Connection) -> dict[int, str]:
    return dict(connection.execute(select(ProviderRow.id, ProviderRow.name)).all())


def linked_provider(connection: Connection, username: str) -> int | None:
    """The provider a sign-in account signs for (users.provider_id), if any."""
    from dermcharge.storage.user_models import UserRow

    return connection.execute(
        select(UserRow.provider_id).where(UserRow.username == username.strip().casefold())
    ).scalar()


def provider_id_of(connection: Connection, given: str) -> int | None:
    """A provider named on the command line by NPI (10 digits) or by its id in the database."""
    text = given.strip()
    if len(text) == 10 and text.isdigit():
        return connection.execute(select(ProviderRow.id).where(ProviderRow.npi == text)).scalar()
    if text.isdigit():
        return connection.execute(
            select(ProviderRow.id).where(ProviderRow.id == int(text))
        ).scalar()
    return None


# The multiple-procedure reduction, ranked where the claim's lines are: per visit, among the
# lines whose code has indicator 2, the highest total RVU counts one unit in full and every other
# unit half (Medicare Claims Processing Manual, Chapter 12, §40.6.2). The RVUs in force for each
# quarter of the range come in a temporary table (`report_rvu`), filled by the caller.
_PRODUCTIVITY_SQL = """
WITH l AS (
  SELECT v.provider_id AS p, v.date_of_service AS d, c.visit_id AS vid, c.cpt AS cpt,
         CASE WHEN c.modifiers = '' THEN ''
              WHEN (' ' || c.modifiers || ' ') LIKE '% 26 %' THEN '26'
              WHEN (' ' || c.modifiers || ' ') LIKE '% TC %' THEN 'TC' ELSE '' END AS comp,
         c.units AS u
  FROM claim_lines c JOIN visits v ON v.id = c.visit_id
  WHERE v.date_of_service >= :start AND v.date_of_service <= :end {provider}
), valued AS (
  SELECT l.p, l.d, l.vid, l.cpt, l.comp, l.u, r.total AS t, COALESCE(r.mult, '') AS m
  FROM l LEFT JOIN report_rvu r
    ON r.code = l.cpt AND r.component = l.comp {quarters}
), ranked AS (
  SELECT valued.*, ROW_NUMBER() OVER (PARTITION BY vid, m ORDER BY t DESC) AS rn FROM valued
)
SELECT p, d, cpt, comp,
       SUM(CASE WHEN m <> '2' THEN u WHEN rn = 1 THEN 1 + (u - 1) * 0.5 ELSE u * 0.5 END),
       SUM(u), COUNT(*)
FROM ranked GROUP BY p, d, cpt, comp
"""

RvuRow = tuple[str, str, date, date, float | None, str]  # code, component, from, to, total, mult


def productivity_groups(
    connection: Connection,
    start: date,
    end: date,
    provider_id: int | None,
    rvus: list[RvuRow],
) -> list[LineGroup]:
    """The range's claim lines summed per provider, day, code and component, with the units
    the multiple-procedure reduction leaves (`rvus`: the values in force, per quarter)."""
    sqlite = connection.dialect.name == "sqlite"

    def day(value: date) -> object:
        return value.isoformat() if sqlite else value

    connection.execute(text("DROP TABLE IF EXISTS report_rvu"))
    connection.execute(
        text(
            "CREATE TEMPORARY TABLE report_rvu (code VARCHAR(5), component VARCHAR(2), "
            "q_start DATE, q_end DATE, total FLOAT, mult VARCHAR(2))"
        )
    )
    connection.execute(text("CREATE INDEX report_rvu_code ON report_rvu (code, component)"))
    if rvus:
        connection.execute(
            text("INSERT INTO report_rvu VALUES (:code, :component, :q_start, :q_end, :total, :mult)"),
            [
                {"code": code, "component": component, "q_start": day(first),
                 "q_end": day(last), "total": total, "mult": mult}
                for code, component, first, last, total, mult in rvus
            ],
        )  # fmt: skip
    params: dict[str, object] = {"start": day(start), "end": day(end)}
    provider = ""
    if provider_id is not None:
        provider, params["provider"] = "AND v.provider_id = :provider", provider_id
    # One quarter (a month's report): no date condition on the join, which then uses the index.
    several = len({(first, last) for _c, _m, first, last, _t, _x in rvus}) > 1
    quarters = "AND l.d >= r.q_start AND l.d <= r.q_end" if several else ""
    sql = _PRODUCTIVITY_SQL.format(provider=provider, quarters=quarters)
    rows = connection.execute(text(sql), params).all()
    connection.execute(text("DROP TABLE report_rvu"))
    return [
        LineGroup(
            provider_id=p,
            date_of_service=d if isinstance(d, date) else date.fromisoformat(str(d)),
            cpt=cpt,
            component=comp,
            paid_units=Decimal(str(paid)),
            units=int(units),
            lines=int(count),
        )
        for p, d, cpt, comp, paid, units, count in rows
    ]
