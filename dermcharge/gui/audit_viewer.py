"""The admin's audit viewer: newest entries first, filtered by person, record kind or action."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dermcharge.gui.audit_table_model import AuditTableModel
from dermcharge.security.accounts import User
from dermcharge.security.roles import Action
from dermcharge.services import audit_integrity, audit_view
from dermcharge.services.database import Database

ENTITIES = ("", "visit", "patient", "user", "setting", "provider")


class AuditViewer(QDialog):
    """Read-only: the log has no call to change an entry, and this window offers none."""

    def __init__(self, db: Database, user: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        user.require(Action.VIEW_AUDIT)  # AccessDenied before anything is read
        self.setWindowTitle("Audit log — dermcharge")
        self.db = db
        self.user = user
        self.model = AuditTableModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.actor_edit = QLineEdit()
        self.actor_edit.setPlaceholderText("user name")
        self.entity_combo = QComboBox()
        for entity in ENTITIES:
            self.entity_combo.addItem(entity or "any record", entity or None)
        refresh = QPushButton("&Refresh")
        refresh.clicked.connect(self.refresh)
        self.actor_edit.returnPressed.connect(self.refresh)
        self.entity_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.count_label = QLabel("")
        # What the check on open found: a broken hash chain or removed triggers, in red on top.
        warning = audit_integrity.admin_warning(db, user)
        self.integrity_label = QLabel(f"⚠ {warning}" if warning else "")
        self.integrity_label.setWordWrap(True)
        self.integrity_label.setStyleSheet("color: #b00020; font-weight: bold")
        self.integrity_label.setVisible(warning is not None)
        filters = QHBoxLayout()
        for widget in (QLabel("Who:"), self.actor_edit, QLabel("Record:"), self.entity_combo):
            filters.addWidget(widget)
        filters.addWidget(refresh)
        layout = QVBoxLayout(self)
        layout.addWidget(self.integrity_label)
        layout.addLayout(filters)
        layout.addWidget(self.view)
        layout.addWidget(self.count_label)
        self.resize(1000, 600)
        self.refresh()

    def refresh(self) -> None:
        rows = audit_view.recent_audit(
            self.db,
            by=self.user,
            actor=self.actor_edit.text().strip().casefold() or None,
            entity=self.entity_combo.currentData(),
        )
        self.model.set_rows(rows)
        self.view.resizeColumnsToContents()
        self.count_label.setText(f"{len(rows)} entries, newest first (at most 500)")
