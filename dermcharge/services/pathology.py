"""The pathology loop's use cases: the pending queue and entering a result.

A result replaces the procedure's diagnosis (and that of a repair of its wound that carried the
same one), takes it off the pending list and recodes the visit — in one transaction, with the old
code kept in `pathology_results` and the audit log. A signed or billed visit is amended first
(the same workflow step as services.visits.amend) so it goes back to the provider to re-sign;
a billed one is then "amended after export", which the claims queue shows as a corrected claim.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from dermcharge.codesets.icd10.catalog import Icd10Catalog, normalize_code
from dermcharge.domain.pathology_records import PendingPathology
from dermcharge.domain.stored import StoredVisit
from dermcharge.domain.visit import REPAIR_KINDS, Diagnosis, Kind, Procedure, Visit
from dermcharge.domain.workflow import LOCKED, VisitAction, VisitStatus
from dermcharge.services.procedure_history import with_history
from dermcharge.services.visits import Coder, engine_coder
from dermcharge.storage import pathology_repository, visit_repository
from dermcharge.storage.database import Database
from dermcharge.storage.errors import InvalidRecord

MARGINS = ("involved", "clear")
MAX_NOTE = 2000
# Kinds that close or cover another procedure's wound and take its diagnosis (contract:
# "A repair ... takes the diagnosis of the procedure whose wound it closes").
WOUND_CLOSURES = frozenset(REPAIR_KINDS) | {Kind.ADJACENT_TISSUE_TRANSFER}
# A malignant result with involved margins: the next step is a re-excision or Mohs (58 within
# the first procedure's global period; coding-rules.md R-EX-8).
MALIGNANT_PREFIXES = ("C43", "C44", "C4A", "D03", "D04")

CatalogFor = Callable[[date], Icd10Catalog]


def _default_catalog(on: date) -> Icd10Catalog:
    from dermcharge.coding.engine import default_catalog

    return default_catalog(on)


@dataclass(frozen=True)
class ResultOutcome:
    visit: StoredVisit
    previous_diagnosis: str  # the code or finding replaced ("" when there was none)
    icd10: str
    updated_procedures: tuple[int, ...]  # the procedure and any repair that carried its code
    amended: bool  # it was signed or billed: now a draft for the provider to re-sign
    was_billed: bool  # it had been exported: a corrected claim is needed
    next_step: str  # a suggestion for the provider, "" when none


def pending_pathology(db: Database) -> list[PendingPathology]:
    with db.read() as session:
        return pathology_repository.pending(session, db.clock().date())


def has_pending_pathology(visit: Visit) -> bool:
    """Re-exported for the claims queue: domain.pathology.has_pending_pathology."""
    from dermcharge.domain.pathology import has_pending_pathology as pending

    return pending(visit)


def _diagnosis_text(dx: Diagnosis | None) -> str:
    if dx is None:
        return ""
    return dx.icd10 or dx.finding or ""


def _apply_result(visit: Visit, index: int, code: str) -> tuple[Visit, tuple[int, ...]]:
    target = visit.procedures[index]
    old = target.diagnosis
    new_dx = Diagnosis(icd10=code)
    procedures = list(visit.procedures)
    procedures[index] = replace(target, diagnosis=new_dx, path_pending=False)
    updated = [index]
    for i, p in enumerate(visit.procedures):
        if i == index or p.kind not in WOUND_CLOSURES or old is None:
            continue
        same_spot = (p.site, p.laterality) == (target.site, target.laterality)
        if same_spot and p.diagnosis == old:  # a repair given the wound's provisional code
            procedures[i] = replace(p, diagnosis=new_dx)
            updated.append(i)
    old_code = old.icd10 if old is not None else None
    order = tuple(dict.fromkeys(code if c == old_code else c for c in visit.diagnosis_order))
    return replace(visit, procedures=tuple(procedures), diagnosis_order=order), tuple(updated)


def result_problems(
    visit: Visit, index: int, icd10: str, margins: str | None, note: str, catalog: Icd10Catalog
) -> list[str]:
    problems = []
    if not 0 <= index < len(visit.procedures):
        problems.append(
            f"procedure_index: {index} is not a procedure of this visit (it has "
            f"{len(visit.procedures)}: 0 to {len(visit.procedures) - 1})"
            if visit.procedures
            else f"procedure_index: {index}: this visit has no procedures"
        )
    code = normalize_code(icd10)
    if not catalog.is_billable(code):
        known = "is a category, not a billable code" if catalog.exists(code) else "is unknown"
        problems.append(
            f"icd10: {icd10!r} {known} in {catalog.release} (in force on "
            f"{visit.date_of_service.isoformat()})"
        )
    if margins is not None and margins not in MARGINS:
        problems.append(f"margins: {margins!r} must be involved or clear")
    if len(note) > MAX_NOTE:
        problems.append(f"note: {len(note)} characters is too long (at most {MAX_NOTE})")
    return problems


def next_step(code: str, margins: str | None) -> str:
    if margins == "involved" and code.startswith(MALIGNANT_PREFIXES):
        return (
            "Malignant with involved margins: consider re-excision or Mohs surgery; done inside "
            "the global period of an excision or flap on this lesion, it takes modifier 58 "
            "(staged or more extensive procedure)."
        )
    return ""


def enter_result(
    db: Database,
    visit_id: int,
    index: int,
    *,
    icd10: str,
    margins: str | None = None,
    note: str = "",
    actor: str,
    coder: Coder = engine_coder,
    catalog_for: CatalogFor = _default_catalog,
) -> ResultOutcome:
    """Record the pathology result for procedure `index` (0-based) of visit `visit_id`; raises
    NotFound for an unknown visit and InvalidRecord (nothing changed) for bad input."""
    with db.read() as session:
        current = visit_repository.load_visit(session, visit_id)
    visit = current.record.visit
    problems = result_problems(
        visit, index, icd10, margins, note, catalog_for(visit.date_of_service)
    )
    if problems:
        raise InvalidRecord(problems)
    code = normalize_code(icd10)
    target: Procedure = visit.procedures[index]
    previous = _diagnosis_text(target.diagnosis)
    changed, updated = _apply_result(visit, index, code)
    claim = coder(with_history(db, changed, current.patient_id, exclude_visit=visit_id))
    status = current.status
    amended = status in LOCKED
    reason = (
        f"Pathology result for procedure {index + 1}: {previous or 'no diagnosis'} -> {code}"
        + (f", margins {margins}" if margins else "")
    )
    with db.write() as session:
        version = current.version
        at = db.clock()
        if amended:
            version = visit_repository.change_status(
                session, visit_id, VisitAction.AMEND, expected_version=version, actor=actor,
                at=at, reason=reason,
            )  # fmt: skip
        visit_repository.update_visit(
            session, visit_id, changed, claim, expected_version=version,
            place_of_service=current.record.place_of_service, actor=actor, at=at,
        )  # fmt: skip
        pathology_repository.add_result(
            session, visit_id=visit_id, position=index, lesion_id=target.lesion_id, icd10=code,
            previous_diagnosis=previous, margins=margins, note=note.strip(), actor=actor, at=at,
        )  # fmt: skip
        stored = visit_repository.load_visit(session, visit_id)
    return ResultOutcome(
        visit=stored,
        previous_diagnosis=previous,
        icd10=code,
        updated_procedures=updated,
        amended=amended,
        was_billed=status is VisitStatus.BILLED,
        next_step=next_step(code, margins),
    )
