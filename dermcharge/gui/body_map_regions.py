"""Regions of a body-map drawing: which SVG elements are sites, and the shape each one covers.

Each region of our drawings is an element with class="region" and an id naming its site and side
(`nasal_ala--left`, `finger--left--2`). The shapes are found by rendering the drawing once with
every region in its own flat colour and reading each colour back as a mask, so any SVG shape,
group or transform works without parsing path data ourselves.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QBitmap, QColor, QImage, QPainter, QPainterPath, QRegion, QTransform
from PySide6.QtSvg import QSvgRenderer

from dermcharge.anatomy import body_map
from dermcharge.anatomy.body_map import MapRegion

__all__ = ["MapRegion", "RegionShape", "load_region_shapes", "parse_region_id"]

SVG_NS = "http://www.w3.org/2000/svg"
_SHAPES = {"path", "rect", "circle", "ellipse", "polygon", "polyline", "line", "text", "use"}
ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", "http://www.w3.org/1999/xlink")
PICK_SIZE = 900  # pixels on the drawing's longer side when finding the shapes


def parse_region_id(element_id: str) -> MapRegion | None:
    """`nasal_ala--left` -> nasal ala, left; `finger--right--3--palmar`; None for no site."""
    try:
        return body_map.parse_region(element_id)
    except ValueError:
        return None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _is_region(element: ET.Element) -> bool:
    return body_map.REGION_CLASS in element.get("class", "").split() and bool(element.get("id"))


def _pick_svg(root: ET.Element) -> tuple[bytes, list[MapRegion]]:
    """A copy of the drawing showing only the regions, each filled with its own exact colour."""
    regions: list[MapRegion] = []
    for style in [e for e in root.iter() if _local(e.tag) == "style"]:
        style.text = ""

    def paint(element: ET.Element, colour: str | None) -> None:
        if _is_region(element):
            region = parse_region_id(element.get("id", ""))
            if region is not None:
                regions.append(region)
                index = len(regions)
                colour = f"#{index & 0xFF:02x}{(index >> 8) & 0xFF:02x}c8"
        tag = _local(element.tag)
        for attribute in ("fill", "stroke", "opacity", "fill-opacity", "class", "filter"):
            element.attrib.pop(attribute, None)
        if tag in _SHAPES:
            element.set("style", f"fill:{colour};stroke:none" if colour else "display:none")
        elif tag == "g" and colour:
            element.set("style", f"fill:{colour};stroke:none")
        for child in element:
            paint(child, colour)

    paint(root, None)
    return ET.tostring(root), regions


@dataclass(frozen=True)
class RegionShape:
    region: MapRegion
    path: QPainterPath  # in the drawing's own coordinates (the QGraphicsSvgItem's)


def load_region_shapes(svg_path: Path) -> tuple[QSvgRenderer, list[RegionShape]]:
    """The drawing's renderer and every region's shape."""
    renderer = QSvgRenderer(str(svg_path))
    if not renderer.isValid():
        raise ValueError(f"{svg_path.name}: not a drawing Qt can read")
    tree = ET.parse(svg_path)
    pick_bytes, regions = _pick_svg(tree.getroot())
    if not regions:
        return renderer, []
    size = renderer.defaultSize()
    scale = PICK_SIZE / max(size.width(), size.height(), 1)
    image = QImage(
        QSize(round(size.width() * scale), round(size.height() * scale)),
        QImage.Format.Format_RGB32,
    )
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    QSvgRenderer(QByteArray(pick_bytes)).render(painter, QRectF(image.rect()))
    painter.end()
    back_to_drawing = QTransform.fromScale(1 / scale, 1 / scale)
    shapes = []
    for index, region in enumerate(regions, start=1):
        colour = QColor(index & 0xFF, (index >> 8) & 0xFF, 0xC8)
        mask = image.createMaskFromColor(colour.rgb(), Qt.MaskMode.MaskOutColor)
        area = QRegion(QBitmap.fromImage(mask))
        if area.isEmpty():
            continue  # drawn over completely by another region: nothing to click
        path = QPainterPath()
        path.addRegion(area)
        shapes.append(RegionShape(region, back_to_drawing.map(path)))
    return renderer, shapes
