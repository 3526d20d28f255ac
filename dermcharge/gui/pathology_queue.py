"""The pending-pathology queue: every procedure waiting for its report (oldest first, sortable,
overdue ones highlighted), and entering a result with the same ICD-10-CM search as the CLI."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    QStringListModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dermcharge.anatomy.sites import describe
from dermcharge.domain.pathology_records import PendingPathology
from dermcharge.gui.app_backend import AppBackend
from dermcharge.gui.icd_lookup import search_codes
from dermcharge.services import pathology, pathology_settings
from dermcharge.services.errors import InvalidRecord, StorageError

COLUMNS = ("Patient", "Account", "Lesion", "Procedure", "Date", "Days", "Provider", "Accession")
OVERDUE = QColor("#ffe0b2")
_SEPARATOR = " — "
Index = QModelIndex | QPersistentModelIndex


class PendingPathologyModel(QAbstractTableModel):
    """The queue rows as a table; Days sorts as a number; overdue rows carry a background."""

    def __init__(self, overdue_days: int = pathology_settings.DEFAULT_OVERDUE_DAYS) -> None:
        super().__init__()
        self.rows: list[PendingPathology] = []
        self.overdue_days = overdue_days

    def set_rows(self, rows: list[PendingPathology], overdue_days: int) -> None:
        self.beginResetModel()
        self.rows, self.overdue_days = list(rows), overdue_days
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def is_overdue(self, row: PendingPathology) -> bool:
        return row.days_waiting > self.overdue_days

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, index.column())
        if role == Qt.ItemDataRole.UserRole:  # sort key
            return row.days_waiting if index.column() == 5 else self._text(row, index.column())
        if role == Qt.ItemDataRole.BackgroundRole and self.is_overdue(row):
            return OVERDUE
        if role == Qt.ItemDataRole.ToolTipRole and self.is_overdue(row):
            return f"Overdue: waiting {row.days_waiting} days (more than {self.overdue_days})"
        return None

    @staticmethod
    def _text(row: PendingPathology, column: int) -> str:
        where = describe(row.site, row.laterality) if row.site else ""
        values = (
            row.patient,
            row.account_number,
            row.lesion or where,
            f"{row.kind.replace('_', ' ')} (#{row.procedure_index + 1})",
            row.date_of_service.isoformat(),
            str(row.days_waiting),
            row.provider,
            row.accession,
        )
        return values[column]


class PathologyQueueWindow(QWidget):
    """The queue and, under it, the result for the selected row."""

    result_entered = Signal(int)  # the visit id
    timeline_requested = Signal(int)  # a lesion id

    def __init__(self, backend: AppBackend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.setWindowTitle("Pending pathology — dermcharge")
        self.model = PendingPathologyModel()
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(Qt.ItemDataRole.UserRole)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.verticalHeader().hide()
        self.summary = QLabel()
        self._build_result_form()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addLayout(self.form)
        layout.addLayout(self.buttons)
        layout.addWidget(self.message)
        self.view.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.refresh()
        self.resize(1100, 600)

    def _build_result_form(self) -> None:
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText("Type a code or words: C44.612, basal cell arm …")
        self.completions = QStringListModel(self)
        completer = QCompleter(self.completions, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.code_edit.setCompleter(completer)
        self.code_edit.textEdited.connect(self._on_code_edit_text_edited)
        self.margins = QComboBox()
        self.margins.addItem("not reported", None)
        self.margins.addItem("involved", "involved")
        self.margins.addItem("clear", "clear")
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText("Summary of the report (optional)")
        self.form = QFormLayout()
        self.form.addRow("&Diagnosis (ICD-10-CM):", self.code_edit)
        self.form.addRow("&Margins:", self.margins)
        self.form.addRow("&Note:", self.note_edit)
        self.enter_button = QPushButton("&Enter result")
        self.enter_button.clicked.connect(self.enter_result)
        self.timeline_button = QPushButton("Lesion &timeline")
        self.timeline_button.clicked.connect(self._on_timeline_button_clicked)
        self.refresh_button = QPushButton("&Refresh")
        self.refresh_button.clicked.connect(self.refresh)
        self.buttons = QHBoxLayout()
        self.buttons.addWidget(self.enter_button)
        self.buttons.addWidget(self.timeline_button)
        self.buttons.addStretch(1)
        self.buttons.addWidget(self.refresh_button)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self._on_selection_changed()

    def refresh(self) -> None:
        try:
            rows = pathology.pending_pathology(self.backend.db)
            overdue_days = pathology_settings.overdue_days(self.backend.db)
        except StorageError as error:
            self.message.setText(f"The queue could not be read: {error}")
            return
        self.model.set_rows(rows, overdue_days)
        self.view.sortByColumn(5, Qt.SortOrder.DescendingOrder)  # longest wait first
        late = sum(1 for r in rows if self.model.is_overdue(r))
        self.summary.setText(
            f"{len(rows)} waiting for pathology; {late} overdue (more than {overdue_days} days)"
        )
        if rows:
            self.view.selectRow(0)
        self._on_selection_changed()

    def selected(self) -> PendingPathology | None:
        rows = self.view.selectionModel().selectedRows() if self.view.selectionModel() else []
        if not rows:
            return None
        return self.model.rows[self.proxy.mapToSource(rows[0]).row()]

    def _on_selection_changed(self, *_: object) -> None:
        chosen = self.selected()
        self.enter_button.setEnabled(chosen is not None)
        self.timeline_button.setEnabled(chosen is not None and chosen.lesion_id is not None)

    def _on_code_edit_text_edited(self, text: str) -> None:
        chosen = self.selected()
        on = chosen.date_of_service if chosen else date.today()
        if len(text.strip()) < 3:
            return
        hits = search_codes(text, on, 15)
        self.completions.setStringList([f"{h.code}{_SEPARATOR}{h.description}" for h in hits])

    def _on_timeline_button_clicked(self) -> None:
        chosen = self.selected()
        if chosen is not None and chosen.lesion_id is not None:
            self.timeline_requested.emit(chosen.lesion_id)

    def enter_result(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        code = self.code_edit.text().split(_SEPARATOR, 1)[0].strip()
        if not code:
            self.message.setText("Type the diagnosis from the report (ICD-10-CM) first.")
            self.code_edit.setFocus()
            return
        try:
            outcome = pathology.enter_result(
                self.backend.db, chosen.visit_id, chosen.procedure_index, icd10=code,
                margins=self.margins.currentData(), note=self.note_edit.text(),
                actor=self.backend.actor,
            )  # fmt: skip
        except InvalidRecord as invalid:
            self.message.setText("Not entered: " + "; ".join(invalid.problems))
            return
        except StorageError as error:
            self.message.setText(f"Not entered: {error}")
            return
        lines = [f"{chosen.patient}: {outcome.previous_diagnosis or 'no diagnosis'} → "
                 f"{outcome.icd10}, visit recoded."]  # fmt: skip
        if outcome.was_billed:
            lines.append("It had been exported: a corrected claim is needed after re-signing.")
        elif outcome.amended:
            lines.append("It was signed: it is back with the provider to re-sign.")
        if outcome.next_step:
            lines.append(outcome.next_step)
        self.code_edit.clear()
        self.note_edit.clear()
        self.margins.setCurrentIndex(0)
        self.refresh()
        self.message.setText(" ".join(lines))
        self.result_entered.emit(chosen.visit_id)
