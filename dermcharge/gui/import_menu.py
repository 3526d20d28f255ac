"""The main window's File-menu entries that import code sets, and the status bar after an import.

Kept out of main_window.py: the window calls `add_import_actions(self)` once; the dialogs load
on first use. Roles that may not import code sets can disable the returned actions.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QStatusBar


class MainWindow(Protocol):
    """What these entries need of the main window (a QMainWindow) that adds them: a protocol, so
    this module does not import the window that imports it."""

    ui: Any  # the generated form: menuFile, actionQuit
    today: date

    def selected_date(self) -> date: ...
    def statusBar(self) -> QStatusBar: ...
    def set_code_set_status(self, status: tuple[str, str | None]) -> None: ...


def add_import_actions(window: MainWindow) -> tuple[QAction, QAction]:
    """'Import ICD-10-CM release…' and 'Import CMS edit file…', just above Quit."""
    icd = QAction("Import ICD-10-CM &release…", window)
    icd.setStatusTip("Load a CDC ICD-10-CM release (order file, tabular XML or the zip)")
    cms = QAction("Import &CMS edit file…", window)
    cms.setStatusTip("Load a CMS PTP, MUE, add-on code or fee-schedule RVU file")
    icd.triggered.connect(lambda _checked=False: open_icd_import(window))
    cms.triggered.connect(lambda _checked=False: open_cms_import(window))
    menu, quit_action = window.ui.menuFile, window.ui.actionQuit
    menu.insertAction(quit_action, icd)
    menu.insertAction(quit_action, cms)
    menu.insertSeparator(quit_action)
    return icd, cms


def open_icd_import(window: MainWindow) -> QDialog:
    from dermcharge.gui.icd_import_dialog import IcdImportDialog

    dialog = IcdImportDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.imported.connect(lambda result: _on_icd_imported(window, result))
    dialog.open()
    return dialog


def open_cms_import(window: MainWindow) -> QDialog:
    from dermcharge.gui.cms_import_dialog import CmsImportDialog

    dialog = CmsImportDialog(window.selected_date(), window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.imported.connect(
        lambda _result: window.statusBar().showMessage("CMS table imported", 5000)
    )
    dialog.open()
    return dialog


def _on_icd_imported(window: MainWindow, result: object) -> None:
    from dermcharge.gui.code_set_status import code_set_status

    window.set_code_set_status(code_set_status(window.today))
    label = getattr(result, "label", "ICD-10-CM release")
    window.statusBar().showMessage(f"{label} imported", 5000)
