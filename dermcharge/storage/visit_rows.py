"""A visit's child rows: procedures, claim lines, diagnoses and findings, written from the records.

The visit JSON and claim JSON on the visit row hold the records whole; these rows repeat the parts
that lists, reports and benchmarks query, and the decisions people make about findings.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from dermcharge.domain.claim import CodedClaim
from dermcharge.domain.stored import FindingDecision
from dermcharge.domain.visit import Procedure, Visit
from dermcharge.storage.models import ClaimLineRow, DiagnosisRow, FindingRow, ProcedureRow

CHILD_ROWS = (ProcedureRow, ClaimLineRow, DiagnosisRow)


def _procedure_row(visit_id: int, position: int, procedure: Procedure) -> ProcedureRow:
    diagnosis = procedure.diagnosis
    return ProcedureRow(
        visit_id=visit_id,
        position=position,
        kind=str(procedure.kind),
        site=procedure.site,
        laterality=None if procedure.laterality is None else str(procedure.laterality),
        digit=procedure.digit,
        count=procedure.count,
        lesion_cm=procedure.lesion_cm,
        margin_cm=procedure.margin_cm,
        excised_cm=procedure.excised_cm,
        length_cm=procedure.length_cm,
        defect_sq_cm=procedure.defect_sq_cm,
        area_sq_cm=procedure.area_sq_cm,
        finding=None if diagnosis is None else diagnosis.finding,
        icd10=None if diagnosis is None else diagnosis.icd10,
    )


def write_child_rows(
    session: Session, visit_id: int, visit: Visit, claim: CodedClaim | None, *, at: datetime
) -> None:
    """Replace the visit's procedure, claim, diagnosis and finding rows with the given ones.

    Decisions about findings carry over to the recoded claim when the same check reports the
    same message again, so recoding never loses who acknowledged what.
    """
    previous = {(f.check, f.message): f for f in finding_decisions(session, visit_id)}
    for table in (*CHILD_ROWS, FindingRow):
        session.execute(delete(table).where(table.visit_id == visit_id))
    session.add_all(_procedure_row(visit_id, i, p) for i, p in enumerate(visit.procedures))
    if claim is None:
        return
    session.add_all(
        ClaimLineRow(
            visit_id=visit_id,
            line_no=number,
            cpt=line.cpt,
            units=line.units,
            modifiers=" ".join(line.modifiers),
            diagnoses=" ".join(line.diagnoses),
            description=line.description[:200],
        )
        for number, line in enumerate(claim.lines, start=1)
    )
    session.add_all(
        DiagnosisRow(visit_id=visit_id, pointer=pointer, icd10=code)
        for pointer, code in enumerate(claim.diagnoses, start=1)
    )
    for position, finding in enumerate(claim.findings):
        kept = previous.get((finding.check, finding.message))
        session.add(
            FindingRow(
                visit_id=visit_id,
                position=position,
                severity=str(finding.severity),
                check_name=finding.check,
                message=finding.message,
                decision=None if kept is None else kept.decision,
                decided_by=None if kept is None else kept.decided_by,
                decided_at=None if kept is None else kept.decided_at,
                reason=None if kept is None else kept.reason,
            )
        )


def finding_decisions(session: Session, visit_id: int) -> tuple[FindingDecision, ...]:
    rows = session.scalars(
        select(FindingRow).where(FindingRow.visit_id == visit_id).order_by(FindingRow.position)
    )
    return tuple(
        FindingDecision(
            id=row.id,
            position=row.position,
            severity=row.severity,
            check=row.check_name,
            message=row.message,
            decision=row.decision,
            decided_by=row.decided_by,
            decided_at=row.decided_at,
            reason=row.reason,
        )
        for row in rows
    )


def claim_summary(claim: CodedClaim | None) -> list[str]:
    """Claim lines as short strings for the audit log: "17003 x4 [59] (L57.0)"."""
    if claim is None:
        return []
    return [
        f"{line.cpt} x{line.units}"
        + (f" [{' '.join(line.modifiers)}]" if line.modifiers else "")
        + (f" ({' '.join(line.diagnoses)})" if line.diagnoses else "")
        for line in claim.lines
    ]
