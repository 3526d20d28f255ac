"""Undo for the visit editor: every change the capture flow makes is one step on a QUndoStack.

The flow is the one source of the visit; a step holds the flow's snapshot before and after the
change and puts either back (`CaptureFlow.restore`). Steps are recorded by watching the flow, so
every way of changing the visit — clicks, keys, the claim panel's fixes — can be undone.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QLineEdit

from dermcharge.services.capture_flow import CaptureFlow, FlowSnapshot


class FlowStep(QUndoCommand):
    def __init__(self, history: VisitHistory, before: FlowSnapshot, after: FlowSnapshot,
                 text: str) -> None:  # fmt: skip
        super().__init__(text)
        self.history, self.before, self.after = history, before, after
        self._done = True  # pushed after the flow already made the change

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self.history.put_back(self.after)

    def undo(self) -> None:
        self.history.put_back(self.before)


class VisitHistory(QObject):
    """The undo stack of one visit editor and its Undo / Redo actions (Ctrl+Z, Ctrl+Shift+Z)."""

    def __init__(self, flow: CaptureFlow, parent: QObject) -> None:
        super().__init__(parent)
        self.flow = flow
        self.stack = QUndoStack(self)
        self._last = flow.snapshot()
        self._restoring = False
        self.undo_action: QAction = self.stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.redo_action: QAction = self.stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        flow.subscribe(self._on_flow_changed)

    def let_through(self, *edits: QLineEdit) -> None:
        """A line edit claims Ctrl+Z for its own typing even when it has none to undo; then
        the key belongs to the visit's undo."""
        for edit in edits:
            edit.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            isinstance(watched, QLineEdit)
            and event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
        ):
            undo = event.matches(QKeySequence.StandardKey.Undo)
            redo = event.matches(QKeySequence.StandardKey.Redo) or (
                event.key() == Qt.Key.Key_Z
                and event.modifiers()
                == Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
            )
            if (undo and not watched.isUndoAvailable()) or (redo and not watched.isRedoAvailable()):
                event.ignore()
                return True
        return super().eventFilter(watched, event)

    def _on_flow_changed(self, flow: CaptureFlow) -> None:
        now = flow.snapshot()
        if self._restoring:
            self._last = now
            return
        if now.visit != self._last.visit or now.em_diagnoses != self._last.em_diagnoses:
            what = flow.actions[-1] if flow.actions else "change"
            self.stack.push(FlowStep(self, self._last, now, _words(what)))
        self._last = now

    def put_back(self, snapshot: FlowSnapshot) -> None:
        self._restoring = True
        try:
            self.flow.restore(snapshot)
        finally:
            self._restoring = False

    def forget(self) -> None:
        """A signed visit is not edited: nothing to undo into it."""
        self.stack.clear()
        self._last = self.flow.snapshot()


def _words(action: str) -> str:
    """The flow's action log entry ("em 99213", "remove 1") as a menu text."""
    return action.replace("_", " ").split(" #")[0]
