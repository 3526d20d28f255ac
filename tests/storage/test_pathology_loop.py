"""The whole loop on SQLite and PostgreSQL: biopsy -> pending -> result C44.612 -> recoded and
sent back for re-signing -> excision with a flap, margins involved -> Mohs inside the flap's
90-day global with 58 -> repair of the Mohs wound with 58 -> post-operative visit 99024."""

from __future__ import annotations

from typing import Any

from dermcharge.services import lesions, pathology, visits
from dermcharge.storage.database import Database
from tests.storage.test_cli_commands import _record_json

ARM = {"site": "upper_arm", "laterality": "right"}


def _import(db: Database, dos: str, procedures: list[dict[str, Any]]) -> int:
    record = _record_json(date_of_service=dos, procedures=procedures, em=None)
    stored = visits.import_visit_record(db, record, actor="ma")
    return lesions.attach_lesions(db, stored.id, actor="ma").id


def _sign(db: Database, visit_id: int) -> None:
    stored = visits.open_visit(db, visit_id)
    stored = visits.mark_ready(db, visit_id, expected_version=stored.version, actor="ma")
    visits.sign(db, visit_id, expected_version=stored.version, actor="drdoe")


def _codes(db: Database, visit_id: int) -> list[tuple[str, list[str], list[str]]]:
    claim = visits.open_visit(db, visit_id).claim
    assert claim is not None
    return [(line.cpt, list(line.modifiers), list(line.diagnoses)) for line in claim.lines]


def test_biopsy_to_follow_up(db: Database) -> None:
    biopsy = _import(db, "2026-08-03", [{"kind": "biopsy_punch", **ARM, "icd10": "D49.2",
                                         "path_pending": True, "lesion_label": "6 mm pearly papule"}])  # fmt: skip
    lesion_id = visits.open_visit(db, biopsy).record.visit.procedures[0].lesion_id
    assert lesion_id is not None
    _sign(db, biopsy)
    queue = pathology.pending_pathology(db)
    assert [(r.visit_id, r.procedure_index, r.lesion) for r in queue] == [
        (biopsy, 0, "6 mm pearly papule")
    ]

    outcome = pathology.enter_result(db, biopsy, 0, icd10="C44.612", actor="ma")
    assert outcome.amended and not outcome.was_billed
    assert str(outcome.visit.status) == "draft"  # back to the provider to re-sign
    assert _codes(db, biopsy) == [("11104", [], ["C44.612"])]
    assert pathology.pending_pathology(db) == []
    _sign(db, biopsy)

    excision = _import(db, "2026-08-14", [
        {"kind": "excision_malignant", **ARM, "lesion_cm": 0.8, "margin_cm": 0.4,
         "icd10": "C44.612", "path_pending": True},
        {"kind": "adjacent_tissue_transfer", **ARM, "defect_sq_cm": 8},
    ])  # fmt: skip
    procedures = visits.open_visit(db, excision).record.visit.procedures
    assert {p.lesion_id for p in procedures} == {lesion_id}  # the lesion continued
    after = pathology.enter_result(db, excision, 0, icd10="C44.612", margins="involved",
                                   actor="ma")  # fmt: skip
    assert "Mohs" in after.next_step
    _sign(db, excision)

    mohs = _import(db, "2026-09-20", [
        {"kind": "mohs", **ARM, "stages": [2, 1], "icd10": "C44.612"},
        {"kind": "repair_intermediate", **ARM, "length_cm": 3.5},
    ])  # fmt: skip
    coded = _codes(db, mohs)
    mohs_line = next(c for c in coded if c[0] == "17313")
    repair_line = next(c for c in coded if c[0].startswith("120"))
    assert mohs_line[1][0] == "58" and repair_line[1][0] == "58"
    claim = visits.open_visit(db, mohs).claim
    assert claim is not None
    assert not [f for f in claim.findings if f.check == "global_periods"]
    assert "14020" in next(line.why for line in claim.lines if line.cpt == "17313")

    follow_up = _import(db, "2026-10-01", [{"kind": "postop_visit", **ARM}])
    assert _codes(db, follow_up) == [("99024", [], ["C44.612"])]

    (timeline,) = lesions.patient_timelines(db, visits.open_visit(db, biopsy).patient_id)
    assert [s.kind for s in timeline.steps] == [
        "biopsy_punch", "excision_malignant", "adjacent_tissue_transfer", "mohs",
        "repair_intermediate", "postop_visit",
    ]  # fmt: skip
    assert "C44.612" in timeline.summary() and "margins involved" in timeline.summary()
    audit = visits.visit_audit(db, biopsy)
    assert any(e.action == "amend" and "C44.612" in str(e.after) for e in audit)
