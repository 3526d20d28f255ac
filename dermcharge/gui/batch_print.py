"""The day's superbills laid out on a worker thread with progress: the window never freezes."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from dermcharge.gui.app_backend import AppBackend


class BatchPrintWorker(QObject):
    """Runs in its own thread: opens each visit, builds its superbill, renders one PDF."""

    progressed = Signal(int, int)  # done, total
    finished = Signal(bytes)
    failed = Signal(str)

    def __init__(self, backend: AppBackend, visit_ids: list[int]) -> None:
        super().__init__()
        self.backend = backend
        self.visit_ids = visit_ids

    @Slot()
    def run(self) -> None:
        try:
            from dermcharge.services.superbill_print import practice_superbill, superbills_pdf

            total = len(self.visit_ids)
            superbills = []
            for done, visit_id in enumerate(self.visit_ids, start=1):
                stored = self.backend.open_visit(visit_id)
                superbills.append(practice_superbill(self.backend.db, stored))
                self.progressed.emit(done, total * 2)  # building is the first half of the work
            pdf = superbills_pdf(
                superbills, lambda d, t: self.progressed.emit(total + d, total + t)
            )
        except Exception as error:  # reported in the window; the thread must always finish
            self.failed.emit(str(error))
            return
        self.finished.emit(pdf)


class DayBatch(QObject):
    """One batch: owns its thread and worker (a local variable would let Python delete the
    worker mid-run) and relays the worker's signals to the main thread.

    Connect to `progressed` / `finished` / `failed` first, then `start()`: a worker started
    before its listeners are connected can report into the void.
    """

    progressed = Signal(int, int)
    finished = Signal(bytes)
    failed = Signal(str)

    def __init__(self, backend: AppBackend, visit_ids: list[int], parent: QObject) -> None:
        super().__init__(parent)
        self.worker_thread = QThread(self)
        self.worker = BatchPrintWorker(backend, visit_ids)
        self.worker.moveToThread(self.worker_thread)
        self.worker_thread.started.connect(self.worker.run)
        # Relayed through this object, which lives in the main thread: queued, in order.
        self.worker.progressed.connect(self.progressed)
        self.worker.finished.connect(self.finished)
        self.worker.failed.connect(self.failed)
        # quit() is thread-safe: called directly in the worker's thread, not queued behind the
        # main thread's handling of the result (which waits for the thread to end).
        direct = Qt.ConnectionType.DirectConnection
        self.worker.finished.connect(self.worker_thread.quit, direct)
        self.worker.failed.connect(self.worker_thread.quit, direct)
        self.worker_thread.finished.connect(self.worker.deleteLater)

    def start(self) -> None:
        self.worker_thread.start()

    def is_running(self) -> bool:
        return self.worker_thread.isRunning()


def start_batch(
    backend: AppBackend, visit_ids: list[int], parent: QObject
) -> tuple[QThread, BatchPrintWorker]:
    """A started thread running the worker; both are deleted when it is done. The caller must
    keep the worker (or use DayBatch, which keeps both and connects before starting)."""
    thread = QThread(parent)
    worker = BatchPrintWorker(backend, visit_ids)
    worker.moveToThread(thread)
    thread.started.connect(worker.run)
    worker.finished.connect(thread.quit)
    worker.failed.connect(thread.quit)
    thread.finished.connect(worker.deleteLater)
    thread.finished.connect(thread.deleteLater)
    thread.start()
    return thread, worker
