"""The biller's Billing view: the queue with filters, export in any format on a worker thread
with a progress bar, the batch history, and export again / void from a past batch.

A visit amended after it went out shows as "corrected claim needed"; exporting it sends the
replacement (837P frequency 7) referring to the claim it replaces.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dermcharge.gui.billing_models import BatchTableModel, QueueTableModel
from dermcharge.gui.claims_export_worker import ClaimsExportWorker, start_export
from dermcharge.security.accounts import User
from dermcharge.security.roles import Action
from dermcharge.services import billing
from dermcharge.services.database import Database

FORMATS = (
    ("837P (X12 professional claim)", "837p", ".837"),
    ("HL7 v2.5.1 DFT^P03", "hl7", ".hl7"),
    ("FHIR R4 Bundle", "fhir", ".json"),
    ("CMS-1500 PDF", "cms1500", ".pdf"),
    ("CSV (spreadsheet)", "csv", ".csv"),
)
STATUSES = ("ready", "corrected claim needed", "held: pathology pending")


def _table(model: object, parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)  # type: ignore[arg-type]
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class BillingView(QDialog):
    def __init__(self, db: Database, user: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        user.require(Action.PRINT_EXPORT)  # AccessDenied before anything is read
        self.setWindowTitle("Billing — dermcharge")
        self.db, self.user = db, user
        self.items: list[billing.QueueItem] = []
        self.thread: object = None
        # Where a file goes: a save dialog; tests put their own chooser here.
        self.choose_path: Callable[[str, str], Path | None] = self._ask_path
        self.queue_model = QueueTableModel(self)
        self.queue_view = _table(self.queue_model, self)
        self.queue_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.batch_model = BatchTableModel(self)
        self.batch_view = _table(self.batch_model, self)
        self.batch_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.filters = {name: QComboBox(self) for name in ("date", "provider", "payer", "status")}
        self.format_combo = QComboBox(self)
        for label, key, _suffix in FORMATS:
            self.format_combo.addItem(label, key)
        self.export_button = QPushButton("&Export selected…", self)
        self.again_button = QPushButton("Export batch &again…", self)
        self.void_button = QPushButton("&Void batch (837P)…", self)
        self.progress = QProgressBar(self)
        self.progress.setVisible(False)
        self.message = QLabel("", self)
        self.message.setWordWrap(True)
        self._lay_out()
        for combo in self.filters.values():
            combo.currentIndexChanged.connect(lambda _i: self._apply_filters())
        self.export_button.clicked.connect(self.export_selected)
        self.again_button.clicked.connect(lambda: self.export_batch(void=False))
        self.void_button.clicked.connect(lambda: self.export_batch(void=True))
        self.resize(1100, 680)
        self.refresh()

    def _lay_out(self) -> None:
        filters = QHBoxLayout()
        for name, combo in self.filters.items():
            filters.addWidget(QLabel(name.title() + ":", self))
            filters.addWidget(combo)
        filters.addStretch(1)
        actions = QHBoxLayout()
        actions.addWidget(QLabel("Format:", self))
        actions.addWidget(self.format_combo)
        actions.addWidget(self.export_button)
        actions.addWidget(self.progress, 1)
        history = QHBoxLayout()
        history.addWidget(QLabel("<b>Exports</b>", self))
        history.addStretch(1)
        history.addWidget(self.again_button)
        history.addWidget(self.void_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<b>Ready to bill</b> — signed visits not yet exported", self))
        layout.addLayout(filters)
        layout.addWidget(self.queue_view, 3)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        layout.addLayout(history)
        layout.addWidget(self.batch_view, 2)

    # --- lists -----------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.items = billing.billing_queue(self.db)
        values = {
            "date": sorted({i.date_of_service.isoformat() for i in self.items}),
            "provider": sorted({i.provider for i in self.items}),
            "payer": sorted({i.payer for i in self.items}),
            "status": list(STATUSES),
        }
        for name, combo in self.filters.items():
            chosen = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem("any", None)
            for value in values[name]:
                combo.addItem(value, value)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
            combo.blockSignals(False)
        self._apply_filters()
        self.batch_model.set_rows(list(reversed(billing.list_batches(self.db))))
        self.batch_view.resizeColumnsToContents()

    def _apply_filters(self) -> None:
        wanted = {name: combo.currentData() for name, combo in self.filters.items()}

        def keep(item: billing.QueueItem) -> bool:
            values = {"date": item.date_of_service.isoformat(), "provider": item.provider,
                      "payer": item.payer, "status": item.status}  # fmt: skip
            return all(wanted[k] is None or wanted[k] == v for k, v in values.items())

        self.queue_model.set_rows([item for item in self.items if keep(item)])
        self.queue_view.resizeColumnsToContents()

    def selected_visit_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.queue_view.selectionModel().selectedRows()})
        return [self.queue_model.row_at(row).visit_id for row in rows]

    # --- exporting -------------------------------------------------------------------------------
    def _ask_path(self, format: str, suffix: str) -> Path | None:
        name, _filter = QFileDialog.getSaveFileName(
            self, "Export claims", f"claims-{format}{suffix}", f"*{suffix}"
        )
        return Path(name) if name else None

    def export_selected(self) -> None:
        visit_ids = self.selected_visit_ids()
        if not visit_ids:
            self.message.setText("Select the visits to export first.")
            return
        self._start(visit_ids, again=False, void=False)

    def export_batch(self, *, void: bool) -> None:
        rows = self.batch_view.selectionModel().selectedRows()
        if not rows:
            self.message.setText("Select a batch in the history first.")
            return
        batch = self.batch_model.row_at(rows[0].row())
        if void:
            self.format_combo.setCurrentIndex(self.format_combo.findData("837p"))
        self._start(list(batch.visit_ids), again=not void, void=void)

    def _start(self, visit_ids: list[int], *, again: bool, void: bool) -> None:
        format = self.format_combo.currentData()
        suffix = next(s for _label, key, s in FORMATS if key == format)
        path = self.choose_path(format, suffix)
        if path is None:
            return
        worker = ClaimsExportWorker(
            self.db, self.user, format=format, path=path, visit_ids=visit_ids, again=again,
            void=void,
        )  # fmt: skip
        worker.progressed.connect(self._on_worker_progressed)
        worker.finished.connect(self._on_worker_finished)
        worker.failed.connect(self._on_worker_failed)
        self.worker = worker
        for button in (self.export_button, self.again_button, self.void_button):
            button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.message.setText(f"Exporting {len(visit_ids)} visit(s) to {path.name}…")
        self.thread = start_export(worker, self)

    def _end(self) -> None:
        self.progress.setVisible(False)
        for button in (self.export_button, self.again_button, self.void_button):
            button.setEnabled(True)
        self.thread = None

    def _on_worker_progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _on_worker_finished(self, result: billing.ExportResult) -> None:
        self._end()
        self.message.setStyleSheet("")
        self.message.setText(
            f"Batch {result.batch_id}: {len(result.visit_ids)} claim(s), total "
            f"{result.total:.2f}, written to {result.path}"
        )
        self.refresh()

    def _on_worker_failed(self, message: str) -> None:
        self._end()
        # In the window, not a modal box: the biller reads the list of fields while fixing them.
        self.message.setStyleSheet("color: #b00020")
        self.message.setText("Nothing was exported:\n" + message)
