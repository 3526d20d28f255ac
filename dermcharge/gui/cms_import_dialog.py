"""File ▸ Import CMS edit file…: load a PTP, MUE, add-on (AOC) or fee-schedule RVU file.

The importer (codesets.cms.importing) validates the whole file and then stores it in one step;
a bad line is named and the tables loaded before stay. Below the result the dialog shows what
`dermcharge tables status` shows: which table is in force for each kind and what is loaded.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from dermcharge.codesets.cms import store
from dermcharge.codesets.cms.active import active_tables
from dermcharge.codesets.cms.errors import CmsFileError
from dermcharge.codesets.cms.imported import TableKind
from dermcharge.codesets.cms.importing import import_file
from dermcharge.codesets.cms.quarter import Quarter
from dermcharge.gui.import_dialog_base import CodeSetImportDialog
from dermcharge.gui.import_worker import Job, Progress

Importer = Callable[..., store.StoredTable]  # import_file's shape: (path, kind, quarter)
FILE_FILTER = "CMS files (*.txt *.csv);;All files (*)"
# Item data are plain strings ("" = tell from the file): None as a combo item's data upsets
# PySide6's reference counting (a crash when Python exits).
KIND_CHOICES = (
    ("Tell from the file", ""),
    ("PTP — NCCI procedure-to-procedure edits", TableKind.PTP.value),
    ("MUE — medically unlikely edits", TableKind.MUE.value),
    ("AOC — add-on code edits", TableKind.AOC.value),
    ("RVU — physician fee schedule RVUs", TableKind.RVU.value),
)

INTRO = (
    "Choose one official CMS file: an NCCI PTP edit file (ccipra-v…), the practitioner MUE "
    "file, the add-on code (AOC) file or the PPRRVU fee-schedule file. The whole file is "
    "checked before it is loaded."
)


def tables_status_text(on: date) -> str:
    """The tables in force on a date of service and the quarters loaded (as `tables status`)."""
    tables = active_tables(on)
    origins = {origin.kind: origin for origin in tables.origins}
    lines = [f"Tables in force for a date of service on {on.isoformat()}:"]
    for kind in TableKind:
        origin = origins[kind.value]
        where = f"{origin.quarter}, imported" if origin.imported else "curated"
        unverified = f", {origin.unverified_count} unverified" if origin.unverified_count else ""
        lines.append(
            f"  {kind.value.upper():4} {where}: {origin.row_count} rows{unverified} — "
            f"{origin.label}"
        )
        loaded = ", ".join(f"{t.quarter} ({t.row_count} rows)" for t in store.stored_tables(kind))
        lines.append(f"       loaded: {loaded or 'none'}")
    lines.extend(f"warning: {warning}" for warning in tables.warnings())
    return "\n".join(lines)


class CmsImportDialog(CodeSetImportDialog):
    expected_errors = (CmsFileError,)

    def __init__(
        self, on: date, parent: QWidget | None = None, importer: Importer = import_file
    ) -> None:
        super().__init__("Import CMS edit file", INTRO, parent)
        self.on = on  # the date of service the status is shown for (the main window's date)
        self.importer = importer
        row = QHBoxLayout()
        self.path_edit = QLineEdit(self)
        self.path_edit.setPlaceholderText("the CMS file")
        self.path_edit.setAccessibleName("CMS file")
        self.browse_button = QPushButton("&Browse…", self)
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse_button)
        self.choice_area.addLayout(row)
        kind_row = QHBoxLayout()
        kind_label = QLabel("&Table:", self)
        self.kind_combo = QComboBox(self)
        for text, kind in KIND_CHOICES:
            self.kind_combo.addItem(text, kind)
        kind_label.setBuddy(self.kind_combo)
        kind_row.addWidget(kind_label)
        kind_row.addWidget(self.kind_combo, 1)
        quarter_label = QLabel("Release &quarter:", self)
        self.quarter_edit = QLineEdit(self)
        self.quarter_edit.setPlaceholderText("from the file name")
        self.quarter_edit.setToolTip("YYYYQn, e.g. 2026Q4: only when the file name does not say")
        self.quarter_edit.setMaximumWidth(150)
        quarter_label.setBuddy(self.quarter_edit)
        kind_row.addWidget(quarter_label)
        kind_row.addWidget(self.quarter_edit)
        self.choice_area.addLayout(kind_row)
        self.browse_button.clicked.connect(self._on_browse_clicked)
        self.path_edit.returnPressed.connect(self.start_import)
        self.details.setVisible(True)
        self.refresh_status()

    # --- choosing --------------------------------------------------------------------------------
    def set_file(self, path: Path | str) -> None:
        self.path_edit.setText(str(path))

    def set_kind(self, kind: TableKind | None) -> None:
        self.kind_combo.setCurrentIndex(
            max(0, self.kind_combo.findData(kind.value if kind else ""))
        )

    def kind(self) -> TableKind | None:
        value = str(self.kind_combo.currentData())
        return TableKind(value) if value else None

    def _on_browse_clicked(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(self, "Choose the CMS file", "", FILE_FILTER)
        if chosen:
            self.set_file(chosen)

    def choice_widgets(self) -> list[QWidget]:
        return [self.path_edit, self.browse_button, self.kind_combo, self.quarter_edit]

    def refresh_status(self) -> None:
        try:
            text = tables_status_text(self.on)
        except (OSError, ValueError) as error:  # a damaged stored table: say so, keep going
            text = f"The loaded tables could not be read: {error}"
        self.details.setPlainText(text)

    # --- running ---------------------------------------------------------------------------------
    def make_job(self) -> Job | None:
        text = self.path_edit.text().strip()
        if not text:
            self.stage_label.setText("Choose the CMS file first (Browse…).")
            return None
        quarter_text = self.quarter_edit.text().strip()
        try:
            quarter = Quarter.parse(quarter_text) if quarter_text else None
        except ValueError as error:
            self.stage_label.setText(f"Release quarter: {error}")
            return None
        path, kind, importer = Path(text), self.kind(), self.importer
        # The CMS importer reports no stages: the bar runs busy until the file is stored.
        self.progress_bar.setRange(0, 0)

        def job(_progress: Progress) -> object:
            return importer(path, kind, quarter)

        return job

    def describe_result(self, result: object) -> str:
        assert isinstance(result, store.StoredTable)
        parts = ", ".join(p.part for p in result.parts if p.part)
        return (
            f"Loaded {result.kind.value.upper()} {result.quarter} from "
            f"{Path(self.path_edit.text()).name}: {result.row_count:,} rows"
            f"{f' (parts {parts})' if parts else ''}; in force for dates of service from "
            f"{result.quarter.start.isoformat()}."
        )

    def explain_error(self, message: str) -> str:
        # The importer speaks the command line's words; here the same choices are fields above.
        return message.replace(
            "give --kind ptp, mue, aoc or rvu", "choose the Table above"
        ).replace("give --quarter", "enter the Release quarter above (YYYYQn)")

    def after_success(self, result: object) -> None:
        self.refresh_status()
