"""The idle lock hides every window behind the sign-in and keeps unsaved edits; switch user."""

from __future__ import annotations

import pytest

from dermcharge.gui.main_window import MainWindow
from dermcharge.gui.secure_backend import SecureBackend
from dermcharge.gui.session_guard import SessionGuard
from dermcharge.services import audit_view, visits
from tests.gui.security_fixtures import DOS, PASSWORD, clinic

IDLE_MS = 150


@pytest.fixture
def session(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("DERMCHARGE_DATA_DIR", str(tmp_path / "data"))
    db, visit_id, accounts = clinic(tmp_path)
    backend = SecureBackend(db, accounts["doc"])
    main = MainWindow(backend, DOS, "doc")
    qtbot.addWidget(main)
    guard = SessionGuard(backend, main, IDLE_MS)
    main.show()
    qtbot.waitExposed(main)
    yield main, guard, visit_id, accounts
    if guard.login_dialog is not None:
        guard.login_dialog.close()
    for window in list(main.visit_windows):
        window.close()
    db.dispose()


def _sign_in(qtbot, guard, username, password=PASSWORD):
    dialog = guard.login_dialog
    dialog.username_edit.setText(username)
    dialog.password_edit.setText(password)
    with qtbot.waitSignal(guard.unlocked, timeout=2000) as unlocked:
        dialog.sign_in_button.click()
    return unlocked.args[0]


def _open_with_unsaved_edit(main):
    window = main.open_visit(main.visit_model.rows()[0].id)
    window._autosave.setInterval(600_000)  # the edit stays unsaved for the whole test
    window.flow.set_em("99213")
    assert window._dirty and window.flow.visit.em is not None
    return window


def test_idle_time_locks_and_the_same_user_gets_the_unsaved_edit_back(qtbot, session):
    main, guard, visit_id, _ = session
    window = _open_with_unsaved_edit(main)
    edited = window.flow.visit
    with qtbot.waitSignal(guard.locked, timeout=3000):
        pass  # no input: the idle timer fires by itself
    assert not main.isVisible() and not window.isVisible()
    assert guard.login_dialog.isVisible()
    assert guard.login_dialog.username_edit.text() == "doc"
    assert visits.open_visit(main.backend.db, visit_id).record.visit.em is None  # not saved
    guard.login_dialog.password_edit.setText("wrong password")
    guard.login_dialog.sign_in_button.click()
    assert guard.is_locked and not window.isVisible()
    user = _sign_in(qtbot, guard, "doc")
    assert user.username == "doc"
    assert main.isVisible() and window.isVisible()
    assert window.flow.visit == edited and window._dirty  # the edit survived the lock


def test_input_postpones_the_lock(qtbot, session):
    main, guard, _, _ = session
    guard.set_idle_ms(400)
    for _ in range(3):
        qtbot.waitUntil(lambda: guard._idle.remainingTime() < 250, timeout=2000)
        qtbot.mouseMove(main, main.rect().center())
        qtbot.keyClick(main.ui.patientSearchEdit, "a")
        assert not guard.is_locked
    with qtbot.waitSignal(guard.locked, timeout=3000):
        pass


def test_switch_user_parks_the_owners_windows_until_they_return(qtbot, session):
    main, guard, _, accounts = session
    window = _open_with_unsaved_edit(main)
    guard.switch_user()
    with qtbot.waitSignal(guard.user_changed, timeout=2000):
        _sign_in(qtbot, guard, "ma1")
    assert main.isVisible() and not window.isVisible()
    assert main.user_label.text() == "User: Ma1 (ma1)"
    assert main.backend.actor == "ma1" and window.backend.actor == "doc"  # saves stay doc's
    assert main.ui.actionNewPatient.isEnabled()
    guard.lock()
    _sign_in(qtbot, guard, "doc")
    assert window.isVisible() and window._dirty
    window.save()
    entries = audit_view.recent_audit(main.backend.db, by=accounts["admin"], entity="visit")
    assert [(e.action, e.actor) for e in entries[:2]] == [("edit", "doc"), ("open", "doc")]


def test_switch_user_can_be_cancelled_back_to_the_same_person(qtbot, session):
    """Defect 15: Switch user offers Cancel (not only Quit); an idle lock does not."""
    from tests.gui.exam_room.person import click

    main, guard, _, _ = session
    guard.switch_user()
    dialog = guard.login_dialog
    assert dialog.cancel_button is not None
    with qtbot.waitSignal(guard.unlocked, timeout=2000) as unlocked:
        click(dialog, dialog.cancel_button)
    assert unlocked.args[0].username == "doc"
    assert main.isVisible() and not guard.is_locked
    guard.lock()  # the idle lock's sign-in: no way around the password
    assert guard.login_dialog.cancel_button is None


def test_the_first_run_admin_is_told_why_the_visit_buttons_are_grey(qtbot, session):
    """Defect 15: an admin (no clinical role) sees why the visit buttons are disabled."""
    main, guard, _, _ = session
    guard.lock()
    _sign_in(qtbot, guard, "admin")
    assert not main.ui.newPatientButton.isEnabled()
    assert "Security ▸ Users" in main.statusBar().currentMessage()
