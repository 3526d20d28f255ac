"""The site search results as a list model (the keyboard way to the same choice as the map)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from dermcharge.gui.site_search import SiteEntry, search_sites

Index = QModelIndex | QPersistentModelIndex


class SiteListModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._entries: list[SiteEntry] = []
        self.set_query("")

    def set_query(self, query: str) -> None:
        self.beginResetModel()
        self._entries = search_sites(query)
        self.endResetModel()

    def entry(self, row: int) -> SiteEntry:
        return self._entries[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return entry.label
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{entry.label} — Enter to choose"
        return None
