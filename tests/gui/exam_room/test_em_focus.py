"""Defect 7: after clicking an E/M level, typing goes to the E/M diagnosis field."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.gui.exam_room.person import click, focus_name, press, type_text


def test_typing_after_the_em_button_names_the_em_diagnosis(qtbot, open_window):
    window = open_window(saving=False)
    editor = window.editor
    click(window, editor.em_buttons["99213"])
    assert window.flow.visit.em.code == "99213"
    assert focus_name() == "emDxEdit"
    type_text("psoriasis")
    press(Qt.Key.Key_Return)
    assert [dx.finding for dx in window.flow.visit.em.diagnoses] == ["psoriasis"]
