"""Acknowledge a warning or override a finding (with the reason) from the visit's findings list.

A decision is stored against the saved claim (services.visits.decide_finding, audited with who
and why), so the visit is saved first and the finding is found in the saved claim by its check
and message — the same key storage uses to carry decisions over when the visit is recoded.
Decided findings stay in the list, greyed, marked "acknowledged" or "overridden", with who, when
and why in their tooltip. The editor itself knows nothing of storage: the visit window attaches
this (`attach_finding_decisions(window)`).
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any, Protocol

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QPoint, Qt
from PySide6.QtGui import QAction, QColor, QHelpEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from dermcharge.domain.claim import CodedClaim, Finding, Severity
from dermcharge.domain.stored import FindingDecision
from dermcharge.gui.claim_panel import DECIDED_COLOUR
from dermcharge.services.errors import StorageError


class VisitWindow(Protocol):
    """What the decisions need of the visit window (a QMainWindow) that attaches them: a
    protocol, so this module does not import the window that imports it."""

    editor: Any  # gui.visit_editor.VisitEditor
    backend: Any  # gui.app_backend.AppBackend | None (None: a visit file, not a database)
    stored: Any  # domain.stored.StoredVisit | None


ACKNOWLEDGED = "acknowledged"
OVERRIDDEN = "overridden"
DECISION_MARKS = {ACKNOWLEDGED: "✓ acknowledged", OVERRIDDEN: "⤳ overridden"}
SEVERITY_WORDS = {Severity.ERROR: "Error", Severity.WARNING: "Warning", Severity.INFO: "Note"}
LOCKED_STATUSES = ("signed", "billed")

Index = QModelIndex | QPersistentModelIndex
DecisionLookup = Callable[[int], FindingDecision | None]
ReasonAsker = Callable[[Finding, str], str | None]


def decision_key(check: str, message: str) -> tuple[str, str]:
    return (check, message)


def stored_position(decisions: tuple[FindingDecision, ...], finding: Finding) -> int | None:
    """Where the finding sits in the saved claim's findings (what decide_finding is given)."""
    key = decision_key(finding.check, finding.message)
    for stored in decisions:
        if decision_key(stored.check, stored.message) == key:
            return stored.position
    return None


def open_errors(claim: CodedClaim | None, decisions: tuple[FindingDecision, ...]) -> list[str]:
    """The claim's error messages that nobody has overridden (what signing still warns about)."""
    if claim is None:
        return []
    overridden = {decision_key(d.check, d.message) for d in decisions if d.decision == OVERRIDDEN}
    return [
        f.message
        for f in claim.findings
        if f.severity is Severity.ERROR and decision_key(f.check, f.message) not in overridden
    ]


def decision_text(decision: FindingDecision) -> str:
    when = f" on {decision.decided_at:%Y-%m-%d %H:%M}" if decision.decided_at else ""
    who = f" by {decision.decided_by}" if decision.decided_by else ""
    why = f"\nWhy: {decision.reason}" if decision.reason else ""
    return f"{(decision.decision or '').capitalize()}{who}{when}{why}"


class DecisionDelegate(QStyledItemDelegate):
    """Draws a decided finding greyed with its decision in place of the severity."""

    def __init__(self, lookup: DecisionLookup, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lookup = lookup

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        decision = self.lookup(index.row())
        if decision is None or decision.decision is None:
            return
        if index.column() == 0:
            option.text = DECISION_MARKS.get(decision.decision, decision.decision)
        grey = QColor(DECIDED_COLOUR)
        option.palette.setColor(QPalette.ColorRole.Text, grey)
        option.font.setItalic(True)

    def helpEvent(
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: Index,
    ) -> bool:
        decision = self.lookup(index.row()) if index.isValid() else None
        if event.type() == QEvent.Type.ToolTip and decision is not None and decision.decision:
            shown = index.data(Qt.ItemDataRole.ToolTipRole) or ""
            QToolTip.showText(event.globalPos(), f"{decision_text(decision)}\n\n{shown}", view)
            return True
        return super().helpEvent(event, view, option, index)


class ReasonDialog(QDialog):
    """Asks why; OK stays disabled until something is written (an override needs a reason)."""

    def __init__(self, finding: Finding, decision: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        verb = "Override" if decision == OVERRIDDEN else "Acknowledge"
        self.setWindowTitle(f"{verb} finding")
        layout = QVBoxLayout(self)
        shown = QLabel(f"<b>{SEVERITY_WORDS[finding.severity]}:</b> {escape(finding.message)}")
        shown.setWordWrap(True)
        layout.addWidget(shown)
        ask = QLabel(
            "Why is this finding overridden? (kept with the visit and in the audit log)"
            if decision == OVERRIDDEN
            else "Note (optional, kept with the visit and in the audit log):"
        )
        ask.setWordWrap(True)
        layout.addWidget(ask)
        self.reason_edit = QPlainTextEdit(self)
        self.reason_edit.setAccessibleName("Reason")
        self.reason_edit.setMaximumHeight(90)
        layout.addWidget(self.reason_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(verb)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._needs_reason = decision == OVERRIDDEN
        self.reason_edit.textChanged.connect(self._on_reason_changed)
        self._on_reason_changed()
        self.setMinimumWidth(440)

    def reason(self) -> str:
        return self.reason_edit.toPlainText().strip()

    def _on_reason_changed(self) -> None:
        self.ok_button.setEnabled(bool(self.reason()) or not self._needs_reason)


def ask_reason(parent: QWidget, finding: Finding, decision: str) -> str | None:
    dialog = ReasonDialog(finding, decision, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.reason()


class FindingDecisions(QObject):
    """The Acknowledge / Override… buttons and menu of one visit window's findings list."""

    def __init__(self, window: VisitWindow) -> None:
        super().__init__(window)
        self.window = window
        editor = window.editor
        self.view = editor.ui.findingsView
        self.model = editor.finding_model
        # Tests replace this to answer without a modal dialog.
        self.ask_reason: ReasonAsker = lambda finding, decision: ask_reason(
            window, finding, decision
        )
        self._decisions: dict[int, FindingDecision] = {}
        self.acknowledge_button = QPushButton("Acknowledge", editor)
        self.acknowledge_button.setObjectName("acknowledgeFindingButton")
        self.override_button = QPushButton("Override…", editor)
        self.override_button.setObjectName("overrideFindingButton")
        # A row of their own under the fix buttons: sharing that row would squeeze their labels.
        self.button_row = QHBoxLayout()
        self.button_row.setObjectName("findingDecisionRow")
        self.decided_label = QLabel(editor)
        self.decided_label.setStyleSheet(f"color: {DECIDED_COLOUR}")
        # Long reasons are cut off (the whole text is the tooltip), never widening the column.
        self.decided_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.button_row.addWidget(self.decided_label, 1)
        for button in (self.acknowledge_button, self.override_button):
            self.button_row.addWidget(button)
        claim_layout = editor.ui.claimLayout
        claim_layout.insertLayout(claim_layout.indexOf(editor.ui.findingActionRow) + 1,
                                  self.button_row)  # fmt: skip
        self.acknowledge_button.clicked.connect(self.acknowledge_selected)
        self.override_button.clicked.connect(self.override_selected)
        self.delegate = DecisionDelegate(self.decision_at, self.view)
        self.view.setItemDelegate(self.delegate)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._on_context_menu_requested)
        self.view.selectionModel().currentChanged.connect(self._on_current_changed)
        editor.flow.subscribe(lambda _flow: self.refresh())
        window.visit_saved.connect(lambda _id: self.refresh())
        self.refresh()

    # --- reading ---------------------------------------------------------------------------------
    def decision_at(self, row: int) -> FindingDecision | None:
        return self._decisions.get(row)

    def selected_row(self) -> int | None:
        index = self.view.currentIndex()
        if not index.isValid() or index.row() >= self.model.rowCount():
            return None
        return index.row()

    def refresh(self) -> None:
        """Match the findings shown (the live claim) with the decisions saved for the visit."""
        saved = {decision_key(d.check, d.message): d for d in self.window.stored.findings}
        self._decisions = {}
        for row, finding in enumerate(self.model.rows()):
            decided = saved.get(decision_key(finding.check, finding.message))
            if decided is not None and decided.decision:
                self._decisions[row] = decided
        # The severity column fits its text; a decision's mark is longer than "⚠ warning".
        self.view.resizeColumnToContents(0)
        self.view.viewport().update()
        self._refresh_buttons()
        self.window.editor.claim_panel.set_decided(
            {row: d.decision for row, d in self._decisions.items() if d.decision}
        )

    def _refresh_buttons(self) -> None:
        row = self.selected_row()
        why_not = self._why_not_decidable(row)
        finding = self.model.row_at(row) if row is not None else None
        decided = self.decision_at(row) if row is not None else None
        state = decided.decision if decided else None
        summary = decision_text(decided).replace("\nWhy:", " —") if decided else ""
        self.decided_label.setText(summary)
        self.decided_label.setToolTip(summary)
        can_ack = why_not is None and finding is not None and finding.severity is not Severity.ERROR
        self.acknowledge_button.setEnabled(can_ack and state != ACKNOWLEDGED)
        self.override_button.setEnabled(why_not is None and state != OVERRIDDEN)
        if why_not is not None:
            tip = why_not
            self.acknowledge_button.setToolTip(tip)
            self.override_button.setToolTip(tip)
            return
        self.acknowledge_button.setToolTip(
            "An error cannot just be acknowledged: fix it or override it with a reason"
            if finding is not None and finding.severity is Severity.ERROR
            else "Mark this finding as seen and accepted (recorded with your name)"
        )
        self.override_button.setToolTip("Bill as is despite this finding; you give the reason")

    def _why_not_decidable(self, row: int | None) -> str | None:
        if self.window.backend is None:
            return "Decisions are stored with the visit: open it from a database"
        if self.window.editor.status in LOCKED_STATUSES:
            return "The visit is signed: amend it to change decisions"
        if row is None:
            return "Choose a finding first"
        return None

    # --- deciding --------------------------------------------------------------------------------
    def acknowledge_selected(self) -> bool:
        row = self.selected_row()
        return row is not None and self.decide(row, ACKNOWLEDGED, "")

    def override_selected(self) -> bool:
        row = self.selected_row()
        if row is None:
            return False
        reason = self.ask_reason(self.model.row_at(row), OVERRIDDEN)
        if not reason:
            return False
        return self.decide(row, OVERRIDDEN, reason)

    def decide(self, row: int, decision: str, reason: str) -> bool:
        """Save the visit, then store the decision about the finding shown at `row`."""
        window = self.window
        backend = window.backend
        if backend is None or self._why_not_decidable(row) is not None:
            return False
        finding = self.model.row_at(row)
        if not window.save():  # the saved claim must be the one on screen
            return False
        try:
            position = stored_position(window.stored.findings, finding)
            if position is None:
                # Saved before the code sets changed (opened, not edited): store it recoded now.
                window.stored = backend.save_visit(window.stored, window.flow.visit)
                position = stored_position(window.stored.findings, finding)
            if position is None:
                raise StorageError("this finding is not in the saved claim; save the visit first")
            window.stored = backend.decide_finding(window.stored, position, decision, reason)
        except StorageError as error:
            QMessageBox.warning(window, "dermcharge", f"The decision was not recorded.\n\n{error}")
            return False
        self.refresh()
        window.statusBar().showMessage(f"Finding {decision}", 4000)
        return True

    # --- wiring ----------------------------------------------------------------------------------
    def _on_current_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._refresh_buttons()

    def _on_context_menu_requested(self, point: QPoint) -> None:
        index = self.view.indexAt(point)
        if not index.isValid():
            return
        self.view.setCurrentIndex(index)
        self.context_menu().popup(self.view.viewport().mapToGlobal(point))

    def context_menu(self) -> QMenu:
        """The findings list's right-click menu for the selected finding."""
        menu = QMenu(self.view)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        for button, slot in ((self.acknowledge_button, self.acknowledge_selected),
                             (self.override_button, self.override_selected)):  # fmt: skip
            action = QAction(button.text(), menu)
            action.setEnabled(button.isEnabled())
            action.setToolTip(button.toolTip())
            action.triggered.connect(lambda _checked=False, s=slot: s())
            menu.addAction(action)
        return menu


def attach_finding_decisions(window: VisitWindow) -> FindingDecisions:
    return FindingDecisions(window)
