"""Run something once a window has painted for the first time (and the paint has finished).

Start-up work that can wait — opening the storage layer on a worker thread — must not compete
with the first window for the interpreter while that window is being drawn."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _FirstPaintWatch(QObject):
    def __init__(self, widget: QWidget, then: Callable[[], object]) -> None:
        super().__init__(widget)
        self._then = then
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._then)  # after this paint has been handled
        return False


def after_first_paint(widget: QWidget, then: Callable[[], object]) -> None:
    _FirstPaintWatch(widget, then)
