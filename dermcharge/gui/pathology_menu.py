"""The main window's Pathology menu: the pending-pathology queue and lesion timelines."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QWidget

from dermcharge.gui.lesion_timeline import LesionTimelineWindow
from dermcharge.gui.menu_bar import add_menu
from dermcharge.gui.pathology_queue import PathologyQueueWindow


class PathologyMenu:
    def __init__(self, window: QMainWindow) -> None:
        self.window = window
        self.opened: list[QWidget] = []
        menu = add_menu(window, "&Pathology")
        self.queue_action = QAction("&Pending results…", window)
        self.queue_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.queue_action.triggered.connect(self.open_queue)
        menu.addAction(self.queue_action)

    def _backend(self) -> object | None:
        ready = getattr(self.window, "_ready_backend", None)
        return ready() if callable(ready) else None

    def open_queue(self) -> PathologyQueueWindow | None:
        backend = self._backend()
        if backend is None:
            return None
        queue = PathologyQueueWindow(backend)  # type: ignore[arg-type]
        queue.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        queue.timeline_requested.connect(self.open_timeline)
        refresh = getattr(self.window, "refresh_visits", None)
        if callable(refresh):
            queue.result_entered.connect(lambda _visit: refresh())
        self.opened.append(queue)
        queue.show()
        queue.activateWindow()  # it opens on top of the main window, ready for typing
        return queue

    def open_timeline(self, lesion_id: int) -> LesionTimelineWindow | None:
        backend = self._backend()
        if backend is None:
            return None
        timeline = LesionTimelineWindow(backend, lesion_id)  # type: ignore[arg-type]
        timeline.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.opened.append(timeline)
        timeline.show()
        timeline.activateWindow()
        return timeline


def add_pathology_menu(window: QMainWindow) -> PathologyMenu:
    return PathologyMenu(window)
