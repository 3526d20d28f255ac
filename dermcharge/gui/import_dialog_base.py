"""What the code-set import dialogs share: progress, the result or error, a cancel-safe close.

A subclass adds the widgets that choose the files and says what to run (`make_job`) and how to
describe the result. The import runs on a worker thread (gui.import_worker), so the window keeps
painting and answering while a large release is read; closing the dialog during the work asks the
worker to stop and closes once the thread has finished, never while it still runs.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dermcharge.gui.import_worker import ImportRunner, Job

OK_COLOUR = "#2e7d32"
ERROR_COLOUR = "#c62828"


class CodeSetImportDialog(QDialog):
    """Base of the ICD-10-CM and CMS import dialogs."""

    imported = Signal(object)  # the importer's result, after a successful import
    import_finished = Signal()  # the worker thread stopped (success, error or cancel)

    expected_errors: tuple[type[Exception], ...] = ()

    def __init__(self, title: str, intro: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(560)
        self.runner: ImportRunner | None = None
        self.last_result: object = None
        self.last_error: str | None = None
        self._close_when_done = False
        layout = QVBoxLayout(self)
        intro_label = QLabel(intro, self)
        intro_label.setWordWrap(True)
        layout.addWidget(intro_label)
        self.choice_area = QVBoxLayout()
        layout.addLayout(self.choice_area)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setValue(0)
        self.progress_bar.setAccessibleName("Import progress")
        layout.addWidget(self.progress_bar)
        self.stage_label = QLabel("Choose the files, then Import.", self)
        layout.addWidget(self.stage_label)
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        self.result_label.setTextFormat(Qt.TextFormat.RichText)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label.setVisible(False)
        layout.addWidget(self.result_label)
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.details.setVisible(False)
        self.details.setMinimumHeight(150)
        layout.addWidget(self.details)
        self.buttons = QDialogButtonBox(self)
        self.import_button = QPushButton("&Import", self)
        self.import_button.setDefault(True)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        layout.addWidget(self.buttons)
        self.import_button.clicked.connect(self.start_import)
        self.close_button.clicked.connect(self.reject)

    # --- for subclasses --------------------------------------------------------------------------
    def make_job(self) -> Job | None:
        """The import to run with the files chosen; None (after saying why) when none are."""
        raise NotImplementedError

    def describe_result(self, result: object) -> str:
        raise NotImplementedError

    def explain_error(self, message: str) -> str:
        """The error as shown; subclasses add a hint for what the dialog lets the person change."""
        return message

    def choice_widgets(self) -> list[QWidget]:
        """Widgets that change what is imported: disabled while an import runs."""
        return []

    def after_success(self, result: object) -> None:
        """Refresh what the dialog shows once the new tables are in place."""

    # --- running ---------------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self.runner is not None and self.runner.running

    def start_import(self) -> None:
        if self.running:
            return
        job = self.make_job()
        if job is None:
            return
        self.last_result, self.last_error = None, None
        self.result_label.setVisible(False)
        self.progress_bar.setValue(0)
        self.stage_label.setText("Starting…")
        self._set_busy(True)
        runner = ImportRunner(job, self.expected_errors, self)
        runner.progressed.connect(self._on_progressed)
        runner.succeeded.connect(self._on_succeeded)
        runner.failed.connect(self._on_failed)
        runner.cancelled.connect(self._on_cancelled)
        runner.finished.connect(self._on_finished)
        self.runner = runner
        runner.start()

    def _set_busy(self, busy: bool) -> None:
        self.import_button.setEnabled(not busy)
        for widget in self.choice_widgets():
            widget.setEnabled(not busy)
        self.close_button.setText("Cancel" if busy else "Close")
        self.close_button.setToolTip(
            "Stop the import; the code sets loaded before stay as they were" if busy else ""
        )

    def _on_progressed(self, stage: str, fraction: float) -> None:
        self.progress_bar.setValue(round(max(0.0, min(fraction, 1.0)) * 100))
        self.stage_label.setText(stage)

    def _on_succeeded(self, result: object) -> None:
        self.last_result = result
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setValue(100)
        self.stage_label.setText("Done")
        self._show_result(OK_COLOUR, "✓ " + escape(self.describe_result(result)))
        self.after_success(result)
        self.imported.emit(result)

    def _on_failed(self, message: str) -> None:
        self.last_error = message
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setValue(0)
        self.stage_label.setText("Not imported")
        text = escape(self.explain_error(message))
        self._show_result(
            ERROR_COLOUR,
            f"✖ Not imported: {text}<br>Nothing was changed: the code sets loaded before stay "
            "in use.",
        )

    def _on_cancelled(self) -> None:
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setValue(0)
        self.stage_label.setText("Cancelled: nothing was changed")

    def _on_finished(self) -> None:
        self._set_busy(False)
        self.import_finished.emit()
        if self._close_when_done:
            super().reject()

    def _show_result(self, colour: str, html: str) -> None:
        self.result_label.setText(f"<span style='color:{colour}'>{html}</span>")
        self.result_label.setVisible(True)

    # --- closing ---------------------------------------------------------------------------------
    def reject(self) -> None:
        """Close, Esc or the title bar's ✕: while importing, stop first and close afterwards."""
        if self.running and self.runner is not None:
            self._close_when_done = True
            self.runner.cancel()
            self.stage_label.setText("Cancelling… (the dialog closes when the work has stopped)")
            self.close_button.setEnabled(False)
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.running:
            self.reject()
            event.ignore()
            return
        super().closeEvent(event)
