"""The Reports window: choose a report and a range, read it as a chart and a table, open the
visits behind a row, and export it to CSV or PDF. The report runs on a worker thread; a
progress bar appears when it takes longer than half a second."""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QDate, QObject, Qt, QThread, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dermcharge.gui.report_chart import ReportChartWidget
from dermcharge.reports.report_tables import Cell, ReportTable
from dermcharge.security.accounts import User
from dermcharge.services import reports
from dermcharge.services.database import Database
from dermcharge.services.output_files import OutputRefused, write_output_file

PROGRESS_AFTER_MS = 500
TITLES = {
    "day": "Day reconciliation",
    "productivity": "Productivity (RVUs)",
    "risk": "Risk and missed charges",
    "payers": "Payer mix",
}


def cell_text(value: Cell) -> str:
    if value is None:
        return ""
    return f"{value:,.2f}" if isinstance(value, Decimal) else str(value)


class ReportWorker(QObject):
    finished = Signal(object)  # the ReportTable
    failed = Signal(str)

    def __init__(
        self, db: Database, user: User, kind: str, start: date, end: date, period: str
    ) -> None:
        super().__init__()
        self.db, self.user, self.kind = db, user, kind
        self.start, self.end, self.period = start, end, period

    def run(self) -> None:
        try:
            scope = reports.scope_for(self.db, self.user, self.start, self.end)
            table = reports.report_table(self.db, self.kind, scope, period=self.period)
        except Exception as error:  # shown to the person; the window stays usable
            self.failed.emit(str(error))
            return
        self.finished.emit(table)


class ReportsWindow(QDialog):
    visits_opened = Signal(list)  # the visit ids behind the row a person opened

    def __init__(self, db: Database, user: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.user = db, user
        self.table_data: ReportTable | None = None
        self._thread: QThread | None = None
        self._worker: ReportWorker | None = None
        self.setWindowTitle("Reports")
        self.resize(980, 640)
        self.kind_box = QComboBox()
        for kind in reports.REPORTS:
            self.kind_box.addItem(TITLES[kind], kind)
        today = QDate.currentDate()
        self.start_edit = QDateEdit(QDate(today.year(), today.month(), 1))
        self.end_edit = QDateEdit(today)
        for edit in (self.start_edit, self.end_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.period_box = QComboBox()
        for period in ("day", "week", "month"):
            self.period_box.addItem(period, period)
        self.period_box.setCurrentIndex(2)
        self.run_button = QPushButton("&Run")
        self.run_button.clicked.connect(self.run_report)
        self.csv_button = QPushButton("Export &CSV…")
        self.csv_button.clicked.connect(self.export_csv)
        self.pdf_button = QPushButton("Export &PDF…")
        self.pdf_button.clicked.connect(self.export_pdf)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: the report does not know how far it is
        self.progress.hide()
        self.chart = ReportChartWidget()
        self.grid = QTableWidget()
        self.grid.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.grid.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.grid.cellDoubleClicked.connect(self._on_grid_double_clicked)
        self.grid.horizontalHeader().setStretchLastSection(True)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        form = QFormLayout()
        form.addRow("&Report", self.kind_box)
        dates = QHBoxLayout()
        dates.addWidget(self.start_edit)
        dates.addWidget(QLabel("to"))
        dates.addWidget(self.end_edit)
        form.addRow("From", dates)
        form.addRow("Pe&riods", self.period_box)
        buttons = QHBoxLayout()
        for button in (self.run_button, self.csv_button, self.pdf_button):
            buttons.addWidget(button)
        buttons.addWidget(self.progress, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.chart)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.notes)
        self._set_exports_enabled(False)

    def _set_exports_enabled(self, enabled: bool) -> None:
        self.csv_button.setEnabled(enabled)
        self.pdf_button.setEnabled(enabled)

    def run_report(self) -> None:
        if self._thread is not None:
            return  # one report at a time
        start = self.start_edit.date().toPython()
        end = self.end_edit.date().toPython()
        self.run_button.setEnabled(False)
        self._thread = QThread(self)
        self._worker = ReportWorker(
            self.db, self.user, self.kind_box.currentData(), start, end,
            self.period_box.currentData(),
        )  # fmt: skip
        self._worker.moveToThread(self._thread)
        # Connected before the thread starts: a fast report cannot finish unheard.
        self._thread.started.connect(self._worker.run)
        self._worker.finished.connect(self._on_worker_finished)
        self._worker.failed.connect(self._on_worker_failed)
        QTimer.singleShot(PROGRESS_AFTER_MS, self._show_progress_if_running)
        self._thread.start()

    def _show_progress_if_running(self) -> None:
        if self._thread is not None:
            self.progress.show()

    def _done(self) -> None:
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
        self._thread, self._worker = None, None
        self.progress.hide()
        self.run_button.setEnabled(True)

    def _on_worker_failed(self, message: str) -> None:
        self._done()
        QMessageBox.warning(self, "Report", message)

    def _on_worker_finished(self, table: ReportTable) -> None:
        self._done()
        self.show_table(table)

    def show_table(self, table: ReportTable) -> None:
        self.table_data = table
        self.grid.setColumnCount(len(table.columns))
        self.grid.setHorizontalHeaderLabels(list(table.columns))
        self.grid.setRowCount(len(table.rows))
        for r, row in enumerate(table.rows):
            for c, value in enumerate(row):
                item = QTableWidgetItem(cell_text(value))
                if isinstance(value, (int, Decimal)):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.grid.setItem(r, c, item)
        self.grid.resizeColumnsToContents()
        spec = table.chart
        values: dict[str, float] = {}
        if spec is not None:
            for i, row in enumerate(table.rows):
                if spec.only_rows is not None and i not in spec.only_rows:
                    continue
                label = cell_text(row[spec.label_column]) or "—"
                values[label] = values.get(label, 0.0) + float(row[spec.value_column] or 0)
        self.chart.show_values(spec.title if spec else table.title, list(values.items()))
        self.notes.setText("\n".join(table.notes))
        self._set_exports_enabled(True)

    def _on_grid_double_clicked(self, row: int, _column: int) -> None:
        if self.table_data is None or row >= len(self.table_data.visit_ids):
            return
        self.visits_opened.emit(list(self.table_data.visit_ids[row]))

    def csv_bytes(self) -> bytes:
        assert self.table_data is not None
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(self.table_data.columns)
        writer.writerows([[cell_text(c) for c in row] for row in self.table_data.rows])
        return out.getvalue().encode("utf-8")

    def export_csv(self) -> None:
        self._export("CSV files (*.csv)", ".csv", self.csv_bytes)

    def export_pdf(self) -> None:
        table = self.table_data
        if table is not None:
            self._export(
                "PDF files (*.pdf)", ".pdf", lambda: reports.report_pdf_bytes(self.db, table)
            )

    def _export(self, filter_text: str, suffix: str, make: object) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Export report", "", filter_text)
        if not path:
            return
        if not path.endswith(suffix):
            path += suffix
        from pathlib import Path

        try:
            # The dialog already asked about replacing an existing file.
            write_output_file(Path(path), make(), force=True, database_url=self.db.url)  # type: ignore[operator]
        except (OutputRefused, OSError) as error:
            QMessageBox.warning(self, "Export report", str(error))
