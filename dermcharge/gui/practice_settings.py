"""Practice ▸ Settings (admin only), also offered once right after the first administrator
account is made: the practice, its providers, payers, fee schedules and clearinghouse.

Each tab saves through the services (every change audited); a refused value shows in the tab's
error line, naming the field and the value, and nothing is stored.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dermcharge.gui.fee_settings import FeesTab
from dermcharge.gui.payer_settings import PayersTab
from dermcharge.gui.provider_settings import ProvidersTab
from dermcharge.gui.settings_form import ErrorLine, run_saving
from dermcharge.security.accounts import User
from dermcharge.security.roles import Action
from dermcharge.services import clearinghouse, practice_setup
from dermcharge.services.clearinghouse import Clearinghouse
from dermcharge.services.database import Database

PRACTICE_ROWS = (
    ("name", "Practice &name"),
    ("npi", "Group &NPI"),
    ("tax_id", "&EIN (tax id)"),
    ("taxonomy", "&Taxonomy"),
    ("phone", "&Phone"),
    ("line1", "&Address"),
    ("line2", "Address line 2"),
    ("city", "&City"),
    ("state", "&State"),
    ("zip", "&ZIP"),
    ("place_of_service", "Place of ser&vice"),
)


class PracticeTab(QWidget):
    def __init__(self, db: Database, by: User, on_saved: Callable[[], None]) -> None:
        super().__init__()
        self.db, self.by, self.on_saved = db, by, on_saved
        form = QFormLayout(self)
        self.fields: dict[str, QLineEdit] = {}
        for name, text in PRACTICE_ROWS:
            edit = QLineEdit()
            edit.setObjectName(f"practice_{name}")
            self.fields[name] = edit
            form.addRow(text, edit)
        self.error = ErrorLine()
        save = QPushButton("Save practice")
        save.setObjectName("savePractice")
        save.clicked.connect(self.save)
        form.addRow(self.error)
        form.addRow(save)
        self.load()

    def load(self) -> None:
        practice = practice_setup.current_practice(self.db)
        values = {"taxonomy": practice_setup.DEFAULT_TAXONOMY, "place_of_service": "11"}
        if practice is not None:
            address = practice.address
            values = {
                "name": practice.name, "npi": practice.npi, "tax_id": practice.tax_id,
                "taxonomy": practice.taxonomy, "phone": practice.phone,
                "line1": address.line1, "line2": address.line2, "city": address.city,
                "state": address.state, "zip": address.zip,
                "place_of_service": practice.place_of_service,
            }  # fmt: skip
        for name, edit in self.fields.items():
            edit.setText(values.get(name, ""))

    def save(self) -> None:
        fields = {name: edit.text() for name, edit in self.fields.items()}
        if run_saving(self.error, lambda: practice_setup.set_practice(self.db, fields, by=self.by)):
            self.error.say("Practice saved.", ok=True)
            self.on_saved()


class ClearinghouseTab(QWidget):
    ROWS = (
        ("submitter_id", "Submitter &id"),
        ("submitter_name", "Submitter &name"),
        ("receiver_id", "&Receiver id"),
        ("receiver_name", "Receiver na&me"),
    )

    def __init__(self, db: Database, by: User) -> None:
        super().__init__()
        self.db, self.by = db, by
        form = QFormLayout(self)
        current = clearinghouse.clearinghouse(db)
        self.fields: dict[str, QLineEdit] = {}
        for name, text in self.ROWS:
            edit = QLineEdit(getattr(current, name))
            edit.setObjectName(f"clearinghouse_{name}")
            self.fields[name] = edit
            form.addRow(text, edit)
        self.error = ErrorLine()
        save = QPushButton("Save clearinghouse")
        save.setObjectName("saveClearinghouse")
        save.clicked.connect(self.save)
        form.addRow(self.error)
        form.addRow(save)

    def save(self) -> None:
        settings = Clearinghouse(**{name: edit.text() for name, edit in self.fields.items()})
        if run_saving(
            self.error, lambda: clearinghouse.save_clearinghouse(self.db, settings, by=self.by)
        ):
            self.error.say("Clearinghouse saved.", ok=True)


class PracticeSettingsDialog(QDialog):
    def __init__(
        self, db: Database, by: User, parent: QWidget | None = None, *, first_run: bool = False
    ) -> None:
        super().__init__(parent)
        by.require(Action.MANAGE_SETTINGS)
        self.setWindowTitle("Practice settings — dermcharge")
        self.resize(860, 600)
        layout = QVBoxLayout(self)
        if first_run:
            intro = QLabel(
                "<b>Set up your practice.</b> Enter the practice, its providers, the payers you "
                "bill and their fees. You can skip this and do it later from "
                "<i>Practice ▸ Settings</i>."
            )
            intro.setWordWrap(True)
            layout.addWidget(intro)
        self.tabs = QTabWidget()
        self.practice_tab = PracticeTab(db, by, self._practice_saved)
        self.providers_tab = ProvidersTab(db, by)
        self.payers_tab = PayersTab(db, by)
        self.fees_tab = FeesTab(db, by)
        self.clearinghouse_tab = ClearinghouseTab(db, by)
        for tab, text in (
            (self.practice_tab, "&Practice"),
            (self.providers_tab, "P&roviders"),
            (self.payers_tab, "Pa&yers"),
            (self.fees_tab, "&Fee schedules"),
            (self.clearinghouse_tab, "&Clearinghouse"),
        ):
            self.tabs.addTab(tab, text)
        self.payers_tab.changed.connect(self.fees_tab.reload_payers)
        layout.addWidget(self.tabs)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        if first_run:
            buttons.button(QDialogButtonBox.StandardButton.Close).setText("&Later")
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _practice_saved(self) -> None:
        self.practice_saved = True
