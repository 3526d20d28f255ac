"""Defect 20: the FY2027 ICD-10-CM release warning is practice-wide: said once in the status
bar, not "1 to review ⚠" on every visit; the claim itself still carries it (the CLI contract)."""

from __future__ import annotations

from dermcharge.domain.visit import Diagnosis, EmService, Payer, Visit
from tests.gui.exam_room.conftest import DOS
from tests.gui.exam_room.person import click, when_dialog_opens


def test_a_clean_visit_says_clean_and_the_release_warning_is_in_the_status_bar(qtbot, open_window):
    visit = Visit(date_of_service=DOS, payer=Payer.MEDICARE,
                  em=EmService("99213", diagnoses=(Diagnosis(finding="psoriasis"),)))  # fmt: skip
    window = open_window(visit)
    editor = window.editor
    claim = window.flow.claim
    assert any(f.check == "code_set_version" for f in claim.findings)  # still on the claim
    listed = editor.finding_model.rows()
    assert all(f.check != "code_set_version" for f in listed)
    others = [f for f in claim.findings if f.check != "code_set_version"]
    assert len(listed) == len(others)
    summary = editor.ui.cleanLabel.text()
    assert f"{len(others)} to review" in summary if others else "clean" in summary
    assert "ICD-10-CM" in window.practice_label.text()
    assert "FY2027" in window.practice_label.toolTip()
    asked: list[str] = []

    def sign(dialog):
        asked.append(dialog.text_label.text())
        click(dialog, dialog.confirm_button)

    when_dialog_opens(sign)
    click(window, editor.ui.signButton)
    qtbot.waitUntil(lambda: window.stored.status == "signed", timeout=5000)
    assert "FY2027" not in asked[0]
