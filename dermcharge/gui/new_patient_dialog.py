"""New patient: who they are, their coverage and the provider — then their first visit opens."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from dermcharge.domain.record import Insurance, Patient, VisitRecord
from dermcharge.domain.visit import PatientStatus, Payer, Visit
from dermcharge.gui.backend_records import ProviderChoice
from dermcharge.gui.forms.ui_new_patient_dialog import Ui_NewPatientDialog

PAYER_CHOICES = (("Medicare", Payer.MEDICARE), ("Commercial", Payer.COMMERCIAL),
                 ("Medicaid", Payer.MEDICAID), ("Self-pay", Payer.SELF_PAY))  # fmt: skip


class NewPatientDialog(QDialog):
    """Collects a VisitRecord for `record()`; the caller stores it through the services."""

    def __init__(
        self,
        providers: list[ProviderChoice],
        on: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_NewPatientDialog()
        self.ui.setupUi(self)
        self.on = on
        self.provider_records = {choice.id: choice.provider for choice in providers}
        ui = self.ui
        ui.dobEdit.setDate(QDate(1960, 1, 1))
        ui.dobEdit.setMaximumDate(QDate(on.year, on.month, on.day))
        for sex in ("F", "M", "X", "U"):
            ui.sexCombo.addItem(sex)
        for label, payer in PAYER_CHOICES:
            ui.payerCombo.addItem(label, payer)
        for choice in providers:
            ui.providerCombo.addItem(choice.label, choice.id)
        ui.statusCombo.addItem("new", PatientStatus.NEW)
        ui.statusCombo.addItem("established", PatientStatus.ESTABLISHED)
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText("Create and open visit")
        ui.buttonBox.accepted.connect(self._on_accepted)
        ui.buttonBox.rejected.connect(self.reject)

    def problems(self) -> list[str]:
        ui = self.ui
        found = []
        for edit, name in ((ui.firstNameEdit, "first name"), (ui.lastNameEdit, "last name"),
                           (ui.accountEdit, "account number")):  # fmt: skip
            if not edit.text().strip():
                found.append(f"{name}: required")
        if ui.providerCombo.currentData() is None:
            found.append("provider: add a provider first (dermcharge demo or the import)")
        if ui.payerCombo.currentData() is not Payer.SELF_PAY and not ui.memberIdEdit.text().strip():
            found.append("member ID: required for insured patients")
        return found

    def _on_accepted(self) -> None:
        problems = self.problems()
        if problems:
            self.ui.problemsLabel.setText("<span style='color:#c62828'>" + "<br>".join(problems)
                                          + "</span>")  # fmt: skip
            return
        self.accept()

    def record(self) -> VisitRecord:
        ui = self.ui
        payer = ui.payerCombo.currentData()
        patient = Patient(
            first_name=ui.firstNameEdit.text().strip(),
            last_name=ui.lastNameEdit.text().strip(),
            dob=ui.dobEdit.date().toPython(),
            sex=ui.sexCombo.currentText(),
            account_number=ui.accountEdit.text().strip(),
            phone=ui.phoneEdit.text().strip(),
        )
        insurance = ()
        if payer is not Payer.SELF_PAY:
            name = ui.payerNameEdit.text().strip() or ui.payerCombo.currentText()
            insurance = (Insurance(payer_name=name, member_id=ui.memberIdEdit.text().strip()),)
        visit = Visit(date_of_service=self.on, payer=payer,
                      patient_status=ui.statusCombo.currentData())  # fmt: skip
        provider = self.provider_records[ui.providerCombo.currentData()]
        return VisitRecord(visit=visit, patient=patient, insurance=insurance, provider=provider)
