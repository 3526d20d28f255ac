"""The patient's earlier lesions on the visit's body map: faint hollow rings beside the visit's
own numbered markers, each with a tooltip of its last procedure and result; clicking one opens
the lesion's timeline."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsSceneMouseEvent,
    QWidget,
)

from dermcharge.domain.visit import Laterality
from dermcharge.gui.body_map_widget import OWN_CLICK_KEY, BodyMapView, BodyMapWidget
from dermcharge.services.lesions import LesionTimeline

RING_RADIUS = 7.0  # screen pixels: smaller than a procedure marker, and hollow
RING_COLOUR = QColor(90, 90, 110, 150)


@dataclass(frozen=True)
class HistoryMarker:
    lesion_id: int
    site: str
    laterality: Laterality | None
    tooltip: str


def history_markers(timelines: Sequence[LesionTimeline], this_visit: int) -> list[HistoryMarker]:
    """One ring per earlier lesion with a site (a lesion seen only at this visit is not history)."""
    found = []
    for timeline in timelines:
        lesion = timeline.lesion
        earlier = [s for s in timeline.steps if s.visit_id != this_visit]
        if lesion.site is None or not earlier:
            continue
        side = Laterality(lesion.laterality) if lesion.laterality else None
        found.append(HistoryMarker(lesion.id, lesion.site, side, timeline.summary()))
    return found


class HistoryRing(QGraphicsEllipseItem):
    def __init__(self, marker: HistoryMarker, on_click: Callable[[int], None]) -> None:
        r = RING_RADIUS
        super().__init__(QRectF(-r, -r, 2 * r, 2 * r))
        self.marker = marker
        self._on_click = on_click
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setPen(QPen(RING_COLOUR, 2.0, Qt.PenStyle.DashLine))
        self.setBrush(QColor(255, 255, 255, 60))
        self.setZValue(9)  # under the visit's own markers
        self.setToolTip(marker.tooltip)
        self.setData(0, "history")
        self.setData(1, marker.lesion_id)
        self.setData(OWN_CLICK_KEY, True)  # a click opens the timeline, not a pick of the region
        self.setAcceptHoverEvents(True)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._on_click(self.marker.lesion_id)
            event.accept()
        else:
            super().mousePressEvent(event)


class LesionHistoryLayer:
    """Draws history markers on whichever view of the map is showing."""

    def __init__(self, body_map: BodyMapWidget, on_click: Callable[[int], None]) -> None:
        self.body_map = body_map
        self.on_click = on_click
        self.markers: list[HistoryMarker] = []
        self._drawn: dict[int, list[QGraphicsItem]] = {}  # id(view) -> its rings
        body_map.tabs.currentChanged.connect(self._on_tabs_current_changed)

    def set_markers(self, markers: Sequence[HistoryMarker]) -> None:
        self.markers = list(markers)
        for view in self.body_map.views.values():
            self._clear(view)
        self._on_tabs_current_changed()

    def rings(self) -> list[HistoryRing]:
        view = self.body_map.current_view()
        items = self._drawn.get(id(view), []) if view is not None else []
        return [i for i in items if isinstance(i, HistoryRing)]

    def _clear(self, view: BodyMapView) -> None:
        for item in self._drawn.pop(id(view), []):
            view.scene().removeItem(item)

    def _on_tabs_current_changed(self, *_: object) -> None:
        view = self.body_map.current_view()
        if view is None or id(view) in self._drawn:
            return
        view.ensure_built()
        drawn: list[QGraphicsItem] = []
        placed: dict[str, int] = {}
        # Many lesions share a site: look each region up once (a lookup scans every region).
        regions: dict[tuple[str, Laterality | None], Any] = {}
        scale = max(view.transform().m11(), 1e-6)
        step = RING_RADIUS * 2.3 / scale
        scene = view.scene()
        for marker in self.markers:
            spot = (marker.site, marker.laterality)
            if spot not in regions:
                item = view.region_item(marker.site, marker.laterality, None)
                regions[spot] = (item, item.boundingRect().center()) if item else None
            found = regions[spot]
            if found is None:
                continue
            region, centre = found
            n = placed.get(region.region.element_id, 0)
            placed[region.region.element_id] = n + 1
            ring = HistoryRing(marker, self.on_click)
            ring.setPos(centre + QPointF(-(n % 12 + 1) * step, (n // 12 + 1) * step))
            scene.addItem(ring)
            drawn.append(ring)
        self._drawn[id(view)] = drawn


def attach_lesion_history(window: QWidget) -> LesionHistoryLayer | None:
    """Give a VisitWindow its patient's history: earlier lesions on the map, the earlier
    procedures for the coder (global periods), and a lesion for each new procedure — the
    newest earlier lesion at that spot is continued (the status bar says so), else a new one is
    started. None without a database."""
    from dermcharge.gui.lesion_timeline import LesionTimelineWindow
    from dermcharge.services import lesions, procedure_history
    from dermcharge.services.errors import StorageError

    backend = getattr(window, "backend", None)
    stored = getattr(window, "stored", None)
    editor = getattr(window, "editor", None)
    flow = getattr(window, "flow", None)
    if backend is None or stored is None or editor is None or flow is None:
        return None
    opened: list[QWidget] = []

    def open_timeline(lesion_id: int) -> None:
        timeline = LesionTimelineWindow(backend, lesion_id)
        timeline.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        opened.append(timeline)
        timeline.show()

    layer = LesionHistoryLayer(editor.body_map, open_timeline)
    layer.opened = opened  # type: ignore[attr-defined]  # the tests look at what a click opened
    try:
        timelines = lesions.patient_timelines(backend.db, stored.patient_id)
        history = procedure_history.prior_procedures(
            backend.db, stored.patient_id, stored.record.visit.date_of_service,
            exclude_visit=stored.id,
        )  # fmt: skip
    except StorageError:
        return layer  # history is a help, not a condition of editing the visit
    layer.set_markers(history_markers(timelines, stored.id))
    known = [t.lesion for t in timelines]
    linking: list[bool] = []

    def link_new_procedures(_flow: object) -> None:
        if linking or getattr(window, "stored", stored).status in ("signed", "billed"):
            return
        for index, p in enumerate(flow.visit.procedures):
            if p.site is None or p.lesion_id is not None:
                continue
            side = None if p.laterality is None else str(p.laterality)
            same = [x for x in known if (x.site, x.laterality) == (p.site, side)]
            try:
                if same:
                    lesion = max(same, key=lambda x: x.id)
                    note = f"Procedure {index + 1} continues the earlier lesion: {lesion.label}"
                else:
                    lesion = lesions.create_lesion(
                        backend.db, stored.patient_id, site=p.site, laterality=side,
                        label=lesions.default_label(p), actor=backend.actor,
                    )  # fmt: skip
                    known.append(lesion)
                    note = ""
            except StorageError:
                return
            linking.append(True)
            try:
                flow.link_lesion(index, lesion.id)
            finally:
                linking.clear()
            status_bar = getattr(window, "statusBar", None)
            if note and callable(status_bar):
                status_bar().showMessage(note, 8000)

    flow.subscribe(link_new_procedures)
    if history:
        flow.set_history(history)
    return layer
