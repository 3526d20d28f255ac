"""Defect 17: small body-map regions are easy to hit — a click within 12 px of a region picks
the nearest one, the hover label names what a click would pick, and a miss says so."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtTest import QTest

from tests.gui.exam_room.person import click_at


def _edge_and_outside(view, element_id: str) -> tuple[QPoint, QPoint]:
    """A point 8 px beyond the region's right edge (a near miss) and one far from any region."""
    item = view.items_by_id[element_id]
    box = view.mapFromScene(item.sceneBoundingRect()).boundingRect()
    return QPoint(box.right() + 8, box.center().y()), QPoint(4, 4)


def test_a_near_miss_picks_the_nearest_region_and_hover_tells_which(qtbot, open_window):
    window = open_window(saving=False)
    editor = window.editor
    view = editor.body_map.current_view()
    near, nowhere = _edge_and_outside(view, "forearm--left")
    assert view.items(near) == [] or not any(
        getattr(i, "region", None) for i in view.items(near)
    )  # really beside the forearm, not on it
    QTest.mouseMove(view.viewport(), near)
    qtbot.waitUntil(lambda: "left forearm" in editor.ui.hoverLabel.text().lower(), timeout=2000)
    click_at(window, view.viewport().mapTo(window, near))
    assert window.flow.site is not None and window.flow.site.site == "forearm"
    click_at(window, view.viewport().mapTo(window, nowhere))
    assert "nothing here" in editor.ui.hoverLabel.text().lower()
    assert window.flow.site.site == "forearm"  # a miss changes nothing
