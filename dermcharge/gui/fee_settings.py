"""Practice ▸ Settings ▸ Fee schedules: import a payer's (or the practice default) fees from a
CSV (`code,modifier,fee`) in force from a date, and correct a fee in the table.

The table shows every stored fee of the chosen payer with the dates its schedule applies; the
Fee column is editable, each edit saved (and audited) at once, a bad amount refused and put back.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QInputDialog,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dermcharge.gui.settings_form import ErrorLine, run_saving
from dermcharge.security.accounts import User
from dermcharge.services import fee_setup, practice_setup
from dermcharge.services.database import Database
from dermcharge.services.fee_setup import StoredFee

COLUMNS = ("In force from", "Until", "Code", "Modifier", "Fee")
FEE_COLUMN = 4
DEFAULT_LABEL = "Practice default (every payer without its own)"


class FeesTab(QWidget):
    def __init__(self, db: Database, by: User) -> None:
        super().__init__()
        self.db, self.by = db, by
        self.fees: list[StoredFee] = []
        self._filling = False
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.payer = QComboBox()
        self.payer.setObjectName("feePayer")
        self.payer.currentIndexChanged.connect(self.reload)
        self.start = QDateEdit(QDate.currentDate())
        self.start.setObjectName("feeFrom")
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("yyyy-MM-dd")
        form.addRow("&Payer", self.payer)
        form.addRow("In force &from", self.start)
        layout.addLayout(form)
        importing = QPushButton("&Import CSV…")
        importing.setObjectName("importFees")
        importing.clicked.connect(self.choose_file)
        layout.addWidget(importing)
        medicare = QPushButton("Build as a &percentage of Medicare…")
        medicare.setObjectName("feesFromMedicare")
        medicare.setToolTip(
            "National non-facility amounts from the imported PFS RVU file (Tables ▸ Import)"
        )
        medicare.clicked.connect(self.ask_percent_of_medicare)
        layout.addWidget(medicare)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("feesTable")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemChanged.connect(self._fee_edited)
        layout.addWidget(self.table)
        self.error = ErrorLine()
        layout.addWidget(self.error)
        self.reload_payers()

    def reload_payers(self) -> None:
        chosen = self.payer.currentData()
        self.payer.blockSignals(True)
        self.payer.clear()
        self.payer.addItem(DEFAULT_LABEL, fee_setup.DEFAULT_SCHEDULE)
        for payer in practice_setup.payers(self.db):
            self.payer.addItem(payer.name, payer.name)
        index = self.payer.findData(chosen)
        self.payer.setCurrentIndex(max(index, 0))
        self.payer.blockSignals(False)
        self.reload()

    def reload(self) -> None:
        payer = self.payer.currentData() or fee_setup.DEFAULT_SCHEDULE
        self.fees = fee_setup.stored_fees(self.db, payer=payer)
        self._filling = True
        self.table.setRowCount(len(self.fees))
        for row, fee in enumerate(self.fees):
            until = fee.effective_to.isoformat() if fee.effective_to else "open"
            cells = (fee.effective_from.isoformat(), until, fee.code, fee.modifier, str(fee.amount))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column != FEE_COLUMN:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                else:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self._filling = False

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Import a fee schedule", "", "CSV files (*.csv);;All files (*)"
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        """Import `path` for the chosen payer from the chosen date."""
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            self.error.say(f"{path.name}: cannot be read ({error})")
            return
        payer = self.payer.currentData() or fee_setup.DEFAULT_SCHEDULE
        chosen = self.start.date()
        start = date(chosen.year(), chosen.month(), chosen.day())
        if run_saving(
            self.error,
            lambda: fee_setup.import_fee_csv(
                self.db, text, payer=payer, effective_from=start, by=self.by,
                source=f"imported from {path.name}",
            ),
        ):  # fmt: skip
            self.error.say(f"Imported {path.name} from {start.isoformat()}.", ok=True)
            self.reload()

    def ask_percent_of_medicare(self) -> None:
        percent, ok = QInputDialog.getText(
            self, "Percentage of Medicare", "Percent of Medicare's national amounts (e.g. 150):"
        )
        if ok and percent.strip():
            self.build_percent_of_medicare(percent)

    def build_percent_of_medicare(self, percent: str) -> None:
        """A schedule for the chosen payer from the chosen date at `percent` % of Medicare."""
        payer = self.payer.currentData() or fee_setup.DEFAULT_SCHEDULE
        chosen = self.start.date()
        start = date(chosen.year(), chosen.month(), chosen.day())
        if run_saving(
            self.error,
            lambda: fee_setup.import_percent_of_medicare(
                self.db, percent=percent, payer=payer, effective_from=start, by=self.by
            ),
        ):
            self.error.say(f"Built at {percent.strip()}% of Medicare from {start}.", ok=True)
            self.reload()

    def _fee_edited(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != FEE_COLUMN:
            return
        fee = self.fees[item.row()]
        text = item.text()
        if run_saving(
            self.error,
            lambda: fee_setup.set_fee(
                self.db, fee.schedule_id, fee.code, fee.modifier, text, by=self.by
            ),
        ):
            self.error.say(f"{fee.code} {fee.modifier} saved: {text.strip()}.", ok=True)
        QTimer.singleShot(0, self.reload)  # after the table has finished this edit
