"""Issue 12: each rule has one owner. The engine codes; the checks report. A rule once written in
both (E/M patient status, 99211 beside a procedure, an E/M with only the procedures' diagnoses,
a lesion count of zero, a drug not recorded) is reported exactly once, by its check, with no
matching of message text to hide a second copy."""

from __future__ import annotations

from dermcharge.domain.claim import CodedClaim, Finding
from tests.core.coding.engine_helpers import code


def _about(claim: CodedClaim, phrase: str) -> list[Finding]:
    return [f for f in claim.findings if phrase in f.message]


def test_patient_status_is_reported_once_by_the_em_check() -> None:
    claim = code(
        [
            {
                "kind": "destruction_premalignant",
                "site": "scalp",
                "count": 3,
                "finding": "actinic_keratosis",
            }
        ],
        em={"code": "99213", "separately_identifiable": True, "diagnoses": [{"icd10": "L21.9"}]},
        patient_status="new",
    )
    status = _about(claim, "established-patient")
    assert [(f.check, f.severity) for f in status] == [("evaluation_management", "error")]


def test_99211_beside_a_procedure_is_reported_once() -> None:
    claim = code(
        [
            {
                "kind": "destruction_premalignant",
                "site": "scalp",
                "count": 3,
                "finding": "actinic_keratosis",
            }
        ],
        em={"code": "99211", "separately_identifiable": True, "diagnoses": [{"icd10": "L21.9"}]},
    )
    assert [f.check for f in _about(claim, "99211")] == ["evaluation_management"]


def test_an_em_without_its_own_diagnosis_is_reported_once() -> None:
    claim = code(
        [
            {
                "kind": "destruction_premalignant",
                "site": "scalp",
                "count": 3,
                "finding": "actinic_keratosis",
            }
        ],
        em={"code": "99213", "separately_identifiable": True},
    )
    assert [f.check for f in _about(claim, "procedures' diagnoses")] == ["evaluation_management"]


def test_a_zero_count_is_one_error_from_the_missed_charges_check() -> None:
    claim = code(
        [
            {
                "kind": "destruction_benign",
                "site": "upper_back",
                "count": 0,
                "finding": "seborrheic_keratosis",
            },
            {"kind": "skin_tag_removal", "site": "neck", "count": 4, "finding": "skin_tag"},
        ]
    )
    zero = _about(claim, "lesion count")
    assert [(f.check, f.severity, f.procedures) for f in zero] == [
        ("missed_charges", "error", (0,))
    ]
    assert "17110" not in {line.cpt for line in claim.lines}


def test_each_injection_without_a_drug_is_reported_once() -> None:
    claim = code(
        [
            {
                "kind": "intralesional_injection",
                "site": "upper_back",
                "count": 2,
                "finding": "keloid",
            },
            {"kind": "intralesional_injection", "site": "chest", "count": 1, "finding": "keloid"},
        ]
    )
    missing = _about(claim, "no drug")
    assert [(f.check, f.procedures) for f in missing] == [
        ("missed_charges", (0,)),
        ("missed_charges", (1,)),
    ]


def test_a_visit_before_the_loaded_release_gets_one_release_note() -> None:
    """Moved from the specificity check's own copy: the engine, which knows the releases
    loaded, says it once (`code_set_version`)."""
    claim = code(
        [{"kind": "destruction_premalignant", "site": "scalp", "count": 3,
          "finding": "actinic_keratosis"}],
        date_of_service="2024-03-01",
    )  # fmt: skip
    notes = _about(claim, "ICD-10-CM FY2024")
    assert [f.check for f in notes] == ["code_set_version"]
