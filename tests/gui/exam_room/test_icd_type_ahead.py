"""Defect 6: the finding and E/M diagnosis fields search ICD-10-CM as `dermcharge icd search`
does (words, abbreviations), show whole descriptions in a wide list, mark categories that
cannot be billed and never put one on the claim by Enter."""

from __future__ import annotations

from PySide6.QtCore import Qt

from dermcharge.codesets.icd10.search import search
from dermcharge.domain.visit import Kind
from tests.gui.exam_room.conftest import DOS
from tests.gui.exam_room.person import click, click_at, map_point, press, type_text


def _popup_rows(edit) -> list[str]:
    completer = edit.completer()
    model = completer.completionModel()
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_bcc_nose_in_the_finding_field_lists_what_the_cli_finds_first(qtbot, open_window):
    window = open_window(saving=False)
    editor = window.editor
    panel = editor.procedure_panel
    click_at(window, map_point(window, editor, "nose"))
    click(window, panel.kind_buttons[Kind.SHAVE_REMOVAL])
    click(window, panel.ui.findingEdit)
    type_text("bcc nose")
    popup = panel.ui.findingEdit.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=3000)
    rows = _popup_rows(panel.ui.findingEdit)
    cli_first = search("bcc nose", 5, on=DOS)[0]
    assert rows and rows[0].startswith(f"{cli_first.code} — {cli_first.description}")
    assert popup.width() >= 600  # whole descriptions, sides and sites not cut off
    press(Qt.Key.Key_Escape)  # close the list, then Enter takes what the list showed first
    press(Qt.Key.Key_Return)
    assert window.flow.visit.procedures[0].diagnosis.icd10 == cli_first.code


def test_bcc_nose_in_the_em_diagnosis_field_and_categories_marked(qtbot, open_window):
    window = open_window(saving=False)
    editor = window.editor
    click(window, editor.em_buttons["99213"])  # focus moves to the E/M diagnosis field
    type_text("basal cell carcinoma nose")
    qtbot.waitUntil(editor.ui.emDxEdit.completer().popup().isVisible, timeout=3000)
    assert _popup_rows(editor.ui.emDxEdit)[0].startswith("C44.311")
    press(Qt.Key.Key_Escape)
    editor.ui.emDxEdit.selectAll()
    type_text("L82")
    rows = _popup_rows(editor.ui.emDxEdit)
    category = [r for r in rows if r.startswith("L82 —")]
    assert category and "not billable" in category[0]
    press(Qt.Key.Key_Escape)
    press(Qt.Key.Key_Return)  # Enter on the category: refused, not put on the claim
    assert window.flow.visit.em.diagnoses == ()
