"""The app backend for a signed-in user: role checks before each change, record opens logged.

The buttons are already disabled for roles that may not use them (`role_limits`); these checks
are the second line, so no path through the windows can skip them.
"""

from __future__ import annotations

from dermcharge.domain.record import VisitRecord
from dermcharge.domain.stored import StoredVisit, VisitSummary
from dermcharge.domain.visit import Visit
from dermcharge.gui.app_backend import AppBackend
from dermcharge.security.accounts import User
from dermcharge.security.roles import Action, refusal
from dermcharge.services import record_access
from dermcharge.services.database import Database
from dermcharge.services.errors import StorageError


class NotPermitted(StorageError):
    """The signed-in user's roles do not allow this; nothing was changed."""


class SecureBackend(AppBackend):
    def __init__(self, db: Database, user: User) -> None:
        super().__init__(db, user.username)
        self.user = user

    def set_user(self, user: User) -> None:
        self.user = user
        self.actor = user.username

    def _require(self, action: Action) -> None:
        if not self.user.may(action):
            raise NotPermitted(f"{refusal(action)}; you are signed in as {self.user.username}")

    def open_visit(self, visit_id: int) -> StoredVisit:
        self._require(Action.VIEW_RECORDS)
        return record_access.open_visit_logged(self.db, visit_id, actor=self.actor)

    def patient_history(self, patient_id: int) -> list[VisitSummary]:
        self._require(Action.VIEW_RECORDS)
        return record_access.patient_history_logged(self.db, patient_id, actor=self.actor)

    def save_visit(self, stored: StoredVisit, visit: Visit) -> StoredVisit:
        self._require(Action.CAPTURE)
        return super().save_visit(stored, visit)

    def decide_finding(
        self, stored: StoredVisit, position: int, decision: str, reason: str
    ) -> StoredVisit:
        self._require(Action.DECIDE_FINDINGS)
        return super().decide_finding(stored, position, decision, reason)  # type: ignore[misc]

    def create_visit(self, record: VisitRecord) -> StoredVisit:
        self._require(Action.CAPTURE)
        return super().create_visit(record)

    def mark_ready(self, stored: StoredVisit) -> StoredVisit:
        self._require(Action.MARK_READY)
        return super().mark_ready(stored)

    def sign(self, stored: StoredVisit) -> StoredVisit:
        self._require(Action.SIGN)
        return super().sign(stored)
