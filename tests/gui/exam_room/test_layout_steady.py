"""Defects 10 and 18: controls stay where they are when a choice is made, so the next click lands
where the person aimed; the E/M buttons keep their width whatever the diagnosis label says."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from dermcharge.domain.visit import Kind, RepairType
from tests.gui.exam_room.person import aim, click, click_at, map_point, press, type_text


@pytest.mark.parametrize("height", [800, 700, 640])
def test_the_em_row_stays_put_when_a_site_is_picked(qtbot, open_window, height):
    window = open_window(saving=False)
    window.resize(1280, height)
    qtbot.wait(50)
    editor = window.editor
    before = {code: aim(window, b) for code, b in editor.em_buttons.items()}
    click_at(window, map_point(window, editor, "forearm--left"))
    qtbot.wait(50)  # let any layout pass run, as it would before the person's next click
    after = {code: aim(window, b) for code, b in editor.em_buttons.items()}
    assert after == before
    click_at(window, before["99213"])
    assert window.flow.visit.em is not None and window.flow.visit.em.code == "99213"


@pytest.mark.parametrize("height", [800, 640])
def test_choosing_a_repair_does_not_move_the_findings_under_the_pointer(qtbot, open_window, height):
    window = open_window(saving=False)
    window.resize(1280, height)  # 1280×800 screen less the panel and title bar: a short column
    qtbot.wait(50)
    editor = window.editor
    panel = editor.procedure_panel
    click_at(window, map_point(window, editor, "forearm--left"))
    click(window, panel.kind_buttons[Kind.EXCISION_MALIGNANT])
    type_text("12")
    editor.ui.procedureScroll.ensureWidgetVisible(panel.favourite_buttons["bcc"])  # scrolled to
    qtbot.wait(50)  # the screen the person looks at before aiming has settled
    bcc = aim(window, panel.favourite_buttons["bcc"])  # where the person will click next
    combo = panel.ui.repairTypeCombo
    click(window, combo)
    intermediate = combo.findData(RepairType.INTERMEDIATE)
    combo.view().setCurrentIndex(combo.model().index(intermediate, 0))
    press(Qt.Key.Key_Return)  # the popup's choice, by keyboard
    qtbot.waitUntil(lambda: window.flow.visit.procedures[0].repair is not None, timeout=2000)
    qtbot.wait(50)
    click_at(window, bcc)
    assert window.flow.visit.procedures[0].diagnosis.finding == "bcc"


def test_the_em_buttons_keep_their_width_as_the_diagnosis_label_grows(qtbot, open_window):
    window = open_window(saving=False)
    editor = window.editor
    click(window, editor.em_buttons["99213"])
    width = editor.em_buttons["99213"].width()
    for words in ("psoriasis", "seborrheic dermatitis", "rosacea", "acne", "actinic keratosis"):
        type_text(words)
        press(Qt.Key.Key_Return)
    assert len(window.flow.visit.em.diagnoses) >= 4
    qtbot.wait(50)
    assert editor.em_buttons["99213"].width() == width
