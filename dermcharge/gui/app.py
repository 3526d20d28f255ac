"""Start the desktop app: one QApplication, the main window with today's visits."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from dermcharge.gui.app_backend import AppBackend
from dermcharge.gui.main_window import MainWindow
from dermcharge.resource_files import resource_path
from dermcharge.services.database import Database


def code_set_status(today: date) -> tuple[str, str | None]:
    """The ICD-10-CM release that codes today's visits and the warning when a newer one is due."""
    try:
        from dermcharge.codesets.icd10.releases import release_status
    except ImportError:
        return ("ICD-10-CM: code sets not installed", None)
    try:
        status = release_status(today)
    except Exception as error:  # a damaged index must not stop the app from starting
        return ("ICD-10-CM: not readable", str(error))
    return (f"{status.release} loaded", status.message if status.newer_release_in_force else None)


def run(
    db: Database | None,
    user: str,
    *,
    today: date,
    exit_when_ready: bool = False,
    argv: Sequence[str] | None = None,
) -> int:
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    app = QApplication.instance() or QApplication(list(argv or sys.argv[:1]))
    app.setApplicationName("dermcharge")
    app.setApplicationDisplayName("dermcharge")
    app.setWindowIcon(QIcon(str(resource_path("icons", "dermcharge.svg"))))
    backend: AppBackend | None = None
    if db is not None:
        from dermcharge.gui.secure_start import sign_in_or_quit

        signed_in = sign_in_or_quit(db, exit_when_ready=exit_when_ready)
        if signed_in is None:
            return 0 if not exit_when_ready else 1
        backend, user = signed_in, signed_in.user.label
    window = MainWindow(backend, today, user, code_set_status(today))
    window.resize(1280, 800)
    if db is not None:
        from dermcharge.gui.secure_start import guard_session

        guard_session(window, backend)
    window.show()
    if exit_when_ready:
        # The first pass of the event loop paints the window with today's visits: interactive.
        QTimer.singleShot(0, lambda: app.exit(0))
    return int(app.exec())
