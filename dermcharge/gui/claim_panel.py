"""The live coding panel: claim lines, codes not billed, findings with their fixes, diagnoses A–L.

It redraws from the capture flow's claim after every change; a click on a line, a finding or a
diagnosis opens the procedure it concerns, and the finding actions apply the one fix that fits.
The A–L list can be reordered (buttons, Alt+Up/Alt+Down): the flow keeps the order on the visit.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal

from PySide6.QtCore import QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from dermcharge.domain.claim import ClaimLine, Finding, Severity
from dermcharge.domain.visit import Abn
from dermcharge.gui.claim_models import (
    ClaimLineModel,
    DiagnosisModel,
    DiagnosisRow,
    FindingModel,
    NotBilledModel,
    claim_line_rows,
)
from dermcharge.gui.forms.ui_visit_editor import Ui_VisitEditor
from dermcharge.gui.icd_lookup import describe_code
from dermcharge.services.capture_flow import CaptureFlow

FeeLookup = Callable[[ClaimLine], Decimal | None]


class ClaimPanel(QObject):
    """Drives the claim column of the visit editor form."""

    procedure_opened = Signal(int)  # a line, finding or diagnosis was clicked: its procedure

    def __init__(
        self, ui: Ui_VisitEditor, flow: CaptureFlow, fee_lookup: FeeLookup | None,
        parent: QObject | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.ui = ui
        self.flow = flow
        self.fee_lookup = fee_lookup
        self.decided: dict[int, str] = {}  # finding row -> "acknowledged" / "overridden"
        self.claim_model = ClaimLineModel(self)
        self.not_billed_model = NotBilledModel(self)
        self.finding_model = FindingModel(self)
        self.diagnosis_model = DiagnosisModel(self)
        views = (
            (self.ui.claimLinesView, self.claim_model),
            (self.ui.notBilledView, self.not_billed_model),
            (self.ui.findingsView, self.finding_model),
            (self.ui.diagnosesView, self.diagnosis_model),
        )
        ui = self.ui
        for view, model in views:
            view.setModel(model)
            _tidy_table(view)
        self.ui.claimLinesView.clicked.connect(self._on_claim_line_clicked)
        self.ui.findingsView.clicked.connect(self._on_finding_clicked)
        self.ui.findingsView.activated.connect(self._on_finding_clicked)
        self.ui.diagnosesView.clicked.connect(self._on_diagnosis_clicked)
        self.ui.diagnosesView.setToolTip(
            "Click a diagnosis to open the procedure it came from and change its finding"
        )
        self.ui.findingsView.setWordWrap(True)
        for view in (self.ui.claimLinesView, self.ui.findingsView, self.ui.notBilledView,
                     self.ui.diagnosesView):  # fmt: skip
            header = view.horizontalHeader()
            for column in range(header.count() - 1):
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
            header.setSectionResizeMode(header.count() - 1, QHeaderView.ResizeMode.Stretch)

        self._set_up_diagnosis_order()
        ui.addModifierButton.clicked.connect(self._on_add_modifier_clicked)
        ui.symptomaticButton.clicked.connect(self._on_symptomatic_clicked)
        ui.abnButton.clicked.connect(self._on_abn_clicked)

    def _set_up_diagnosis_order(self) -> None:
        """Up/down on the A-L list: the provider decides which diagnosis is listed first."""
        ui = self.ui
        moves = (
            (ui.dxUpButton, -1, "Alt+Up", "Move the selected diagnosis up"),
            (ui.dxDownButton, 1, "Alt+Down", "Move the selected diagnosis down"),
        )
        for button, steps, keys, words in moves:
            button.clicked.connect(lambda _c=False, n=steps: self.move_selected_diagnosis(n))
            shortcut = QShortcut(QKeySequence(keys), ui.diagnosesView)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda n=steps: self.move_selected_diagnosis(n))
            button.setToolTip(f"{words} ({keys} in the list)")
        ui.dxResetButton.clicked.connect(self.flow.reset_diagnosis_order)
        ui.dxResetButton.setToolTip("Back to the order in which the claim lines use them")
        ui.diagnosesView.selectionModel().currentRowChanged.connect(
            lambda _now, _before: self._refresh_order_buttons()
        )

    def move_selected_diagnosis(self, steps: int) -> None:
        index = self.ui.diagnosesView.currentIndex()
        if not index.isValid():
            return
        code = self.diagnosis_model.row_at(index.row()).code
        self.flow.move_diagnosis(code, steps)  # the flow recodes; refresh() redraws the list
        claim = self.flow.claim
        if claim is not None and code in claim.diagnoses:
            self.ui.diagnosesView.setCurrentIndex(
                self.diagnosis_model.index(claim.diagnoses.index(code), 0)
            )

    def _refresh_order_buttons(self) -> None:
        ui = self.ui
        row = ui.diagnosesView.currentIndex().row()
        count = self.diagnosis_model.rowCount()
        ui.dxUpButton.setEnabled(0 < row < count)
        ui.dxDownButton.setEnabled(0 <= row < count - 1)
        ui.dxResetButton.setEnabled(bool(self.flow.visit.diagnosis_order))

    def refresh(self) -> None:
        claim = self.flow.claim
        ui = self.ui
        if claim is None:
            self.claim_model.set_rows([])
            self.not_billed_model.set_rows([])
            self.finding_model.set_rows([])
            self.diagnosis_model.set_rows([])
            self._refresh_order_buttons()
            ui.cleanLabel.setText(f"<span style='color:#b26a00'>{self.flow.coding_error}</span>")
            return
        self.claim_model.set_rows(claim_line_rows(claim, self.fee_lookup))
        self.not_billed_model.set_rows(claim.not_billed)
        # An empty "not billed" table is noise: say "none" and give the room to the findings.
        ui.notBilledView.setVisible(bool(claim.not_billed))
        none = "" if claim.not_billed else " <span style='font-weight:normal'>— none</span>"
        ui.notBilledTitle.setText(f"<b>Not billed</b>{none}")
        self.finding_model.set_rows(visit_findings(claim.findings))
        on = self.flow.visit.date_of_service
        self.diagnosis_model.set_rows([
            DiagnosisRow("ABCDEFGHIJKL"[i], code, describe_code(code, on))
            for i, code in enumerate(claim.diagnoses[:12])
        ])  # fmt: skip
        self._refresh_order_buttons()
        self.decided = {}  # a new claim: the decisions panel matches its findings again
        self.show_summary()
        self._refresh_finding_actions()

    def set_decided(self, decided: Mapping[int, str]) -> None:
        """Which findings (rows) a person acknowledged or overrode (gui.finding_decisions)."""
        self.decided = dict(decided)
        self.show_summary()

    def show_summary(self) -> None:
        claim = self.flow.claim
        if claim is not None:
            self.ui.cleanLabel.setText(summary_html(visit_findings(claim.findings), self.decided))

    def _on_claim_line_clicked(self, index: QModelIndex) -> None:
        line = self.claim_model.row_at(index.row()).line
        procs = [i for i in line.procedures if i is not None]
        if procs:
            self.flow.select_procedure(procs[0])

    def _on_diagnosis_clicked(self, index: QModelIndex) -> None:
        """Change a lesion's code: open the first procedure whose line points at this one."""
        code = self.diagnosis_model.row_at(index.row()).code
        claim = self.flow.claim
        for line in claim.lines if claim else ():
            procs = [i for i in line.procedures if i is not None]
            if code in line.diagnoses and procs:
                self.flow.select_procedure(procs[0])
                self.procedure_opened.emit(procs[0])
                return

    def _selected_finding(self) -> Finding | None:
        index = self.ui.findingsView.currentIndex()
        if not index.isValid() or index.row() >= self.finding_model.rowCount():
            return None
        return self.finding_model.row_at(index.row())

    def _on_finding_clicked(self, index: QModelIndex) -> None:
        finding = self.finding_model.row_at(index.row())
        if finding.procedures:
            self.flow.select_procedure(finding.procedures[0])
            self.ui.findingsView.setCurrentIndex(self.finding_model.index(index.row(), 0))
        self._refresh_finding_actions()

    def _refresh_finding_actions(self) -> None:
        finding = self._selected_finding()
        words = f"{finding.check} {finding.message} {finding.action}".lower() if finding else ""
        has_procs = bool(finding and finding.procedures)
        self.ui.addModifierButton.setEnabled(has_procs and ("modifier" in words or "59" in words
                                                            or "separate" in words))  # fmt: skip
        self.ui.symptomaticButton.setEnabled(has_procs and ("symptom" in words
                                                            or "cosmetic" in words))  # fmt: skip
        self.ui.abnButton.setEnabled(has_procs and "abn" in words)

    def _finding_procedures(self) -> tuple[int, ...]:
        finding = self._selected_finding()
        return finding.procedures if finding else ()

    def _on_add_modifier_clicked(self) -> None:
        for index in self._finding_procedures()[-1:]:
            self.flow.set_separate_lesion(index, True)

    def _on_symptomatic_clicked(self) -> None:
        for index in self._finding_procedures():
            self.flow.set_symptomatic(index, True)

    def _on_abn_clicked(self) -> None:
        for index in self._finding_procedures():
            self.flow.set_abn(index, Abn.SIGNED)


SUMMARY_COLOURS = {"fix": "#c62828", "review": "#b26a00", "clean": "#2e7d32"}
DECIDED_COLOUR = "#757575"


# Findings about the practice's set-up, the same on every claim (the ICD-10-CM release loaded
# is older than the one in force): said once in the status bar, not counted on each visit. The
# claim keeps them — `dermcharge code` and the stored claim still list them (the contract).
PRACTICE_WIDE_CHECKS = frozenset({"code_set_version"})


def visit_findings(findings: Sequence[Finding]) -> list[Finding]:
    """The findings about this visit (what the findings list shows and counts)."""
    return [f for f in findings if f.check not in PRACTICE_WIDE_CHECKS]


def practice_wide_findings(findings: Sequence[Finding]) -> list[Finding]:
    return [f for f in findings if f.check in PRACTICE_WIDE_CHECKS]


def summary_html(findings: Sequence[Finding], decided: Mapping[int, str]) -> str:
    """The panel's line: "n to fix ✖", "n to review ⚠" or "clean ✓", counting only findings
    no one has decided; with decisions, how many."""
    still_open = [f for row, f in enumerate(findings) if row not in decided]
    errors = sum(f.severity is Severity.ERROR for f in still_open)
    warnings = sum(f.severity is Severity.WARNING for f in still_open)
    if errors:
        colour, text = SUMMARY_COLOURS["fix"], f"{errors} to fix ✖"
    elif warnings:
        colour, text = SUMMARY_COLOURS["review"], f"{warnings} to review ⚠"
    elif "overridden" in decided.values():
        colour, text = SUMMARY_COLOURS["review"], "all findings decided"
    else:
        colour, text = SUMMARY_COLOURS["clean"], "<b>clean ✓</b>"
    line = f"<span style='color:{colour}'>{text}</span>"
    if decided:
        line += f" <span style='color:{DECIDED_COLOUR}'>· {len(decided)} decided</span>"
    return line


def _tidy_table(view: QTableView) -> None:
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
