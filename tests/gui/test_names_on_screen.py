"""Names in any script show on screen: accents, right-to-left letters and emoji are drawn."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel

from dermcharge.domain.record import Patient, VisitRecord
from dermcharge.domain.visit import Visit
from dermcharge.gui.visit_header import header_text


def _drawn(qtbot, text: str) -> QImage:
    label = QLabel(text)
    qtbot.addWidget(label)
    label.resize(600, 40)
    return label.grab().toImage()


NO_GLYPH = "\ue000"  # a private-use code point no installed font draws: Qt shows its missing box


@pytest.mark.parametrize("char", ["ë", "ễ", "ש", "ع", "😀"])
def test_each_script_has_a_real_glyph_on_screen(qtbot, char: str) -> None:
    drawn = _drawn(qtbot, char)
    assert drawn != _drawn(qtbot, " ")  # something is drawn
    assert drawn != _drawn(qtbot, NO_GLYPH)  # and it is not the missing-glyph box


def test_the_visit_header_keeps_the_name_as_typed(qtbot) -> None:
    patient = Patient(first_name="Zoë 😀", last_name="Nguyễn-ʻOhana عائشة", dob=date(1951, 3, 14),
                      sex="F", account_number="A-1")  # fmt: skip
    text = header_text(VisitRecord(visit=Visit(date_of_service=date(2026, 11, 20)),
                                   patient=patient), Visit(date_of_service=date(2026, 11, 20)))  # fmt: skip
    assert "Nguyễn-ʻOhana عائشة" in text and "Zoë 😀" in text
