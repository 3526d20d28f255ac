"""The ICD-10-CM release and CMS table import dialogs: success, malformed files named by file and
line, progress to the end, the work on a worker thread, and a close that waits for the work."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer

from dermcharge.codesets.cms.imported import TableKind
from dermcharge.codesets.icd10.cdc_files import CdcFileError
from dermcharge.codesets.icd10.cdc_import import import_release
from dermcharge.gui.cms_import_dialog import CmsImportDialog
from dermcharge.gui.icd_import_dialog import IcdImportDialog
from dermcharge.gui.import_worker import ImportRunner
from dermcharge.gui.main_window import MainWindow

FIXTURES = Path(__file__).parents[1] / "fixtures"
ICD = FIXTURES / "icd10cm"
CMS = FIXTURES / "cms"
TODAY = date(2026, 11, 27)  # FY2027 is in force: the fixture release is the one that applies
WAIT_MS = 15_000


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("DERMCHARGE_DATA_DIR", str(folder))
    return folder


def _imported_releases(data_dir: Path) -> list[str]:
    return sorted(p.name for p in (data_dir / "code_sets" / "icd10cm").glob("icd10cm-fy*.sqlite"))


def _run(qtbot, dialog) -> None:
    with qtbot.waitSignal(dialog.import_finished, timeout=WAIT_MS):
        dialog.import_button.click()


@pytest.fixture
def icd_dialog(qtbot):
    dialog = IcdImportDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


@pytest.fixture
def cms_dialog(qtbot):
    dialog = CmsImportDialog(TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


# --- ICD-10-CM -----------------------------------------------------------------------------------
def test_icd_release_imports_with_progress_to_the_end(qtbot, icd_dialog, data_dir):
    icd_dialog.set_files([ICD / "icd10cm_order_2027.txt", ICD / "icd10cm_tabular_2027.xml"])
    seen: list[int] = []
    icd_dialog.progress_bar.valueChanged.connect(seen.append)
    imported = []
    icd_dialog.imported.connect(imported.append)
    _run(qtbot, icd_dialog)
    assert icd_dialog.last_error is None
    assert icd_dialog.progress_bar.value() == 100
    assert seen == sorted(seen) and seen[-1] == 100 and len(seen) >= 3  # stages, in order
    text = icd_dialog.result_label.text()
    assert "Imported ICD-10-CM FY2027: 61 codes (44 billable)" in text
    assert "2026-10-01 to 2027-09-30" in text
    assert [r.fiscal_year for r in imported] == [2027]
    assert _imported_releases(data_dir) == ["icd10cm-fy2027.sqlite"]
    assert icd_dialog.import_button.isEnabled() and icd_dialog.close_button.text() == "Close"


@pytest.mark.parametrize(
    ("name", "where"),
    [
        ("icd10cm_order_2027_bad_flag.txt", "icd10cm_order_2027_bad_flag.txt line 5"),
        ("icd10cm_order_2027_short_line.txt", "icd10cm_order_2027_short_line.txt line 7"),
        ("icd10cm_order_2027_bad_code.txt", "icd10cm_order_2027_bad_code.txt line 9"),
    ],
)
def test_malformed_icd_file_is_refused_naming_file_and_line(qtbot, icd_dialog, data_dir,
                                                            name, where):  # fmt: skip
    icd_dialog.set_files([ICD / "malformed" / name])
    _run(qtbot, icd_dialog)
    assert where in icd_dialog.last_error
    text = icd_dialog.result_label.text()
    assert "Not imported" in text and where in text
    assert "Nothing was changed" in text
    assert icd_dialog.progress_bar.value() == 0
    assert _imported_releases(data_dir) == []
    assert icd_dialog.import_button.isEnabled()


def test_missing_year_points_at_the_year_box_and_the_year_box_fixes_it(qtbot, icd_dialog,
                                                                      tmp_path):  # fmt: skip
    unnamed = tmp_path / "icd10cm_order.txt"  # the official order file, renamed without its year
    unnamed.write_bytes((ICD / "icd10cm_order_2027.txt").read_bytes())
    icd_dialog.set_files([unnamed])
    _run(qtbot, icd_dialog)
    assert "set Fiscal year above" in icd_dialog.result_label.text()
    assert "--year" not in icd_dialog.result_label.text()
    icd_dialog.year_spin.setValue(2027)
    _run(qtbot, icd_dialog)
    assert icd_dialog.last_error is None
    assert "FY2027" in icd_dialog.result_label.text()


def test_import_without_files_says_what_to_do(icd_dialog):
    icd_dialog.import_button.click()
    assert icd_dialog.runner is None
    assert "Add the release files" in icd_dialog.stage_label.text()


def test_import_runs_off_the_gui_thread_and_the_window_keeps_answering(qtbot, data_dir):
    gate = threading.Event()

    def slow_import(files, fiscal_year=None, progress=None):
        gate.wait(WAIT_MS / 1000)  # held until the GUI thread has shown it is still running
        return import_release(files, fiscal_year=fiscal_year, progress=progress)

    dialog = IcdImportDialog(importer=slow_import)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_files([ICD / "icd10cm_order_2027.txt"])
    dialog.import_button.click()
    assert dialog.running and not dialog.import_button.isEnabled()
    assert dialog.close_button.text() == "Cancel"
    # The GUI thread's event loop still runs timers while the import waits in its thread.
    timer = QTimer(dialog)
    timer.setSingleShot(True)
    with qtbot.waitSignal(timer.timeout, timeout=2000):
        timer.start(10)
    assert dialog.running
    qtbot.waitUntil(lambda: dialog.runner.job_thread_id is not None, timeout=WAIT_MS)
    assert dialog.runner.job_thread_id != threading.get_ident()
    with qtbot.waitSignal(dialog.import_finished, timeout=WAIT_MS):
        gate.set()
    assert dialog.last_error is None
    assert _imported_releases(data_dir) == ["icd10cm-fy2027.sqlite"]


def test_closing_during_the_import_cancels_and_closes_when_the_thread_stops(qtbot, data_dir):
    gate = threading.Event()

    def slow_import(files, fiscal_year=None, progress=None):
        gate.wait(WAIT_MS / 1000)
        return import_release(files, fiscal_year=fiscal_year, progress=progress)

    dialog = IcdImportDialog(importer=slow_import)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_files([ICD / "icd10cm_order_2027.txt"])
    dialog.import_button.click()
    dialog.close_button.click()  # Cancel while the thread works: the dialog must stay
    assert dialog.isVisible()
    assert "Cancelling" in dialog.stage_label.text()
    with qtbot.waitSignal(dialog.finished, timeout=WAIT_MS):
        gate.set()
    assert not dialog.isVisible()
    assert not dialog.running
    assert _imported_releases(data_dir) == []  # stopped before anything was written


def test_unexpected_errors_are_reported_not_raised(qtbot):
    def broken(_progress):
        raise RuntimeError("disk on fire")

    runner = ImportRunner(broken, (CdcFileError,))
    with qtbot.waitSignal(runner.failed, timeout=WAIT_MS) as failed:
        runner.start()
    qtbot.waitUntil(lambda: not runner.running, timeout=WAIT_MS)
    assert failed.args == ["The import stopped unexpectedly: RuntimeError: disk on fire"]


# --- the main window -----------------------------------------------------------------------------
@pytest.fixture
def main_window(qtbot):
    window = MainWindow(None, TODAY, "tester", ("ICD-10-CM FY2026 loaded", "FY2027 in force"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_file_menu_has_the_import_entries_above_quit(main_window):
    texts = [a.text() for a in main_window.ui.menuFile.actions()]
    icd, cms = (texts.index(t) for t in ("Import ICD-10-CM &release…", "Import &CMS edit file…"))
    assert icd + 1 == cms < texts.index("&Quit")
    assert main_window.import_actions[0].text() == texts[icd]


def test_importing_a_release_updates_the_status_bar_label(qtbot, main_window):
    assert "newer release" in main_window.code_set_label.text()
    main_window.import_actions[0].trigger()
    dialog = main_window.findChild(IcdImportDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.set_files([ICD / "icd10cm_order_2027.txt", ICD / "icd10cm_tabular_2027.xml"])
    _run(qtbot, dialog)
    assert main_window.code_set_label.text() == "ICD-10-CM FY2027 loaded"
    assert main_window.code_set_label.toolTip() == ""
    dialog.close()


def test_cms_entry_opens_the_dialog_for_the_chosen_date(main_window):
    main_window.import_actions[1].trigger()
    dialog = main_window.findChild(CmsImportDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.on == TODAY
    dialog.close()


# --- CMS tables ----------------------------------------------------------------------------------
def test_cms_file_imports_and_status_shows_it(qtbot, cms_dialog, data_dir):
    assert "PTP  curated" in cms_dialog.details.toPlainText()
    cms_dialog.set_file(CMS / "ccipra-v323r0-f1.txt")
    _run(qtbot, cms_dialog)
    assert cms_dialog.last_error is None
    assert cms_dialog.progress_bar.maximum() == 100 and cms_dialog.progress_bar.value() == 100
    assert "Loaded PTP 2026Q4 from ccipra-v323r0-f1.txt: 8 rows" in cms_dialog.result_label.text()
    status = cms_dialog.details.toPlainText()
    assert "PTP  2026Q4, imported: 8 rows" in status
    assert "loaded: 2026Q4 (8 rows)" in status
    assert list((data_dir / "code_sets" / "cms" / "ptp").glob("*.sqlite"))


@pytest.mark.parametrize(
    ("name", "where"),
    [
        ("ccipra-v323r0-f1.txt", "ccipra-v323r0-f1.txt, line 8: modifier indicator"),
        ("MCR_MUE_PractitionerServices_Eff_10-01-2026.csv", "line 8: MUE value for 17003"),
        ("AOC_V2026Q4-MCR.txt", "AOC_V2026Q4-MCR.txt, line 5"),
    ],
)
def test_malformed_cms_file_is_refused_naming_file_and_line(qtbot, cms_dialog, data_dir,
                                                            name, where):  # fmt: skip
    before = cms_dialog.details.toPlainText()
    cms_dialog.set_file(CMS / "malformed" / name)
    _run(qtbot, cms_dialog)
    assert where in cms_dialog.last_error
    assert "Not imported" in cms_dialog.result_label.text()
    assert cms_dialog.progress_bar.value() == 0
    assert cms_dialog.details.toPlainText() == before
    assert not list((data_dir / "code_sets" / "cms").glob("*/*.sqlite"))


def test_unknown_cms_file_asks_for_the_table_kind(qtbot, cms_dialog, tmp_path):
    # A real MUE file under a name that does not say which table it is.
    renamed = tmp_path / "download.csv"
    renamed.write_bytes((CMS / "MCR_MUE_PractitionerServices_Eff_10-01-2026.csv").read_bytes())
    cms_dialog.set_file(tmp_path / "notes.txt")
    (tmp_path / "notes.txt").write_text("hello\n", encoding="utf-8")
    _run(qtbot, cms_dialog)
    assert "choose the Table above" in cms_dialog.result_label.text()
    cms_dialog.set_file(renamed)
    cms_dialog.set_kind(TableKind.MUE)
    _run(qtbot, cms_dialog)
    assert "enter the Release quarter above" in cms_dialog.result_label.text()
    cms_dialog.quarter_edit.setText("2026 fourth")
    cms_dialog.import_button.click()
    assert cms_dialog.runner is not None and not cms_dialog.running  # refused before starting
    assert cms_dialog.stage_label.text().startswith("Release quarter:")
    cms_dialog.quarter_edit.setText("2026Q4")
    _run(qtbot, cms_dialog)
    assert cms_dialog.last_error is None, cms_dialog.last_error
    assert "Loaded MUE 2026Q4 from download.csv: 7 rows" in cms_dialog.result_label.text()
