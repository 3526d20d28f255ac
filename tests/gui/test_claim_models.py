"""Every item model of the GUI passes Qt's model tester, empty and filled, and shows its text."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt

from dermcharge.domain.claim import ClaimLine, CodedClaim, Finding, NotBilled, Severity
from dermcharge.domain.stored import ClaimLineSummary, VisitSummary
from dermcharge.domain.workflow import VisitStatus
from dermcharge.gui.app_backend import PatientHit
from dermcharge.gui.claim_models import (
    ClaimLineModel,
    DiagnosisModel,
    DiagnosisRow,
    FindingModel,
    NotBilledModel,
    claim_line_rows,
)
from dermcharge.gui.site_list_model import SiteListModel
from dermcharge.gui.visit_list_models import PatientListModel, VisitListModel

CLAIM = CodedClaim(
    lines=(
        ClaimLine("99213", 1, ("25",), ("L40.0",), "Office visit", "E/M with 25", (None,)),
        ClaimLine("17003", 11, (), ("L57.0",), "AK 2-14", "add-on per lesion", (1,)),
    ),
    diagnoses=("L40.0", "L57.0"),
    not_billed=(NotBilled("12001", "included in the excision", (0,)),),
    findings=(Finding(Severity.WARNING, "cosmetic", "May be cosmetic", procedures=(1,)),),
)


def test_claim_line_model(qtmodeltester):
    model = ClaimLineModel()
    qtmodeltester.check(model)
    fees = {"99213": Decimal("130"), "17003": Decimal("12")}
    model.set_rows(claim_line_rows(CLAIM, lambda line: fees.get(line.cpt)))
    qtmodeltester.check(model)
    texts = [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(2)]
    assert texts[0][:5] == ["99213", "25", "1", "A", "130.00"]
    assert texts[1][:5] == ["17003", "", "11", "B", "132.00"]
    assert "add-on per lesion" in model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole)


def test_not_billed_finding_and_diagnosis_models(qtmodeltester):
    not_billed, findings, diagnoses = NotBilledModel(), FindingModel(), DiagnosisModel()
    not_billed.set_rows(CLAIM.not_billed)
    findings.set_rows(CLAIM.findings)
    diagnoses.set_rows([DiagnosisRow("A", "L40.0", "Psoriasis vulgaris")])
    for model in (not_billed, findings, diagnoses):
        qtmodeltester.check(model)
    assert not_billed.index(0, 1).data() == "included in the excision"
    assert findings.index(0, 0).data().startswith("⚠")
    assert diagnoses.index(0, 2).data() == "Psoriasis vulgaris"


def test_site_list_model_finds_left_nasal_ala(qtmodeltester):
    model = SiteListModel()
    qtmodeltester.check(model)
    model.set_query("l nas ala")
    qtmodeltester.check(model)
    assert model.rowCount() == 1
    assert model.index(0, 0).data() == "left nasal ala"


def test_visit_and_patient_list_models(qtmodeltester):
    visits = VisitListModel()
    summary = VisitSummary(
        id=7, date_of_service=date(2026, 11, 20), status=VisitStatus.READY, version=3,
        patient_id=1, patient_name="Okafor, Ada", account_number="A-1001", provider_id=1,
        provider_name="Jane Doe", payer="medicare",
        lines=(ClaimLineSummary("99213", 1, ("25",), ("L40.0",)),
               ClaimLineSummary("17003", 11, (), ("L57.0",))),
    )  # fmt: skip
    visits.set_rows([summary])
    qtmodeltester.check(visits)
    assert visits.index(0, 4).data() == "Ready for review"
    assert visits.index(0, 5).data() == "99213-25, 17003 ×11"
    patients = PatientListModel()
    patients.set_rows([PatientHit(1, "Okafor, Ada", date(1951, 3, 14), "A-1001")])
    qtmodeltester.check(patients)
    assert patients.index(0, 1).data() == "1951-03-14"
