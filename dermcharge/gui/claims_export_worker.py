"""A claims export on a worker thread with progress: the Billing view never freezes."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot

from dermcharge.security.accounts import User
from dermcharge.services import billing
from dermcharge.services.database import Database


class ClaimsExportWorker(QObject):
    progressed = Signal(int, int)  # done, total
    finished = Signal(object)  # billing.ExportResult
    failed = Signal(str)

    def __init__(
        self,
        db: Database,
        user: User,
        *,
        format: str,
        path: Path,
        visit_ids: Sequence[int],
        again: bool,
        void: bool,
    ) -> None:
        super().__init__()
        self.db, self.user = db, user
        self.options = {"format": format, "path": path, "visit_ids": list(visit_ids),
                        "again": again, "void": void}  # fmt: skip

    @Slot()
    def run(self) -> None:
        try:
            result = billing.export_claims(
                self.db, by=self.user, progress=self.progressed.emit, **self.options
            )
        except billing.ExportRefused as refused:
            self.failed.emit("\n".join(refused.problems))
            return
        except Exception as error:  # shown in the window; the thread must always finish
            self.failed.emit(str(error))
            return
        self.finished.emit(result)


def start_export(worker: ClaimsExportWorker, parent: QObject) -> QThread:
    """Run `worker` on a new thread; both are deleted when it is done."""
    thread = QThread(parent)
    worker.moveToThread(thread)
    thread.started.connect(worker.run)
    worker.finished.connect(thread.quit)
    worker.failed.connect(thread.quit)
    thread.finished.connect(worker.deleteLater)
    thread.finished.connect(thread.deleteLater)
    thread.start()
    return thread
