"""From a visit record and its coded claim to the superbill record: pointers, fees, flags."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import ClassVar

import pytest
from superbill_samples import PATIENT, PRACTICE

from dermcharge.domain.claim import ClaimLine, CodedClaim, Finding, Severity
from dermcharge.domain.record import Insurance, Provider, VisitRecord
from dermcharge.domain.superbill_record import Signature
from dermcharge.domain.visit import Kind, Payer, Procedure, Visit
from dermcharge.fees.schedule import Fee, FeeSchedule
from dermcharge.services.superbill_print import (
    DEMO_PRACTICE,
    build_superbill_record,
    default_icd10_catalog,
)

DOS = date(2026, 11, 20)


class FakeCatalog:
    release = "ICD-10-CM FY2026"
    effective_from = date(2025, 10, 1)
    _descriptions: ClassVar[dict[str, str]] = {
        "L57.0": "Actinic keratosis",
        "L82.1": "Other seborrheic keratosis",
    }

    def exists(self, code: str) -> bool:
        return code in self._descriptions

    def is_billable(self, code: str) -> bool:
        return code in self._descriptions

    def description(self, code: str) -> str:
        return self._descriptions.get(code, "")


def _record(payer: Payer = Payer.MEDICARE, **changes: object) -> VisitRecord:
    visit = Visit(
        date_of_service=DOS,
        payer=payer,
        procedures=(
            Procedure(kind=Kind.DESTRUCTION_PREMALIGNANT, count=3),
            Procedure(kind=Kind.DESTRUCTION_BENIGN, count=2, cosmetic=True),
        ),
    )
    base = VisitRecord(
        visit=visit,
        patient=PATIENT,
        insurance=(
            Insurance("Aetna", "W123", priority="secondary"),
            Insurance("Medicare Part B", "1EG4TE5MK73", priority="primary"),
        ),
        provider=Provider("Jane Doe", "1245319599", "MD"),
        practice=PRACTICE,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


CLAIM = CodedClaim(
    lines=(
        ClaimLine("17000", 1, (), ("L57.0",), "Destroy premalignant lesion, first", "R-DE-1", (0,)),
        ClaimLine("17003", 2, (), ("L57.0",), "", "R-DE-1", (0,)),
        ClaimLine("17110", 1, ("GY",), ("L82.1", "L57.0"), "Destroy benign lesions", "R", (1,)),
    ),
    diagnoses=("L57.0", "l821"),
    findings=(
        Finding(
            Severity.ERROR,
            "size",
            "Excised size is between brackets.",
            lines=(3,),
            action="Enter the measured size",
        ),
        Finding(Severity.WARNING, "cosmetic", "Cosmetic removal: ABN?"),
    ),
    code_sets={"CPT/HCPCS": "2026"},
)


def _build(**kwargs: object):  # type: ignore[no-untyped-def]
    record = kwargs.pop("record", _record())
    return build_superbill_record(record, CLAIM, catalog=FakeCatalog(), **kwargs)  # type: ignore[arg-type]


def test_diagnoses_get_letters_in_claim_order_with_descriptions() -> None:
    bill = _build()
    assert [(d.letter, d.code, d.description) for d in bill.diagnoses] == [
        ("A", "L57.0", "Actinic keratosis"),
        ("B", "L82.1", "Other seborrheic keratosis"),
    ]


def test_lines_point_to_letters_primary_first() -> None:
    bill = _build()
    assert [line.pointers for line in bill.lines] == [("A",), ("A",), ("B", "A")]


def test_our_description_falls_back_to_the_cpt_table() -> None:
    bill = _build()
    assert bill.lines[0].description == "Destroy premalignant lesion, first"
    assert bill.lines[1].description  # from resources/data/cpt_hcpcs.json
    assert "AMA" not in bill.lines[1].description


def test_demo_fees_times_units() -> None:
    bill = _build()
    assert bill.example_fees is True
    assert bill.lines[0].fee == Decimal("110.00")
    assert bill.lines[1].total == Decimal("24.00")
    assert bill.total_charges == Decimal("110.00") + Decimal("24.00") + Decimal("140.00")


def test_payer_fee_schedule_and_modifier_fee_are_used() -> None:
    practice_fees = FeeSchedule(
        payer="medicare",
        label="Practice Medicare fees",
        effective_from=date(2026, 1, 1),
        effective_to=None,
        fees={"17000": Fee(Decimal("99.00")), "17110": Fee(Decimal("150"), {"GY": Decimal("120")})},
    )
    bill = _build(fee_schedules=[practice_fees])
    assert bill.fee_schedule_label == "Practice Medicare fees"
    assert bill.example_fees is False
    assert [line.fee for line in bill.lines] == [Decimal("99.00"), None, Decimal("120")]
    assert bill.lines_without_fee == 1


def test_no_schedule_in_force_leaves_fees_empty_and_says_so() -> None:
    later = FeeSchedule("any", "2027 fees", date(2027, 1, 1), None, {"17000": Fee(Decimal(1))})
    bill = _build(fee_schedules=[later])
    assert all(line.fee is None for line in bill.lines)
    assert bill.fee_schedule_label == "no fee schedule in force"


def test_cosmetic_lines_are_marked_self_pay() -> None:
    bill = _build()
    assert [(line.cosmetic, line.self_pay) for line in bill.lines] == [
        (False, False),
        (False, False),
        (True, True),
    ]


def test_self_pay_visit_marks_every_line() -> None:
    bill = _build(record=_record(payer=Payer.SELF_PAY))
    assert all(line.self_pay for line in bill.lines)
    assert bill.payer_kind.startswith("Self-pay")


def test_only_error_findings_print_with_their_lines_and_action() -> None:
    bill = _build()
    assert bill.errors == ("Line 3: Excised size is between brackets. — Enter the measured size",)
    assert _build(open_findings=[]).errors == ()


def test_insurance_by_priority_not_position() -> None:
    bill = _build()
    assert (
        bill.primary_insurance is not None
        and bill.primary_insurance.payer_name == "Medicare Part B"
    )
    assert bill.secondary_insurance is not None and bill.secondary_insurance.payer_name == "Aetna"


def test_absent_blocks_give_demo_practice_and_placeholder_patient() -> None:
    bill = _build(record=_record(patient=None, practice=None, provider=None, insurance=()))
    assert bill.practice == DEMO_PRACTICE and bill.practice_is_demo
    assert bill.patient is None
    assert bill.primary_insurance is None


def test_signature_makes_it_signed_and_code_sets_name_icd_release() -> None:
    at = datetime(2026, 11, 20, 17, 0, tzinfo=UTC)
    bill = _build(signature=Signature("Jane Doe, MD", at))
    assert bill.status == "signed" and bill.is_signed
    assert dict(bill.code_sets) == {"CPT/HCPCS": "2026", "ICD-10-CM": "FY2026"}
    assert bill.place_of_service_name == "Office"


def test_pointer_to_a_diagnosis_missing_from_the_list_is_an_error() -> None:
    claim = replace(CLAIM, diagnoses=("L57.0",))
    bill = build_superbill_record(_record(), claim, catalog=FakeCatalog())
    assert bill.lines[2].pointers == ("A",)
    assert any("L82.1" in e and "not in the claim's list" in e for e in bill.errors)


@pytest.mark.parametrize("code", ["L57.0", "C44.311"])
def test_default_catalog_describes_real_codes(code: str) -> None:
    assert default_icd10_catalog(DOS).description(code)


def test_engine_code_set_keys_read_as_names_in_the_footer() -> None:
    claim = replace(
        CLAIM, code_sets={"icd10cm": "ICD-10-CM FY2026", "rules": "dermcharge-rules 2026.11"}
    )
    bill = build_superbill_record(_record(), claim, catalog=FakeCatalog())
    versions = dict(bill.code_sets)
    assert versions["ICD-10-CM"] == "FY2026"
    assert versions["Coding rules"] == "dermcharge-rules 2026.11"
    assert versions["CPT/HCPCS"].startswith("table in force from ")


def _stored(**changes: object):  # type: ignore[no-untyped-def]
    from dermcharge.domain.stored import FindingDecision, StoredVisit
    from dermcharge.domain.workflow import VisitStatus

    at = datetime(2026, 11, 20, 17, 5, tzinfo=UTC)
    base = StoredVisit(
        id=7,
        status=VisitStatus.SIGNED,
        version=3,
        amendment=1,
        record=_record(),
        claim=CLAIM,
        patient_id=1,
        provider_id=1,
        findings=(
            FindingDecision(
                1,
                0,
                "error",
                "size",
                "Excised size is between brackets.",
                decision="overridden",
                decided_by="jdoe",
                reason="measured again",
            ),
            FindingDecision(2, 1, "warning", "cosmetic", "Cosmetic removal: ABN?"),
        ),
        code_sets={},
        created_at=at,
        created_by="ma",
        updated_at=at,
        updated_by="jdoe",
        signed_at=at,
        signed_by="jdoe",
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def test_stored_visit_carries_status_signature_and_only_open_errors() -> None:
    from dermcharge.services.superbill_print import superbill_for_stored

    bill = superbill_for_stored(_stored(), catalog=FakeCatalog())
    assert bill.visit_reference == "Visit 7 · amendment 1"
    assert bill.is_signed and bill.status == "signed"
    assert bill.signature is not None
    assert bill.signature.name == "Jane Doe, MD (signed in as jdoe)"
    assert bill.errors == ()  # the one error was overridden with a reason


def test_stored_draft_keeps_its_open_error_and_is_unsigned() -> None:
    from dermcharge.domain.stored import FindingDecision
    from dermcharge.domain.workflow import VisitStatus
    from dermcharge.services.superbill_print import superbill_for_stored

    open_error = FindingDecision(1, 0, "error", "size", "Excised size is between brackets.")
    stored = _stored(
        status=VisitStatus.DRAFT, signed_at=None, signed_by=None, findings=(open_error,)
    )
    bill = superbill_for_stored(stored, catalog=FakeCatalog())
    assert bill.status == "draft" and not bill.is_signed
    assert len(bill.errors) == 1 and "between brackets" in bill.errors[0]


def test_stored_visit_without_a_claim_is_coded_now() -> None:
    from dermcharge.services.superbill_print import superbill_for_stored

    calls = []

    def coder(visit: Visit) -> CodedClaim:
        calls.append(visit)
        return CLAIM

    bill = superbill_for_stored(
        _stored(claim=None, findings=()), catalog=FakeCatalog(), coder=coder
    )
    assert calls and [line.code for line in bill.lines] == ["17000", "17003", "17110"]
