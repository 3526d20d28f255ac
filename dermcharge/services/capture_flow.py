"""The capture flow — site → procedure kind → measurements → finding → review — as a plain object.

The GUI drives it and redraws from it; tests drive it without widgets. It holds the draft Visit,
says what is missing on the procedure being entered (instead of refusing it), pre-fills the usual
finding, and recodes the whole visit through the engine after every change.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from decimal import Decimal
from enum import StrEnum

from dermcharge.anatomy.sites import site_table
from dermcharge.coding.procedure_kinds import EM_CODES_BY_STATUS
from dermcharge.domain.claim import CodedClaim
from dermcharge.domain.visit import (
    BIOPSY_KINDS,
    Abn,
    Diagnosis,
    EmService,
    Kind,
    Laterality,
    PatientStatus,
    PriorProcedure,
    Procedure,
    Repair,
    RepairType,
    Visit,
)
from dermcharge.services.draft_claim import code_draft, incomplete_procedures
from dermcharge.services.procedure_needs import Need, needs, procedure_problems

Coder = Callable[[Visit], CodedClaim]
Number = Decimal | float | str


class Step(StrEnum):
    SITE = "site"
    KIND = "kind"
    DETAILS = "details"
    FINDING = "finding"
    REVIEW = "review"


class LengthUnit(StrEnum):
    MM = "mm"
    CM = "cm"


# The finding a kind is usually done for, so the common case costs no extra action. A biopsy is
# sent for pathology: until the result, D49.2 (coding-rules.md §14d, R-ICD-PEND).
USUAL_FINDING: dict[Kind, str] = {
    Kind.DESTRUCTION_PREMALIGNANT: "actinic_keratosis",
    Kind.SKIN_TAG_REMOVAL: "skin_tag",
    Kind.ACNE_SURGERY: "acne",
    Kind.INCISION_DRAINAGE: "abscess",
    **{kind: "neoplasm_unspecified_behavior" for kind in BIOPSY_KINDS},
}


@dataclass(frozen=True)
class SiteChoice:
    site: str
    laterality: Laterality | None = None
    digit: int | None = None


@dataclass(frozen=True)
class FlowSnapshot:
    visit: Visit
    current: int | None
    site: SiteChoice | None
    em_diagnoses: tuple[Diagnosis, ...]


def default_coder() -> Coder:
    """The coding engine (part of the core: a fault importing it is raised, never hidden)."""
    from dermcharge.coding.engine import code_visit

    return code_visit


def to_cm(value: Number, unit: LengthUnit | str) -> Decimal:
    amount = Decimal(str(value))
    return amount / 10 if LengthUnit(unit) is LengthUnit.MM else amount


class CaptureFlow:
    """One visit being captured. Every mutator recodes and then tells the listeners."""

    def __init__(self, visit: Visit, coder: Coder | None = None) -> None:
        self._visit = visit
        self._coder = coder
        self.site: SiteChoice | None = None
        self.current: int | None = None
        self.claim: CodedClaim | None = None
        self.coding_error = ""
        self.actions: list[str] = []  # one entry per user action (a click or a typed value)
        self._listeners: list[Callable[[CaptureFlow], None]] = []
        self._em_diagnoses: tuple[Diagnosis, ...] = visit.em.diagnoses if visit.em else ()
        # The patient's earlier procedures the coder sees (global periods); not part of the visit.
        self._history: tuple[PriorProcedure, ...] = ()
        self._recode()

    # --- reading ---------------------------------------------------------------------------------
    @property
    def visit(self) -> Visit:
        return self._visit

    @property
    def coder_available(self) -> bool:
        return self._coder is not None

    @property
    def step(self) -> Step:
        proc = self.current_procedure
        if proc is None:
            return Step.KIND if self.site is not None else Step.SITE
        problems = procedure_problems(proc)
        if any(not p.startswith("finding:") for p in problems):
            return Step.DETAILS
        return Step.FINDING if problems else Step.REVIEW

    @property
    def current_procedure(self) -> Procedure | None:
        if self.current is None:
            return None
        return self._visit.procedures[self.current]

    def current_needs(self) -> frozenset[Need]:
        proc = self.current_procedure
        return needs(proc.kind) if proc else frozenset()

    def problems(self, index: int | None = None) -> list[str]:
        """What the procedure (default: the one being entered) still lacks, one line each."""
        index = self.current if index is None else index
        if index is None:
            return []
        return procedure_problems(self._visit.procedures[index])

    def all_problems(self) -> dict[int, list[str]]:
        return incomplete_procedures(self._visit)

    def em_codes(self) -> tuple[str, ...]:
        return EM_CODES_BY_STATUS[self._visit.patient_status]

    def subscribe(self, listener: Callable[[CaptureFlow], None]) -> None:
        self._listeners.append(listener)

    def set_history(self, history: tuple[PriorProcedure, ...]) -> None:
        """Code against the patient's earlier procedures (Visit.history): not an edit."""
        self._history = tuple(history)
        self._changed()

    def link_lesion(self, index: int, lesion_id: int) -> None:
        """Say which stored lesion procedure `index` treats; done by the app, not a user action."""
        procs = list(self._visit.procedures)
        procs[index] = replace(procs[index], lesion_id=lesion_id)
        self._visit = replace(self._visit, procedures=tuple(procs))
        self._changed()

    # --- site and kind ---------------------------------------------------------------------------
    def select_site(
        self, site: str, laterality: Laterality | None = None, digit: int | None = None
    ) -> None:
        """Pick where the next procedure is: a click on the map or a pick from the site list."""
        if site not in site_table():
            raise ValueError(f"unknown site {site!r}")
        self._record(f"site {site} {laterality or ''}".strip())
        self.site = SiteChoice(site, laterality, digit)
        proc = self.current_procedure
        if proc is not None and proc.site is None:
            # A procedure recorded before its site was picked: the site picked now is its own.
            self._update_at(self.current, "site", site=site, laterality=laterality, digit=digit)
            return
        self.current = None
        self._changed(recode=False)

    def choose_kind(self, kind: Kind) -> int:
        """Record a procedure of this kind at the selected site; it becomes the one entered."""
        self._record(f"kind {kind.value}")
        site = self.site
        finding = USUAL_FINDING.get(kind)
        # A procedure's finding is coded at the procedure's own site (as parse_visit builds it).
        diagnosis = Diagnosis(finding=finding) if finding else None
        procedure = Procedure(
            kind=kind,
            site=site.site if site else None,
            laterality=site.laterality if site else None,
            digit=site.digit if site else None,
            count=1 if Need.COUNT in needs(kind) else None,
            diagnosis=diagnosis,
            path_pending=kind in BIOPSY_KINDS,
        )
        self._visit = replace(self._visit, procedures=(*self._visit.procedures, procedure))
        self.current = len(self._visit.procedures) - 1
        self._changed()
        return self.current

    def select_procedure(self, index: int | None) -> None:
        """Edit an already recorded procedure (a click on its marker, list row or finding)."""
        if index is not None and not 0 <= index < len(self._visit.procedures):
            raise IndexError(index)
        self.current = index
        proc = self.current_procedure
        if proc is not None and proc.site is not None:
            self.site = SiteChoice(proc.site, proc.laterality, proc.digit)
        self._changed(recode=False)

    def remove_procedure(self, index: int) -> None:
        self._record(f"remove {index}")
        procs = list(self._visit.procedures)
        del procs[index]
        self._visit = replace(self._visit, procedures=tuple(procs))
        if self.current is not None:
            self.current = None if self.current == index else self.current - (self.current > index)
        self._changed()

    # --- details of the procedure being entered --------------------------------------------------
    def set_count(self, count: int | None) -> None:
        self._update("count", count=count)

    def set_lesion(self, value: Number | None, unit: LengthUnit | str = "mm") -> None:
        self._update("lesion", lesion_cm=None if value is None else to_cm(value, unit))

    def set_margin(self, value: Number | None, unit: LengthUnit | str = "mm") -> None:
        self._update("margin", margin_cm=None if value is None else to_cm(value, unit))

    def set_length(self, value: Number | None, unit: LengthUnit | str = "cm") -> None:
        self._update("length", length_cm=None if value is None else to_cm(value, unit))

    def set_repair(
        self, repair_type: RepairType | None, length: Number | None = None,
        unit: LengthUnit | str = "cm",
    ) -> None:  # fmt: skip
        """The repair of an excision's own wound (None: no repair, or included)."""
        repair = None
        if repair_type is not None:
            length_cm = to_cm(length, unit) if length is not None else Decimal(0)
            repair = Repair(type=RepairType(repair_type), length_cm=length_cm)
        self._update("repair", repair=repair)

    def set_stages(self, stages: Iterable[int]) -> None:
        self._update("stages", stages=tuple(int(blocks) for blocks in stages))

    def set_field(self, **changes: object) -> None:
        """Any other procedure field (defect_sq_cm, area_sq_cm, modality, drug, complicated …)."""
        self._update("field " + ",".join(sorted(changes)), **changes)

    def set_finding(self, finding: str) -> None:
        self._set_diagnosis("finding", finding=finding, icd10=None)

    def set_icd10(self, code: str) -> None:
        self._set_diagnosis("icd10", finding=None, icd10=code.strip().upper())

    def set_path_pending(self, pending: bool) -> None:
        self._update("path_pending", path_pending=pending)

    def set_separate_lesion(self, index: int, separate: bool = True) -> None:
        """The fix for a same-site bundling finding: a distinct lesion takes the 59/XS modifier."""
        self._update_at(index, "separate_lesion", separate_lesion=separate)

    def set_symptomatic(self, index: int, symptomatic: bool = True) -> None:
        self._update_at(index, "symptomatic", symptomatic=symptomatic)

    def set_abn(self, index: int, abn: Abn = Abn.SIGNED) -> None:
        self._update_at(index, "abn", abn=abn)

    def finish_procedure(self) -> None:
        """Done with this one: the next kind chosen records a new procedure at the same site."""
        self.current = None
        self._changed(recode=False)

    # --- E/M -------------------------------------------------------------------------------------
    def set_em(self, code: str | None) -> None:
        """Pick the office E/M level (None: no E/M billed today)."""
        self._record(f"em {code}")
        if code is None:
            em = None
        else:
            if code not in self.em_codes():
                status = self._visit.patient_status
                raise ValueError(f"{code} is not an office E/M for a {status} patient")
            old = self._visit.em
            em = replace(old, code=code) if old else EmService(code, diagnoses=self._em_diagnoses)
        self._visit = replace(self._visit, em=em)
        self._changed()

    def set_em_separately_identifiable(self, separate: bool) -> None:
        self._record("em separately identifiable")
        if self._visit.em is not None:
            em = replace(self._visit.em, separately_identifiable=separate)
            self._visit = replace(self._visit, em=em)
            self._changed()

    def set_em_diagnoses(self, diagnoses: Iterable[Diagnosis]) -> None:
        """The problems the E/M addressed; kept for the E/M chosen later when none is chosen yet."""
        self._record("em diagnoses")
        self._em_diagnoses = tuple(diagnoses)
        if self._visit.em is not None:
            em = replace(self._visit.em, diagnoses=self._em_diagnoses)
            self._visit = replace(self._visit, em=em)
        self._changed()

    def em_diagnoses_waiting(self) -> tuple[Diagnosis, ...]:
        """The E/M diagnoses typed before an E/M level was chosen."""
        return self._em_diagnoses

    def set_patient_status(self, status: PatientStatus) -> None:
        self._record("patient status")
        self._visit = replace(self._visit, patient_status=status, em=None)
        self._changed()

    # --- the claim's diagnosis list (A-L) ------------------------------------------------------
    def move_diagnosis(self, code: str, steps: int) -> None:
        """Move one of the claim's diagnoses up (steps < 0) or down its A-L list.

        The provider decides which condition is listed first (ICD-10-CM guidelines IV.G); the
        order is kept on the visit, and codes added later follow it in order of first use."""
        codes = list(self.claim.diagnoses) if self.claim is not None else []
        if code not in codes:
            raise LookupError(f"{code} is not on this visit's claim")
        position = codes.index(code)
        target = max(0, min(len(codes) - 1, position + steps))
        self._record(f"diagnosis order {code}")
        if target == position:
            return
        codes.insert(target, codes.pop(position))
        self._visit = replace(self._visit, diagnosis_order=tuple(codes))
        self._changed()

    def reset_diagnosis_order(self) -> None:
        """Back to the order of first use."""
        self._record("diagnosis order reset")
        if self._visit.diagnosis_order:
            self._visit = replace(self._visit, diagnosis_order=())
            self._changed()

    # --- undo ------------------------------------------------------------------------------------
    def snapshot(self) -> FlowSnapshot:
        """Everything an undo puts back: the visit, the procedure being entered, the site."""
        return FlowSnapshot(self._visit, self.current, self.site, self._em_diagnoses)

    def restore(self, snapshot: FlowSnapshot) -> None:
        """Go back (or forward) to a snapshot; recoded and redrawn like any change."""
        self._record("undo/redo")
        self._visit = snapshot.visit
        self.current = snapshot.current
        self.site = snapshot.site
        self._em_diagnoses = snapshot.em_diagnoses
        self._changed()

    # --- internals -------------------------------------------------------------------------------
    def _record(self, action: str) -> None:
        # A value typed key by key reaches us once per keystroke: it is still one action.
        if not self.actions or self.actions[-1] != action:
            self.actions.append(action)

    def _update(self, action: str, **changes: object) -> None:
        if self.current is None:
            raise LookupError("no procedure is being entered: choose a kind first")
        self._update_at(self.current, action, **changes)

    def _update_at(self, index: int, action: str, **changes: object) -> None:
        self._record(f"{action} #{index}")
        procs = list(self._visit.procedures)
        procs[index] = replace(procs[index], **changes)  # type: ignore[arg-type]
        self._visit = replace(self._visit, procedures=tuple(procs))
        self._changed()

    def _set_diagnosis(self, action: str, **changes: str | None) -> None:
        proc = self.current_procedure
        if proc is None:
            raise LookupError("no procedure is being entered: choose a kind first")
        base = proc.diagnosis or Diagnosis()
        diagnosis = replace(base, **changes)
        if proc.path_pending and _is_definitive(diagnosis):
            # A definitive diagnosis is the pathology result: nothing is pending any more.
            self._update(action, diagnosis=diagnosis, path_pending=False)
            return
        self._update(action, diagnosis=diagnosis)

    def _changed(self, recode: bool = True) -> None:
        if recode:
            self._recode()
        for listener in list(self._listeners):
            listener(self)

    def _recode(self) -> None:
        """Code the complete procedures; the incomplete ones become error findings on themselves."""
        if self._coder is None:
            self.claim, self.coding_error = None, "The coding engine is not installed."
            return
        self.claim, self.coding_error = code_draft(
            replace(self._visit, history=self._history), self._coder
        )


def _is_definitive(diagnosis: Diagnosis) -> bool:
    """Not the while-pending placeholder (D49.2, "neoplasm of unspecified behavior")."""
    if diagnosis.finding:
        return diagnosis.finding != USUAL_FINDING[Kind.BIOPSY_TANGENTIAL]
    return bool(diagnosis.icd10) and not (diagnosis.icd10 or "").startswith("D49")
