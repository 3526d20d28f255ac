"""A code-set import run on a worker thread, with progress and a cancel that never half-writes.

The importers (ICD-10-CM release, CMS tables) check every line before they write, then move the
new file into place in one step. Cancelling therefore only stops the work between stages: the
progress callback raises `ImportCancelled` while nothing has been written yet, and once the final
stage is reached the import is allowed to finish (the result is then reported as done).
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

Progress = Callable[[str, float], None]
Job = Callable[[Progress], object]  # the import itself, given a progress callback


class ImportCancelled(Exception):
    """Raised inside the worker thread when the person cancelled before anything was written."""


class ImportWorker(QObject):
    """Lives in the worker thread; runs the job once and reports by (queued) signals."""

    progressed = Signal(str, float)  # stage, fraction 0..1
    succeeded = Signal(object)  # what the job returned
    failed = Signal(str)  # a message for the person (file and line for a malformed file)
    cancelled = Signal()
    done = Signal()  # after exactly one of succeeded / failed / cancelled

    def __init__(self, job: Job, expected_errors: tuple[type[Exception], ...]) -> None:
        super().__init__()
        self._job = job
        self._expected = expected_errors
        self._cancel = threading.Event()

    def request_cancel(self) -> None:
        self._cancel.set()

    def _report(self, stage: str, fraction: float) -> None:
        # The final stage comes after the file is in place: never pretend that was undone.
        if self._cancel.is_set() and fraction < 1.0:
            raise ImportCancelled
        self.progressed.emit(stage, fraction)

    @Slot()
    def run(self) -> None:
        try:
            result = self._job(self._report)
        except ImportCancelled:
            self.cancelled.emit()
        except self._expected as error:
            self.failed.emit(str(error))
        except OSError as error:  # disk full, no permission, a file vanished while reading
            name = f" ({error.filename})" if error.filename else ""
            self.failed.emit(f"A file could not be read or written{name}: {error.strerror}")
        except Exception as error:  # reported in the dialog; the thread must always finish
            self.failed.emit(f"The import stopped unexpectedly: {type(error).__name__}: {error}")
        else:
            self.succeeded.emit(result)
        self.done.emit()


class ImportRunner(QObject):
    """Owns the worker thread of one import. Signals arrive in the GUI thread."""

    progressed = Signal(str, float)
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    finished = Signal()  # the thread has stopped; the runner may be dropped

    def __init__(
        self,
        job: Job,
        expected_errors: tuple[type[Exception], ...] = (),
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.job_thread_id: int | None = None  # where the job ran: never the GUI thread
        self.worker = ImportWorker(self._recording(job), expected_errors)
        self._thread = QThread(self)
        self.worker.moveToThread(self._thread)
        self._thread.started.connect(self.worker.run)
        # Signal-to-signal into this object (GUI thread): Qt queues them across the threads.
        self.worker.progressed.connect(self.progressed)
        self.worker.succeeded.connect(self.succeeded)
        self.worker.failed.connect(self.failed)
        self.worker.cancelled.connect(self.cancelled)
        self.worker.done.connect(self._thread.quit)
        self._thread.finished.connect(self.worker.deleteLater)  # in the worker thread, at its end
        self._thread.finished.connect(self._on_thread_finished)
        self._running = False
        app = QCoreApplication.instance()
        if app is not None:  # quitting mid-import: stop and wait, never destroy a running thread
            app.aboutToQuit.connect(self._stop_for_quit)

    def _recording(self, job: Job) -> Job:
        def run_job(progress: Progress) -> object:
            self.job_thread_id = threading.get_ident()
            return job(progress)

        return run_job

    @property
    def running(self) -> bool:
        return self._running

    def start(self) -> None:
        self._running = True
        self._thread.start()

    def cancel(self) -> None:
        self.worker.request_cancel()

    def wait(self, milliseconds: int = 30_000) -> bool:
        """Block until the thread stops (only when the app is quitting)."""
        return self._thread.wait(milliseconds)

    @Slot()
    def _stop_for_quit(self) -> None:
        if self._running:
            self.cancel()
            self.wait()

    @Slot()
    def _on_thread_finished(self) -> None:
        self._running = False
        self.finished.emit()
