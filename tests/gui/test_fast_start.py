"""The start on a plain SQLite file: the first window shows today's visits from the start-up
reader while the storage layer opens beside it; an early action waits for it; a failed opening is
reported; sign-in asks the reader first and checks the password once the database is open."""

from __future__ import annotations

import os
import subprocess
import sys
import threading

import pytest
from PySide6.QtWidgets import QApplication

from dermcharge.gui import app as app_module
from dermcharge.gui.app import LOADED_LINE, READY_LINE, connect_backend, make_main_window
from dermcharge.gui.database_opening import OpeningDatabase
from dermcharge.gui.main_window import MainWindow
from dermcharge.gui.secure_backend import SecureBackend
from dermcharge.gui.sign_in import sign_in_at_start
from dermcharge.gui.visit_window import VisitWindow
from dermcharge.security.accounts import local_admin
from dermcharge.services import users, visits
from dermcharge.services.database import open_app_database
from dermcharge.storage.errors import StorageError
from dermcharge.storage.startup_reader import open_startup_reader
from tests.gui.security_fixtures import DOS, PASSWORD, private_clinic


@pytest.fixture
def clinic_url(tmp_path, monkeypatch):
    db, _visit_id, _accounts = private_clinic(tmp_path, monkeypatch)
    db.dispose()
    return f"sqlite:///{tmp_path / 'clinic.sqlite'}"


class GatedOpening:
    """Opens the database only when the test lets it, and counts the openings."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.gate = threading.Event()
        self.calls = 0

    def __call__(self):
        self.calls += 1
        if not self.gate.wait(timeout=30):
            raise AssertionError("the test never let the opening finish")
        return open_app_database(self.url)


@pytest.fixture
def early(qtbot, clinic_url):
    """A main window painted from the reader, its storage layer not open yet."""
    reader = open_startup_reader(clinic_url)
    assert reader is not None
    gated = GatedOpening(clinic_url)
    opening = OpeningDatabase(gated, reader)
    window = MainWindow(None, DOS, "os:tester", first_look=reader)
    qtbot.addWidget(window)
    connect_backend(window, opening, local_admin("tester"), exit_when_ready=False)
    window.show()
    qtbot.waitExposed(window)
    yield window, opening, gated
    gated.gate.set()
    for other in list(window.visit_windows):
        other.close()
    opening.close()


def test_the_first_window_lists_today_before_the_storage_layer_opens(qtbot, early, qtmodeltester):
    window, opening, gated = early
    opening.start()
    assert not opening.is_done() and window.backend is None
    assert window.visit_model.rowCount() == 1
    qtmodeltester.check(window.visit_model)
    assert window.visit_model.row_at(0).patient_name == "Ñúñez-أحمد, Zoë"
    assert [window.ui.providerCombo.itemText(i) for i in range(2)] == [
        "All providers",
        "Jane Doe MD",
    ]
    assert window.database_label.text().startswith("Database: SQLite")
    with qtbot.waitSignal(opening.opened, timeout=30_000):
        gated.gate.set()
    assert isinstance(window.backend, SecureBackend)
    assert window.session_guard is not None  # idle lock and role limits came with it
    assert window.first_look is None and gated.calls == 1
    assert opening.reader is None  # its connection closed: the full database took over
    assert window.visit_model.rowCount() == 1


def test_an_action_before_the_opening_is_done_waits_for_it(qtbot, early):
    window, opening, gated = early
    opening.start()
    window.ui.visitsView.selectRow(0)
    threading.Timer(0.2, gated.gate.set).start()
    editor = window.open_selected_visit()  # waits (busy cursor) instead of refusing
    assert isinstance(editor, VisitWindow)
    assert isinstance(window.backend, SecureBackend) and gated.calls == 1
    assert editor.stored.record.patient.first_name == "Zoë"
    attached = window.backend
    QApplication.processEvents()  # the queued `opened` arrives now and must change nothing
    assert window.backend is attached


def test_a_failed_opening_is_reported_once_and_leaves_the_list_alone(
    qtbot, clinic_url, capsys, monkeypatch
):
    exits: list[int] = []

    class App:  # QApplication.exit on the test's own application would end every later wait
        @staticmethod
        def exit(code: int) -> None:
            exits.append(code)

    monkeypatch.setattr(app_module, "QApplication", App)
    reader = open_startup_reader(clinic_url)

    def broken():
        raise StorageError("cannot open the database: disk I/O error")

    opening = OpeningDatabase(broken, reader)
    window = MainWindow(None, DOS, "os:tester", first_look=reader)
    qtbot.addWidget(window)
    connect_backend(window, opening, local_admin("tester"), exit_when_ready=True)
    with qtbot.waitSignal(opening.failed, timeout=10_000):
        opening.start()
    assert window.property("openingFailed") is True
    assert window.backend is None and window.visit_model.rowCount() == 1
    window.ui.visitsView.selectRow(0)
    assert window.open_selected_visit() is None  # the same failure, not a second report
    err = capsys.readouterr().err
    assert err.count("dermcharge gui: cannot open the database: disk I/O error") == 1
    assert exits == [1]
    opening.close()


def test_after_a_sign_in_the_main_window_opens_with_its_backend(qtbot, clinic_url, qtmodeltester):
    """A sign-in waited for the database: the window comes up with the full backend, its lists
    read from it (a first build of the fast start showed an empty list here)."""
    opening = OpeningDatabase.already_open(open_app_database(clinic_url))
    user = sign_in_with(opening, "doc")
    window = make_main_window(opening, user, "unused", DOS)
    qtbot.addWidget(window)
    assert isinstance(window.backend, SecureBackend) and window.backend.user.username == "doc"
    assert window.visit_model.rowCount() == 1
    qtmodeltester.check(window.visit_model)
    assert window.ui.providerCombo.count() == 2
    assert window.database_label.text().startswith("Database: SQLite")
    assert window.session_guard is not None
    opening.close()


def test_a_save_keeps_the_selected_visit_selected(qtbot, clinic_url):
    db = open_app_database(clinic_url)
    first = visits.list_visits(db, DOS)[0]
    visits.create_visit(db, visits.open_visit(db, first.id).record, actor="test")  # same day
    opening = OpeningDatabase.already_open(db)
    window = make_main_window(opening, local_admin("tester"), "unused", DOS)
    qtbot.addWidget(window)
    assert window.visit_model.rowCount() == 2
    window.ui.visitsView.selectRow(1)
    chosen = window.visit_model.row_at(1).id
    window.refresh_visits()  # as after an autosave of the open visit
    assert window.visit_model.row_at(window.ui.visitsView.currentIndex().row()).id == chosen
    opening.close()


def sign_in_with(opening: OpeningDatabase, name: str):
    return users.verify_login(opening.database(), name, PASSWORD)


def test_sign_in_asks_the_reader_then_checks_the_password_on_the_open_database(
    clinic_url, monkeypatch
):
    reader = open_startup_reader(clinic_url)
    gated = GatedOpening(clinic_url)
    opening = OpeningDatabase(gated, reader)
    assert opening.users_exist() is True and gated.calls == 0  # no storage layer for that
    monkeypatch.setenv("DERMCHARGE_USER", "doc")
    monkeypatch.setenv("DERMCHARGE_PASSWORD", PASSWORD)
    gated.gate.set()
    user = sign_in_at_start(opening, exit_when_ready=True)
    assert user is not None and user.username == "doc" and gated.calls == 1
    opening.close()


def test_the_gui_command_reports_interactive_then_loaded(clinic_url, tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DERMCHARGE_DATA_DIR=str(tmp_path / "d"),
               DERMCHARGE_USER="ma1", DERMCHARGE_PASSWORD=PASSWORD)  # fmt: skip
    done = subprocess.run(
        [sys.executable, "-m", "dermcharge", "gui", "--exit-when-ready", "--db", clinic_url],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [READY_LINE, LOADED_LINE]
    assert "Traceback" not in done.stderr


def test_the_first_windows_modules_load_no_sqlalchemy_alembic_or_reportlab():
    modules = (
        "dermcharge.cli.gui_cmd",
        "dermcharge.storage.startup_reader",
        "dermcharge.gui.app",
        "dermcharge.gui.main_window",
        "dermcharge.gui.sign_in",
        "dermcharge.gui.database_opening",
    )
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('sqlalchemy', 'alembic', 'reportlab'))\n"
        "print(' '.join(heavy))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True
    )
    assert done.stdout.strip() == "", f"loaded before the first window: {done.stdout}"


def test_the_code_set_release_is_shown_once_the_window_has_painted(qtbot, clinic_url):
    reader = open_startup_reader(clinic_url)
    window = MainWindow(None, DOS, "os:tester", ("ICD-10-CM", None), first_look=reader)
    qtbot.addWidget(window)
    assert window.code_set_label.text() == "ICD-10-CM"
    app_module._on_first_paint(window, None, DOS, exit_when_ready=False)
    # 2026-11-20 falls in FY2027, and only the shipped FY2026 release is loaded
    assert window.code_set_label.text() == "⚠ ICD-10-CM FY2026 loaded: newer release in force"
    assert "FY2027" in window.code_set_label.toolTip()
    reader.close()
