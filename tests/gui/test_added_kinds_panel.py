"""The visit editor takes the issue-20 kinds with their own fields, driven from the keyboard."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from dermcharge.domain.visit import Kind, Payer, Visit
from dermcharge.gui.visit_editor import VisitEditor
from dermcharge.services.capture_flow import CaptureFlow, default_coder


@pytest.fixture
def editor(qtbot):
    coder = default_coder()
    assert coder is not None
    flow = CaptureFlow(Visit(date_of_service=date(2026, 11, 20), payer=Payer.MEDICARE), coder)
    widget = VisitEditor(flow)
    qtbot.addWidget(widget)
    widget.resize(1280, 760)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    return widget


def _keys(qtbot, sequence: str = "", text: str = "", enter: bool = False) -> None:
    if sequence:
        key = QKeySequence(sequence)[0]
        qtbot.keyClick(QApplication.focusWidget(), key.key(), key.keyboardModifiers())
    if text:
        qtbot.keyClicks(QApplication.focusWidget(), text)
    if enter:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)


def _focus_and_type(qtbot, widget, text: str) -> None:
    widget.setFocus(Qt.FocusReason.TabFocusReason)  # as Tab does
    qtbot.waitUntil(widget.hasFocus)
    qtbot.keyClicks(QApplication.focusWidget(), text)


def _choose_more_kind(qtbot, panel, text: str) -> None:
    """Open the 'More procedures' list (Alt+Down, as a person does), type the name, Return."""
    combo = panel.ui.moreKindsCombo
    combo.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(combo.hasFocus)
    qtbot.keyClick(combo, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: combo.view().isVisible())
    qtbot.keyClicks(combo.view(), text)
    qtbot.keyClick(combo.view(), Qt.Key.Key_Return)


def test_a_full_thickness_graft_is_entered_and_coded(qtbot, editor):
    panel = editor.procedure_panel
    _keys(qtbot, "Ctrl+L", "l cheek", enter=True)
    qtbot.waitUntil(lambda: editor.flow.site is not None)
    _choose_more_kind(qtbot, panel, "Skin graft")
    qtbot.waitUntil(lambda: editor.flow.current_procedure is not None)
    assert editor.flow.current_procedure.kind is Kind.SKIN_GRAFT
    details = panel.added_details
    assert details.techniqueCombo.isVisible() and not details.drugCombo.isVisible()
    _focus_and_type(qtbot, details.techniqueCombo, "full")
    qtbot.waitUntil(lambda: editor.flow.current_procedure.technique == "full_thickness")
    panel.ui.areaSpin.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(QApplication.focusWidget(), "24")
    qtbot.waitUntil(lambda: editor.flow.current_procedure.area_sq_cm == 24)
    editor.flow.set_finding("bcc")  # the finding entry has its own tests
    qtbot.waitUntil(lambda: editor.flow.problems() == [])
    codes = {line.cpt: line.units for line in editor.flow.claim.lines}
    assert codes == {"15240": 1, "15241": 1}


def test_a_drug_injection_asks_for_the_dose_in_the_drugs_measure(qtbot, editor):
    panel = editor.procedure_panel
    _keys(qtbot, "Ctrl+L", "r upper arm", enter=True)
    qtbot.waitUntil(lambda: editor.flow.site is not None)
    _choose_more_kind(qtbot, panel, "Injection IM")
    qtbot.waitUntil(lambda: editor.flow.current_procedure is not None)
    details = panel.added_details
    assert "drug: choose the drug given" in editor.flow.problems()
    _focus_and_type(qtbot, details.drugCombo, "Tri")
    qtbot.waitUntil(lambda: editor.flow.current_procedure.drug == "triamcinolone_acetonide")
    assert details.rows[details.doseSpin].text() == "Dose (mg)"
    details.doseSpin.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(QApplication.focusWidget(), "40")
    qtbot.waitUntil(lambda: editor.flow.current_procedure.dose_mg == 40)
    editor.flow.set_finding("atopic_dermatitis")
    qtbot.waitUntil(lambda: editor.flow.problems() == [])
    codes = {line.cpt: line.units for line in editor.flow.claim.lines}
    assert codes == {"96372": 1, "J3301": 4}


def test_a_specimen_links_to_the_biopsy_that_took_it(qtbot, editor):
    panel = editor.procedure_panel
    _keys(qtbot, "Ctrl+L", "chest", enter=True)
    qtbot.waitUntil(lambda: editor.flow.site is not None)
    editor.flow.choose_kind(Kind.BIOPSY_PUNCH)
    editor.flow.set_finding("psoriasis")
    _choose_more_kind(qtbot, panel, "Dermatopathology")
    qtbot.waitUntil(lambda: editor.flow.current_procedure.kind is Kind.DERMATOPATHOLOGY)
    details = panel.added_details
    assert details.specimenSpin.isVisible() and details.componentCombo.isVisible()
    _focus_and_type(qtbot, details.specimenSpin, "1")
    qtbot.waitUntil(lambda: editor.flow.current_procedure.specimen_of == 0)
    _focus_and_type(qtbot, details.componentCombo, "reading")
    qtbot.waitUntil(lambda: editor.flow.current_procedure.component == "professional")
    lines = {line.cpt: line for line in editor.flow.claim.lines}
    assert lines["88305"].modifiers == ("26",)
    assert lines["88305"].diagnoses == lines["11104"].diagnoses
