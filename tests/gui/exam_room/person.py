"""Driving a window as a person does (docs: drive-like-a-person.md).

A click is aimed at where the control *was* on screen when the person decided to click it (the
point is taken before the previous action settles) and lands on whatever is there now; typing
goes to whatever has focus.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget


def aim(window: QWidget, target: QWidget, at: QPoint | None = None) -> QPoint:
    """Where `target` (or a point in it) is on `window` right now."""
    return target.mapTo(window, at if at is not None else target.rect().center())


def click_at(window: QWidget, point: QPoint, button=Qt.MouseButton.LeftButton) -> QWidget:
    """Click whatever is under `point` of `window` now; returns the widget hit."""
    hit = window.childAt(point) or window
    QTest.mouseClick(hit, button, Qt.KeyboardModifier.NoModifier, hit.mapFrom(window, point))
    return hit


def click(window: QWidget, target: QWidget) -> QWidget:
    return click_at(window, aim(window, target))


def type_text(text: str) -> QWidget:
    """Type into the focus widget (fails when nothing has focus, as typing would be lost)."""
    focus = QApplication.focusWidget()
    assert focus is not None, f"typing {text!r} went nowhere: nothing has focus"
    QTest.keyClicks(focus, text)
    return focus


def press(key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> QWidget:
    focus = QApplication.focusWidget()
    assert focus is not None, "the key went nowhere: nothing has focus"
    QTest.keyClick(focus, key, modifiers)
    return focus


def when_dialog_opens(handler, poll_ms: int = 20) -> list[QWidget]:
    """Run `handler(dialog)` once the next modal dialog is up (as a person reacts to it);
    returns a list that holds the dialog once handled."""
    from PySide6.QtCore import QTimer

    seen: list[QWidget] = []

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not dialog.isVisible() or not dialog.isActiveWindow():
            QTimer.singleShot(poll_ms, poll)
            return
        seen.append(dialog)
        try:
            handler(dialog)
        except BaseException:
            dialog.close()  # a failed expectation must not leave the test hanging on a modal
            raise

    QTimer.singleShot(0, poll)
    return seen


def map_point(window: QWidget, editor, element_id: str) -> QPoint:
    """Where region `element_id` of the body map's current view is on `window`."""
    from dermcharge.gui.body_map_widget import _inside_point

    view = editor.body_map.current_view()
    item = view.items_by_id[element_id]
    return view.viewport().mapTo(window, view.mapFromScene(_inside_point(item)))


def focus_name(widget: QWidget | None = None) -> str:
    focus = widget or QApplication.focusWidget()
    return focus.objectName() if focus is not None else "<nothing>"
