"""Defects 12 and 13: a definitive diagnosis clears "pathology pending"; a procedure recorded
before its site takes the site picked next."""

from __future__ import annotations

from dermcharge.domain.visit import Kind, Laterality
from tests.gui.exam_room.person import click, click_at, map_point


def test_choosing_a_definitive_diagnosis_unchecks_pathology_pending(qtbot, open_window):
    window = open_window(saving=False)
    editor = window.editor
    panel = editor.procedure_panel
    click_at(window, map_point(window, editor, "forearm--left"))
    click(window, panel.kind_buttons[Kind.BIOPSY_TANGENTIAL])
    assert panel.ui.pathPendingCheck.isChecked()
    click(window, panel.favourite_buttons["bcc"])  # the result came back: basal cell carcinoma
    procedure = window.flow.visit.procedures[0]
    assert procedure.diagnosis.finding == "bcc"
    assert not procedure.path_pending
    assert not panel.ui.pathPendingCheck.isChecked()


def test_a_site_picked_after_the_procedure_attaches_to_it(qtbot, open_window):
    window = open_window(saving=False)
    editor = window.editor
    panel = editor.procedure_panel
    click(window, panel.kind_buttons[Kind.SHAVE_REMOVAL])  # no site picked yet
    assert window.flow.visit.procedures[0].site is None
    click_at(window, map_point(window, editor, "forearm--left"))
    procedures = window.flow.visit.procedures
    assert len(procedures) == 1
    assert (procedures[0].site, procedures[0].laterality) == ("forearm", Laterality.LEFT)
    assert window.flow.current == 0  # still the one being entered
