"""Start the desktop app: one QApplication, sign-in, the main window with today's visits.

On a plain SQLite file the first window is on screen before the storage layer has loaded: it
reads what it shows through `storage.startup_reader`, and `OpeningDatabase` opens the rest on a
worker thread once that window has painted. Everything else (PostgreSQL, an encrypted file, a
schema to migrate) is opened before the first window, as `cli.gui_cmd` decides.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from dermcharge.gui.code_set_status import code_set_status
from dermcharge.gui.database_opening import OpeningDatabase
from dermcharge.gui.first_paint import after_first_paint
from dermcharge.gui.main_window import MainWindow
from dermcharge.resource_files import resource_path

if TYPE_CHECKING:
    from dermcharge.security.accounts import User

# Printed by --exit-when-ready once the main window has painted today's visits and takes input;
# bench/bench_gui_startup.py times it.
READY_LINE = "dermcharge gui: interactive"
LOADED_LINE = "dermcharge gui: storage loaded"  # then, once the full backend is attached


def run(
    opening: OpeningDatabase | None,
    user: str,
    *,
    today: date,
    exit_when_ready: bool = False,
    argv: Sequence[str] | None = None,
) -> int:
    """Run the app until its main window closes. With a database the person signs in (the
    unattended --exit-when-ready start on a database without accounts is the local
    administrator); `user` labels the window only when there is none.

    --exit-when-ready prints READY_LINE when the main window has painted, then LOADED_LINE and
    exits 0 once the storage layer is loaded too (1 if it could not be): the smoke test covers
    both."""
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    app = QApplication.instance() or QApplication(list(argv or sys.argv[:1]))
    app.setApplicationName("dermcharge")
    app.setApplicationDisplayName("dermcharge")
    app.setWindowIcon(QIcon(str(resource_path("icons", "dermcharge.svg"))))
    signed_in: User | None = None
    if opening is not None:
        signed_in = _sign_in(opening, exit_when_ready)
        if signed_in is None:
            return 0 if not exit_when_ready else 1
        user = signed_in.label
    window = make_main_window(opening, signed_in, user, today, exit_when_ready)
    window.resize(1280, 800)
    after_first_paint(window, lambda: _on_first_paint(window, opening, today, exit_when_ready))
    window.show()
    return int(app.exec())


def make_main_window(
    opening: OpeningDatabase | None,
    signed_in: User | None,
    user: str,
    today: date,
    exit_when_ready: bool = False,
) -> MainWindow:
    """The main window for the signed-in user: with its backend when the database is open
    (a sign-in waited for it), else painted from the start-up reader until the backend comes."""
    first_look = opening.reader if opening is not None and not opening.is_done() else None
    # The code-set release is looked up once the window has painted (it opens the ICD index).
    window = MainWindow(None, today, user, ("ICD-10-CM", None), first_look=first_look)
    if opening is not None and signed_in is not None:
        connect_backend(window, opening, signed_in, exit_when_ready)
    return window


def _sign_in(opening: OpeningDatabase, exit_when_ready: bool) -> User | None:
    from dermcharge.gui.sign_in import sign_in_at_start
    from dermcharge.security.errors import SecurityError
    from dermcharge.services.errors import StorageError

    try:
        return sign_in_at_start(opening, exit_when_ready=exit_when_ready)
    except (SecurityError, StorageError) as refused:
        print(f"dermcharge gui: {refused}", file=sys.stderr)
        return None


def _on_first_paint(
    window: MainWindow, opening: OpeningDatabase | None, today: date, exit_when_ready: bool
) -> None:
    if opening is not None:
        opening.start()  # no-op when it is open already (a sign-in waited for it)
    window.set_code_set_status(code_set_status(today))
    if not exit_when_ready:
        return
    print(READY_LINE, flush=True)
    if window.backend is not None or opening is None:
        print(LOADED_LINE, flush=True)
        QApplication.exit(0)
    # else: connect_backend exits once the backend is attached (or 1 if the opening failed)


def connect_backend(
    window: MainWindow, opening: OpeningDatabase, user: User, exit_when_ready: bool
) -> None:
    """Give the window its full backend now if the database is open, else when it is."""

    def attach() -> bool:
        if window.backend is not None:
            return True
        try:
            database = opening.database()
        except Exception as error:
            _opening_failed(window, str(error), exit_when_ready)
            return False
        from dermcharge.gui.secure_backend import SecureBackend
        from dermcharge.gui.secure_start import guard_session

        backend = SecureBackend(database, user)
        window.attach_backend(backend)
        opening.drop_reader()
        guard_session(window, backend)
        return True

    if opening.is_done():
        attach()
        return
    window.complete_start = attach  # an action before the opening is done waits for it

    def on_opened() -> None:
        if attach() and exit_when_ready:
            print(LOADED_LINE, flush=True)
            QApplication.exit(0)

    opening.opened.connect(on_opened)
    opening.failed.connect(lambda message: _opening_failed(window, message, exit_when_ready))


def _opening_failed(window: MainWindow, message: str, exit_when_ready: bool) -> None:
    if window.property("openingFailed"):
        return  # reported once, whichever path found it first
    window.setProperty("openingFailed", True)
    print(f"dermcharge gui: {message}", file=sys.stderr)
    if not exit_when_ready:
        QMessageBox.critical(
            window, "dermcharge", f"The database could not be opened.\n\n{message}"
        )
    QApplication.exit(1)
