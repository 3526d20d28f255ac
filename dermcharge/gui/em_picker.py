"""The E/M picker: the office level (one click, Ctrl+Shift+1…), "separately identifiable", and
the problems the E/M managed (a finding or an ICD-10-CM code, typed with completion)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QObject, QStringListModel, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QButtonGroup, QPushButton, QSizePolicy, QWidget

from dermcharge.domain.visit import Diagnosis
from dermcharge.gui.finding_entry import completer_for, finding_completions, resolve_entry
from dermcharge.gui.forms.ui_visit_editor import Ui_VisitEditor
from dermcharge.gui.vocabulary import finding_label
from dermcharge.services.capture_flow import CaptureFlow

CHECKED_STYLE = (
    "QPushButton:checked { background: palette(highlight); color: palette(highlighted-text);"
    " font-weight: bold; border: 1px solid palette(dark); border-radius: 3px; }"
)


class EmPicker(QObject):
    """Drives the E/M row of the visit editor form."""

    def __init__(self, ui: Ui_VisitEditor, flow: CaptureFlow, owner: QWidget) -> None:
        super().__init__(owner)
        self.ui = ui
        self.flow = flow
        self.em_group = QButtonGroup(self)
        self.em_group.setExclusive(False)  # a second click on the chosen level clears it
        self.em_buttons: dict[str, QPushButton] = {}
        for number, code in enumerate(self.flow.em_codes(), start=1):
            button = QPushButton(code, owner)
            button.setCheckable(True)
            button.setMinimumHeight(32)
            # A fixed width: a long E/M diagnosis label beside the buttons must not squeeze them.
            button.setFixedWidth(button.sizeHint().width())
            button.setStyleSheet(CHECKED_STYLE)
            button.setToolTip(f"Office E/M {code} (Ctrl+Shift+{number}); again for none")
            button.setShortcut(QKeySequence(f"Ctrl+Shift+{number}"))
            self.em_group.addButton(button)
            self.ui.emButtonsLayout.addWidget(button)
            self.em_buttons[code] = button
        self.em_group.buttonClicked.connect(self._on_em_button_clicked)
        # The label takes what room is left and is cut off (its tooltip has all of it), never
        # widening the row and moving the buttons.
        self.ui.emDxLabel.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.ui.emDxLabel.setMinimumWidth(220)
        row = self.ui.emRow
        row.setStretch(row.indexOf(self.ui.emDxEdit), 1)  # the field and its list share the rest
        row.setStretch(row.indexOf(self.ui.emDxLabel), 1)
        self.ui.separateCheck.toggled.connect(self._on_separate_toggled)
        self._em_completions = QStringListModel(self)
        self.ui.emDxEdit.setCompleter(completer_for(self._em_completions, owner))
        self.ui.emDxEdit.textEdited.connect(self._on_em_dx_edited)
        self.ui.emDxEdit.returnPressed.connect(self._on_em_dx_entered)
        self.ui.emDxLabel.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.ui.emDxLabel.linkActivated.connect(self._on_em_dx_link_activated)

    def refresh(self) -> None:
        em = self.flow.visit.em
        for code, button in self.em_buttons.items():
            button.setChecked(em is not None and em.code == code)
        self.ui.separateCheck.blockSignals(True)
        self.ui.separateCheck.setChecked(em.separately_identifiable if em else True)
        self.ui.separateCheck.blockSignals(False)
        diagnoses = em.diagnoses if em else self.flow.em_diagnoses_waiting()
        shown = ", ".join(diagnosis_text(dx) for dx in diagnoses)
        # Each with its own ✕: a wrongly added diagnosis is one click away from gone.
        linked = ", ".join(
            f"<b>{escape(diagnosis_text(dx))}</b> <a href='#dx-{i}' title='remove'>✕</a>"
            for i, dx in enumerate(diagnoses)
        )
        self.ui.emDxLabel.setText(linked or "<i>no E/M diagnosis</i>")
        self.ui.emDxLabel.setToolTip(f"{shown} — ✕ removes one" if shown else "")

    def _on_em_dx_link_activated(self, link: str) -> None:
        em = self.flow.visit.em
        current = list(em.diagnoses if em else self.flow.em_diagnoses_waiting())
        index = int(link.rsplit("-", 1)[1])
        if 0 <= index < len(current):
            del current[index]
            self.flow.set_em_diagnoses(current)

    def _on_em_button_clicked(self, button: QPushButton) -> None:
        code = button.text()
        current = self.flow.visit.em
        chosen = None if current is not None and current.code == code else code
        self.flow.set_em(chosen)
        if chosen is not None:  # what the E/M was for is typed next: no click to get there
            self.ui.emDxEdit.setFocus(Qt.FocusReason.OtherFocusReason)
            self.ui.emDxEdit.selectAll()

    def _on_separate_toggled(self, checked: bool) -> None:
        if self.flow.visit.em is not None:
            self.flow.set_em_separately_identifiable(checked)

    def _on_em_dx_edited(self, text: str) -> None:
        on = self.flow.visit.date_of_service
        self._em_completions.setStringList(finding_completions(text, on))

    def _on_em_dx_entered(self) -> None:
        text = self.ui.emDxEdit.text()
        em = self.flow.visit.em
        current = em.diagnoses if em else ()
        if not text.strip():  # Enter on an empty box clears the E/M diagnoses
            self.flow.set_em_diagnoses(())
            return
        choice = resolve_entry(text, self.flow.visit.date_of_service)
        if choice is None:
            self.ui.emDxLabel.setText("no finding or ICD-10-CM code matches")
            return
        dx = Diagnosis(finding=choice.finding, icd10=choice.icd10)
        if dx not in current:
            self.flow.set_em_diagnoses((*current, dx))
        self.ui.emDxEdit.setText(
            ""
        )  # setText, not clear(): Ctrl+Z then undoes the visit, not the typing


def diagnosis_text(dx: Diagnosis) -> str:
    return finding_label(dx.finding) if dx.finding else (dx.icd10 or "?")
