"""The full database, opening on a worker thread while the first window is already on screen.

SQLAlchemy, the mapped models and the services take longer to import than Qt takes to show a
window. The first window reads what it shows through `storage.startup_reader` (stdlib sqlite3);
this object opens everything else beside it. Whatever needs the full database calls `database()`,
which returns at once when the opening is done and otherwise waits for it — a person who clicks
in the first half second waits that long once, and nothing they did is lost.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from dermcharge.services.database import Database
    from dermcharge.services.first_window import StartupReader


def _warm_service_modules() -> None:
    """Import, off the GUI thread, what the first actions use (a visit, a search, sign-in)."""
    import dermcharge.services.people
    import dermcharge.services.record_access
    import dermcharge.services.users
    import dermcharge.services.visits  # noqa: F401


class OpeningDatabase(QObject):
    """One database being opened; `opened` or `failed` is emitted on the GUI thread when done."""

    opened = Signal()
    failed = Signal(str)

    def __init__(
        self,
        open_database: Callable[[], Database],
        reader: StartupReader | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.reader = reader
        self._open_database = open_database
        self._done = threading.Event()
        self._database: Database | None = None
        self._error: BaseException | None = None
        self._thread: threading.Thread | None = None

    @classmethod
    def already_open(cls, database: Database) -> OpeningDatabase:
        opening = cls(lambda: database)
        opening._database = database
        opening._done.set()
        return opening

    def start(self) -> None:
        if self._thread is None and not self._done.is_set():
            self._thread = threading.Thread(
                target=self._open, name="dermcharge-open-database", daemon=True
            )
            self._thread.start()

    def _open(self) -> None:
        try:
            database = self._open_database()
            _warm_service_modules()
        except BaseException as error:  # handed to the GUI thread, which shows it
            self._error = error
            self._done.set()
            self.failed.emit(str(error))
            return
        self._database = database
        self._done.set()
        self.opened.emit()

    def start_after_first_paint(self, window: QWidget) -> None:
        """Open once `window` (the sign-in dialog, the main window) has painted."""
        from dermcharge.gui.first_paint import after_first_paint

        after_first_paint(window, self.start)

    def is_done(self) -> bool:
        return self._done.is_set()

    def database(self) -> Database:
        """The open database, waiting for the worker if needed; re-raises what the opening hit."""
        if not self._done.is_set():
            self.start()
            self._done.wait()
        if self._error is not None:
            raise self._error
        assert self._database is not None
        return self._database

    def users_exist(self) -> bool:
        """Whether accounts exist (sign-in) or not (first run), without waiting when possible."""
        if self.reader is not None and not self._done.is_set():
            return self.reader.users_exist()
        from dermcharge.services import users

        return users.users_exist(self.database())

    def drop_reader(self) -> None:
        """The full database has taken over: close the start-up reader's connection (an encryption
        or restore later must find no other connection to the file)."""
        if self.reader is not None:
            self.reader.close()
            self.reader = None

    def close(self) -> None:
        """At exit: wait for the worker (nothing is torn down under it), close the reader and
        the database."""
        if self._thread is not None:
            self._thread.join()
        self.drop_reader()
        if self._database is not None:
            self._database.dispose()
