"""The day's superbills laid out on a worker thread with progress: the window never freezes."""

from __future__ import annotations

from PySide6.QtCore import QObject, QThread, Signal, Slot

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


def start_batch(
    backend: AppBackend, visit_ids: list[int], parent: QObject
) -> tuple[QThread, BatchPrintWorker]:
    """A started thread running the worker; both are deleted when it is done."""
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
