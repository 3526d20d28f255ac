"""The procedure panel: what was done at the selected site, its measurements and its finding."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QPushButton, QWidget

from dermcharge.anatomy.sites import describe, site_table
from dermcharge.domain.visit import Kind, Modality, RepairType
from dermcharge.gui.added_details import AddedDetailsWidget
from dermcharge.gui.finding_entry import completer_for, finding_completions, resolve_entry
from dermcharge.gui.forms.ui_procedure_panel import Ui_ProcedurePanel
from dermcharge.gui.vocabulary import (
    COMMON_KINDS,
    FAVOURITE_FINDINGS,
    finding_label,
    kind_label,
)
from dermcharge.services.capture_flow import CaptureFlow, LengthUnit
from dermcharge.services.procedure_needs import Need

EXCISION_GROUP_WORDS = {
    "A": "trunk, arms, legs",
    "B": "scalp, neck, hands, feet, genitalia",
    "C": "face, ears, eyelids, nose, lips",
}
MODALITY_LABELS = {
    Modality.UVB: "UVB",
    Modality.UVB_WITH_TOPICAL: "UVB with tar/petrolatum",
    Modality.PUVA: "PUVA",
}
PROBLEM_LINES = 5
NOT_ENTERED = -0.1  # the spin boxes' "—" value: nothing typed yet (0 is a real margin)


class ProcedurePanel(QWidget):
    """Drives the capture flow for the procedure being entered; redraws from the flow."""

    def __init__(self, flow: CaptureFlow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ProcedurePanel()
        self.ui.setupUi(self)
        self.flow = flow
        self._refreshing = False
        self._shown: int | None = None
        self.kind_buttons: dict[Kind, QPushButton] = {}
        self.favourite_buttons: dict[str, QPushButton] = {}
        self._set_up_kinds()
        self._set_up_details()
        # Fields of the kinds added by issue 20 (technique, depth, drug and dose …).
        self.added_details = AddedDetailsWidget(flow, self.ui.detailsBox)
        self.ui.detailsForm.addRow(self.added_details)
        self._set_up_findings()
        # The list of what is missing changes with every choice; a label that grew with it
        # would re-lay the whole column out and move the buttons under the pointer. It keeps
        # room for PROBLEM_LINES lines (the full list is its tooltip).
        lines = self.fontMetrics().lineSpacing() * PROBLEM_LINES + 4
        self.ui.problemsLabel.setFixedHeight(lines)
        self.ui.problemsLabel.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        flow.subscribe(lambda _flow: self.refresh())
        self.refresh()

    # --- set-up ----------------------------------------------------------------------------------
    def _set_up_kinds(self) -> None:
        buttons = [getattr(self.ui, f"kindButton{i}") for i in range(len(COMMON_KINDS))]
        for number, (button, (kind, text)) in enumerate(zip(buttons, COMMON_KINDS, strict=True), 1):
            button.setText(text)
            button.setMinimumHeight(40)  # touch-sized
            button.setShortcut(QKeySequence(f"Alt+{number}"))
            button.setToolTip(f"{kind_label(kind)} at the selected site (Alt+{number})")
            button.clicked.connect(lambda _checked=False, k=kind: self._on_kind_chosen(k))
            self.kind_buttons[kind] = button
        combo = self.ui.moreKindsCombo
        combo.addItem("More procedures…", None)
        common = {kind for kind, _text in COMMON_KINDS}
        for kind in Kind:
            if kind not in common:
                combo.addItem(kind_label(kind), kind)
        combo.activated.connect(self._on_more_kinds_activated)

    def _set_up_details(self) -> None:
        ui = self.ui
        for combo in (ui.lesionUnitCombo, ui.marginUnitCombo):
            combo.addItem("mm", LengthUnit.MM)
            combo.addItem("cm", LengthUnit.CM)
        for spin in (ui.lesionSpin, ui.marginSpin):
            spin.setMinimum(NOT_ENTERED)
            spin.setSpecialValueText("—")
        ui.repairTypeCombo.addItem("no repair", None)
        for repair_type in RepairType:
            ui.repairTypeCombo.addItem(repair_type.value, repair_type)
        ui.modalityCombo.addItem("—", None)
        for modality, text in MODALITY_LABELS.items():
            ui.modalityCombo.addItem(text, modality)
        ui.countSpin.valueChanged.connect(self._on_count_changed)
        ui.lesionSpin.valueChanged.connect(self._on_lesion_changed)
        ui.lesionUnitCombo.activated.connect(self._on_lesion_changed)
        ui.marginSpin.valueChanged.connect(self._on_margin_changed)
        ui.marginUnitCombo.activated.connect(self._on_margin_changed)
        ui.repairTypeCombo.activated.connect(self._on_repair_changed)
        ui.repairLengthSpin.valueChanged.connect(self._on_repair_changed)
        ui.lengthSpin.valueChanged.connect(self._on_length_changed)
        ui.areaSpin.valueChanged.connect(self._on_area_changed)
        ui.stagesEdit.textEdited.connect(self._on_stages_edited)
        ui.modalityCombo.activated.connect(self._on_modality_activated)
        ui.complicatedCheck.toggled.connect(self._on_complicated_toggled)
        ui.pathPendingCheck.toggled.connect(self._on_path_pending_toggled)
        ui.doneButton.clicked.connect(self._on_done_clicked)
        ui.doneButton.setToolTip("Finish this one; the next kind starts a new one (Ctrl+Enter)")
        ui.removeButton.clicked.connect(self._on_remove_clicked)
        ui.removeButton.setToolTip("Remove this procedure from the visit (Ctrl+Delete)")

    def _set_up_findings(self) -> None:
        for i, finding in enumerate(FAVOURITE_FINDINGS):
            button = QPushButton(finding_label(finding).split(" (")[0], self)
            button.setToolTip(f"Finding: {finding_label(finding)}")
            button.setMinimumHeight(32)
            button.clicked.connect(lambda _checked=False, f=finding: self._on_favourite_clicked(f))
            self.ui.favouritesGrid.addWidget(button, i // 2, i % 2)
            self.favourite_buttons[finding] = button
        self._completions = QStringListModel(self)
        self.ui.findingEdit.setCompleter(completer_for(self._completions, self))
        self.ui.findingEdit.textEdited.connect(self._on_finding_edited)
        self.ui.findingEdit.returnPressed.connect(self._on_finding_entered)

    # --- redraw ----------------------------------------------------------------------------------
    @contextmanager
    def _quiet(self) -> Iterator[None]:
        self._refreshing = True
        try:
            yield
        finally:
            self._refreshing = False

    def refresh(self) -> None:
        with self._quiet():
            self._refresh_site()
            self._refresh_details()

    def _refresh_site(self) -> None:
        choice = self.flow.site
        if choice is None:
            self.ui.siteTitle.setText("<b>Choose a site</b> on the map or search for it (Ctrl+L)")
            self.ui.siteDetail.setText("")
            return
        name = describe(choice.site, choice.laterality.value if choice.laterality else None,
                        choice.digit)  # fmt: skip
        site = site_table()[choice.site]
        self.ui.siteTitle.setText(f"<b>{name[:1].upper()}{name[1:]}</b>")
        words = EXCISION_GROUP_WORDS.get(site.excision_group, "")
        self.ui.siteDetail.setText(f"CPT site group {site.excision_group} ({words})")

    def _refresh_details(self) -> None:
        ui = self.ui
        proc = self.flow.current_procedure
        needs = self.flow.current_needs()
        ui.detailsBox.setEnabled(proc is not None)
        ui.findingBox.setEnabled(proc is not None)
        ui.doneButton.setEnabled(proc is not None)
        ui.removeButton.setEnabled(proc is not None)
        number = "" if self.flow.current is None else f"{self.flow.current + 1}. "
        kind_text = f"{number}{kind_label(proc.kind)}" if proc else "— choose what was done"
        ui.kindLabel.setText(kind_text)
        rows = {
            Need.COUNT: (ui.countCaption, ui.countSpin),
            Need.LESION: (ui.lesionCaption, ui.lesionSpin, ui.lesionUnitCombo),
            Need.MARGIN: (ui.marginCaption, ui.marginSpin, ui.marginUnitCombo),
            Need.REPAIR: (ui.repairCaption, ui.repairTypeCombo, ui.repairLengthSpin),
            Need.LENGTH: (ui.lengthCaption, ui.lengthSpin),
            Need.STAGES: (ui.stagesCaption, ui.stagesEdit),
            Need.MODALITY: (ui.modalityCaption, ui.modalityCombo),
            Need.COMPLICATED: (ui.complicatedCheck,),
        }
        for need, widgets in rows.items():
            for widget in widgets:
                widget.setVisible(need in needs)
        area_shown = Need.DEFECT in needs or Need.AREA in needs
        ui.areaCaption.setVisible(area_shown)
        ui.areaSpin.setVisible(area_shown)
        is_biopsy = proc is not None and proc.kind.value.startswith("biopsy")
        ui.pathPendingCheck.setVisible(is_biopsy or bool(proc and proc.path_pending))
        self.added_details.refresh(proc)
        if proc is None:
            self._shown = None
            ui.findingLabel.setText("—")
            ui.problemsLabel.setText("")
            return
        force = self._shown != self.flow.current  # another procedure: show all of it
        self._shown = self.flow.current
        _set_spin(ui.countSpin, proc.count or 0, force)
        self._show_length(ui.lesionSpin, ui.lesionUnitCombo, proc.lesion_cm, force)
        self._show_length(ui.marginSpin, ui.marginUnitCombo, proc.margin_cm, force)
        ui.repairTypeCombo.setCurrentIndex(ui.repairTypeCombo.findData(
            proc.repair.type if proc.repair else None))  # fmt: skip
        _set_spin(ui.repairLengthSpin, float(proc.repair.length_cm) if proc.repair else 0.0, force)
        _set_spin(ui.lengthSpin, float(proc.length_cm or 0), force)
        area = proc.defect_sq_cm if Need.DEFECT in needs else proc.area_sq_cm
        _set_spin(ui.areaSpin, float(area or 0), force)
        if not ui.stagesEdit.hasFocus():
            ui.stagesEdit.setText(", ".join(str(blocks) for blocks in proc.stages))
        ui.modalityCombo.setCurrentIndex(max(ui.modalityCombo.findData(proc.modality), 0))
        ui.complicatedCheck.setChecked(proc.complicated)
        ui.pathPendingCheck.setChecked(proc.path_pending)
        dx = proc.diagnosis
        if dx is None or not (dx.finding or dx.icd10):
            ui.findingLabel.setText("<i>no finding yet</i>")
        else:
            shown = finding_label(dx.finding) if dx.finding else dx.icd10
            ui.findingLabel.setText(f"<b>{shown}</b>")
        for finding, button in self.favourite_buttons.items():
            button.setDown(dx is not None and dx.finding == finding)
        problems = self.flow.problems()
        ui.problemsLabel.setToolTip("\n".join(problems))
        ui.problemsLabel.setText(
            "<span style='color:#c62828'>" + "<br>".join(f"✖ {p}" for p in problems) + "</span>"
            if problems else "<span style='color:#2e7d32'>✔ ready to code</span>"
        )  # fmt: skip

    @staticmethod
    def _show_length(spin: object, combo: object, value_cm: Decimal | None, force: bool) -> None:
        # Qt hands the item data back as a plain str ("mm"), never the enum member: compare
        # as a LengthUnit, or "mm" is taken for cm and 12 mm shows as 1.2.
        unit = LengthUnit(combo.currentData())  # type: ignore[attr-defined]
        if value_cm is None:
            _set_spin(spin, NOT_ENTERED, force)
        else:
            _set_spin(spin, float(value_cm * 10 if unit is LengthUnit.MM else value_cm), force)

    # --- slots -----------------------------------------------------------------------------------
    def _on_kind_chosen(self, kind: Kind) -> None:
        self.flow.choose_kind(kind)
        needs = self.flow.current_needs()
        if Need.COUNT in needs:  # the fast path: type the count straight away
            self.ui.countSpin.setFocus()
            self.ui.countSpin.selectAll()
        elif Need.LESION in needs:
            self.ui.lesionSpin.setFocus()
            self.ui.lesionSpin.selectAll()

    def _on_more_kinds_activated(self, index: int) -> None:
        kind = self.ui.moreKindsCombo.itemData(index)
        self.ui.moreKindsCombo.setCurrentIndex(0)
        if kind is not None:
            self._on_kind_chosen(Kind(kind))

    def _editing(self) -> bool:
        return not self._refreshing and self.flow.current is not None

    def _on_count_changed(self, value: int) -> None:
        if self._editing():
            self.flow.set_count(value)

    def _length(self, spin: object, combo: object) -> tuple[Decimal | None, LengthUnit]:
        value = spin.value()  # type: ignore[attr-defined]
        unit = LengthUnit(combo.currentData())  # type: ignore[attr-defined]
        return (None if value < 0 else Decimal(str(round(value, 1)))), unit

    def _on_lesion_changed(self, *_args: object) -> None:
        if self._editing():
            self.flow.set_lesion(*self._length(self.ui.lesionSpin, self.ui.lesionUnitCombo))

    def _on_margin_changed(self, *_args: object) -> None:
        if self._editing():
            self.flow.set_margin(*self._length(self.ui.marginSpin, self.ui.marginUnitCombo))

    def _on_repair_changed(self, *_args: object) -> None:
        if self._editing():
            length = Decimal(str(round(self.ui.repairLengthSpin.value(), 1)))
            self.flow.set_repair(self.ui.repairTypeCombo.currentData(), length)

    def _on_length_changed(self, value: float) -> None:
        if self._editing():
            self.flow.set_length(Decimal(str(round(value, 1))) if value > 0 else None)

    def _on_area_changed(self, value: float) -> None:
        if not self._editing():
            return
        area = Decimal(str(round(value, 1))) if value > 0 else None
        if Need.DEFECT in self.flow.current_needs():
            self.flow.set_field(defect_sq_cm=area)
        else:
            self.flow.set_field(area_sq_cm=area)

    def _on_stages_edited(self, text: str) -> None:
        if self._editing():
            parts = [p for p in text.replace(";", ",").replace(" ", ",").split(",") if p]
            self.flow.set_stages(int(p) for p in parts if p.isdigit())

    def _on_modality_activated(self, index: int) -> None:
        if self._editing():
            self.flow.set_field(modality=self.ui.modalityCombo.itemData(index))

    def _on_complicated_toggled(self, checked: bool) -> None:
        if self._editing():
            self.flow.set_field(complicated=checked)

    def _on_path_pending_toggled(self, checked: bool) -> None:
        if self._editing():
            self.flow.set_path_pending(checked)

    def _on_favourite_clicked(self, finding: str) -> None:
        if self.flow.current is not None:
            self.flow.set_finding(finding)

    def _on_finding_edited(self, text: str) -> None:
        self._completions.setStringList(finding_completions(text, self.flow.visit.date_of_service))

    def _on_finding_entered(self) -> None:
        if self.flow.current is None:
            return
        choice = resolve_entry(self.ui.findingEdit.text(), self.flow.visit.date_of_service)
        if choice is None:
            self.ui.problemsLabel.setText("No finding or ICD-10-CM code matches what was typed.")
            return
        if choice.finding:
            self.flow.set_finding(choice.finding)
        elif choice.icd10:
            self.flow.set_icd10(choice.icd10)
        self.ui.findingEdit.setText("")  # not clear(): Ctrl+Z then undoes the visit

    def _on_done_clicked(self) -> None:
        self.flow.finish_procedure()

    def _on_remove_clicked(self) -> None:
        if self.flow.current is not None:
            self.flow.remove_procedure(self.flow.current)


def _set_spin(spin: object, value: float, force: bool = False) -> None:
    """Show the flow's value, but never rewrite a box while someone is typing in it."""
    if force or not spin.hasFocus():  # type: ignore[attr-defined]
        spin.setValue(value)  # type: ignore[attr-defined]
