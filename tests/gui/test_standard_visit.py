"""End to end: the issue's standard visit coded through the widgets, counting the user's actions.

Established Medicare patient; psoriasis managed (99213, separately identifiable); 12 actinic
keratoses on the face frozen; one tangential biopsy of the left forearm, pathology pending.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QApplication

from dermcharge.domain.visit import Kind, Payer, Visit
from dermcharge.gui.body_map_widget import _inside_point
from dermcharge.gui.visit_editor import VisitEditor
from dermcharge.services.capture_flow import CaptureFlow, default_coder


@pytest.fixture
def editor(qtbot):
    coder = default_coder()
    assert coder is not None, "the coding engine must be installed for the end-to-end test"
    flow = CaptureFlow(Visit(date_of_service=date(2026, 11, 20), payer=Payer.MEDICARE), coder)
    widget = VisitEditor(flow)
    qtbot.addWidget(widget)
    widget.resize(1280, 760)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


class UserActions:
    """Drives the widgets like a person and counts each click or typed value."""

    def __init__(self, qtbot, editor: VisitEditor) -> None:
        self.qtbot = qtbot
        self.editor = editor
        self.log: list[str] = []

    def click_region(self, element_id: str) -> None:
        view = self.editor.body_map.current_view()
        item = view.items_by_id[element_id]
        point = view.mapFromScene(_inside_point(item))
        with self.qtbot.waitSignal(self.editor.body_map.site_clicked, timeout=2000):
            self.qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
        self.log.append(f"click {element_id} on the map")

    def click(self, button, what: str) -> None:
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        self.log.append(f"click {what}")

    def type_into(self, widget, text: str, enter: bool = False) -> None:
        if not widget.hasFocus():
            widget.setFocus(Qt.FocusReason.TabFocusReason)  # as Tab does: the old text selected
        self.qtbot.keyClicks(widget, text)
        if enter:
            self.qtbot.keyClick(widget, Qt.Key.Key_Return)
        self.log.append(f"type {text!r}{' ⏎' if enter else ''}")


def test_standard_visit_codes_in_seven_actions(qtbot, editor):
    user = UserActions(qtbot, editor)
    panel = editor.procedure_panel
    assert editor.body_map.tabs.tabText(editor.body_map.tabs.currentIndex()) == "Front"

    user.click_region("forearm--left")
    user.click(panel.kind_buttons[Kind.BIOPSY_TANGENTIAL], "Tangential bx")
    user.click_region("forehead")
    user.click(panel.kind_buttons[Kind.DESTRUCTION_PREMALIGNANT], "AK destroy")
    assert panel.ui.countSpin.hasFocus()  # the count is ready to type, no extra click
    user.type_into(panel.ui.countSpin, "12")
    user.click(editor.em_buttons["99213"], "99213")
    user.type_into(editor.ui.emDxEdit, "psoriasis", enter=True)

    lines = [
        (r.line.cpt, r.line.modifiers, r.line.units, r.line.diagnoses)
        for r in editor.claim_model.rows()
    ]
    assert lines == [
        ("99213", ("25",), 1, ("L40.0",)),
        ("11102", ("XS",), 1, ("D49.2",)),
        ("17000", (), 1, ("L57.0",)),
        ("17003", (), 11, ("L57.0",)),
    ]
    assert editor.ui.separateCheck.isChecked()
    assert [row.code for row in editor.diagnosis_model.rows()] == ["L40.0", "D49.2", "L57.0"]
    assert editor.flow.all_problems() == {}
    # 7 actions from the opened visit to the coded claim (the goal is at most 10)
    assert len(user.log) == 7, user.log
    assert len(editor.flow.actions) == 7, editor.flow.actions
    # the two procedures show as numbered markers on the front figure
    view = editor.body_map.current_view()
    numbers = sorted(item.data(1) for item in view.scene().items() if item.data(0) == "marker")
    assert numbers == [1, 2]


def test_site_search_reaches_the_same_selection_as_the_map(qtbot, editor):
    user = UserActions(qtbot, editor)
    user.type_into(editor.ui.siteSearchEdit, "l nas ala", enter=True)
    site = editor.flow.site
    assert (site.site, site.laterality.value) == ("nasal_ala", "left")
    assert "Left nasal ala" in editor.procedure_panel.ui.siteTitle.text()
    view = editor.body_map.current_view()
    selected = [i.region.element_id for i in view.items_by_id.values() if i.selected]
    assert selected == [] or all(e.startswith("nasal_ala--left") for e in selected)


def test_incomplete_excision_shows_its_problems_on_the_procedure(qtbot, editor):
    user = UserActions(qtbot, editor)
    user.click_region("forearm--right")
    user.click(editor.procedure_panel.kind_buttons[Kind.EXCISION_MALIGNANT], "Excise malignant")
    problems = editor.procedure_panel.ui.problemsLabel.text()
    assert "lesion_cm" in problems and "margin_cm" in problems
    assert editor.claim_model.rowCount() == 0
    assert "to fix" in editor.ui.cleanLabel.text()
    user.type_into(editor.procedure_panel.ui.lesionSpin, "8")
    user.type_into(editor.procedure_panel.ui.marginSpin, "4")
    user.type_into(editor.procedure_panel.ui.findingEdit, "bcc", enter=True)
    assert editor.flow.problems() == []
    assert editor.claim_model.row_at(0).line.cpt == "11602"  # 0.8 + 2×0.4 = 1.6 cm, arm


def test_clicking_a_finding_selects_its_procedure(qtbot, editor):
    user = UserActions(qtbot, editor)
    user.click_region("forearm--left")
    user.click(editor.procedure_panel.kind_buttons[Kind.BIOPSY_PUNCH], "Punch bx")
    user.click_region("forehead")
    user.click(editor.procedure_panel.kind_buttons[Kind.DESTRUCTION_PREMALIGNANT], "AK")
    rows = editor.finding_model.rows()
    target = next(i for i, f in enumerate(rows) if f.procedures == (0,))
    index = editor.finding_model.index(target, 1)
    rect = editor.ui.findingsView.visualRect(index)
    qtbot.mouseClick(editor.ui.findingsView.viewport(), Qt.MouseButton.LeftButton,
                     pos=rect.center())  # fmt: skip
    assert editor.flow.current == 0
    assert editor.procedure_panel.ui.kindLabel.text().startswith("1. Punch biopsy")


def test_hover_names_the_region(qtbot, editor):
    view = editor.body_map.current_view()
    item = view.items_by_id["forearm--left"]
    point: QPoint = view.mapFromScene(_inside_point(item))
    with qtbot.waitSignal(editor.body_map.hover_changed, timeout=2000) as blocker:
        qtbot.mouseMove(view.viewport(), point)
    assert blocker.args == ["patient's left forearm"]


def test_clicking_a_diagnosis_opens_its_procedure_to_change_the_code(qtbot, editor):
    user = UserActions(qtbot, editor)
    user.click_region("forearm--left")
    user.click(editor.procedure_panel.kind_buttons[Kind.BIOPSY_TANGENTIAL], "Tangential bx")
    user.click_region("forehead")
    user.click(editor.procedure_panel.kind_buttons[Kind.DESTRUCTION_PREMALIGNANT], "AK")
    codes = [row.code for row in editor.diagnosis_model.rows()]
    row = codes.index("D49.2")
    rect = editor.ui.diagnosesView.visualRect(editor.diagnosis_model.index(row, 1))
    qtbot.mouseClick(editor.ui.diagnosesView.viewport(), Qt.MouseButton.LeftButton,
                     pos=rect.center())  # fmt: skip
    assert editor.flow.current == 0
    # the pathology came back: a basal cell carcinoma, typed as its ICD-10-CM code
    user.type_into(editor.procedure_panel.ui.findingEdit, "C44.619", enter=True)
    assert "C44.619" in [row.code for row in editor.diagnosis_model.rows()]
    assert "D49.2" not in [row.code for row in editor.diagnosis_model.rows()]


def test_the_diagnoses_are_reordered_with_buttons_and_keys(qtbot, editor, qtmodeltester):
    user = UserActions(qtbot, editor)
    user.click_region("forearm--left")
    user.click(editor.procedure_panel.kind_buttons[Kind.BIOPSY_TANGENTIAL], "Tangential bx")
    user.click_region("forehead")
    user.click(editor.procedure_panel.kind_buttons[Kind.DESTRUCTION_PREMALIGNANT], "AK")
    ui, model = editor.ui, editor.diagnosis_model
    codes = lambda: [model.index(r, 1).data() for r in range(model.rowCount())]  # noqa: E731
    first, second = codes()
    assert not ui.dxResetButton.isEnabled()  # nothing ordered by hand yet
    ui.diagnosesView.setCurrentIndex(model.index(1, 0))
    assert ui.dxUpButton.isEnabled() and not ui.dxDownButton.isEnabled()
    user.click(ui.dxUpButton, "Move up")
    assert codes() == [second, first]
    assert [model.index(r, 0).data() for r in range(2)] == ["A", "B"]
    assert ui.diagnosesView.currentIndex().row() == 0  # the moved diagnosis stays selected
    assert editor.flow.visit.diagnosis_order == (second, first)
    assert editor.flow.claim.diagnoses == (second, first)
    qtmodeltester.check(model)
    ui.diagnosesView.setFocus()
    qtbot.keyClick(ui.diagnosesView, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert codes() == [first, second]
    assert ui.dxResetButton.isEnabled()
    user.click(ui.dxResetButton, "Order of use")
    assert editor.flow.visit.diagnosis_order == () and codes() == [first, second]


def test_kind_buttons_answer_alt_digits(qtbot, editor):
    editor.flow.select_site("scalp")
    button = editor.procedure_panel.kind_buttons[Kind.DESTRUCTION_PREMALIGNANT]
    assert button.shortcut().toString() == "Alt+1"
    assert "Alt+1" in button.toolTip()


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080), (3840, 2160)])
def test_the_editor_lays_out_cleanly_from_1280x800_to_4k(qtbot, editor, size):
    editor.resize(*size)
    qtbot.waitUntil(lambda: editor.size().width() == size[0])
    window = editor.rect()
    shown = [b for b in editor.findChildren(QAbstractButton) if b.isVisibleTo(editor)]
    assert len(shown) > 20
    for button in shown:
        box = button.rect().translated(button.mapTo(editor, button.rect().topLeft()))
        if not button.visibleRegion().isEmpty():  # inside a scroll area, scrolled out of view
            assert window.contains(box), (button.text(), box, size)
            hint = button.minimumSizeHint()
            assert button.width() >= hint.width() - 1, (button.text(), size)  # never squashed
            assert button.height() >= hint.height() - 1, (button.text(), size)
    view = editor.body_map.current_view()
    figure = view.mapFromScene(view.sceneRect()).boundingRect()
    assert figure.height() <= view.viewport().height() + 2  # the whole figure fits
    assert figure.height() >= 0.6 * view.viewport().height() or (
        figure.width() >= 0.6 * view.viewport().width()
    )  # and fills its pane rather than sitting small in it
    recorded = editor.ui.recordedLabel
    assert recorded.height() <= 3 * recorded.sizeHint().height()  # spare room goes to the work


def test_the_body_map_grows_with_the_window(qtbot, editor):
    view = editor.body_map.current_view()
    editor.resize(1280, 800)
    qtbot.waitUntil(lambda: editor.width() == 1280)
    small = view.transform().m11()
    editor.resize(3840, 2160)
    qtbot.waitUntil(lambda: editor.width() == 3840)
    qtbot.waitUntil(lambda: view.transform().m11() > small * 1.5)


def test_the_standard_visit_by_keyboard_alone(qtbot, editor):
    """No mouse: site search, Alt+digit kinds, the count, Ctrl+Shift+digit E/M, Ctrl+E."""
    panel = editor.procedure_panel
    kind_keys = {kind: int(button.shortcut().toString()[-1])
                 for kind, button in panel.kind_buttons.items()}  # fmt: skip
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)

    def keys(sequence: str, text: str = "", enter: bool = False) -> None:
        if sequence:
            key = QKeySequence(sequence)[0]
            qtbot.keyClick(QApplication.focusWidget(), key.key(), key.keyboardModifiers())
        if text:
            qtbot.keyClicks(QApplication.focusWidget(), text)
        if enter:
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)

    def kind(which: Kind) -> None:  # a shortcut "animates" the click: it lands a moment later
        before = len(editor.flow.visit.procedures)
        keys(f"Alt+{kind_keys[which]}")
        qtbot.waitUntil(lambda: len(editor.flow.visit.procedures) == before + 1)

    keys("Ctrl+L", "l forea", enter=True)
    kind(Kind.BIOPSY_TANGENTIAL)
    keys("Ctrl+L", "forehead", enter=True)
    kind(Kind.DESTRUCTION_PREMALIGNANT)
    assert panel.ui.countSpin.hasFocus()
    keys("Ctrl+A", "12")
    keys("Ctrl+Shift+3")  # 99211, 99212, 99213 for an established patient
    qtbot.waitUntil(lambda: editor.flow.visit.em is not None)
    keys("Ctrl+E", "psoriasis", enter=True)

    lines = [(r.line.cpt, r.line.modifiers, r.line.units, r.line.diagnoses)
             for r in editor.claim_model.rows()]  # fmt: skip
    assert lines == [
        ("99213", ("25",), 1, ("L40.0",)),
        ("11102", ("XS",), 1, ("D49.2",)),
        ("17000", (), 1, ("L57.0",)),
        ("17003", (), 11, ("L57.0",)),
    ]
    assert editor.flow.all_problems() == {}
