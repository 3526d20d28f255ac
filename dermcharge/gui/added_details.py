"""The procedure panel's fields for the kinds added by issue 20: technique, depth, drug and dose,
discarded amount and container, filler volume, graft recipient-site preparation, the specimen's
procedure, and the pathology component, stains and antibodies. Built in code over the same CaptureFlow; each field shows only for kinds that take it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal

from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

from dermcharge.coding.drug_table import drugs
from dermcharge.coding.procedure_fields import (
    COMPONENTS,
    CONTAINERS,
    DEPTHS,
    DRUGS_FOR,
    TECHNIQUES,
)
from dermcharge.domain.visit import Kind, Procedure
from dermcharge.services.capture_flow import CaptureFlow

COMPONENT_WORDS = {
    "global": "global (we prepare and read)",
    "professional": "reading only (-26)",
    "technical": "slides only (-TC)",
}
PATHOLOGY = Kind.DERMATOPATHOLOGY
SPECIMEN_KINDS = frozenset({Kind.DERMATOPATHOLOGY, Kind.KOH_PREP, Kind.FUNGAL_CULTURE})


def _words(value: str) -> str:
    return value.replace("_", " ")


class AddedDetailsWidget(QWidget):
    """Edits the issue-20 fields of the flow's current procedure; redrawn by the panel."""

    def __init__(self, flow: CaptureFlow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flow = flow
        self._refreshing = False
        self._kind: Kind | None = None
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.form = form
        self.techniqueCombo = self._combo("techniqueCombo", self._on_technique)
        self.depthCombo = self._combo("depthCombo", self._on_depth)
        self.drugCombo = self._combo("drugCombo", self._on_drug)
        self.doseSpin = self._amount("doseSpin", self._on_dose)
        self.wastedSpin = self._amount("wastedSpin", self._on_wasted)
        self.containerCombo = self._combo("containerCombo", self._on_container)
        self.volumeSpin = self._amount("volumeSpin", self._on_volume)
        self.prepSpin = self._amount("prepSpin", self._on_prep)
        self.specimenSpin = self._count("specimenSpin", self._on_specimen)
        self.specimenSpin.setRange(0, 99)
        self.specimenSpin.setSpecialValueText("—")
        self.componentCombo = self._combo("componentCombo", self._on_component)
        self.stainsSpin = self._count("stainsSpin", self._on_stains)
        self.antibodiesSpin = self._count("antibodiesSpin", self._on_antibodies)
        self.rows: dict[QWidget, QLabel] = {}
        for caption, widget in (
            ("Technique", self.techniqueCombo),
            ("Depth", self.depthCombo),
            ("Drug", self.drugCombo),
            ("Dose", self.doseSpin),
            ("Discarded", self.wastedSpin),
            ("Vial", self.containerCombo),
            ("Volume (mL)", self.volumeSpin),
            ("Recipient prep (cm²)", self.prepSpin),
            ("Specimen of #", self.specimenSpin),
            ("Slides", self.componentCombo),
            ("Special stains", self.stainsSpin),
            ("IHC antibodies", self.antibodiesSpin),
        ):
            label = QLabel(caption, self)
            label.setBuddy(widget)
            form.addRow(label, widget)
            self.rows[widget] = label
        self.containerCombo.addItem("—", None)
        for container in sorted(CONTAINERS):
            self.containerCombo.addItem(_words(container), container)
        self.componentCombo.addItem("—", None)
        for component in sorted(COMPONENTS):
            self.componentCombo.addItem(COMPONENT_WORDS[component], component)

    # --- building ---------------------------------------------------------------------------------
    def _combo(self, name: str, slot: object) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.activated.connect(slot)
        return combo

    def _amount(self, name: str, slot: object) -> QDoubleSpinBox:
        spin = QDoubleSpinBox(self)
        spin.setObjectName(name)
        spin.setRange(0, 5000)
        spin.setDecimals(1)
        spin.setSpecialValueText("—")
        spin.valueChanged.connect(slot)
        return spin

    def _count(self, name: str, slot: object) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setObjectName(name)
        spin.setRange(0, 20)
        spin.valueChanged.connect(slot)
        return spin

    # --- redraw -----------------------------------------------------------------------------------
    @contextmanager
    def _quiet(self) -> Iterator[None]:
        self._refreshing = True
        try:
            yield
        finally:
            self._refreshing = False

    def refresh(self, proc: Procedure | None) -> None:
        with self._quiet():
            kind = proc.kind if proc else None
            if kind != self._kind:
                self._kind = kind
                self._fill_choices(kind)
            drug = drugs().get(proc.drug or "") if proc else None
            shown = {
                self.techniqueCombo: kind in TECHNIQUES,
                self.depthCombo: kind in DEPTHS,
                self.drugCombo: kind in DRUGS_FOR,
                self.doseSpin: kind in DRUGS_FOR,
                self.wastedSpin: kind in DRUGS_FOR,
                self.containerCombo: kind in DRUGS_FOR,
                self.volumeSpin: kind is Kind.FILLER,
                self.prepSpin: kind is Kind.SKIN_GRAFT,
                self.specimenSpin: kind in SPECIMEN_KINDS,
                self.componentCombo: kind is PATHOLOGY,
                self.stainsSpin: kind is PATHOLOGY,
                self.antibodiesSpin: kind is PATHOLOGY,
            }
            for widget, visible in shown.items():
                widget.setVisible(visible)
                self.rows[widget].setVisible(visible)
            self.setVisible(any(shown.values()))
            if proc is None:
                return
            measure = drug.measure if drug else "mg"
            self.rows[self.doseSpin].setText(f"Dose ({measure})")
            self.rows[self.wastedSpin].setText(f"Discarded ({measure})")
            self._select(self.techniqueCombo, proc.technique)
            self._select(self.depthCombo, proc.depth)
            self._select(self.drugCombo, proc.drug)
            self._select(self.containerCombo, proc.container)
            self._select(self.componentCombo, proc.component)
            dose = proc.dose_units if measure == "units" else proc.dose_mg
            wasted = proc.wasted_units if measure == "units" else proc.wasted_mg
            self._set_spin(self.doseSpin, dose)
            self._set_spin(self.wastedSpin, wasted)
            self._set_spin(self.volumeSpin, proc.volume_ml)
            self._set_spin(self.prepSpin, proc.prep_sq_cm)
            # shown 1-based like the procedure list; 0 = not linked
            self.specimenSpin.setValue(0 if proc.specimen_of is None else proc.specimen_of + 1)
            self.stainsSpin.setValue(proc.stains or 0)
            self.antibodiesSpin.setValue(proc.antibodies or 0)

    def _fill_choices(self, kind: Kind | None) -> None:
        none: frozenset[str] = frozenset()
        techniques = TECHNIQUES.get(kind, none) if kind is not None else none
        depths = DEPTHS.get(kind, none) if kind is not None else none
        for combo, options in ((self.techniqueCombo, techniques), (self.depthCombo, depths)):
            combo.clear()
            combo.addItem("—", None)
            for value in sorted(options):
                combo.addItem(_words(value), value)
        self.drugCombo.clear()
        self.drugCombo.addItem("—", None)
        for name in sorted(DRUGS_FOR.get(kind, none) if kind is not None else none):
            self.drugCombo.addItem(drugs()[name].label, name)

    @staticmethod
    def _select(combo: QComboBox, value: str | None) -> None:
        combo.setCurrentIndex(max(combo.findData(value), 0))

    @staticmethod
    def _set_spin(spin: QDoubleSpinBox, value: Decimal | None) -> None:
        if not spin.hasFocus():
            spin.setValue(float(value or 0))

    # --- slots ------------------------------------------------------------------------------------
    def _editing(self) -> bool:
        return not self._refreshing and self.flow.current_procedure is not None

    def _on_technique(self, index: int) -> None:
        if self._editing():
            self.flow.set_field(technique=self.techniqueCombo.itemData(index))

    def _on_depth(self, index: int) -> None:
        if self._editing():
            self.flow.set_field(depth=self.depthCombo.itemData(index))

    def _on_drug(self, index: int) -> None:
        if self._editing():
            self.flow.set_field(drug=self.drugCombo.itemData(index))

    def _measure(self) -> str:
        proc = self.flow.current_procedure
        drug = drugs().get(proc.drug or "") if proc else None
        return drug.measure if drug else "mg"

    @staticmethod
    def _decimal(value: float) -> Decimal | None:
        return Decimal(str(round(value, 1))) if value > 0 else None

    def _on_dose(self, value: float) -> None:
        if self._editing():
            self.flow.set_field(**{f"dose_{self._measure()}": self._decimal(value)})

    def _on_wasted(self, value: float) -> None:
        if self._editing():
            self.flow.set_field(**{f"wasted_{self._measure()}": self._decimal(value)})

    def _on_container(self, index: int) -> None:
        if self._editing():
            self.flow.set_field(container=self.containerCombo.itemData(index))

    def _on_volume(self, value: float) -> None:
        if self._editing():
            self.flow.set_field(volume_ml=self._decimal(value))

    def _on_prep(self, value: float) -> None:
        if self._editing():
            self.flow.set_field(prep_sq_cm=self._decimal(value))

    def _on_specimen(self, value: int) -> None:
        if self._editing():
            self.flow.set_field(specimen_of=value - 1 if value > 0 else None)

    def _on_component(self, index: int) -> None:
        if self._editing():
            self.flow.set_field(component=self.componentCombo.itemData(index))

    def _on_stains(self, value: int) -> None:
        if self._editing():
            self.flow.set_field(stains=value or None)

    def _on_antibodies(self, value: int) -> None:
        if self._editing():
            self.flow.set_field(antibodies=value or None)
