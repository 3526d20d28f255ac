"""The visit editor prices with the practice's stored fee schedule, as the superbill does.

Before: the editor always used the shipped demo schedule while the superbill used the stored
one, so once a practice loaded its own fees the screen and the printout disagreed.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from dermcharge.fees.schedule import ANY_PAYER, Fee, FeeSchedule
from dermcharge.gui.app_backend import AppBackend
from dermcharge.gui.visit_window import VisitWindow
from dermcharge.services import visits
from dermcharge.services.database import open_app_database
from dermcharge.services.fee_schedules import (
    add_fee_schedule,
    fee_schedule_for,
    practice_fee_schedules,
)
from dermcharge.services.superbill_print import superbill_for_stored
from tests.gui.test_finding_decisions import _record

DOS = date(2026, 11, 20)
CLINIC_FEES = FeeSchedule(
    payer=ANY_PAYER,
    label="Clinic fees 2026",
    effective_from=date(2026, 1, 1),
    effective_to=None,
    fees={"11102": Fee(Decimal("123.45")), "17110": Fee(Decimal("67.89"))},
)


def test_the_editor_and_the_superbill_charge_the_practice_fees(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("DERMCHARGE_DATA_DIR", str(tmp_path / "data"))
    db = open_app_database(f"sqlite:///{tmp_path / 'clinic.sqlite'}")
    try:
        add_fee_schedule(db, CLINIC_FEES, actor="admin")
        created = visits.create_visit(db, _record(), actor="test")
        assert fee_schedule_for(db, "medicare", DOS).label == "Clinic fees 2026"
        window = VisitWindow(created, AppBackend(db, "dr.doe"))
        qtbot.addWidget(window)
        window.show()
        on_screen = {
            row.line.cpt: row.charge for row in window.editor.claim_panel.claim_model.rows()
        }
        printed = superbill_for_stored(created, fee_schedules=practice_fee_schedules(db))
        on_paper = {line.code: line.total for line in printed.lines}
        assert on_screen["11102"] == Decimal("123.45")
        assert on_screen == {code: on_paper[code] for code in on_screen}
        window._dirty = False
        window.close()
    finally:
        db.dispose()
