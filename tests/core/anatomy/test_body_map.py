"""The body-map drawings: every region names a known site and side, and sides are drawn where
the patient has them (read from the SVG path data, no Qt)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

import pytest

from dermcharge.anatomy.body_map import (
    Figure,
    load_figures,
    parse_region,
    parse_region_id,
    read_figure,
    regions_for_site,
)
from dermcharge.anatomy.sites import site_table
from dermcharge.domain.visit import Laterality

LEFT, RIGHT = Laterality.LEFT, Laterality.RIGHT
Ring = list[tuple[float, float]]


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _rings(element_id: str, d: str) -> list[Ring]:
    """Rings of a region path. The drawings use absolute M/L/Z only, which keeps this scan exact."""
    rings: list[Ring] = []
    numbers: list[float] = []
    for command, number in re.findall(r"([A-Za-z])|(-?\d+(?:\.\d+)?)", d):
        if command:
            assert command in "MLZ", f"{element_id}: path command {command!r} (M/L/Z expected)"
            if command == "M":
                rings.append([])
        else:
            numbers.append(float(number))
            if len(numbers) == 2:
                rings[-1].append((numbers[0], numbers[1]))
                numbers = []
    return [ring for ring in rings if len(ring) >= 3]


@cache
def _region_rings(figure: Figure) -> dict[str, list[Ring]]:
    root = ET.parse(figure.path).getroot()
    parents = {child: parent for parent in root.iter() for child in parent}
    out: dict[str, list[Ring]] = {}
    for element in root.iter():
        if "region" not in element.get("class", "").split():
            continue
        element_id = element.get("id", "")
        assert _local(element.tag) == "path", f"{element_id}: regions are paths"
        node: ET.Element | None = element
        while node is not None:
            assert "transform" not in node.attrib, f"{element_id}: no transforms on regions"
            node = parents.get(node)
        out[element_id] = _rings(element_id, element.get("d", ""))
    return out


def _centre(rings: list[Ring]) -> tuple[float, float]:
    xs = [x for ring in rings for x, _ in ring]
    ys = [y for ring in rings for _, y in ring]
    return (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2


def _inside(point: tuple[float, float], rings: list[Ring]) -> bool:
    """Even-odd rule, as the drawings' simple rings and holes need."""
    x, y = point
    inside = False
    for ring in rings:
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
            if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                inside = not inside
    return inside


FIGURES = {figure.name: figure for figure in load_figures()}


def test_the_five_drawings_load_in_order() -> None:
    assert list(FIGURES) == ["front", "back", "face", "hands", "feet"]
    for figure in FIGURES.values():
        assert figure.path.suffix == ".svg"
        assert len(figure.regions) >= 20, figure.name


@pytest.mark.parametrize("name", ["front", "back", "face", "hands", "feet"])
def test_every_region_names_a_site_its_side_and_digit(name: str) -> None:
    sites = site_table()
    for region in FIGURES[name].regions:
        site = sites[region.site]
        assert (region.laterality is not None) == site.sides, region.element_id
        if site.digit:
            assert region.digit in range(1, 6), region.element_id
        else:
            assert region.digit is None, region.element_id
        assert parse_region_id(region.element_id) == (region.site, region.laterality, region.digit)


@pytest.mark.parametrize("name", ["front", "back", "face", "hands", "feet"])
def test_only_regions_carry_ids(name: str) -> None:
    """Decoration (outline, eyes, nails, labels) must not be mistaken for a clickable site."""
    root = ET.parse(FIGURES[name].path).getroot()
    for element in root.iter():
        if element.get("id"):
            assert "region" in element.get("class", "").split(), element.get("id")


def test_every_site_of_the_vocabulary_is_drawn_on_each_side_and_digit() -> None:
    drawn = {(r.site, r.laterality, r.digit) for figure in FIGURES.values() for r in figure.regions}
    missing = []
    for site in site_table().sites.values():
        sides = [LEFT, RIGHT] if site.sides else [None]
        digits: list[int | None] = list(range(1, 6)) if site.digit else [None]
        missing += [(site.id, s, d) for s in sides for d in digits if (site.id, s, d) not in drawn]
    assert missing == []


def test_the_face_shows_the_nose_subunits_eyelids_and_ears() -> None:
    face = {region.element_id for region in FIGURES["face"].regions}
    for side in ("left", "right"):
        for site in (
            "nasal_ala",
            "nasal_sidewall",
            "upper_eyelid",
            "lower_eyelid",
            "eyebrow",
            "temple",
            "cheek",
            "ear",
            "jaw",
        ):
            assert f"{site}--{side}" in face
    assert {"nasal_tip", "nasal_dorsum", "forehead", "upper_lip", "lower_lip", "chin"} <= face


def _bilateral_pairs(figure: Figure) -> list[tuple[str, str]]:
    """(patient's left, patient's right) element ids of the same site, digit and view."""
    by_key = {(r.site, r.laterality, r.digit, r.view): r.element_id for r in figure.regions}
    return [
        (element_id, by_key[(site, RIGHT, digit, view)])
        for (site, side, digit, view), element_id in by_key.items()
        if side == LEFT and (site, RIGHT, digit, view) in by_key
    ]


@pytest.mark.parametrize(
    ("name", "left_is_on_viewers_right"),
    [("front", True), ("face", True), ("back", False), ("hands", True), ("feet", True)],
)
def test_the_patients_left_is_drawn_on_the_correct_side(
    name: str, left_is_on_viewers_right: bool
) -> None:
    """Front and face: the patient faces us, so their left is on our right; back: on our left.
    Hands and feet put the right one in the left column."""
    figure = FIGURES[name]
    rings = _region_rings(figure)
    pairs = _bilateral_pairs(figure)
    assert len(pairs) >= 9
    for left_id, right_id in pairs:
        left_x, right_x = _centre(rings[left_id])[0], _centre(rings[right_id])[0]
        assert (left_x > right_x) == left_is_on_viewers_right, (left_id, left_x, right_x)


# Which side of the little finger (little toe) the thumb (great toe) lies on, as drawn: hands
# hang palm forward in the front view (thumbs lateral), each detail drawing has its fingers up.
THUMB_LEFT_OF_LITTLE = [
    ("front", "finger", LEFT, None, False),
    ("front", "finger", RIGHT, None, True),
    ("back", "finger", LEFT, None, True),
    ("back", "finger", RIGHT, None, False),
    ("hands", "finger", RIGHT, "dorsal", True),
    ("hands", "finger", LEFT, "dorsal", False),
    ("hands", "finger", RIGHT, "palmar", False),
    ("hands", "finger", LEFT, "palmar", True),
    ("front", "toe", RIGHT, None, False),
    ("front", "toe", LEFT, None, True),
    ("feet", "toe", RIGHT, "dorsal", True),
    ("feet", "toe", LEFT, "dorsal", False),
    ("feet", "toe", RIGHT, "plantar", False),
    ("feet", "toe", LEFT, "plantar", True),
]


@pytest.mark.parametrize(("name", "site", "side", "view", "thumb_left"), THUMB_LEFT_OF_LITTLE)
def test_digits_are_in_anatomical_order(
    name: str, site: str, side: Laterality, view: str | None, thumb_left: bool
) -> None:
    figure = FIGURES[name]
    rings = _region_rings(figure)
    xs = {
        r.digit or 0: _centre(rings[r.element_id])[0]
        for r in figure.regions
        if (r.site, r.laterality, r.view) == (site, side, view)
    }
    assert sorted(xs) == [1, 2, 3, 4, 5]
    order = sorted(xs, key=xs.__getitem__)
    expected = [1, 2, 3, 4, 5] if thumb_left else [5, 4, 3, 2, 1]
    assert order == expected


@pytest.mark.parametrize("name", ["front", "back", "face", "hands", "feet"])
def test_regions_do_not_hide_one_another(name: str) -> None:
    """On a grid over each region, almost no point lies in two regions, and each region keeps
    points that are its own (so each can be clicked)."""
    rings = _region_rings(FIGURES[name])
    boxes = {}
    for element_id, region_rings in rings.items():
        points = [p for ring in region_rings for p in ring]
        xs, ys = [x for x, _ in points], [y for _, y in points]
        boxes[element_id] = (min(xs), min(ys), max(xs), max(ys))
    for element_id, (x0, y0, x1, y1) in boxes.items():
        step = min(3.0, (x1 - x0) / 6, (y1 - y0) / 6)  # small regions get a finer grid
        own = shared = 0
        y = y0 + step / 2
        while y < y1:
            x = x0 + step / 2
            while x < x1:
                if _inside((x, y), rings[element_id]):
                    others = [
                        other
                        for other, (a, b, c, d) in boxes.items()
                        if other != element_id
                        and a <= x <= c
                        and b <= y <= d
                        and _inside((x, y), rings[other])
                    ]
                    shared += bool(others)
                    own += not others
                x += step
            y += step
        assert own >= 1, f"{element_id} is covered by other regions"
        assert shared <= max(1, 0.05 * (own + shared)), f"{element_id} overlaps its neighbours"


def test_regions_for_site_finds_every_drawing_of_a_site() -> None:
    found = {(f.name, element_id) for f, element_id in regions_for_site("finger", "left", 2)}
    assert found == {
        ("front", "finger--left--2"),
        ("back", "finger--left--2"),
        ("hands", "finger--left--2--dorsal"),
        ("hands", "finger--left--2--palmar"),
    }
    assert {f.name for f, _ in regions_for_site("cheek", LEFT)} == {"front", "face"}
    assert [(f.name, e) for f, e in regions_for_site("nose")] == [("front", "nose")]
    assert regions_for_site("cheek") == []  # a sided site needs its side
    assert len(regions_for_site("toe", RIGHT)) == 5 + 10  # front, feet dorsal and plantar


@pytest.mark.parametrize(
    ("element_id", "expected"),
    [
        ("nose", ("nose", None, None)),
        ("nasal_ala--left", ("nasal_ala", LEFT, None)),
        ("cheek--right", ("cheek", RIGHT, None)),
        ("finger--left--2", ("finger", LEFT, 2)),
        ("toe--right--1", ("toe", RIGHT, 1)),
        ("toe--right--1--plantar", ("toe", RIGHT, 1)),
        ("wrist--left--palmar", ("wrist", LEFT, None)),
    ],
)
def test_parse_region_id(element_id: str, expected: tuple[object, ...]) -> None:
    assert parse_region_id(element_id) == expected


@pytest.mark.parametrize(
    ("element_id", "complaint"),
    [
        ("elbowz--left", "not a site"),
        ("outline", "not a site"),
        ("cheek", "needs a side"),
        ("nose--left", "has no side"),
        ("finger--left", "needs a digit"),
        ("finger--left--6", "needs a digit"),
        ("cheek--left--2", "has no digit"),
        ("cheek--left--upper", "unexpected part 'upper'"),
        ("finger--2--left", "unexpected part 'left'"),
    ],
)
def test_parse_region_id_rejects_unknown_ids_clearly(element_id: str, complaint: str) -> None:
    with pytest.raises(ValueError, match=complaint) as caught:
        parse_region_id(element_id)
    assert repr(element_id) in str(caught.value)


def _svg(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "test.svg"
    path.write_text(f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">{body}</svg>')
    return path


@pytest.mark.parametrize(
    ("body", "complaint"),
    [
        ('<path class="region" d="M0 0 L1 1 Z"/>', "a region has no id"),
        ('<path id="nose" class="region"/><path id="nose" class="region"/>', "appears twice"),
        ('<path id="nosee" class="region"/>', "'nosee' is not a site"),
        ("<svg", "cannot read"),
    ],
)
def test_read_figure_names_the_drawing_and_the_problem(
    tmp_path: Path, body: str, complaint: str
) -> None:
    with pytest.raises(ValueError, match=complaint) as caught:
        read_figure("test", "Test", _svg(tmp_path, body))
    assert "test.svg" in str(caught.value)


def test_read_figure_reads_regions_in_groups_and_ignores_decoration(tmp_path: Path) -> None:
    figure = read_figure(
        "test",
        "Test",
        _svg(
            tmp_path,
            '<g id="ear--left" class="region"><path d="M0 0 L1 0 L1 1 Z"/></g>'
            '<path class="outline" d="M0 0 L2 2 Z"/><text>L</text>',
        ),
    )
    assert [(r.element_id, r.site, r.laterality) for r in figure.regions] == [
        ("ear--left", "ear", LEFT)
    ]
    assert figure.region("ear--left") is figure.regions[0]
    assert figure.region("outline") is None


def test_a_region_names_itself_from_the_patients_side_and_shows_recorded_sites() -> None:
    ala = parse_region("nasal_ala--left")
    assert ala.label == "patient's left nasal ala"
    assert ala.matches("nasal_ala", Laterality.LEFT, None)
    assert not ala.matches("nasal_ala", Laterality.RIGHT, None)
    finger = parse_region("finger--right--3--palmar")
    assert finger.view == "palmar" and "right" in finger.label
    assert finger.matches("finger", Laterality.RIGHT, 3)
    assert finger.matches("finger", Laterality.RIGHT, None)  # recorded without its digit
    assert not finger.matches("finger", Laterality.RIGHT, 2)
