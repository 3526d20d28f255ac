"""The audit log as a read-only table: when, who, what, which record, and the change in short."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from dermcharge.storage.stored import AuditEntry

COLUMNS = ("When (UTC)", "Who", "Action", "Record", "Details")
Index = QModelIndex | QPersistentModelIndex


def change_summary(entry: AuditEntry) -> str:
    """A one-line view of what changed; the full before/after is in the tooltip."""
    if entry.before and entry.after:
        changed = sorted(k for k in entry.after if entry.before.get(k) != entry.after.get(k))
        return "changed " + ", ".join(changed) if changed else "no visible change"
    if entry.after:
        return json.dumps(entry.after, ensure_ascii=False, default=str)[:200]
    return ""


class AuditTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[AuditEntry] = []

    def set_rows(self, rows: list[AuditEntry]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> AuditEntry:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        entry = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                entry.at.strftime("%Y-%m-%d %H:%M:%S"),
                entry.actor,
                entry.action,
                f"{entry.entity} {entry.entity_id}",
                change_summary(entry),
            )[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 4:
            detail = {"before": entry.before, "after": entry.after}
            return json.dumps(detail, ensure_ascii=False, indent=1, default=str)[:4000]
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(COLUMNS)
        ):
            return COLUMNS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable  # never editable
