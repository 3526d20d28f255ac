"""A patient's details — who they are, where they live, their coverage — for a new patient (whose
first visit then opens) or to correct a patient on file.

The form starts empty (no made-up birth date or sex), takes dates as staff type them, and stays
open when the save is refused: the field at fault is marked and the reason said in words.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLineEdit, QWidget

from dermcharge.domain.record import (
    SUBSCRIBER_RELATIONSHIPS,
    Address,
    Insurance,
    Patient,
    SubscriberPerson,
    VisitRecord,
)
from dermcharge.domain.visit import PatientStatus, Payer, Visit
from dermcharge.gui.backend_records import ProviderChoice
from dermcharge.gui.forms.ui_new_patient_dialog import Ui_NewPatientDialog
from dermcharge.gui.typed_dates import DateNotUnderstood, parse_typed_date, shown_date
from dermcharge.services.errors import InvalidRecord, StorageError

PAYER_CHOICES = (("Medicare", Payer.MEDICARE), ("Commercial", Payer.COMMERCIAL),
                 ("Medicaid", Payer.MEDICAID), ("Self-pay", Payer.SELF_PAY))  # fmt: skip
SEX_CHOICES = (("F", "F — female"), ("M", "M — male"), ("X", "X"), ("U", "U — unknown"))
MARKED = "border: 2px solid #c62828;"

# The services name a field by its path in the record; the form says it in words and marks it.
FIELDS = {
    "patient.first_name": ("firstNameEdit", "First name"),
    "patient.last_name": ("lastNameEdit", "Last name"),
    "patient.dob": ("dobEdit", "Date of birth"),
    "patient.sex": ("sexCombo", "Sex"),
    "patient.account_number": ("accountEdit", "Account number"),
    "patient.phone": ("phoneEdit", "Phone"),
    "patient.address": ("addressLine1Edit", "Address"),
    "insurance[0].payer_name": ("payerNameEdit", "Payer name"),
    "insurance[0].member_id": ("memberIdEdit", "Member ID"),
    "insurance[0].subscriber_person": ("subscriber_last_edit", "Policy holder"),
    "insurance[1].payer_name": ("secondaryPayerEdit", "Secondary payer"),
    "insurance[1].member_id": ("secondaryMemberIdEdit", "Secondary member ID"),
    "provider": ("providerCombo", "Provider"),
}

Save = Callable[["NewPatientDialog"], object]


def in_words(problem: str) -> tuple[str | None, str]:
    """("accountEdit", "Account number: A-1001 belongs to …") for "patient.account_number: …"."""
    path, _sep, rest = problem.partition(": ")
    for prefix, (widget, words) in FIELDS.items():
        if path == prefix or path.startswith(prefix + "."):
            return widget, f"{words}: {rest}" if rest else words
    return None, problem


class NewPatientDialog(QDialog):
    """Collects a VisitRecord (`record()`) or, editing, a patient and coverage (`details()`).

    `save` is called with the dialog on OK; when it raises a StorageError the dialog stays open
    with everything typed, the field marked and the reason shown.
    """

    def __init__(
        self,
        providers: list[ProviderChoice],
        on: date,
        parent: QWidget | None = None,
        *,
        save: Save | None = None,
        editing: tuple[Patient, tuple[Insurance, ...]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_NewPatientDialog()
        self.ui.setupUi(self)
        self.on = on
        self.save = save
        self.saved: object = None
        self.editing = editing is not None
        self.provider_records = {choice.id: choice.provider for choice in providers}
        ui = self.ui
        ui.sexCombo.addItem("— choose —", None)
        for code, label in SEX_CHOICES:
            ui.sexCombo.addItem(label, code)
        for label, payer in PAYER_CHOICES:
            ui.payerCombo.addItem(label, payer)
        for choice in providers:
            ui.providerCombo.addItem(choice.label, choice.id)
        ui.statusCombo.addItem("new", PatientStatus.NEW)
        ui.statusCombo.addItem("established", PatientStatus.ESTABLISHED)
        self._add_subscriber_rows()
        ok = ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Save patient" if self.editing else "Create and open visit")
        ui.buttonBox.accepted.connect(self._on_accepted)
        ui.buttonBox.rejected.connect(self.reject)
        if editing is not None:
            self._fill(*editing)
        for edit in self.findChildren(QLineEdit):
            edit.textEdited.connect(lambda _t, e=edit: e.setStyleSheet(""))
        ui.sexCombo.activated.connect(lambda _i: ui.sexCombo.setStyleSheet(""))

    def _add_subscriber_rows(self) -> None:
        """Who holds the primary policy; a spouse's or parent's name, birth date and sex go on
        the claim (X12 837P loop 2010BA). Disabled, not hidden, for "self": nothing moves."""
        form = self.ui.patientForm
        row = form.getWidgetPosition(self.ui.memberIdEdit)[0] + 1
        self.subscriber_combo = QComboBox(self)
        self.subscriber_combo.setObjectName("subscriberCombo")
        for relationship in SUBSCRIBER_RELATIONSHIPS:
            self.subscriber_combo.addItem(
                "the patient (self)" if relationship == "self" else relationship, relationship
            )
        self.subscriber_first_edit = QLineEdit(self)
        self.subscriber_last_edit = QLineEdit(self)
        self.subscriber_dob_edit = QLineEdit(self)
        self.subscriber_dob_edit.setPlaceholderText("MM/DD/YYYY")
        self.subscriber_sex_combo = QComboBox(self)
        self.subscriber_sex_combo.addItem("—", "")
        for code, label in SEX_CHOICES:
            self.subscriber_sex_combo.addItem(label, code)
        rows = (("Policy &holder", self.subscriber_combo),
                ("Holder's first name", self.subscriber_first_edit),
                ("Holder's last name", self.subscriber_last_edit),
                ("Holder's date of birth", self.subscriber_dob_edit),
                ("Holder's sex", self.subscriber_sex_combo))  # fmt: skip
        for offset, (caption, widget) in enumerate(rows):
            form.insertRow(row + offset, caption, widget)
        previous = self.ui.memberIdEdit
        for _caption, widget in rows:
            QWidget.setTabOrder(previous, widget)
            previous = widget
        QWidget.setTabOrder(previous, self.ui.secondaryPayerEdit)
        self.subscriber_combo.currentIndexChanged.connect(lambda _i: self._on_holder_changed())
        self._on_holder_changed()

    def _holder_is_patient(self) -> bool:
        return self.subscriber_combo.currentData() == "self"

    def _on_holder_changed(self) -> None:
        for widget in (self.subscriber_first_edit, self.subscriber_last_edit,
                       self.subscriber_dob_edit, self.subscriber_sex_combo):  # fmt: skip
            widget.setEnabled(not self._holder_is_patient())

    def _subscriber_person(self) -> SubscriberPerson | None:
        if self._holder_is_patient():
            return None
        typed = self.subscriber_dob_edit.text().strip()
        return SubscriberPerson(
            first_name=self.subscriber_first_edit.text().strip(),
            last_name=self.subscriber_last_edit.text().strip(),
            dob=parse_typed_date(typed) if typed else None,
            sex=str(self.subscriber_sex_combo.currentData() or ""),
            address=self.patient().address,  # the household's address unless told otherwise
        )

    def _fill(self, patient: Patient, insurance: tuple[Insurance, ...]) -> None:
        ui = self.ui
        self.setWindowTitle(f"Patient — {patient.last_name}, {patient.first_name}")
        for widget in (ui.providerCombo, ui.providerComboCaption, ui.statusCombo,
                       ui.statusComboCaption, ui.payerCombo, ui.payerComboCaption):  # fmt: skip
            widget.setVisible(False)  # those belong to a visit, not to the patient
        ui.firstNameEdit.setText(patient.first_name)
        ui.lastNameEdit.setText(patient.last_name)
        ui.dobEdit.setText(shown_date(patient.dob))
        ui.sexCombo.setCurrentIndex(max(0, ui.sexCombo.findData(patient.sex)))
        ui.accountEdit.setText(patient.account_number)
        ui.phoneEdit.setText(patient.phone)
        address = patient.address
        for edit, value in ((ui.addressLine1Edit, address.line1),
                            (ui.addressLine2Edit, address.line2), (ui.cityEdit, address.city),
                            (ui.stateEdit, address.state), (ui.zipEdit, address.zip)):  # fmt: skip
            edit.setText(value)
        by_priority = {policy.priority: policy for policy in insurance}
        if primary := by_priority.get("primary"):
            ui.payerNameEdit.setText(primary.payer_name)
            ui.memberIdEdit.setText(primary.member_id)
            self.subscriber_combo.setCurrentIndex(
                max(0, self.subscriber_combo.findData(primary.relationship))
            )
            if holder := primary.subscriber_person:
                self.subscriber_first_edit.setText(holder.first_name)
                self.subscriber_last_edit.setText(holder.last_name)
                self.subscriber_dob_edit.setText(shown_date(holder.dob) if holder.dob else "")
                self.subscriber_sex_combo.setCurrentIndex(
                    max(0, self.subscriber_sex_combo.findData(holder.sex))
                )
        if secondary := by_priority.get("secondary"):
            ui.secondaryPayerEdit.setText(secondary.payer_name)
            ui.secondaryMemberIdEdit.setText(secondary.member_id)
        self._kept_insurance = insurance

    # --- checking --------------------------------------------------------------------------------
    def problems(self) -> list[str]:
        """What is missing or not understood, as `field.path: words` (shown in words)."""
        ui = self.ui
        found = []
        for edit, name in ((ui.firstNameEdit, "first_name"), (ui.lastNameEdit, "last_name"),
                           (ui.accountEdit, "account_number")):  # fmt: skip
            if not edit.text().strip():
                found.append(f"patient.{name}: required")
        try:
            born = parse_typed_date(ui.dobEdit.text())
            if born > self.on:
                found.append(f"patient.dob: {shown_date(born)} is in the future")
        except DateNotUnderstood as why:
            found.append(f"patient.dob: {'required' if not ui.dobEdit.text().strip() else why}")
        if ui.sexCombo.currentData() is None:
            found.append("patient.sex: choose one")
        if not self.editing and ui.providerCombo.currentData() is None:
            found.append("provider: add a provider first (dermcharge demo or the import)")
        insured = self.editing or ui.payerCombo.currentData() is not Payer.SELF_PAY
        if insured and not self.editing and not ui.memberIdEdit.text().strip():
            found.append("insurance[0].member_id: required for insured patients")
        if not self._holder_is_patient():
            if not self.subscriber_last_edit.text().strip():
                found.append("insurance[0].subscriber_person: the policy holder's name")
            typed = self.subscriber_dob_edit.text().strip()
            if typed:
                try:
                    parse_typed_date(typed)
                except DateNotUnderstood as why:
                    found.append(f"insurance[0].subscriber_person: date of birth {why}")
        if bool(ui.secondaryPayerEdit.text().strip()) != bool(
            ui.secondaryMemberIdEdit.text().strip()
        ):
            found.append("insurance[1].member_id: give the secondary payer and its member ID")
        return found

    def show_problems(self, problems: list[str]) -> None:
        """Say each problem in words and mark its field; focus goes to the first one."""
        lines, first = [], None
        for problem in problems:
            widget_name, words = in_words(problem)
            lines.append(words)
            if widget_name is not None:
                widget = getattr(self.ui, widget_name, None) or getattr(self, widget_name)
                widget.setStyleSheet(MARKED)
                first = first or widget
        self.ui.problemsLabel.setText(
            "<span style='color:#c62828'>" + "<br>".join(lines) + "</span>"
        )
        if first is not None:
            first.setFocus()

    def _on_accepted(self) -> None:
        problems = self.problems()
        if problems:
            self.show_problems(problems)
            return
        if self.save is not None:
            try:
                self.saved = self.save(self)
            except InvalidRecord as refused:
                self.show_problems(refused.problems)
                return
            except StorageError as error:
                self.show_problems([f"Not saved: {error}"])
                return
        self.accept()

    # --- what was entered ------------------------------------------------------------------------
    def patient(self) -> Patient:
        ui = self.ui
        address = Address(
            line1=ui.addressLine1Edit.text().strip(),
            line2=ui.addressLine2Edit.text().strip(),
            city=ui.cityEdit.text().strip(),
            state=ui.stateEdit.text().strip().upper(),
            zip=ui.zipEdit.text().strip(),
        )
        return Patient(
            first_name=ui.firstNameEdit.text().strip(),
            last_name=ui.lastNameEdit.text().strip(),
            dob=parse_typed_date(ui.dobEdit.text()),
            sex=str(ui.sexCombo.currentData()),
            account_number=ui.accountEdit.text().strip(),
            phone=ui.phoneEdit.text().strip(),
            address=address,
        )

    def insurance(self) -> tuple[Insurance, ...]:
        ui = self.ui
        policies = []
        kept = {p.priority: p for p in getattr(self, "_kept_insurance", ())}
        insured = self.editing or ui.payerCombo.currentData() is not Payer.SELF_PAY
        if insured and (ui.memberIdEdit.text().strip() or not self.editing):
            name = ui.payerNameEdit.text().strip() or ui.payerCombo.currentText()
            policy = Insurance(payer_name=name, member_id=ui.memberIdEdit.text().strip())
            if "primary" in kept:  # keep what the form does not show (group, plan, payer id)
                policy = replace(kept["primary"], payer_name=name, member_id=policy.member_id)
            policy = replace(policy, subscriber=str(self.subscriber_combo.currentData()),
                             subscriber_person=self._subscriber_person())  # fmt: skip
            policies.append(policy)
        if ui.secondaryPayerEdit.text().strip():
            policies.append(
                Insurance(
                    payer_name=ui.secondaryPayerEdit.text().strip(),
                    member_id=ui.secondaryMemberIdEdit.text().strip(),
                    priority="secondary",
                )
            )
        return tuple(policies)

    def details(self) -> tuple[Patient, tuple[Insurance, ...]]:
        return self.patient(), self.insurance()

    def record(self) -> VisitRecord:
        ui = self.ui
        visit = Visit(date_of_service=self.on, payer=ui.payerCombo.currentData(),
                      patient_status=ui.statusCombo.currentData())  # fmt: skip
        provider = self.provider_records[ui.providerCombo.currentData()]
        return VisitRecord(visit=visit, patient=self.patient(), insurance=self.insurance(),
                           provider=provider)  # fmt: skip
