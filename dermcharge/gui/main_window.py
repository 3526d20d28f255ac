"""The main window: the day's visits, patient search, new patient/visit, and the day's batch."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTableView,
    QWidget,
)

from dermcharge.domain.workflow import VisitStatus
from dermcharge.gui.backend_records import provider_label
from dermcharge.gui.forms.ui_main_window import Ui_MainWindow
from dermcharge.gui.visit_list_models import STATUS_WORDS, PatientListModel, VisitListModel
from dermcharge.services.errors import StorageError

if TYPE_CHECKING:  # the window is painted before the services load (gui/app.py)
    from dermcharge.gui.app_backend import AppBackend
    from dermcharge.services.first_window import StartupReader

SEARCH_DELAY_MS = 250  # search after a short pause in typing, not on every key


class MainWindow(QMainWindow):
    visit_window_opened = Signal(QWidget)  # each new visit window (role limits, idle lock)

    def __init__(
        self,
        backend: AppBackend | None,
        today: date,
        user: str,
        code_set_status: tuple[str, str | None] = ("ICD-10-CM", None),
        parent: QWidget | None = None,
        *,
        first_look: StartupReader | None = None,
    ) -> None:
        """`first_look` shows the lists until `attach_backend` gives the window its backend;
        meanwhile an action that needs the backend calls `complete_start`, which waits for it."""
        super().__init__(parent)
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.backend = backend
        self.first_look = first_look if backend is None else None
        self.complete_start: Callable[[], bool] | None = None
        self.today = today
        self.visit_windows: list[QWidget] = []
        self._batch: object = None
        self.visit_model = VisitListModel(self)
        self.patient_model = PatientListModel(self)
        for view, model in ((self.ui.visitsView, self.visit_model),
                            (self.ui.patientsView, self.patient_model)):  # fmt: skip
            view.setModel(model)
            _tidy_table(view)
        self.ui.listSplitter.setSizes([880, 360])
        self.ui.patientsTitle.setText("<b>Patients</b> — type a name, DOB or account above")
        self._set_up_filters()
        self._set_up_actions()
        self._set_up_status_bar(user, code_set_status)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.search_patients)
        self.ui.patientSearchEdit.textEdited.connect(lambda _t: self._search_timer.start())
        self.ui.patientSearchEdit.returnPressed.connect(self.search_patients)
        self.refresh_visits()

    # --- set-up ----------------------------------------------------------------------------------
    def _set_up_filters(self) -> None:
        ui = self.ui
        ui.dateEdit.setDate(QDate(self.today.year, self.today.month, self.today.day))
        self._fill_providers()
        ui.statusCombo.addItem("Any status", None)
        for status in VisitStatus:
            ui.statusCombo.addItem(STATUS_WORDS.get(status.value, status.value), status)
        ui.dateEdit.dateChanged.connect(lambda _d: self.refresh_visits())
        ui.providerCombo.currentIndexChanged.connect(lambda _i: self.refresh_visits())
        ui.statusCombo.currentIndexChanged.connect(lambda _i: self.refresh_visits())
        ui.todayButton.clicked.connect(self.show_today)

    def _fill_providers(self) -> None:
        """The provider filter from whichever source the window has; the choice is kept."""
        combo = self.ui.providerCombo
        chosen = combo.currentData()
        try:
            if self.backend is not None:
                labels = [(c.id, c.label) for c in self.backend.providers()]
            elif self.first_look is not None:
                labels = [(i, provider_label(n, c)) for i, n, c in self.first_look.providers()]
            else:
                labels = []
        except StorageError as error:
            labels = []
            self.statusBar().showMessage(f"Providers not loaded: {error}")
        combo.blockSignals(True)  # one refresh of the list afterwards, not one per item
        combo.clear()
        combo.addItem("All providers", None)
        for provider_id, label in labels:
            combo.addItem(label, provider_id)
        combo.setCurrentIndex(max(0, combo.findData(chosen)))
        combo.blockSignals(False)

    def _set_up_actions(self) -> None:
        ui = self.ui
        pairs = (
            (ui.actionOpenVisit, ui.openVisitButton, self.open_selected_visit),
            (ui.actionNewVisit, ui.newVisitButton, self.new_visit),
            (ui.actionNewPatient, ui.newPatientButton, self.new_patient),
            (ui.actionPrintDay, ui.printDayButton, self.print_day),
        )
        for action, button, slot in pairs:
            action.triggered.connect(slot)
            button.clicked.connect(action.trigger)
            keys = action.shortcut().toString()
            action.setToolTip(f"{action.text().replace('&', '')} ({keys})")
            button.setToolTip(action.toolTip())
        ui.actionQuit.triggered.connect(self.close)
        ui.actionToday.triggered.connect(self.show_today)
        ui.actionFindPatient.triggered.connect(self._focus_search)
        ui.actionRefresh.triggered.connect(self.refresh_visits)
        ui.actionAbout.triggered.connect(self._about)
        ui.visitsView.activated.connect(lambda _i: self.open_selected_visit())
        ui.patientsView.activated.connect(self._on_patient_activated)
        ui.patientsView.clicked.connect(self._on_patient_activated)
        from dermcharge.gui.import_menu import add_import_actions  # File ▸ Import code sets

        self.import_actions = add_import_actions(self)

    def _set_up_status_bar(self, user: str, code_set_status: tuple[str, str | None]) -> None:
        self.database_label = QLabel()
        self._show_database()
        self.user_label = QLabel(f"User: {user}")
        self.code_set_label = QLabel()
        self.set_code_set_status(code_set_status)
        for label in (self.database_label, self.user_label, self.code_set_label):
            self.statusBar().addPermanentWidget(label)

    def _show_database(self) -> None:
        source = self.backend or self.first_look
        database = source.database_label if source is not None else "no database"
        self.database_label.setText(f"Database: {database}")

    def set_code_set_status(self, code_set_status: tuple[str, str | None]) -> None:
        """The ICD-10-CM release in use, and the warning when a newer one is in force."""
        release, warning = code_set_status
        label = self.code_set_label
        label.setText(f"⚠ {release}: newer release in force" if warning else release)
        label.setToolTip(warning or "")
        label.setStyleSheet("color: #b26a00" if warning else "")

    # --- the backend ---------------------------------------------------------------------------
    def attach_backend(self, backend: AppBackend) -> None:
        """The full backend, once the database has opened; the first look is done. The lists
        are read again from it, keeping the person's choices and selection."""
        self.backend = backend
        self.first_look = None
        self.complete_start = None
        self._show_database()
        self._fill_providers()
        self.refresh_visits()

    def _ready_backend(self) -> AppBackend | None:
        """The backend, waiting (busy cursor) for the opening if the window came up before it."""
        if self.backend is None and self.complete_start is not None:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                self.complete_start()
            finally:
                QGuiApplication.restoreOverrideCursor()
        return self.backend

    # --- lists -----------------------------------------------------------------------------------
    def selected_date(self) -> date:
        return self.ui.dateEdit.date().toPython()  # type: ignore[no-any-return]

    def show_today(self) -> None:
        self.ui.dateEdit.setDate(QDate(self.today.year, self.today.month, self.today.day))
        self.refresh_visits()

    def refresh_visits(self) -> None:
        on = self.selected_date()
        self.ui.visitsTitle.setText(f"<b>Visits on {on.isoformat()}</b>")
        source = self.backend or self.first_look
        if source is None:
            self.visit_model.set_rows([])
            return
        try:
            rows = source.day_visits(
                on, self.ui.providerCombo.currentData(), self.ui.statusCombo.currentData()
            )
        except StorageError as error:
            self.statusBar().showMessage(f"Visits not loaded: {error}")
            return
        selected = self._selected_visit_id()
        self.visit_model.set_rows(rows)
        self.ui.visitsView.resizeColumnsToContents()
        self.ui.visitsTitle.setText(f"<b>Visits on {on.isoformat()}</b> ({len(rows)})")
        ids = [row.id for row in rows]
        if rows:  # the same visit stays selected (after a save, a filter change, the start)
            self.ui.visitsView.selectRow(ids.index(selected) if selected in ids else 0)

    def search_patients(self) -> None:
        self._search_timer.stop()
        query = self.ui.patientSearchEdit.text().strip()
        backend = self._ready_backend() if query else None
        if backend is None:
            self.patient_model.set_rows([])
            return
        hits = backend.search_patients(query)
        self.patient_model.set_rows(hits)
        self.ui.patientsTitle.setText(f"<b>Patients</b> ({len(hits)})")

    def _on_patient_activated(self, index: QModelIndex) -> None:
        backend = self._ready_backend()
        if backend is None or not index.isValid():
            return
        hit = self.patient_model.row_at(index.row())
        self.visit_model.set_rows(backend.patient_history(hit.id))
        self.ui.visitsTitle.setText(f"<b>Visits of {hit.name}</b>")

    def _focus_search(self) -> None:
        self.ui.patientSearchEdit.setFocus()
        self.ui.patientSearchEdit.selectAll()

    # --- visits ----------------------------------------------------------------------------------
    def _selected_visit_id(self) -> int | None:
        index = self.ui.visitsView.currentIndex()
        if not index.isValid():
            return None
        return self.visit_model.row_at(index.row()).id

    def open_selected_visit(self) -> QWidget | None:
        visit_id = self._selected_visit_id()
        if visit_id is None:
            self.statusBar().showMessage("Choose a visit first", 3000)
            return None
        return self.open_visit(visit_id)

    def open_visit(self, visit_id: int) -> QWidget | None:
        from dermcharge.gui.visit_window import VisitWindow  # the editor loads on first use

        backend = self._ready_backend()
        if backend is None:
            return None
        try:
            stored = backend.open_visit(visit_id)
        except StorageError as error:
            QMessageBox.warning(self, "dermcharge", f"The visit could not be opened.\n\n{error}")
            return None
        window = VisitWindow(stored, backend)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.visit_saved.connect(lambda _id: self.refresh_visits())
        window.destroyed.connect(lambda _o=None, w=window: self._forget(w))
        self.visit_windows.append(window)
        self.visit_window_opened.emit(window)
        window.show()
        return window

    def _forget(self, window: QWidget) -> None:
        if window in self.visit_windows:
            self.visit_windows.remove(window)

    def new_visit(self) -> QWidget | None:
        """A new visit on the chosen date for the patient of the selected visit."""
        visit_id = self._selected_visit_id()
        backend = self._ready_backend() if visit_id is not None else None
        if visit_id is None or backend is None:
            message = "Choose a visit of the patient first (or New patient)"
            self.statusBar().showMessage(message, 4000)
            return None
        try:
            stored = backend.new_visit_like(backend.open_visit(visit_id), self.selected_date())
        except StorageError as error:
            QMessageBox.warning(self, "dermcharge", f"No new visit was made.\n\n{error}")
            return None
        self.refresh_visits()
        return self.open_visit(stored.id)

    def new_patient(self) -> QWidget | None:
        from dermcharge.gui.new_patient_dialog import NewPatientDialog

        backend = self._ready_backend()
        if backend is None:
            return None
        dialog = NewPatientDialog(backend.providers(), self.selected_date(), self)
        if dialog.exec() != NewPatientDialog.DialogCode.Accepted:
            return None
        try:
            stored = backend.create_visit(dialog.record())
        except StorageError as error:
            QMessageBox.warning(self, "dermcharge", f"The patient was not added.\n\n{error}")
            return None
        self.refresh_visits()
        return self.open_visit(stored.id)

    # --- the day's batch -------------------------------------------------------------------------
    def print_day(self) -> None:
        from dermcharge.gui.batch_print import start_batch

        ids = [summary.id for summary in self.visit_model.rows()]
        backend = self._ready_backend() if ids and self._batch is None else None
        if backend is None:
            return
        progress = self.ui.batchProgress
        progress.setRange(0, len(ids) * 2)
        progress.setValue(0)
        progress.setVisible(True)
        self.ui.printDayButton.setEnabled(False)
        thread, worker = start_batch(backend, ids, self)
        self._batch = thread
        worker.progressed.connect(self._on_batch_progressed)
        worker.finished.connect(self._on_batch_finished)
        worker.failed.connect(self._on_batch_failed)

    def _on_batch_progressed(self, done: int, total: int) -> None:
        self.ui.batchProgress.setRange(0, total)
        self.ui.batchProgress.setValue(done)

    def _end_batch(self) -> None:
        self._batch = None
        self.ui.batchProgress.setVisible(False)
        self.ui.printDayButton.setEnabled(True)

    def _on_batch_finished(self, pdf: bytes) -> None:
        from dermcharge.gui.superbill_printing import ask_and_print

        self._end_batch()
        self.last_batch_pdf = pdf
        title = f"Superbills {self.selected_date().isoformat()}"
        if ask_and_print(pdf, self, title):
            self.statusBar().showMessage("The day's superbills went to the printer", 5000)

    def _on_batch_failed(self, message: str) -> None:
        self._end_batch()
        QMessageBox.warning(self, "dermcharge", f"The day's superbills were not made.\n\n{message}")

    def _about(self) -> None:
        QMessageBox.about(self, "About dermcharge",
                          "dermcharge — dermatology charge capture.\n"
                          "CPT® is a registered trademark of the American Medical Association; "
                          "descriptions shown are our own plain words.")  # fmt: skip


def _tidy_table(view: QTableView) -> None:
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.setWordWrap(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.setAlternatingRowColors(True)
    view.setSortingEnabled(False)
