"""The pathology settings in app_settings: overdue days (default 10) and holding claims with
pathology pending from the billing queue (default: held)."""

from __future__ import annotations

from datetime import date

import pytest

from dermcharge.domain.visit import Kind, Procedure, Visit
from dermcharge.services import pathology_settings as settings
from dermcharge.storage.database import Database
from dermcharge.storage.errors import InvalidRecord

PENDING = Visit(date(2026, 11, 20), procedures=(
    Procedure(Kind.BIOPSY_PUNCH, site="scalp", path_pending=True),))  # fmt: skip
RESULTED = Visit(date(2026, 11, 20), procedures=(Procedure(Kind.BIOPSY_PUNCH, site="scalp"),))


def test_defaults_and_changes(db: Database) -> None:
    assert settings.overdue_days(db) == 10
    assert settings.hold_pending_pathology(db) is True
    assert settings.held_from_billing(db, PENDING) and not settings.held_from_billing(db, RESULTED)
    settings.set_overdue_days(db, 14, actor="admin")
    settings.set_hold_pending_pathology(db, False, actor="admin")
    assert settings.overdue_days(db) == 14
    assert settings.hold_pending_pathology(db) is False
    assert not settings.held_from_billing(db, PENDING)
    with pytest.raises(InvalidRecord, match="pathology_overdue_days"):
        settings.set_overdue_days(db, 0, actor="admin")
