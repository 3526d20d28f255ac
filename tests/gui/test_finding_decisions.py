"""Acknowledging and overriding findings from the visit window, stored with who and why, shown as
decided when the visit is opened again, and refused where the visit may not change."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QStyleOptionViewItem

from dermcharge.domain.claim import CodedClaim, Finding, Severity
from dermcharge.domain.record import Insurance, Patient, Provider, VisitRecord
from dermcharge.domain.stored import FindingDecision
from dermcharge.domain.visit import Diagnosis, Kind, Laterality, Payer, Procedure, Visit
from dermcharge.gui.app_backend import AppBackend
from dermcharge.gui.finding_decisions import ReasonDialog, open_errors
from dermcharge.gui.visit_window import VisitWindow
from dermcharge.services import visits
from dermcharge.services.database import open_app_database

DOS = date(2026, 11, 20)


def _record() -> VisitRecord:
    biopsy = Procedure(kind=Kind.BIOPSY_TANGENTIAL, site="forearm", laterality=Laterality.LEFT,
                       diagnosis=Diagnosis(finding="neoplasm_unspecified_behavior"),
                       path_pending=True)  # fmt: skip
    # Seborrheic keratoses destroyed for Medicare with no indication: the "cosmetic" warning.
    destruction = Procedure(kind=Kind.DESTRUCTION_BENIGN, site="forearm",
                            laterality=Laterality.RIGHT, count=3,
                            diagnosis=Diagnosis(finding="seborrheic_keratosis"))  # fmt: skip
    return VisitRecord(
        visit=Visit(date_of_service=DOS, payer=Payer.MEDICARE, procedures=(biopsy, destruction)),
        patient=Patient("Ada", "Okafor", date(1951, 3, 14), "F", "A-1001"),
        insurance=(Insurance(payer_name="Medicare Part B", member_id="1EG4TE5MK73"),),
        provider=Provider(name="Jane Doe", npi="1234567893", credentials="MD"),
    )


@pytest.fixture
def backend(tmp_path, monkeypatch):
    monkeypatch.setenv("DERMCHARGE_DATA_DIR", str(tmp_path / "data"))
    db = open_app_database(f"sqlite:///{tmp_path / 'clinic.sqlite'}")
    visits.create_visit(db, _record(), actor="test")
    yield AppBackend(db, "dr.doe")
    db.dispose()


@pytest.fixture
def open_window(qtbot, backend):
    opened: list[VisitWindow] = []

    def open_one(stored=None, with_backend=True):
        stored = stored or backend.open_visit(backend.day_visits(DOS)[0].id)
        window = VisitWindow(stored, backend if with_backend else None)
        qtbot.addWidget(window)
        window.show()
        opened.append(window)
        return window

    yield open_one
    for window in opened:
        window._dirty = False  # nothing left to save: the database closes after the test
        window.close()


def _row(window: VisitWindow, check: str) -> int:
    rows = window.editor.finding_model.rows()
    return next(i for i, f in enumerate(rows) if f.check == check)


def _select(window: VisitWindow, check: str) -> int:
    row = _row(window, check)
    model = window.editor.finding_model
    window.editor.ui.findingsView.setCurrentIndex(model.index(row, 1))
    return row


def _shown_text(window: VisitWindow, row: int, column: int) -> str:
    decisions = window.finding_decisions
    option = QStyleOptionViewItem()
    decisions.delegate.initStyleOption(option, window.editor.finding_model.index(row, column))
    return option.text


def test_buttons_sit_under_the_findings_and_wait_for_a_choice(open_window, qtmodeltester):
    window = open_window()
    decisions = window.finding_decisions
    claim_layout = window.editor.ui.claimLayout
    # Their own row, right under the fix buttons (Separate lesion, Mark symptomatic, ABN).
    below_fixes = claim_layout.indexOf(window.editor.ui.findingActionRow) + 1
    assert claim_layout.itemAt(below_fixes).layout() is decisions.button_row
    row_layout = decisions.button_row
    widgets = [row_layout.itemAt(i).widget() for i in range(row_layout.count())]
    assert decisions.acknowledge_button in widgets and decisions.override_button in widgets
    assert not decisions.acknowledge_button.isEnabled()
    assert not decisions.override_button.isEnabled()
    assert decisions.override_button.toolTip() == "Choose a finding first"
    qtmodeltester.check(window.editor.finding_model)


def test_acknowledging_a_warning_is_stored_audited_and_shown_on_reopening(open_window, backend):
    window = open_window()
    decisions = window.finding_decisions
    row = _select(window, "cosmetic")
    assert decisions.acknowledge_button.isEnabled()
    assert _shown_text(window, row, 0) == "⚠ warning"
    decisions.acknowledge_button.click()
    stored = {f.check: f for f in window.stored.findings}["cosmetic"]
    assert (stored.decision, stored.decided_by) == ("acknowledged", "dr.doe")
    assert _shown_text(window, row, 0) == "✓ acknowledged"
    assert not decisions.acknowledge_button.isEnabled()  # already acknowledged
    assert decisions.override_button.isEnabled()  # it can still be overridden
    assert "decided" in window.editor.ui.cleanLabel.text()
    audit = [entry.action for entry in visits.visit_audit(backend.db, window.stored.id)]
    assert "finding_acknowledged" in audit
    again = open_window(backend.open_visit(window.stored.id))
    again_row = _row(again, "cosmetic")
    assert again.finding_decisions.decision_at(again_row).decision == "acknowledged"
    assert _shown_text(again, again_row, 0) == "✓ acknowledged"
    other = _row(again, "specificity")
    assert again.finding_decisions.decision_at(other) is None
    assert _shown_text(again, other, 0) == "⚠ warning"


def test_overriding_asks_why_and_keeps_the_reason(open_window, backend):
    window = open_window()
    decisions = window.finding_decisions
    asked = []
    decisions.ask_reason = lambda finding, decision: (
        asked.append((finding.check, decision)) or ("irritated, documented in the note")
    )
    row = _select(window, "cosmetic")
    decisions.override_button.click()
    assert asked == [("cosmetic", "overridden")]
    stored = backend.open_visit(window.stored.id)
    decided = {f.check: f for f in stored.findings}["cosmetic"]
    assert (decided.decision, decided.reason) == ("overridden", "irritated, documented in the note")
    assert _shown_text(window, row, 0) == "⤳ overridden"
    assert not decisions.override_button.isEnabled()


def test_cancelling_the_reason_records_nothing(open_window, backend):
    window = open_window()
    window.finding_decisions.ask_reason = lambda _finding, _decision: None
    _select(window, "cosmetic")
    window.finding_decisions.override_button.click()
    stored = backend.open_visit(window.stored.id)
    assert all(f.decision is None for f in stored.findings)


def test_a_pending_edit_is_saved_before_the_decision(open_window, backend):
    window = open_window()
    version = window.stored.version
    # One more seborrheic keratosis: an edit the autosave has not stored yet.
    window.flow.select_procedure(1)
    window.flow.set_count(4)
    assert window._dirty
    _select(window, "cosmetic")
    assert window.finding_decisions.acknowledge_selected()
    assert not window._dirty
    stored = backend.open_visit(window.stored.id)
    assert stored.version > version
    assert stored.record.visit.procedures[1].count == 4
    assert {f.check: f.decision for f in stored.findings}["cosmetic"] == "acknowledged"


def test_context_menu_offers_the_same_choices(open_window, backend):
    window = open_window()
    _select(window, "specificity")
    menu = window.finding_decisions.context_menu()
    actions = {a.text(): a for a in menu.actions()}
    assert list(actions) == ["Acknowledge", "Override…"]
    assert actions["Acknowledge"].isEnabled()
    actions["Acknowledge"].trigger()
    stored = backend.open_visit(window.stored.id)
    assert {f.check: f.decision for f in stored.findings}["specificity"] == "acknowledged"
    menu.close()


def test_a_signed_visit_cannot_have_its_findings_decided(open_window, backend):
    stored = backend.open_visit(backend.day_visits(DOS)[0].id)
    signed = backend.sign(backend.mark_ready(stored))
    window = open_window(signed)
    _select(window, "cosmetic")
    decisions = window.finding_decisions
    assert not decisions.acknowledge_button.isEnabled()
    assert not decisions.override_button.isEnabled()
    assert "signed" in decisions.override_button.toolTip()
    assert not decisions.decide(_row(window, "cosmetic"), "acknowledged", "")


def test_without_a_database_there_is_nothing_to_decide(open_window):
    window = open_window(with_backend=False)
    _select(window, "cosmetic")
    assert not window.finding_decisions.acknowledge_button.isEnabled()
    assert "database" in window.finding_decisions.acknowledge_button.toolTip()


def test_an_override_needs_a_reason_before_ok(qtbot):
    finding = Finding(Severity.ERROR, "ncci_ptp", "17110 bundles into 11102")
    dialog = ReasonDialog(finding, "overridden")
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()
    dialog.reason_edit.setPlainText("   ")
    assert not dialog.ok_button.isEnabled()
    dialog.reason_edit.setPlainText("separate lesion, documented")
    assert dialog.ok_button.isEnabled()
    assert dialog.reason() == "separate lesion, documented"
    acknowledging = ReasonDialog(finding, "acknowledged")
    qtbot.addWidget(acknowledging)
    assert acknowledging.ok_button.isEnabled()


def test_signing_warns_only_about_errors_nobody_overrode():
    errors = (
        Finding(Severity.ERROR, "ncci_ptp", "17110 bundles into 11102"),
        Finding(Severity.ERROR, "mue", "17110: 3 units, limit 1"),
        Finding(Severity.WARNING, "cosmetic", "covered only with an indication"),
    )
    claim = CodedClaim((), (), (), errors, {})
    overridden = FindingDecision(1, 0, "error", "ncci_ptp", "17110 bundles into 11102",
                                 decision="overridden", reason="separate lesion")  # fmt: skip
    acknowledged = FindingDecision(2, 1, "error", "mue", "17110: 3 units, limit 1",
                                   decision="acknowledged")  # fmt: skip
    assert open_errors(claim, (overridden, acknowledged)) == ["17110: 3 units, limit 1"]
    assert open_errors(None, ()) == []


def test_the_summary_line_counts_only_findings_still_open():
    from dermcharge.domain.claim import Finding, Severity
    from dermcharge.gui.claim_panel import summary_html

    error = Finding(Severity.ERROR, "claim_shape", "too many diagnoses")
    warning = Finding(Severity.WARNING, "cosmetic", "may be cosmetic")
    info = Finding(Severity.INFO, "ptp", "pair from policy")
    assert "1 to fix ✖" in summary_html([error, warning, info], {})
    assert "decided" not in summary_html([error, warning, info], {})
    assert "1 to review ⚠" in summary_html([error, warning], {0: "overridden"})
    assert "all findings decided" in summary_html(
        [error, warning], {0: "overridden", 1: "acknowledged"}
    )
    assert "clean ✓" in summary_html([warning, info], {0: "acknowledged"})
    assert "· 1 decided" in summary_html([warning, info], {0: "acknowledged"})
    assert "clean ✓" in summary_html([info], {})
