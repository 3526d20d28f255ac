"""Defect 11: Edit ▸ Undo (Ctrl+Z) over the capture flow's actions; Ctrl+Del asks first; a
wrongly added E/M diagnosis can be taken off."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from dermcharge.domain.visit import Kind
from tests.gui.exam_room.person import (
    click,
    click_at,
    map_point,
    press,
    type_text,
    when_dialog_opens,
)

CTRL = Qt.KeyboardModifier.ControlModifier


def back_to(qtbot, window):
    """The window manager gives the window back its focus once a dialog closes (offscreen
    Qt has no window manager to do it)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow() and QApplication.focusWidget() is not None,
                    timeout=2000)  # fmt: skip


def test_ctrl_z_takes_back_a_wrong_em_diagnosis_and_ctrl_shift_z_redoes_it(qtbot, open_window):
    window = open_window(saving=False)
    editor = window.editor
    click(window, editor.em_buttons["99213"])
    type_text("psoriasis")
    press(Qt.Key.Key_Return)
    type_text("rosacea")  # the wrong one
    press(Qt.Key.Key_Return)
    assert [d.finding for d in window.flow.visit.em.diagnoses] == ["psoriasis", "rosacea"]
    press(Qt.Key.Key_Z, CTRL)
    assert [d.finding for d in window.flow.visit.em.diagnoses] == ["psoriasis"]
    press(Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert [d.finding for d in window.flow.visit.em.diagnoses] == ["psoriasis", "rosacea"]
    undo = next(a for a in window.menuBar().actions() if a.text() == "&Edit").menu().actions()[0]
    assert undo.text().startswith("&Undo") or undo.text().startswith("Undo")


def test_ctrl_delete_asks_and_ctrl_z_brings_the_procedure_back(qtbot, open_window):
    window = open_window(saving=False)
    editor = window.editor
    panel = editor.procedure_panel
    click_at(window, map_point(window, editor, "forearm--left"))
    click(window, panel.kind_buttons[Kind.BIOPSY_TANGENTIAL])
    asked: list[str] = []

    def say_no(dialog):
        asked.append(dialog.text())
        click(dialog, dialog.button(QMessageBox.StandardButton.No))

    when_dialog_opens(say_no)
    press(Qt.Key.Key_Delete, CTRL)
    qtbot.waitUntil(lambda: bool(asked), timeout=3000)
    assert "Remove procedure 1" in asked[0]
    assert len(window.flow.visit.procedures) == 1  # "No" keeps it
    back_to(qtbot, window)

    def say_yes(dialog):
        asked.append(dialog.text())
        click(dialog, dialog.button(QMessageBox.StandardButton.Yes))

    when_dialog_opens(say_yes)
    press(Qt.Key.Key_Delete, CTRL)
    qtbot.waitUntil(lambda: not window.flow.visit.procedures, timeout=3000)
    back_to(qtbot, window)
    press(Qt.Key.Key_Z, CTRL)
    assert [p.kind for p in window.flow.visit.procedures] == [Kind.BIOPSY_TANGENTIAL]
