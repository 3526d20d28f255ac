"""Names in any script show on screen: accents, right-to-left letters and emoji are drawn."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtGui import QImage, QTextLayout
from PySide6.QtWidgets import QLabel

from dermcharge.domain.record import Patient, VisitRecord
from dermcharge.domain.visit import Visit
from dermcharge.gui.visit_header import header_text


def _drawn(qtbot, text: str) -> QImage:
    label = QLabel(text)
    qtbot.addWidget(label)
    label.resize(600, 40)
    return label.grab().toImage()


@pytest.mark.parametrize("char", ["ë", "ễ", "ש", "ع", "😀"])
def test_each_script_has_a_real_glyph_on_screen(qtbot, char: str) -> None:
    label = QLabel(char)
    qtbot.addWidget(label)
    # Qt lays the text out in the fonts it picks (falling back where the app's font lacks a
    # glyph); every font picked must really hold the character, or Qt would draw a box ...
    layout = QTextLayout(char, label.font())
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    runs = layout.glyphRuns()
    assert runs
    for run in runs:
        font = run.rawFont()
        assert font.supportsCharacter(ord(char)), f"{font.familyName()} lacks U+{ord(char):04X}"
    # ... and drawing it puts something on the screen.
    assert _drawn(qtbot, char) != _drawn(qtbot, " ")


def test_the_visit_header_keeps_the_name_as_typed(qtbot) -> None:
    patient = Patient(first_name="Zoë 😀", last_name="Nguyễn-ʻOhana عائشة", dob=date(1951, 3, 14),
                      sex="F", account_number="A-1")  # fmt: skip
    text = header_text(VisitRecord(visit=Visit(date_of_service=date(2026, 11, 20)),
                                   patient=patient), Visit(date_of_service=date(2026, 11, 20)))  # fmt: skip
    assert "Nguyễn-ʻOhana عائشة" in text and "Zoë 😀" in text
