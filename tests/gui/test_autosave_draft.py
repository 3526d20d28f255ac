"""The autosave stores a half-entered procedure; nothing raises inside the timer's slot.

Before the visit codec and the draft coding in `visits.save_visit`, an excision chosen without
its size made the 1.5 s autosave code the whole visit: an AssertionError in the lesion-size
rules, raised inside a Qt slot, and the draft was not saved.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from dermcharge.domain.visit import Kind
from dermcharge.gui.app_backend import AppBackend
from dermcharge.gui.visit_window import VisitWindow
from dermcharge.services import visits
from dermcharge.services.database import open_app_database
from tests.gui.test_finding_decisions import _record

DOS = date(2026, 11, 20)


def test_an_excision_without_its_size_is_autosaved_and_reopens(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("DERMCHARGE_DATA_DIR", str(tmp_path / "data"))
    db = open_app_database(f"sqlite:///{tmp_path / 'clinic.sqlite'}")
    try:
        visits.create_visit(db, _record(), actor="test")
        backend = AppBackend(db, "dr.doe")
        stored = backend.open_visit(backend.day_visits(DOS)[0].id)
        window = VisitWindow(stored, backend)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        editor = window.editor
        qtbot.keyClicks(editor.ui.siteSearchEdit, "upper back")
        qtbot.keyClick(editor.ui.siteSearchEdit, Qt.Key.Key_Return)
        excise = editor.procedure_panel.kind_buttons[Kind.EXCISION_BENIGN]
        qtbot.mouseClick(excise, Qt.MouseButton.LeftButton)
        assert window.flow.visit.procedures[-1].kind is Kind.EXCISION_BENIGN
        assert window.flow.visit.procedures[-1].lesion_cm is None  # no size typed yet
        # The autosave fires after 1.5 s of quiet; an exception in its slot fails the test.
        qtbot.waitUntil(lambda: window.stored.version > stored.version, timeout=10_000)
        reopened = visits.open_visit(db, stored.id).record.visit
        assert reopened == window.flow.visit
        window.close()
    finally:
        db.dispose()
