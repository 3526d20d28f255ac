"""The admin's audit viewer: opens and changes are listed newest first, read-only, admin only."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from dermcharge.gui.audit_table_model import AuditTableModel
from dermcharge.gui.audit_viewer import AuditViewer
from dermcharge.security.errors import AccessDenied
from dermcharge.services import record_access
from tests.gui.security_fixtures import clinic


@pytest.fixture
def setup(tmp_path, monkeypatch):
    monkeypatch.setenv("DERMCHARGE_DATA_DIR", str(tmp_path / "data"))
    db, visit_id, accounts = clinic(tmp_path)
    record_access.open_visit_logged(db, visit_id, actor="doc")
    record_access.patient_history_logged(db, 1, actor="bill")
    yield db, visit_id, accounts
    db.dispose()


def test_the_viewer_lists_who_opened_what_newest_first(qtbot, qtmodeltester, setup):
    db, visit_id, accounts = setup
    viewer = AuditViewer(db, accounts["admin"])
    qtbot.addWidget(viewer)
    model = viewer.model
    qtmodeltester.check(model)
    rows = [[model.index(r, c).data() for c in range(5)] for r in range(model.rowCount())]
    assert rows[0][1:4] == ["bill", "open_history", "patient 1"]
    assert rows[1][1:4] == ["doc", "open", f"visit {visit_id}"]
    assert '"account_number": "A-1001"' in rows[1][4]
    assert any(r[2] == "create" and r[3] == "user ma1" for r in rows)
    assert model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable == Qt.ItemFlag.NoItemFlags
    viewer.actor_edit.setText("DOC")
    viewer.refresh()
    assert {model.index(r, 1).data() for r in range(model.rowCount())} == {"doc"}
    viewer.entity_combo.setCurrentIndex(viewer.entity_combo.findData("user"))
    assert model.rowCount() == 0  # doc changed no account


def test_only_an_admin_opens_the_viewer(qtbot, setup):
    db, _, accounts = setup
    with pytest.raises(AccessDenied, match="Only an admin may view the audit log"):
        AuditViewer(db, accounts["doc"])


def test_the_model_checks_out_when_empty_and_shows_the_change_in_a_tooltip(qtmodeltester, setup):
    from dermcharge.services import audit_view

    db, _, accounts = setup
    model = AuditTableModel()
    qtmodeltester.check(model)
    model.set_rows(audit_view.recent_audit(db, by=accounts["admin"], entity="visit"))
    qtmodeltester.check(model)
    tip = model.index(0, 4).data(Qt.ItemDataRole.ToolTipRole)
    assert '"patient_id": 1' in tip


def test_an_admin_sees_a_broken_audit_trail_and_others_do_not(qtbot, tmp_path, monkeypatch):
    """Issue 13 #7: rows deleted around the dropped triggers went unnoticed."""
    import sqlite3

    from dermcharge.services.database import open_app_database

    monkeypatch.setenv("DERMCHARGE_DATA_DIR", str(tmp_path / "data"))
    db, _, accounts = clinic(tmp_path)
    db.dispose()
    connection = sqlite3.connect(tmp_path / "clinic.sqlite")
    connection.execute("DROP TRIGGER audit_log_no_delete")
    connection.execute("DELETE FROM audit_log WHERE id = 2")
    connection.commit()
    connection.close()
    db = open_app_database(f"sqlite:///{tmp_path / 'clinic.sqlite'}")
    try:
        viewer = AuditViewer(db, accounts["admin"])
        qtbot.addWidget(viewer)
        assert viewer.integrity_label.isVisibleTo(viewer)
        assert "Audit trail broken" in viewer.integrity_label.text()
        assert any(r.action == "audit_guard_restored" for r in viewer.model.rows())
    finally:
        db.dispose()
