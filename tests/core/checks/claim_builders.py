"""Small builders for claim-check tests: a visit, a hand-built claim, a context around them."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from functools import cache
from typing import Any

from dermcharge.checks.context import CheckContext, PriorVisit
from dermcharge.checks.edit_tables import CheckTables
from dermcharge.codesets.cms.tables import EditTables
from dermcharge.codesets.icd10.catalog import Icd10Catalog
from dermcharge.domain.claim import ClaimLine, CodedClaim, Finding, Severity
from dermcharge.domain.visit import (
    Diagnosis,
    EmService,
    Kind,
    PatientStatus,
    Payer,
    Procedure,
    Visit,
)

DOS = date(2026, 11, 20)
NO_TABLES = CheckTables()  # a context with no edit tables: table-driven checks stay silent


@cache
def icd() -> Icd10Catalog:
    from dermcharge.codesets.icd10.releases import catalog_for

    return catalog_for(DOS)


def line(
    cpt: str,
    units: int = 1,
    modifiers: Iterable[str] = (),
    dx: Iterable[str] = ("L57.0",),
    procedures: Iterable[int | None] = (),
) -> ClaimLine:
    return ClaimLine(
        cpt=cpt,
        units=units,
        modifiers=tuple(modifiers),
        diagnoses=tuple(dx),
        description="test line",
        why="built by hand in a test",
        procedures=tuple(procedures),
    )


def claim(*lines: ClaimLine, diagnoses: Iterable[str] | None = None) -> CodedClaim:
    listed = (
        tuple(diagnoses)
        if diagnoses is not None
        else tuple(dict.fromkeys(d for ln in lines for d in ln.diagnoses))
    )
    return CodedClaim(lines=tuple(lines), diagnoses=listed)


def proc(kind: Kind | str, **fields: Any) -> Procedure:
    icd10 = fields.pop("icd10", None)
    if icd10 is not None:
        fields["diagnosis"] = Diagnosis(icd10=icd10)
    return Procedure(kind=Kind(kind), **fields)


def visit(
    *procedures: Procedure,
    payer: Payer | str = Payer.COMMERCIAL,
    em: str | None = None,
    em_dx: Iterable[Diagnosis] = (),
    status: PatientStatus | str = PatientStatus.ESTABLISHED,
    on: date = DOS,
) -> Visit:
    return Visit(
        date_of_service=on,
        payer=Payer(payer),
        patient_status=PatientStatus(status),
        em=EmService(code=em, diagnoses=tuple(em_dx)) if em else None,
        procedures=tuple(procedures),
    )


def context(
    the_visit: Visit,
    the_claim: CodedClaim,
    tables: CheckTables | EditTables | None = NO_TABLES,
    history: Iterable[PriorVisit] = (),
    **extra: Any,
) -> CheckContext:
    return CheckContext(the_visit, the_claim, tables, icd(), tuple(history), **extra)


def prior(on: date, *lines: ClaimLine) -> PriorVisit:
    return PriorVisit(on, visit(on=on), claim(*lines))


def fired(findings: Iterable[Finding], check: str, severity: Severity | None = None) -> bool:
    return any(f.check == check and (severity is None or f.severity is severity) for f in findings)
