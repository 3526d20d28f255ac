"""The Billing view, driven as a biller does: only billers see it; select visits in the queue,
export on a worker thread, see the batch in the history; a refused export names the field."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QWidget

from dermcharge.gui.main_window import MainWindow
from dermcharge.gui.secure_backend import SecureBackend
from dermcharge.gui.secure_start import guard_session
from dermcharge.security.errors import AccessDenied
from dermcharge.services import signing, visits
from tests.gui.security_fixtures import DOS, private_clinic
from tests.storage.claim_samples import case_inputs, claim_record


@pytest.fixture
def setup(tmp_path, monkeypatch):
    db, _draft, accounts = private_clinic(tmp_path, monkeypatch)
    signing.link_account(db, "doc", "1234567893", name="Jane Doe", by=accounts["admin"])
    doc = accounts["doc"]
    ids = []
    for number, (_case, visit) in enumerate(case_inputs()[:2]):
        record = claim_record(visit, account=f"B-{number}")
        if number == 1:
            record["insurance"][0]["payer_id"] = ""  # CSV takes it, an 837P does not
        ids.append(
            signing.sign_as(db, visits.import_visit_record(db, record, actor="ma1").id, doc).id
        )
    yield db, ids, accounts
    db.dispose()


def _main(qtbot, db, user) -> MainWindow:
    backend = SecureBackend(db, user)
    main = MainWindow(backend, DOS, user.username)
    qtbot.addWidget(main)
    guard_session(main, backend)
    return main


@pytest.mark.parametrize(("who", "shown"), [("bill", True), ("doc", False), ("ma1", False)])
def test_only_billers_see_the_billing_menu(qtbot, setup, who, shown):
    db, _ids, accounts = setup
    main = _main(qtbot, db, accounts[who])
    assert main.billing_menu.menu.menuAction().isVisible() is shown


def test_a_provider_cannot_open_the_view(qtbot, setup):
    from dermcharge.gui.billing_view import BillingView

    db, _ids, accounts = setup
    with pytest.raises(AccessDenied):
        BillingView(db, accounts["ma1"])


def _click_row(view: QAbstractItemView, row: int, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    rect = view.visualRect(view.model().index(row, 1))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def _click(window: QWidget, target: QWidget) -> None:
    point = target.mapTo(window, target.rect().center())
    landed = window.childAt(point) or window
    QTest.mouseClick(landed, Qt.MouseButton.LeftButton, pos=landed.mapFrom(window, point))


def test_export_selected_visits_then_a_refused_837p_names_the_field(qtbot, setup, tmp_path):
    db, ids, accounts = setup
    main = _main(qtbot, db, accounts["bill"])
    main.show()
    view = main.billing_menu.open_billing()
    qtbot.addWidget(view)
    qtbot.waitExposed(view)
    assert [view.queue_model.row_at(r).visit_id for r in range(view.queue_model.rowCount())] == ids
    chosen: list[Path] = []

    def choose(format: str, suffix: str) -> Path:
        chosen.append(tmp_path / f"batch-{len(chosen)}{suffix}")
        return chosen[-1]

    view.choose_path = choose
    _click_row(view.queue_view, 0)
    _click_row(view.queue_view, 1, Qt.KeyboardModifier.ShiftModifier)
    assert view.selected_visit_ids() == ids
    view.format_combo.setCurrentIndex(view.format_combo.findData("csv"))
    _click(view, view.export_button)
    qtbot.waitUntil(lambda: view.batch_model.rowCount() == 1, timeout=20000)
    assert chosen[0].exists() and chosen[0].suffix == ".csv"
    assert view.queue_model.rowCount() == 0
    assert "Batch" in view.message.text()
    assert view.export_button.isEnabled()

    # The same batch again as an 837P: one visit has no payer id -> nothing written.
    _click_row(view.batch_view, 0)
    view.format_combo.setCurrentIndex(view.format_combo.findData("837p"))
    _click(view, view.again_button)
    qtbot.waitUntil(lambda: "Nothing was exported" in view.message.text(), timeout=20000)
    assert f"visit {ids[1]}: insurance.payer_id" in view.message.text()
    assert not chosen[1].exists()
    assert view.batch_model.rowCount() == 1
    assert view.again_button.isEnabled()


def test_filters_narrow_the_queue(qtbot, setup):
    from dermcharge.gui.billing_view import BillingView

    db, ids, accounts = setup
    view = BillingView(db, accounts["bill"])
    qtbot.addWidget(view)
    combo = view.filters["status"]
    combo.setCurrentIndex(combo.findData("corrected claim needed"))
    assert view.queue_model.rowCount() == 0
    combo.setCurrentIndex(combo.findData("ready"))
    assert view.queue_model.rowCount() == len(ids)


def test_help_stays_the_last_menu(qtbot, setup):
    """Menus added after the window is built (Billing, Pathology, Practice, Reports, Security)
    go before Help; they were appended after it."""
    db, _ids, accounts = setup
    main = _main(qtbot, db, accounts["bill"])
    titles = [action.text().replace("&", "") for action in main.menuBar().actions()]
    assert titles[-1] == "Help"
    assert {"Billing", "Pathology", "Practice", "Reports", "Security"} <= set(titles)
