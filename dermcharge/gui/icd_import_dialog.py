"""File ▸ Import ICD-10-CM release…: load a CDC release (order/codes file, tabular XML or zip).

The importer (codesets.icd10.cdc_import) checks every line before it replaces anything, so an
error here names the file and line and leaves the loaded releases as they were.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSpinBox,
    QWidget,
)

from dermcharge.codesets.icd10.cdc_files import CdcFileError
from dermcharge.codesets.icd10.cdc_import import ImportResult, Progress, import_release
from dermcharge.gui.import_dialog_base import CodeSetImportDialog
from dermcharge.gui.import_worker import Job

Importer = Callable[..., ImportResult]  # import_release's shape: (files, fiscal_year=, progress=)
FILE_FILTER = "CDC ICD-10-CM files (*.txt *.xml *.zip);;All files (*)"
NO_YEAR = 2015  # the spin box's "read from the files" value: ICD-10-CM began with FY2016

INTRO = (
    "Choose the CDC ICD-10-CM release files: the order file (icd10cm_order_YYYY.txt) or the "
    "codes file, and optionally the tabular XML (icd10cm_tabular_YYYY.xml) — or the zip files "
    "as downloaded from the CDC. Every line is checked before anything is replaced."
)


def in_force_text(fiscal_year: int) -> str:
    """FY n is in force from October 1 of year n-1 to September 30 of year n (CDC/CMS)."""
    start, end = date(fiscal_year - 1, 10, 1), date(fiscal_year, 9, 30)
    return f"for dates of service {start.isoformat()} to {end.isoformat()}"


class IcdImportDialog(CodeSetImportDialog):
    expected_errors = (CdcFileError,)

    def __init__(self, parent: QWidget | None = None, importer: Importer = import_release) -> None:
        super().__init__("Import ICD-10-CM release", INTRO, parent)
        self.importer = importer
        self.file_list = QListWidget(self)
        self.file_list.setAccessibleName("Release files")
        self.file_list.setMinimumHeight(90)
        self.choice_area.addWidget(self.file_list)
        row = QHBoxLayout()
        self.add_button = QPushButton("&Add files…", self)
        self.remove_button = QPushButton("&Remove", self)
        year_label = QLabel("Fiscal &year:", self)
        self.year_spin = QSpinBox(self)
        self.year_spin.setRange(NO_YEAR, 2100)
        self.year_spin.setSpecialValueText("read from the files")
        self.year_spin.setValue(NO_YEAR)
        self.year_spin.setToolTip("Only needed when the file names do not carry the year")
        year_label.setBuddy(self.year_spin)
        for widget in (self.add_button, self.remove_button):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(year_label)
        row.addWidget(self.year_spin)
        self.choice_area.addLayout(row)
        self.add_button.clicked.connect(self._on_add_clicked)
        self.remove_button.clicked.connect(self._on_remove_clicked)

    # --- choosing --------------------------------------------------------------------------------
    def files(self) -> list[Path]:
        return [Path(self.file_list.item(i).text()) for i in range(self.file_list.count())]

    def set_files(self, paths: Sequence[Path | str]) -> None:
        self.file_list.clear()
        self.add_files(paths)

    def add_files(self, paths: Sequence[Path | str]) -> None:
        known = set(self.files())
        for path in paths:
            if Path(path) not in known:
                self.file_list.addItem(str(path))
                known.add(Path(path))

    def fiscal_year(self) -> int | None:
        value = self.year_spin.value()
        return None if value == NO_YEAR else value

    def _on_add_clicked(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileNames(
            self, "Choose the CDC ICD-10-CM files", "", FILE_FILTER
        )
        self.add_files(chosen)

    def _on_remove_clicked(self) -> None:
        for item in self.file_list.selectedItems():
            self.file_list.takeItem(self.file_list.row(item))

    def choice_widgets(self) -> list[QWidget]:
        return [self.file_list, self.add_button, self.remove_button, self.year_spin]

    # --- running ---------------------------------------------------------------------------------
    def make_job(self) -> Job | None:
        files = self.files()
        if not files:
            self.stage_label.setText("Add the release files first (Add files…).")
            return None
        year, importer = self.fiscal_year(), self.importer

        def job(progress: Progress) -> object:
            return importer(files, fiscal_year=year, progress=progress)

        return job

    def describe_result(self, result: object) -> str:
        assert isinstance(result, ImportResult)
        replaced = " It replaces the copy imported before." if result.replaced_existing else ""
        return (
            f"Imported {result.label}: {result.code_count:,} codes "
            f"({result.billable_count:,} billable), used {in_force_text(result.fiscal_year)}."
            f"{replaced}"
        )

    def explain_error(self, message: str) -> str:
        if "fiscal year" in message:
            # The importer speaks the command line's words; here the year is set above.
            return message.replace("give it (--year", "set Fiscal year above (e.g.")
        return message
