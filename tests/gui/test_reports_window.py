"""The Reports window, driven as a person does: pick the range by typing, click Run, wait for
the worker, read the chart and the table, open a row's visits, export the CSV."""

from __future__ import annotations

import csv
import io

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from dermcharge.gui.main_window import MainWindow
from dermcharge.gui.reports_window import ReportsWindow
from dermcharge.gui.secure_backend import SecureBackend
from dermcharge.gui.secure_start import guard_session
from tests.gui.security_fixtures import DOS, private_clinic


@pytest.fixture
def clinic(tmp_path, monkeypatch):
    db, visit_id, accounts = private_clinic(tmp_path, monkeypatch)
    yield db, visit_id, accounts
    db.dispose()


@pytest.mark.parametrize(
    ("who", "shown"), [("bill", True), ("admin", True), ("doc", True), ("ma1", False)]
)
def test_the_reports_menu_follows_the_roles(qtbot, clinic, who, shown):
    db, _visit, accounts = clinic
    backend = SecureBackend(db, accounts[who])
    main = MainWindow(backend, DOS, who)
    qtbot.addWidget(main)
    guard_session(main, backend)
    assert main.reports_menu.menu.menuAction().isVisible() is shown


def _click(qtbot, window, widget) -> None:
    point = widget.mapTo(window, widget.rect().center())
    target = window.childAt(point) or window
    QTest.mouseClick(target, Qt.MouseButton.LeftButton, pos=target.mapFrom(window, point))


def test_a_biller_runs_the_day_report_and_opens_a_rows_visits(qtbot, clinic):
    db, visit_id, accounts = clinic
    window = ReportsWindow(db, accounts["bill"])
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    # Type the range into the date fields as a person does (section by section).
    for edit, text in ((window.start_edit, "2026-11-01"), (window.end_edit, "2026-11-30")):
        edit.setFocus()
        qtbot.waitUntil(lambda e=edit: QApplication.focusWidget() is e, timeout=2000)
        QTest.keyClick(
            QApplication.focusWidget(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier
        )
        QTest.keyClicks(QApplication.focusWidget(), text)
    assert window.start_edit.date().toString("yyyy-MM-dd") == "2026-11-01"
    assert window.end_edit.date().toString("yyyy-MM-dd") == "2026-11-30"
    _click(qtbot, window, window.run_button)
    qtbot.waitUntil(lambda: window.grid.rowCount() == 1, timeout=15_000)
    assert window.run_button.isEnabled()
    header = [window.grid.horizontalHeaderItem(c).text() for c in range(window.grid.columnCount())]
    row = {header[c]: window.grid.item(0, c).text() for c in range(len(header))}
    assert row["Provider"] == "Jane Doe" and row["Visits"] == "1" and row["Unsigned"] == "1"
    assert window.chart.values and window.chart.values[0][0] == "Jane Doe"
    cell = window.grid.visualItemRect(window.grid.item(0, 0)).center()
    assert window.grid.viewport().rect().contains(cell), (cell, window.grid.viewport().rect())
    with qtbot.waitSignal(window.visits_opened, timeout=2000) as opened:
        QTest.mouseClick(window.grid.viewport(), Qt.MouseButton.LeftButton, pos=cell)
        QTest.mouseDClick(window.grid.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert opened.args == [[visit_id]]
    rows = list(csv.reader(io.StringIO(window.csv_bytes().decode("utf-8"))))
    assert rows[0][:3] == ["Day", "Provider", "Visits"] and rows[1][1] == "Jane Doe"


def test_a_medical_assistant_is_told_why_no_report_runs(qtbot, clinic, monkeypatch):
    db, _visit, accounts = clinic
    window = ReportsWindow(db, accounts["ma1"])
    qtbot.addWidget(window)
    shown: list[str] = []
    monkeypatch.setattr(
        "dermcharge.gui.reports_window.QMessageBox.warning",
        lambda _parent, _title, text: shown.append(text),
    )
    window.run_button.click()
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert "Only a biller, an admin or a provider" in shown[0]
    assert window.run_button.isEnabled()
