"""Practice ▸ Settings ▸ Providers: add a provider, correct nothing silently, deactivate.

There is no Delete: a provider once on a visit stays on file (the visit names who saw the
patient); Deactivate takes them off the pickers, Reactivate puts them back.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dermcharge.domain.record import Provider
from dermcharge.gui.settings_form import ErrorLine, run_saving
from dermcharge.security.accounts import User
from dermcharge.services import practice_setup
from dermcharge.services.database import Database

COLUMNS = ("Name", "Credentials", "NPI", "Taxonomy", "Signs in as", "Active")


class ProvidersTab(QWidget):
    def __init__(self, db: Database, by: User) -> None:
        super().__init__()
        self.db, self.by = db, by
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("providersTable")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table)
        toggle = QPushButton("&Deactivate / reactivate selected")
        toggle.setObjectName("toggleProvider")
        toggle.clicked.connect(self.toggle_selected)
        layout.addWidget(toggle)
        form = QFormLayout()
        self.name, self.credentials = QLineEdit(), QLineEdit()
        self.npi, self.taxonomy = QLineEdit(), QLineEdit(practice_setup.DEFAULT_TAXONOMY)
        for edit, name, text in (
            (self.name, "provider_name", "&Name"),
            (self.credentials, "provider_credentials", "Cre&dentials"),
            (self.npi, "provider_npi", "Individual N&PI"),
            (self.taxonomy, "provider_taxonomy", "&Taxonomy"),
        ):
            edit.setObjectName(name)
            form.addRow(text, edit)
        layout.addLayout(form)
        row = QHBoxLayout()
        add = QPushButton("&Add provider")
        add.setObjectName("addProvider")
        add.clicked.connect(self.add)
        row.addWidget(add)
        row.addStretch()
        layout.addLayout(row)
        self.error = ErrorLine()
        layout.addWidget(self.error)
        self.reload()

    def reload(self) -> None:
        entries = practice_setup.providers(self.db)
        self.entries = entries
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            p = entry.provider
            cells = (p.name, p.credentials, p.npi, p.taxonomy, entry.account,
                     "yes" if entry.active else "no")  # fmt: skip
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()

    def add(self) -> None:
        provider = Provider(
            name=self.name.text(),
            npi=self.npi.text(),
            credentials=self.credentials.text(),
            taxonomy=self.taxonomy.text(),
        )
        if run_saving(
            self.error, lambda: practice_setup.add_provider(self.db, provider, by=self.by)
        ):
            self.error.say(f"Added {provider.name.strip()}.", ok=True)
            for edit in (self.name, self.credentials, self.npi):
                edit.clear()
            self.reload()

    def toggle_selected(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.entries):
            self.error.say("Select a provider first.")
            return
        entry = self.entries[row]
        if run_saving(
            self.error,
            lambda: practice_setup.set_provider_active(
                self.db, entry.provider.npi, not entry.active, by=self.by
            ),
        ):
            state = "reactivated" if not entry.active else "deactivated"
            self.error.say(f"{entry.provider.name} {state}.", ok=True)
            self.reload()
