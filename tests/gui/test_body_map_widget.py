"""The body map widget: every region of every drawing clickable, side from the region clicked,
hover names it, markers for recorded procedures, and a clear placeholder without drawings."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from dermcharge.anatomy.body_map import load_figures
from dermcharge.domain.visit import Laterality
from dermcharge.gui.body_map_regions import load_region_shapes
from dermcharge.gui.body_map_widget import BodyMapWidget, Marker, _inside_point

DATA = Path(__file__).parent / "data"


@pytest.fixture
def body_map(qtbot):
    widget = BodyMapWidget()
    qtbot.addWidget(widget)
    widget.resize(500, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_tabs_follow_the_drawings(body_map):
    titles = [body_map.tabs.tabText(i) for i in range(body_map.tabs.count())]
    assert titles == ["Front", "Back", "Face", "Hands", "Feet"]


@pytest.mark.parametrize("figure", load_figures(), ids=lambda f: f.name)
def test_every_region_of_every_drawing_becomes_a_clickable_shape(qtbot, figure):
    _renderer, shapes = load_region_shapes(figure.path)
    drawn = {shape.region.element_id for shape in shapes}
    assert drawn == {region.element_id for region in figure.regions}
    for shape in shapes:
        # the shape is where the drawing puts the element, and a point inside it hits it
        assert not shape.path.isEmpty()


def test_a_click_on_the_face_gives_site_and_side(qtbot, body_map):
    body_map.show_view("face")
    view = body_map.current_view()
    item = view.items_by_id["nasal_ala--left"]
    point = view.mapFromScene(_inside_point(item))
    with qtbot.waitSignal(body_map.site_clicked, timeout=2000) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    region = blocker.args[0]
    assert (region.site, region.laterality, region.digit) == ("nasal_ala", Laterality.LEFT, None)


def test_a_click_on_a_finger_gives_the_digit(qtbot, body_map):
    body_map.show_view("hands")
    view = body_map.current_view()
    element = next(e for e in view.items_by_id if e.startswith("finger--right--3"))
    point = view.mapFromScene(_inside_point(view.items_by_id[element]))
    with qtbot.waitSignal(body_map.site_clicked, timeout=2000) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    region = blocker.args[0]
    assert (region.site, region.laterality, region.digit) == ("finger", Laterality.RIGHT, 3)


def test_selection_and_markers_follow_the_visit(body_map):
    body_map.select("forearm", Laterality.LEFT, None)
    view = body_map.current_view()
    assert [e for e, item in view.items_by_id.items() if item.selected] == ["forearm--left"]
    body_map.set_markers([Marker(1, "forearm", Laterality.LEFT, None),
                          Marker(2, "forehead", None, None)])  # fmt: skip
    numbers = sorted(i.data(1) for i in view.scene().items() if i.data(0) == "marker")
    assert numbers == [1, 2]
    body_map.show_view("face")  # the forehead is drawn on the face too: its marker follows
    face = body_map.current_view()
    assert [i.data(1) for i in face.scene().items() if i.data(0) == "marker"] == [2]


def test_shapes_follow_groups_and_transforms():
    _renderer, shapes = load_region_shapes(DATA / "mini_front.svg")
    by_id = {s.region.element_id: s.path.boundingRect() for s in shapes}
    assert "not_a_site" not in by_id
    box = by_id["forearm--right"]  # a group moved by transform="translate(20,150)"
    assert abs(box.x() - 20) < 1 and abs(box.y() - 150) < 1 and abs(box.width() - 30) < 1


def test_no_drawings_gives_a_placeholder_not_a_crash(qtbot, tmp_path):
    widget = BodyMapWidget(folder=tmp_path)
    qtbot.addWidget(widget)
    assert widget.tabs.count() == 1
    assert "site search" in widget.tabs.widget(0).text()
    assert widget.current_view() is None
    widget.set_markers([Marker(1, "chest", None, None)])  # no map: nothing to draw, no error
