"""The visit window: the editor with its menus, saving, the workflow buttons and printing."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QWidget

from dermcharge.domain.stored import FindingDecision, StoredVisit
from dermcharge.gui.app_backend import AppBackend
from dermcharge.gui.claim_panel import PRACTICE_WIDE_CHECKS, practice_wide_findings
from dermcharge.gui.visit_editor import VisitEditor, fee_lookup_for
from dermcharge.services.capture_flow import CaptureFlow, default_coder
from dermcharge.services.errors import StorageError

AUTOSAVE_MS = 1500  # a pause in typing this long saves the draft


def open_findings(findings: tuple[FindingDecision, ...]) -> tuple[list[str], list[str]]:
    """The saved claim's errors nobody overrode and warnings nobody decided on (the practice's
    own set-up, said in the status bar, is not asked about on each visit)."""
    errors = [f.message for f in findings if f.severity == "error" and f.decision != "overridden"]
    warnings = [f.message for f in findings if f.severity == "warning" and not f.decision
                and f.check not in PRACTICE_WIDE_CHECKS]  # fmt: skip
    return errors, warnings


class VisitWindow(QMainWindow):
    """One stored visit open for capture; saves itself shortly after each change."""

    visit_saved = Signal(int)  # the visit id

    def __init__(
        self, stored: StoredVisit, backend: AppBackend | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.stored = stored
        self.backend = backend
        self.flow = CaptureFlow(stored.record.visit, default_coder())
        visit = stored.record.visit
        prices = fee_lookup_for(
            backend.db if backend is not None else None,
            visit.payer.value,
            visit.date_of_service,
            stored.record.primary_payer_name,
        )  # the schedule the superbill prints with
        self.editor = VisitEditor(
            self.flow, stored.record, str(stored.status), fee_lookup=prices, parent=self
        )
        self.setCentralWidget(self.editor)
        self._dirty = False
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.save)
        self.editor.visit_edited.connect(self._on_editor_visit_edited)
        self.editor.ready_requested.connect(self.mark_ready)
        self.editor.sign_requested.connect(self.sign)
        self.editor.amend_requested.connect(self.amend)
        self.editor.print_requested.connect(self.print_superbill)
        self.editor.preview_requested.connect(self.preview_superbill)
        self._build_menus()
        from dermcharge.gui.finding_decisions import attach_finding_decisions

        self.finding_decisions = attach_finding_decisions(self)  # Acknowledge / Override…
        self.practice_label = QLabel(self)  # the practice-wide condition, once, not per claim
        self.practice_label.setStyleSheet("color: #b26a00")
        self.statusBar().addPermanentWidget(self.practice_label)
        self.flow.subscribe(lambda _flow: self._show_practice_wide())
        self._show_practice_wide()
        from dermcharge.gui.lesion_history_layer import attach_lesion_history

        self.lesion_history = attach_lesion_history(self)  # earlier lesions on the map
        self._dirty = False  # opening is not an edit
        self._update_title()
        self.resize(1280, 800)

    def _build_menus(self) -> None:
        visit_menu = self.menuBar().addMenu("&Visit")
        entries = (
            ("&Save", "Ctrl+S", self.save),
            ("Mark &ready for review", "Ctrl+R", self.mark_ready),
            ("Si&gn", "Ctrl+Shift+S", self.sign),
            ("&Amend…", "Ctrl+Shift+A", self.amend),
            ("Pre&view superbill", "Ctrl+Shift+P", self.preview_superbill),
            ("&Print superbill…", "Ctrl+P", self.print_superbill),
            ("&Close", "Ctrl+W", self.close),
        )
        for text, keys, slot in entries:
            action = QAction(text, self)
            action.setShortcut(QKeySequence(keys))
            action.triggered.connect(slot)
            visit_menu.addAction(action)
        edit_menu = self.menuBar().addMenu("&Edit")
        for action in self.editor.editor_actions:
            edit_menu.addAction(action)
        view_menu = self.menuBar().addMenu("&Map")
        for action in self.editor.view_actions:
            view_menu.addAction(action)

    def _show_practice_wide(self) -> None:
        found = practice_wide_findings(self.flow.claim.findings) if self.flow.claim else []
        self.practice_label.setText("⚠ newer ICD-10-CM release in force" if found else "")
        self.practice_label.setToolTip("\n".join(f.message for f in found))

    def _update_title(self) -> None:
        patient = self.stored.record.patient
        who = f"{patient.last_name}, {patient.first_name}" if patient else "visit"
        mark = "*" if self._dirty else ""
        self.setWindowTitle(f"{mark}{who} — {self.flow.visit.date_of_service} — dermcharge")

    def _on_editor_visit_edited(self) -> None:
        if self.flow.visit != self.stored.record.visit:
            self._dirty = True
            self._update_title()
            if self.backend is not None:
                self._autosave.start()

    # --- storage ---------------------------------------------------------------------------------
    def save(self) -> bool:
        self._autosave.stop()
        if self.backend is None or not self._dirty:
            return True
        try:
            self.stored = self.backend.save_visit(self.stored, self.flow.visit)
        except StorageError as error:
            self._show_problem("The visit was not saved; your edits are kept here.", error)
            return False
        self._dirty = False
        self._update_title()
        self.statusBar().showMessage(f"Saved (version {self.stored.version})", 4000)
        self.visit_saved.emit(self.stored.id)
        return True

    def mark_ready(self) -> None:
        if self.backend is None or not self.save():
            return
        self._transition(self.backend.mark_ready)

    def sign(self) -> None:
        """Save, show what is still open and ask; open errors need an override reason."""
        from dermcharge.gui.sign_dialog import sign_confirmation

        if self.backend is None or not self.save():
            return
        errors, warnings = open_findings(self.stored.findings)
        dialog = sign_confirmation(errors, warnings, self)
        if dialog.exec() != 1:  # QDialog.DialogCode.Accepted
            return
        reason = dialog.reason() if errors else None
        if self.stored.status == "draft":
            self._transition(self.backend.mark_ready)
            if self.stored.status != "ready":
                return
        backend = self.backend
        self._transition(lambda stored: backend.sign(stored, override_reason=reason))
        if self.stored.status == "signed":
            self.statusBar().showMessage("Signed", 4000)

    def amend(self) -> None:
        """A provider reopens a signed visit as a draft; the signed version is kept."""
        from dermcharge.gui.sign_dialog import amend_confirmation

        if self.backend is None or self.stored.status not in ("signed", "billed"):
            return
        dialog = amend_confirmation(self.stored.signed_by, self)
        if dialog.exec() != 1:
            return
        backend, reason = self.backend, dialog.reason()
        self._transition(lambda stored: backend.amend(stored, reason))
        if self.stored.status == "draft":
            self.statusBar().showMessage(
                f"Amendment {self.stored.amendment} started: sign again when done", 6000
            )

    def _transition(self, change: object) -> None:
        try:
            self.stored = change(self.stored)  # type: ignore[operator]
        except StorageError as error:
            self._show_problem("The visit's status did not change.", error)
            return
        self.editor.set_status(str(self.stored.status))
        self.visit_saved.emit(self.stored.id)

    def _show_problem(self, headline: str, error: Exception) -> None:
        QMessageBox.warning(self, "dermcharge", f"{headline}\n\n{error}")

    # --- printing --------------------------------------------------------------------------------
    def _superbill_pdf(self) -> bytes | None:
        from dataclasses import replace

        from dermcharge.services.superbill_print import (
            practice_superbill,
            superbill_for_stored,
            superbill_pdf,
        )

        stored = replace(self.stored, record=replace(self.stored.record, visit=self.flow.visit),
                         claim=self.flow.claim)  # fmt: skip
        try:
            if self.backend is None:
                return superbill_pdf(superbill_for_stored(stored))
            return superbill_pdf(practice_superbill(self.backend.db, stored))
        except Exception as error:  # a print failure must not lose the visit on screen
            self._show_problem("The superbill could not be made.", error)
            return None

    def preview_superbill(self) -> None:
        from dermcharge.gui.superbill_printing import SuperbillPreviewDialog

        pdf = self._superbill_pdf()
        if pdf is None:
            return
        dialog = SuperbillPreviewDialog(pdf, self.windowTitle().lstrip("*"), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.print_requested.connect(self.print_superbill)
        dialog.open()

    def print_superbill(self) -> None:
        from dermcharge.gui.superbill_printing import ask_and_print

        pdf = self._superbill_pdf()
        if pdf is not None and ask_and_print(pdf, self, self.windowTitle().lstrip("*")):
            self.statusBar().showMessage("Superbill sent to the printer", 4000)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._dirty and not self.save():
            question = "The visit could not be saved. Close and lose the edits?"
            answer = QMessageBox.question(self, "Close without saving?", question)
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        event.accept()
