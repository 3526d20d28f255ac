"""Defect 5: a size typed in mm shows in mm (12 stays 12, not 1.2) and codes as 12 mm."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt

from dermcharge.domain.visit import Kind
from tests.gui.exam_room.person import click, click_at, focus_name, map_point, press, type_text


def test_lesion_and_margin_in_mm_stay_in_mm_after_leaving_the_fields(qtbot, open_window):
    window = open_window(saving=False)  # a half-entered excision: issue 12 saves those
    editor = window.editor
    panel = editor.procedure_panel
    click_at(window, map_point(window, editor, "forearm--left"))
    hit = click(window, panel.kind_buttons[Kind.EXCISION_MALIGNANT])
    assert hit is panel.kind_buttons[Kind.EXCISION_MALIGNANT], hit
    assert window.flow.visit.procedures, focus_name()
    assert panel.ui.lesionSpin.hasFocus(), focus_name()  # the size is next: no extra click
    assert panel.ui.lesionUnitCombo.currentText() == "mm"
    type_text("12")
    press(Qt.Key.Key_Tab)
    press(Qt.Key.Key_Tab)
    assert panel.ui.marginSpin.hasFocus()
    type_text("4")
    press(Qt.Key.Key_Tab)  # leave the margin: the boxes now show what the flow holds
    assert not panel.ui.marginSpin.hasFocus()
    procedure = window.flow.visit.procedures[0]
    assert (procedure.lesion_cm, procedure.margin_cm) == (Decimal("1.2"), Decimal("0.4"))
    assert panel.ui.lesionSpin.value() == 12
    assert panel.ui.marginSpin.value() == 4
    assert "12" in panel.ui.lesionSpin.text() and "1.2" not in panel.ui.lesionSpin.text()
