"""Practice ▸ Settings ▸ Payers: the payers billed, each with its electronic id, claim address
and claim profile (59 or XS, modifier 51, laterality modifiers, Medicare's ABN/cosmetic rules,
NCCI's repair rule). "Type default" leaves a choice to the payer type's profile
(resources/data/payer_profiles.json)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dermcharge.domain.record import Address
from dermcharge.domain.visit import Payer, ProfileOverrides
from dermcharge.gui.settings_form import ErrorLine, run_saving
from dermcharge.security.accounts import User
from dermcharge.services import practice_setup
from dermcharge.services.database import Database
from dermcharge.services.practice_setup import NamedPayer

TYPE_WORDS = {
    Payer.MEDICARE: "Medicare",
    Payer.MEDICAID: "Medicaid",
    Payer.COMMERCIAL: "Commercial",
    Payer.SELF_PAY: "Self-pay",
}
COLUMNS = ("Name", "Type", "Payer id", "59/XS", "51", "RT/LT", "ABN rules", "NCCI repair")
CHOICE = (("type default", None), ("yes", True), ("no", False))


def _word(value: bool | None) -> str:
    return "type default" if value is None else ("yes" if value else "no")


def _choice_box(name: str) -> QComboBox:
    box = QComboBox()
    box.setObjectName(name)
    for text, value in CHOICE:
        box.addItem(text, value)
    return box


class PayersTab(QWidget):
    changed = Signal()

    def __init__(self, db: Database, by: User) -> None:
        super().__init__()
        self.db, self.by = db, by
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("payersTable")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table)
        form = QFormLayout()
        self.name, self.payer_id = QLineEdit(), QLineEdit()
        self.name.setObjectName("payer_name")
        self.payer_id.setObjectName("payer_id")
        self.kind = QComboBox()
        self.kind.setObjectName("payer_type")
        for payer, text in TYPE_WORDS.items():
            self.kind.addItem(text, payer)
        self.distinct = QComboBox()
        self.distinct.setObjectName("payer_distinct")
        for text, value in (("type default", None), ("59", "59"), ("XS", "XS")):
            self.distinct.addItem(text, value)
        self.append_51, self.laterality = _choice_box("payer_51"), _choice_box("payer_laterality")
        self.abn, self.ncci = _choice_box("payer_abn"), _choice_box("payer_ncci")
        self.address = {part: QLineEdit() for part in ("line1", "city", "state", "zip")}
        rows = (
            ("&Name", self.name), ("&Type", self.kind), ("Electronic payer &id", self.payer_id),
            ("Distinct procedure modifier", self.distinct), ("Modifier &51", self.append_51),
            ("&Laterality modifiers", self.laterality),
            ("Follows Medicare's A&BN/cosmetic rules", self.abn),
            ("NCCI &repair rule", self.ncci),
            ("Claim address", self.address["line1"]), ("City", self.address["city"]),
            ("State", self.address["state"]), ("ZIP", self.address["zip"]),
        )  # fmt: skip
        for text, widget in rows:
            form.addRow(text, widget)
        layout.addLayout(form)
        add = QPushButton("&Add payer")
        add.setObjectName("addPayer")
        add.clicked.connect(self.add)
        layout.addWidget(add)
        self.error = ErrorLine()
        layout.addWidget(self.error)
        self.reload()

    def reload(self) -> None:
        payers = practice_setup.payers(self.db)
        self.table.setRowCount(len(payers))
        for row, payer in enumerate(payers):
            o = payer.overrides
            cells = (
                payer.name, TYPE_WORDS[payer.payer], payer.electronic_payer_id,
                o.distinct_modifier or "type default", _word(o.append_51),
                _word(o.laterality_modifiers), _word(payer.abn_modifiers),
                _word(payer.ncci_repair_rule),
            )  # fmt: skip
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()

    def add(self) -> None:
        a = self.address
        payer = NamedPayer(
            name=self.name.text(),
            payer=self.kind.currentData(),
            electronic_payer_id=self.payer_id.text(),
            overrides=ProfileOverrides(
                self.distinct.currentData(),
                self.append_51.currentData(),
                self.laterality.currentData(),
            ),
            abn_modifiers=self.abn.currentData(),
            ncci_repair_rule=self.ncci.currentData(),
            claim_address=Address(
                line1=a["line1"].text().strip(), city=a["city"].text().strip(),
                state=a["state"].text().strip(), zip=a["zip"].text().strip(),
            ),
        )  # fmt: skip
        if run_saving(self.error, lambda: practice_setup.add_payer(self.db, payer, by=self.by)):
            self.error.say(f"Added {payer.name.strip()}.", ok=True)
            self.name.clear()
            self.payer_id.clear()
            self.reload()
            self.changed.emit()
