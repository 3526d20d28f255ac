"""Visits round-trip through storage exactly, and bad input is refused with nothing written."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import func, select

from dermcharge.domain.record import Provider
from dermcharge.services import visits
from dermcharge.storage.database import Database
from dermcharge.storage.errors import InvalidRecord, NotFound
from dermcharge.storage.models import (
    AuditRow,
    ClaimLineRow,
    DiagnosisRow,
    FindingRow,
    ProcedureRow,
    VisitRow,
)
from dermcharge.storage.schema import metadata
from tests.storage.storage_samples import VALID_NPI, sample_patient, sample_record, stand_in_coder


def _row_counts(db: Database) -> dict[str, int]:
    with db.read() as session:
        return {
            table.name: session.scalar(select(func.count()).select_from(table)) or 0
            for table in metadata.sorted_tables
        }


def test_a_visit_reads_back_exactly_as_entered(db: Database) -> None:
    record = sample_record()
    stored = visits.create_visit(db, record, actor="ma.kim", coder=stand_in_coder)
    reopened = visits.open_visit(db, stored.id)
    assert reopened.record.visit == record.visit
    assert reopened.record.patient == record.patient
    assert reopened.record.insurance == record.insurance
    assert reopened.record.provider == record.provider
    assert reopened.claim == stand_in_coder(record.visit)
    assert reopened.status == "draft"
    assert reopened.version == 1
    assert reopened.created_by == "ma.kim"
    assert reopened.created_at.tzinfo is not None  # UTC on both backends


def test_a_hand_ordered_diagnosis_list_is_kept(db: Database) -> None:
    record = sample_record()
    ordered = replace(record.visit, diagnosis_order=("L57.0", "C44.311"))
    stored = visits.create_visit(db, replace(record, visit=ordered), actor="ma.kim",
                                 coder=stand_in_coder)  # fmt: skip
    assert visits.open_visit(db, stored.id).record.visit.diagnosis_order == ("L57.0", "C44.311")


def test_procedures_claim_lines_diagnoses_and_code_sets_are_queryable(db: Database) -> None:
    stored = visits.create_visit(db, sample_record(), actor="ma.kim", coder=stand_in_coder)
    with db.read() as session:
        procedures = session.scalars(
            select(ProcedureRow)
            .where(ProcedureRow.visit_id == stored.id)
            .order_by(ProcedureRow.position)
        ).all()
        lines = session.scalars(
            select(ClaimLineRow)
            .where(ClaimLineRow.visit_id == stored.id)
            .order_by(ClaimLineRow.line_no)
        ).all()
        diagnoses = session.scalars(
            select(DiagnosisRow.icd10)
            .where(DiagnosisRow.visit_id == stored.id)
            .order_by(DiagnosisRow.pointer)
        ).all()
        row = session.get(VisitRow, stored.id)
        assert row is not None
        code_sets = row.code_sets
    assert [(p.kind, p.site, p.laterality, p.count, p.finding, p.icd10) for p in procedures] == [
        ("destruction_premalignant", "cheek", "left", 12, "actinic_keratosis", None),
        ("biopsy_punch", "thigh", "left", None, None, "D23.72"),
    ]
    assert [(ln.cpt, ln.units, ln.modifiers, ln.diagnoses) for ln in lines] == [
        ("99213", 1, "25", "L71.9"),
        ("17000", 12, "", "L57.0"),
        ("11104", 1, "", "D23.72"),
    ]
    assert diagnoses == ["L71.9", "L57.0", "D23.72"]
    assert code_sets == {"cpt": "2026", "rules": "test"}


def test_a_second_visit_reuses_the_patient_and_provider(db: Database) -> None:
    first = visits.create_visit(db, sample_record(), actor="ma", coder=stand_in_coder)
    second = visits.create_visit(
        db, sample_record(dos=date(2026, 11, 21)), actor="ma", coder=stand_in_coder
    )
    assert (first.patient_id, first.provider_id) == (second.patient_id, second.provider_id)


def test_a_provider_given_by_npi_alone_must_already_exist(db: Database) -> None:
    before = _row_counts(db)
    record = sample_record(provider=Provider(name="", npi="1245319599"))
    with pytest.raises(InvalidRecord, match="1245319599 is not on file"):
        visits.create_visit(db, record, actor="ma", coder=stand_in_coder)
    assert _row_counts(db) == before
    visits.create_visit(db, sample_record(), actor="ma", coder=stand_in_coder)
    known = visits.create_visit(
        db,
        sample_record(provider=Provider(name="", npi=VALID_NPI)),
        actor="ma",
        coder=stand_in_coder,
    )
    assert known.record.provider == Provider("Jane Doe", VALID_NPI, "MD")


@pytest.mark.parametrize(
    ("record_changes", "message"),
    [
        ({"provider": Provider("Jane Doe", "1234567890", "MD")}, "provider.npi: .*check digit"),
        ({"provider": Provider("Jane Doe", "12345", "MD")}, "provider.npi: .*10 digits"),
        (
            {"patient": sample_patient(dob=date(2030, 1, 1))},
            "patient.dob: 2030-01-01 is in the future",
        ),
        ({"patient": sample_patient(first_name=" ")}, "patient.first_name: is required"),
        ({"patient": sample_patient(account_number="")}, "patient.account_number: is required"),
        ({"patient": sample_patient(sex="Q")}, "patient.sex"),
        ({"patient": None}, "patient: is required"),
        ({"provider": None}, "provider: is required"),
        ({"place_of_service": "office"}, "place_of_service"),
        ({"patient": sample_patient(dob=date(2026, 11, 21))}, "before the patient's date of birth"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_written(
    db: Database, record_changes: dict[str, object], message: str
) -> None:
    before = _row_counts(db)
    record = replace(sample_record(), **record_changes)  # type: ignore[arg-type]
    with pytest.raises(InvalidRecord, match=message):
        visits.create_visit(db, record, actor="ma", coder=stand_in_coder)
    assert _row_counts(db) == before


def test_a_failure_mid_save_writes_nothing(db: Database) -> None:
    # The patient and provider are new, so a half-done save would leave them behind.
    before = _row_counts(db)

    def failing_coder(visit: object) -> object:
        raise RuntimeError("engine crashed")

    with pytest.raises(RuntimeError):
        visits.create_visit(db, sample_record(), actor="ma", coder=failing_coder)  # type: ignore[arg-type]
    assert _row_counts(db) == before


def test_a_database_error_mid_transaction_rolls_everything_back(db: Database) -> None:
    visits.create_visit(db, sample_record(), actor="ma", coder=stand_in_coder)
    before = _row_counts(db)
    # Same account number with a different provider: the duplicate-key error comes after the
    # new provider row was already flushed inside the transaction.
    from dermcharge.storage import people_repository

    with pytest.raises(Exception, match=r"(?i)unique|duplicate"), db.write() as session:
        people_repository.add_provider(
            session, Provider("New Doc", "1245319599"), actor="ma", at=db.clock()
        )
        people_repository.add_patient(session, sample_patient(), actor="ma", at=db.clock())
    assert _row_counts(db) == before


def test_opening_a_missing_visit_names_it(db: Database) -> None:
    with pytest.raises(NotFound, match="no visit with id 999"):
        visits.open_visit(db, 999)


def test_every_change_so_far_is_audited(db: Database) -> None:
    stored = visits.create_visit(db, sample_record(), actor="ma.kim", coder=stand_in_coder)
    with db.read() as session:
        entities = session.execute(select(AuditRow.entity, AuditRow.action, AuditRow.actor)).all()
        findings = session.scalar(select(func.count()).select_from(FindingRow))
    assert sorted(entities) == [
        ("patient", "create", "ma.kim"),
        ("provider", "create", "ma.kim"),
        ("visit", "create", "ma.kim"),
    ]
    assert findings == 1
    assert stored.findings[0].message == "procedure 2: pathology pending"


def test_the_issue_20_fields_and_self_pay_lines_round_trip(db: Database) -> None:
    """Technique, depth, doses, discarded amounts, container, volume and the pathology fields
    are stored with the visit; the coded claim keeps its self-pay (cosmetic) lines."""
    from decimal import Decimal

    from dermcharge.coding.engine import code_visit
    from dermcharge.domain.visit import Diagnosis, Kind, Laterality, Procedure

    record = sample_record()
    added = (
        Procedure(kind=Kind.SKIN_GRAFT, site="cheek", laterality=Laterality.LEFT,
                  technique="full_thickness", area_sq_cm=Decimal("6.5"),
                  prep_sq_cm=Decimal(10), diagnosis=Diagnosis(icd10="C44.319")),
        Procedure(kind=Kind.DRUG_INJECTION, drug="methylprednisolone_acetate",
                  dose_mg=Decimal(30), wasted_mg=Decimal(10), container="single_dose",
                  count=1, diagnosis=Diagnosis(icd10="L20.9")),
        Procedure(kind=Kind.DERMATOPATHOLOGY, specimen_of=0, component="professional",
                  stains=1, antibodies=2),
        Procedure(kind=Kind.DEBRIDEMENT, site="sole", laterality=Laterality.RIGHT,
                  depth="muscle", area_sq_cm=Decimal(25), diagnosis=Diagnosis(icd10="L97.411")),
        Procedure(kind=Kind.FILLER, volume_ml=Decimal("1.5"), diagnosis=Diagnosis(icd10="Z41.1")),
    )  # fmt: skip
    visit = replace(record.visit, procedures=record.visit.procedures + added)
    stored = visits.create_visit(db, replace(record, visit=visit), actor="ma.kim", coder=code_visit)
    reopened = visits.open_visit(db, stored.id)
    assert reopened.record.visit == visit
    assert reopened.claim is not None
    assert [line.cpt for line in reopened.claim.self_pay] == ["11951"]
