"""Defects 2-4: Sign asks first and shows what is open; open errors need an override reason;
a signed visit is read-only, all of it; Amend reopens it as a new version that must be signed
again."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from dermcharge.services import visits
from tests.gui.exam_room.conftest import em_without_diagnosis
from tests.gui.exam_room.person import aim, click, click_at, type_text, when_dialog_opens

DENIED = "points to no diagnosis"


def test_sign_shows_the_open_error_and_needs_a_reason(qtbot, open_window):
    window = open_window(em_without_diagnosis())
    editor = window.editor
    shown: list[str] = []

    def cancel(dialog):
        shown.append(dialog.text_label.text())
        assert not dialog.confirm_button.isEnabled()  # no reason yet: cannot sign
        click(dialog, dialog.buttons.button(dialog.buttons.StandardButton.Cancel))

    when_dialog_opens(cancel)
    click(window, editor.ui.signButton)
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert DENIED in shown[0]
    assert window.stored.status == "draft"  # cancelled: nothing changed


def test_sign_with_override_then_everything_is_read_only_until_amended(qtbot, open_window, backend):
    window = open_window(em_without_diagnosis())
    editor = window.editor
    shown: list[str] = []

    def override(dialog):
        shown.append(dialog.text_label.text())
        type_text("size and diagnosis in the note; coder to add")  # the reason box has focus
        click(dialog, dialog.confirm_button)

    when_dialog_opens(override)
    button_99214 = aim(window, editor.em_buttons["99214"])  # where the person will click next
    click(window, editor.ui.signButton)
    qtbot.waitUntil(lambda: window.stored.status == "signed", timeout=5000)
    assert DENIED in shown[0]
    stored = backend.open_visit(window.stored.id)
    overridden = [f for f in stored.findings if DENIED in f.message]
    assert overridden[0].decision == "overridden"
    assert overridden[0].reason == "size and diagnosis in the note; coder to add"
    assert any(e.action == "finding_overridden" for e in visits.visit_audit(backend.db, stored.id))

    # Signed: the E/M row, its diagnosis field and the capture columns take nothing.
    click_at(window, button_99214)
    assert window.flow.visit.em.code == "99213"
    assert not window.windowTitle().startswith("*")  # nothing to save, no failing save
    for widget in (*editor.em_buttons.values(), editor.ui.emDxEdit, editor.ui.separateCheck,
                   editor.ui.mainSplitter):  # fmt: skip
        assert not widget.isEnabled()
    click(window, editor.ui.emDxEdit)
    focus = QApplication.focusWidget()
    if focus is not None:
        qtbot.keyClicks(focus, "psoriasis")
        qtbot.keyClick(focus, Qt.Key.Key_Return)
    assert window.flow.visit.em.diagnoses == ()

    # Amend: asks why, keeps the signed version, reopens as a draft.
    assert editor.ui.amendButton.isVisible() and editor.ui.amendButton.isEnabled()

    def amend(dialog):
        assert not dialog.confirm_button.isEnabled()
        type_text("diagnosis was missing")
        click(dialog, dialog.confirm_button)

    when_dialog_opens(amend)
    click(window, editor.ui.amendButton)
    qtbot.waitUntil(lambda: window.stored.status == "draft", timeout=5000)
    assert window.stored.amendment == 1
    kept = visits.signed_versions(backend.db, window.stored.id)
    assert [v.reason for v in kept] == ["diagnosis was missing"]
    assert any(e.action == "amend" for e in visits.visit_audit(backend.db, window.stored.id))
    assert not editor.ui.amendButton.isVisible()

    # Editable again; and it must be signed again.
    click(window, editor.em_buttons["99214"])
    assert window.flow.visit.em.code == "99214"
    signed_again: list[str] = []

    def sign(dialog):
        signed_again.append(dialog.text_label.text())
        if not dialog.confirm_button.isEnabled():
            type_text("still no diagnosis; coder to add")
        click(dialog, dialog.confirm_button)

    when_dialog_opens(sign)
    click(window, editor.ui.signButton)
    qtbot.waitUntil(lambda: window.stored.status == "signed", timeout=5000)
    assert backend.open_visit(window.stored.id).record.visit.em.code == "99214"


def test_a_clean_visit_still_asks_before_signing(qtbot, open_window):
    from dermcharge.domain.visit import Diagnosis, EmService

    visit = em_without_diagnosis()
    visit = type(visit)(date_of_service=visit.date_of_service, payer=visit.payer,
                        em=EmService("99213", diagnoses=(Diagnosis(finding="psoriasis"),)))  # fmt: skip
    window = open_window(visit)
    asked: list[str] = []

    def sign(dialog):
        asked.append(dialog.text_label.text())
        assert dialog.confirm_button.isEnabled()  # no error: no reason needed
        click(dialog, dialog.confirm_button)

    when_dialog_opens(sign)
    click(window, window.editor.ui.signButton)
    qtbot.waitUntil(lambda: window.stored.status == "signed", timeout=5000)
    assert "Sign this visit?" in asked[0]
