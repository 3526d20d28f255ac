"""The body map: our SVG figures with every site a hoverable, clickable region, and lesion markers.

Hover highlights and names a region, a click selects it (the side comes from the region clicked),
recorded procedures show as numbered markers. Views are tabs (Front, Back, Face, Hands, Feet),
each built on first show so opening a visit stays fast.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLineF, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QMouseEvent, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtSvgWidgets import QGraphicsSvgItem
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsSceneHoverEvent,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dermcharge.domain.visit import Laterality
from dermcharge.gui.body_map_regions import MapRegion, RegionShape, load_region_shapes
from dermcharge.resource_files import MissingResources, resource_path

# The drawings we know, in tab order; any other SVG in resources/bodymap/ follows.
KNOWN_VIEWS = (("front", "Front"), ("back", "Back"), ("face", "Face"), ("hands", "Hands"),
               ("feet", "Feet"))  # fmt: skip
PAPER = "#f8f6f3"
NEAR_MISS_PX = 12  # a click this close to a region (screen pixels) picks it
MARKER_RADIUS = 10.0  # screen pixels
# An item drawn over the map that handles its own click (an earlier lesion's ring opens its
# timeline) sets this data key to True; a click on it is not taken as a pick of a region.
OWN_CLICK_KEY = 2


@dataclass(frozen=True)
class Marker:
    number: int  # the procedure's number in the visit (1-based)
    site: str
    laterality: Laterality | None
    digit: int | None


def available_views(folder: Path | None = None) -> list[tuple[str, str, Path]]:
    """(name, tab title, file) for every drawing present."""
    folder = folder or resource_path("bodymap")
    if not folder.is_dir():  # a build without its resources: say so, never an empty map
        raise MissingResources([str(folder)])
    files = {p.stem: p for p in sorted(folder.glob("*.svg"))}
    views = [(name, title, files.pop(name)) for name, title in KNOWN_VIEWS if name in files]
    views += [(stem, stem.replace("_", " ").title(), path) for stem, path in files.items()]
    return views


class RegionItem(QGraphicsPathItem):
    """One site on a drawing; tells its view when it is hovered or clicked."""

    def __init__(self, shape: RegionShape, view: BodyMapView) -> None:
        super().__init__(shape.path)
        self.region = shape.region
        self._view = view
        self.hovered = False
        self.selected = False
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(self.region.label)
        self.setPen(QPen(Qt.PenStyle.NoPen))
        self.refresh()

    def refresh(self) -> None:
        highlight = self._view.palette().color(QPalette.ColorRole.Highlight)
        if self.selected:
            highlight.setAlpha(150)
        elif self.hovered:
            highlight.setAlpha(80)
        else:
            highlight = QColor(0, 0, 0, 1)  # all but invisible, still hit-testable
        self.setBrush(QBrush(highlight))

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self.hovered = True
        self.refresh()
        self._view.region_hovered.emit(self.region.label)

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self.hovered = False
        self.refresh()
        self._view.region_hovered.emit("")


class BodyMapView(QGraphicsView):
    """One drawing, scaled to fit, with its regions, side labels and markers."""

    region_clicked = Signal(object)  # MapRegion
    region_hovered = Signal(str)

    def __init__(self, svg_file: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.svg_file = svg_file
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        # The drawings are made on paper (skin tones, dark labels): keep them on a light ground
        # in a dark theme too, or their labels vanish.
        self.setBackgroundBrush(QColor(PAPER))
        self.setMouseTracking(True)
        self.items_by_id: dict[str, RegionItem] = {}
        self._markers: list[QGraphicsItem] = []
        self._built = False
        self._near: RegionItem | None = None  # the region the pointer would pick now
        self.error = ""

    def nearest_region(self, at: QPoint) -> RegionItem | None:
        """The region under `at` (view pixels) or, for a near miss, the nearest one within
        NEAR_MISS_PX: a small region (a forearm 15 px wide, a forehead 8 px tall at 1280×800)
        is as easy to hit as a big one, and a click beside it is not lost."""
        scene_point = self.mapToScene(at)
        regions = [i for i in self.items(at) if isinstance(i, RegionItem)]
        if regions:
            return regions[0]
        scale = self.transform().m11() or 1.0
        for pixels in (3, 6, 9, NEAR_MISS_PX):
            radius = pixels / scale
            circle = QPainterPath()
            circle.addEllipse(scene_point, radius, radius)
            touched = [i for i in self.items_by_id.values() if i.path().intersects(circle)]
            if touched:
                return min(touched, key=lambda i: QLineF(i.boundingRect().center(),
                                                          scene_point).length())  # fmt: skip
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        top = self.itemAt(event.position().toPoint())
        if top is not None and top.data(OWN_CLICK_KEY) is True:
            super().mousePressEvent(event)  # the item's own mousePressEvent takes it
            return
        if event.button() == Qt.MouseButton.LeftButton:
            region = self.nearest_region(event.position().toPoint())
            if region is None:
                self.region_hovered.emit("Nothing here: click on the body, or search a site")
                event.accept()
                return
            self.region_clicked.emit(region.region)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        """The hover label and highlight follow the region a click here would pick."""
        super().mouseMoveEvent(event)
        region = self.nearest_region(event.position().toPoint())
        if self._near is not None and self._near is not region:
            self._near.hovered = False
            self._near.refresh()
        self._near = region
        if region is not None and not region.hovered:
            region.hovered = True  # an item's own hover-leave may have just cleared it
            region.refresh()
        self.region_hovered.emit(region.region.label if region is not None else "")

    def ensure_built(self) -> None:
        if self._built:
            return
        self._built = True
        try:
            renderer, shapes = load_region_shapes(self.svg_file)
        except (OSError, ValueError) as error:
            self.error = str(error)
            self.scene().addText(f"Cannot show {self.svg_file.name}: {error}")
            return
        self._renderer = renderer  # the svg item does not own it
        figure = QGraphicsSvgItem()
        figure.setSharedRenderer(renderer)
        self.scene().addItem(figure)
        for shape in shapes:
            item = RegionItem(shape, self)
            self.scene().addItem(item)
            self.items_by_id[shape.region.element_id] = item
        if "patient's" not in self.svg_file.read_text(encoding="utf-8", errors="replace"):
            self._add_side_labels(figure.boundingRect())  # the drawing has none of its own
        self.scene().setSceneRect(figure.boundingRect().adjusted(-4, -4, 4, 4))
        self._fit()

    def _add_side_labels(self, bounds: QRectF) -> None:
        """ "Patient's right/left" on the side of the screen where that side is drawn."""
        xs: dict[Laterality, list[float]] = {Laterality.LEFT: [], Laterality.RIGHT: []}
        for item in self.items_by_id.values():
            if item.region.laterality is not None:
                xs[item.region.laterality].append(item.boundingRect().center().x())
        if not xs[Laterality.LEFT] or not xs[Laterality.RIGHT]:
            return
        left_mean = sum(xs[Laterality.LEFT]) / len(xs[Laterality.LEFT])
        right_mean = sum(xs[Laterality.RIGHT]) / len(xs[Laterality.RIGHT])
        on_screen_left = "R" if right_mean < left_mean else "L"
        texts = {"R": "patient's right", "L": "patient's left"}
        on_screen_right = "L" if on_screen_left == "R" else "R"
        for side, x, align_right in ((on_screen_left, bounds.left(), False),
                                     (on_screen_right, bounds.right(), True)):  # fmt: skip
            label = QGraphicsSimpleTextItem(texts[side])
            label.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
            label.setBrush(self.palette().color(QPalette.ColorRole.Text))
            font = QFont(label.font())
            font.setBold(True)
            label.setFont(font)
            label.setData(0, "side-label")
            label.setPos(QPointF(x, bounds.bottom() - 2))
            if align_right:
                label.setData(1, "right")
            self.scene().addItem(label)
            label.setZValue(5)
        self._align_side_labels()

    def _align_side_labels(self) -> None:
        for item in self.scene().items():
            if item.data(0) == "side-label" and item.data(1) == "right":
                # keep the right-hand label inside the view whatever the zoom
                width = item.boundingRect().width() / max(self.transform().m11(), 1e-6)
                item.setX(self.sceneRect().right() - width - 4)

    def select(self, site: str | None, laterality: Laterality | None, digit: int | None) -> None:
        for item in self.items_by_id.values():
            selected = site is not None and item.region.matches(site, laterality, digit)
            if selected != item.selected:
                item.selected = selected
                item.refresh()

    def set_markers(self, markers: Sequence[Marker]) -> None:
        for item in self._markers:
            self.scene().removeItem(item)
        self._markers.clear()
        placed: dict[str, int] = {}
        for marker in markers:
            item = self.region_item(marker.site, marker.laterality, marker.digit)
            if item is None:
                continue
            offset = placed.get(item.region.element_id, 0)
            placed[item.region.element_id] = offset + 1
            self._markers.append(self._add_marker(marker.number, item, offset))

    def region_item(
        self, site: str, laterality: Laterality | None, digit: int | None
    ) -> RegionItem | None:
        items = self.items_by_id.values()
        candidates = [i for i in items if i.region.matches(site, laterality, digit)]
        exact = [i for i in candidates if i.region.digit == digit]
        return (exact or candidates or [None])[0]

    def _add_marker(self, number: int, region: RegionItem, offset: int) -> QGraphicsItem:
        """A numbered dot of fixed screen size (readable and touchable at any zoom)."""
        radius = MARKER_RADIUS
        scale = max(self.transform().m11(), 1e-6)
        centre = _inside_point(region) + QPointF(offset * radius * 2.2 / scale, 0)
        circle = QGraphicsEllipseItem(QRectF(-radius, -radius, radius * 2, radius * 2))
        circle.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        circle.setPos(centre)
        circle.setBrush(QColor("#c62828"))
        circle.setPen(QPen(QColor("white"), 1.5))
        circle.setZValue(10)
        circle.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        circle.setData(0, "marker")
        circle.setData(1, number)
        text = QGraphicsSimpleTextItem(str(number), circle)
        text.setBrush(QColor("white"))
        font = QFont(text.font())
        font.setBold(True)
        font.setPixelSize(round(radius * 1.3))
        text.setFont(font)
        box = text.boundingRect()
        text.setPos(-box.width() / 2, -box.height() / 2)
        self.scene().addItem(circle)
        return circle

    def resizeEvent(self, event: object) -> None:  # type: ignore[override]
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._fit()

    def _fit(self) -> None:
        if self._built and not self.sceneRect().isEmpty():
            self.fitInView(self.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
            self._align_side_labels()


def _inside_point(item: RegionItem) -> QPointF:
    centre = item.boundingRect().center()
    if item.path().contains(centre):
        return centre
    boxes = [polygon.boundingRect() for polygon in item.path().toFillPolygons()]
    return max(boxes, key=lambda box: box.width() * box.height()).center() if boxes else centre


class BodyMapWidget(QWidget):
    """The tabbed map. Emits the site clicked; shows what is hovered; keeps markers current."""

    site_clicked = Signal(object)  # MapRegion
    hover_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None, folder: Path | None = None) -> None:
        super().__init__(parent)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.views: dict[str, BodyMapView] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        views = available_views(folder)
        for number, (name, title, path) in enumerate(views, start=1):
            view = BodyMapView(path, self)
            view.region_clicked.connect(self._on_view_region_clicked)
            view.region_hovered.connect(self.hover_changed)
            view.setMinimumSize(260, 320)
            self.views[name] = view
            self.tabs.addTab(view, title)
            self.tabs.setTabToolTip(number - 1, f"{title} (Ctrl+{number})")
        if not views:
            missing = QLabel("The body-map drawings are not installed:\nuse the site search.")
            self.tabs.addTab(missing, "Map")
        self._markers: list[Marker] = []
        self._selection: tuple[str | None, Laterality | None, int | None] = (None, None, None)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self._on_tabs_current_changed(self.tabs.currentIndex())

    def show_view(self, name: str) -> None:
        view = self.views.get(name)
        if view is not None:
            self.tabs.setCurrentWidget(view)

    def current_view(self) -> BodyMapView | None:
        widget = self.tabs.currentWidget()
        return widget if isinstance(widget, BodyMapView) else None

    def select(self, site: str | None, laterality: Laterality | None, digit: int | None) -> None:
        self._selection = (site, laterality, digit)
        view = self.current_view()
        if view is not None:
            view.select(site, laterality, digit)

    def set_markers(self, markers: Sequence[Marker]) -> None:
        if list(markers) == self._markers:
            return  # most edits (a count, a finding, a size) move no marker: nothing to redraw
        self._markers = list(markers)
        view = self.current_view()
        if view is not None:
            view.set_markers(self._markers)

    def _on_tabs_current_changed(self, index: int) -> None:
        view = self.current_view()
        if view is None:
            return
        view.ensure_built()
        view.select(*self._selection)
        view.set_markers(self._markers)

    def _on_view_region_clicked(self, region: MapRegion) -> None:
        self.site_clicked.emit(region)
