"""Sign-in at start, the first run's admin, and role limits on the visit window's actions."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from dermcharge.gui.login_dialog import FirstAdminDialog, LoginDialog
from dermcharge.gui.main_window import MainWindow
from dermcharge.gui.secure_backend import NotPermitted, SecureBackend
from dermcharge.gui.secure_start import guard_session
from dermcharge.gui.sign_in import sign_in_at_start
from dermcharge.security.errors import SecurityError
from dermcharge.services import users
from dermcharge.services.database import open_app_database
from tests.gui.security_fixtures import DOS, PASSWORD, private_clinic


@pytest.fixture
def setup(tmp_path, monkeypatch):
    db, visit_id, accounts = private_clinic(tmp_path, monkeypatch)
    yield db, visit_id, accounts
    db.dispose()


def test_a_wrong_password_is_refused_and_the_dialog_stays(qtbot, setup):
    db = setup[0]
    dialog = LoginDialog(lambda n, p: users.verify_login(db, n, p))
    qtbot.addWidget(dialog)
    dialog.username_edit.setText("doc")
    dialog.password_edit.setText("not the password")
    dialog.sign_in_button.click()
    assert dialog.user is None and dialog.result() == 0
    assert "wrong password" in dialog.error_label.text()
    assert dialog.password_edit.text() == ""
    dialog.password_edit.setText(PASSWORD)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert dialog.user is not None and dialog.user.username == "doc"
    assert dialog.password_edit.text() == ""


def test_the_first_run_creates_the_admin(qtbot, tmp_path):
    db = open_app_database(f"sqlite:///{tmp_path / 'new.sqlite'}")
    dialog = FirstAdminDialog(lambda n, f, p: users.create_first_admin(db, n, f, p))
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("Ana Admin")
    dialog.password_edit.setText("short")
    dialog.repeat_edit.setText("short")
    dialog.try_create()
    assert "at least 8 characters" in dialog.error_label.text()
    assert not users.users_exist(db)
    dialog.password_edit.setText(PASSWORD)
    dialog.repeat_edit.setText(PASSWORD)
    with qtbot.waitSignal(dialog.accepted):
        dialog.try_create()
    assert dialog.user is not None and dialog.user.username == "admin"
    assert users.verify_login(db, "admin", PASSWORD).username == "admin"
    db.dispose()


def test_unattended_start_signs_in_from_the_environment(setup, monkeypatch, tmp_path):
    db = setup[0]
    with pytest.raises(SecurityError, match="set \\$DERMCHARGE_USER"):
        sign_in_at_start(db, exit_when_ready=True)
    monkeypatch.setenv("DERMCHARGE_USER", "bill")
    monkeypatch.setenv("DERMCHARGE_PASSWORD", "wrong password")
    with pytest.raises(SecurityError, match="wrong password"):
        sign_in_at_start(db, exit_when_ready=True)
    monkeypatch.setenv("DERMCHARGE_PASSWORD", PASSWORD)
    assert sign_in_at_start(db, exit_when_ready=True).username == "bill"
    empty = open_app_database(f"sqlite:///{tmp_path / 'empty.sqlite'}")
    assert sign_in_at_start(empty, exit_when_ready=True).username.startswith("os:")
    empty.dispose()


@pytest.mark.parametrize(
    ("who", "ready", "sign", "print_"),
    [("doc", True, True, True), ("ma1", True, False, False), ("bill", False, False, True)],
)
def test_visit_actions_follow_the_roles(qtbot, setup, who, ready, sign, print_):
    db, visit_id, accounts = setup
    backend = SecureBackend(db, accounts[who])
    main = MainWindow(backend, DOS, who)
    qtbot.addWidget(main)
    guard_session(main, backend)
    window = main.open_visit(visit_id)
    qtbot.addWidget(window)
    ui = window.editor.ui
    assert (ui.readyButton.isEnabled(), ui.signButton.isEnabled()) == (ready, sign)
    assert ui.printButton.isEnabled() is print_
    assert ui.mainSplitter.isEnabled() is (who != "bill")  # a biller reviews, does not edit
    if not sign:
        assert ui.signButton.toolTip() == "Only a provider may sign a visit"
    window.editor.set_status("draft")  # a status change does not re-enable a refused action
    assert ui.signButton.isEnabled() is sign
    menu = {a.text(): a.isEnabled() for a in window.findChildren(type(main.ui.actionQuit))}
    assert menu["Si&gn"] is sign and menu["&Print superbill…"] is print_
    assert main.ui.actionNewPatient.isEnabled() is (who != "bill")


def test_the_backend_refuses_what_the_role_may_not_do(setup):
    db, visit_id, accounts = setup
    biller = SecureBackend(db, accounts["bill"])
    stored = biller.open_visit(visit_id)
    with pytest.raises(NotPermitted, match="Only a provider or medical assistant may mark"):
        biller.mark_ready(stored)
    with pytest.raises(NotPermitted, match="Only a provider or medical assistant may capture"):
        biller.save_visit(stored, stored.record.visit)
    with pytest.raises(NotPermitted, match="open patient records"):
        SecureBackend(db, accounts["admin"]).open_visit(visit_id)


def test_the_admin_encrypts_the_database_from_the_gui(qtbot, setup, monkeypatch):
    import keyring
    from keyring.backend import KeyringBackend

    from dermcharge.gui.encrypt_dialog import EncryptDialog
    from dermcharge.services import encryption

    if not encryption.sqlcipher_available():
        pytest.skip("sqlcipher3 is not installed")

    class MemoryKeyring(KeyringBackend):
        priority = 1
        secrets: dict = {}  # noqa: RUF012

        def get_password(self, service, username):
            return self.secrets.get((service, username))

        def set_password(self, service, username, password):
            self.secrets[(service, username)] = password

        def delete_password(self, service, username):
            self.secrets.pop((service, username), None)

    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    try:
        db, _, accounts = setup
        dialog = EncryptDialog(db, accounts["admin"])
        qtbot.addWidget(dialog)
        dialog.passphrase_choice.setChecked(True)
        dialog.passphrase_edit.setText("short")
        dialog.repeat_edit.setText("short")
        dialog.try_encrypt()
        assert "at least 8 characters" in dialog.error_label.text()
        dialog.keyring_choice.setChecked(True)
        with qtbot.waitSignal(dialog.accepted):
            dialog.try_encrypt()
        assert encryption.is_encrypted(db.url)
        reopened = open_app_database(encryption.unlocked_url(db.url))
        assert users.verify_login(reopened, "doc", PASSWORD).username == "doc"
        reopened.dispose()
    finally:
        keyring.set_keyring(previous)


def test_only_providers_and_billers_decide_findings(setup):
    db, visit_id, accounts = setup
    assistant = SecureBackend(db, accounts["ma1"])
    stored = assistant.open_visit(visit_id)
    with pytest.raises(NotPermitted, match="Only a provider or biller may acknowledge or override"):
        assistant.decide_finding(stored, 0, "acknowledged", "")


def test_an_admin_adds_a_user_with_roles(qtbot, setup):
    from dermcharge.gui.users_dialog import AddUserDialog
    from dermcharge.security.roles import Role

    db, _visit_id, accounts = setup
    dialog = AddUserDialog(db, accounts["admin"])
    qtbot.addWidget(dialog)
    dialog.username_edit.setText("ma2")
    dialog.name_edit.setText("Sam Assistant")
    dialog.role_boxes[Role.MEDICAL_ASSISTANT].setChecked(True)
    dialog.password_edit.setText(PASSWORD)
    dialog.repeat_edit.setText("something else")
    dialog.try_create()
    assert dialog.error_label.text() == "The two passwords differ." and dialog.user is None
    dialog.repeat_edit.setText(PASSWORD)
    with qtbot.waitSignal(dialog.accepted):
        dialog.try_create()
    assert dialog.user is not None and dialog.password_edit.text() == ""
    assert users.verify_login(db, "ma2", PASSWORD).display_name == "Sam Assistant"
    assert [r.value for r in users.verify_login(db, "ma2", PASSWORD).roles] == [
        Role.MEDICAL_ASSISTANT.value
    ]
