"""The body-map drawings as Qt renders them: every region is found, lies on the right side of
the figure and can be seen (so clicked); Qt reads the files without a warning."""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QByteArray, QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

from dermcharge.anatomy.body_map import Figure, load_figures
from dermcharge.domain.visit import Laterality

FIGURES = {figure.name: figure for figure in load_figures()}
SIZES = {
    "front": (500, 900),
    "back": (500, 900),
    "face": (600, 600),
    "hands": (600, 600),
    "feet": (600, 600),
}
SVG_NS = "{http://www.w3.org/2000/svg}"


def _renderer(figure: Figure) -> QSvgRenderer:
    renderer = QSvgRenderer(str(figure.path))
    assert renderer.isValid(), figure.name
    return renderer


@pytest.mark.parametrize("name", list(SIZES))
def test_qt_finds_every_region_inside_the_drawing(qapp: QApplication, name: str) -> None:
    figure = FIGURES[name]
    renderer = _renderer(figure)
    view_box = renderer.viewBoxF()
    assert (view_box.width(), view_box.height()) == SIZES[name]
    for region in figure.regions:
        assert renderer.elementExists(region.element_id), region.element_id
        bounds = renderer.boundsOnElement(region.element_id)
        assert bounds.width() > 2 and bounds.height() > 2, region.element_id
        assert view_box.adjusted(-1, -1, 1, 1).contains(bounds), region.element_id  # + stroke


@pytest.mark.parametrize(("name", "left_on_viewers_right"), [("front", True), ("back", False)])
def test_the_patients_left_side_lies_where_the_view_puts_it(
    qapp: QApplication, name: str, left_on_viewers_right: bool
) -> None:
    figure = FIGURES[name]
    renderer = _renderer(figure)
    middle = renderer.viewBoxF().center().x()
    for region in figure.regions:
        if region.laterality is None:
            continue
        x = renderer.boundsOnElement(region.element_id).center().x()
        on_viewers_right = x > middle
        expected = (region.laterality == Laterality.LEFT) == left_on_viewers_right
        assert on_viewers_right == expected, (region.element_id, x)


def _pick_drawing(figure: Figure) -> tuple[bytes, dict[str, QColor]]:
    """The drawing with decoration hidden and each region in its own flat colour."""
    root = ET.parse(figure.path).getroot()
    colours: dict[str, QColor] = {}
    for element in root.iter():
        classes = element.get("class", "").split()
        if "region" in classes:
            index = len(colours) + 1
            colour = QColor(index, 0x40, 0xC8)
            colours[element.get("id", "")] = colour
            element.set("fill", colour.name())
            element.set("stroke", "none")
        elif "decor" in classes or element.tag == f"{SVG_NS}text":
            element.set("display", "none")
    return ET.tostring(root), colours


@pytest.mark.parametrize("name", list(SIZES))
def test_every_region_shows_on_screen(qapp: QApplication, name: str) -> None:
    """Rendered at panel size with one colour per region, each region keeps visible pixels."""
    figure = FIGURES[name]
    drawing, colours = _pick_drawing(figure)
    renderer = QSvgRenderer(QByteArray(drawing))
    width, height = SIZES[name]
    image = QImage(width * 2, height * 2, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    renderer.render(painter, QRectF(image.rect()))
    painter.end()
    counts: dict[int, int] = {}
    for y in range(0, image.height(), 3):
        for x in range(0, image.width(), 3):
            rgb = image.pixel(x, y) & 0xFFFFFF
            counts[rgb] = counts.get(rgb, 0) + 1
    hidden = [eid for eid, c in colours.items() if counts.get(c.rgb() & 0xFFFFFF, 0) < 3]
    assert hidden == []


@pytest.mark.parametrize("name", list(SIZES))
def test_the_drawing_renders_and_says_which_side_is_which(qapp: QApplication, name: str) -> None:
    figure = FIGURES[name]
    renderer = _renderer(figure)
    image = QImage(200, 200, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    renderer.render(painter, QRectF(image.rect()))
    painter.end()
    assert any(image.pixel(x, 100) & 0xFFFFFF != 0xFFFFFF for x in range(200))
    texts = " ".join(
        element.text or "" for element in ET.parse(figure.path).getroot().iter(f"{SVG_NS}text")
    )
    if name in ("front", "back", "face"):
        assert "patient's right" in texts and "patient's left" in texts
    else:
        assert "Right" in texts and "Left" in texts
