"""The body-map drawings (resources/bodymap/*.svg) read as figures of regions named by body site.

Every clickable region of a drawing is an SVG element with `class="region"` whose id names the
site from the contract vocabulary, the patient's side and the digit, joined by `--`:

    site[--left|--right][--1..5][--dorsal|--palmar|--plantar]

`nose`, `nasal_ala--left`, `finger--left--2`, `toe--right--1--plantar`. The last token, the
view, appears only where one drawing shows the same site twice (hands.svg draws each finger on
the back and the palm; SVG ids must be unique in a document); it adds nothing to the site.
Decoration (outline, eyes, nails, labels) carries no id.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from dermcharge.anatomy.sites import describe, site_table
from dermcharge.domain.visit import Laterality
from dermcharge.resource_files import resource_path

FIGURES: tuple[tuple[str, str], ...] = (
    ("front", "Front"),
    ("back", "Back"),
    ("face", "Face"),
    ("hands", "Hands"),
    ("feet", "Feet"),
)
VIEWS = frozenset({"dorsal", "palmar", "plantar"})
DIGITS = range(1, 6)
REGION_CLASS = "region"


@dataclass(frozen=True)
class MapRegion:
    element_id: str
    site: str
    laterality: Laterality | None
    digit: int | None
    view: str | None = None  # dorsal/palmar/plantar where a drawing shows the site twice

    @property
    def label(self) -> str:
        """What the map's hover line says: "patient's left nasal ala"."""
        side = f"patient's {self.laterality.value} " if self.laterality else ""
        return side + describe(self.site, None, self.digit)

    def matches(self, site: str, laterality: Laterality | None, digit: int | None) -> bool:
        """Whether this region shows a recorded site (a site recorded without its digit shows
        on every digit's region)."""
        if (self.site, self.laterality) != (site, laterality):
            return False
        return digit is None or self.digit is None or self.digit == digit


@dataclass(frozen=True)
class Figure:
    name: str  # the file's stem: front, back, face, hands, feet
    title: str  # short, for a tab
    path: Path
    regions: tuple[MapRegion, ...] = field(repr=False)

    def region(self, element_id: str) -> MapRegion | None:
        return next((r for r in self.regions if r.element_id == element_id), None)


def parse_region_id(element_id: str) -> tuple[str, Laterality | None, int | None]:
    """`nasal_ala--left` -> ("nasal_ala", LEFT, None); ValueError naming what is wrong."""
    region = parse_region(element_id)
    return region.site, region.laterality, region.digit


def parse_region(element_id: str) -> MapRegion:
    """The region an element id names (`finger--right--3--palmar`); ValueError naming what is
    wrong."""

    def bad(why: str) -> ValueError:
        return ValueError(f"body-map region id {element_id!r}: {why}")

    site_id, *rest = element_id.split("--")
    site = site_table().get(site_id)
    if site is None:
        raise bad(f"{site_id!r} is not a site of the vocabulary")
    laterality: Laterality | None = None
    digit: int | None = None
    view: str | None = None
    if rest and rest[0] in ("left", "right"):
        laterality = Laterality(rest.pop(0))
    if rest and rest[0].isdigit():
        digit = int(rest.pop(0))
    if rest and rest[0] in VIEWS:
        view = rest.pop(0)
    if rest:
        raise bad(f"unexpected part {rest[0]!r} (expected side, digit 1-5, then view)")
    if site.sides and laterality is None:
        raise bad(f"{site_id} needs a side (--left or --right)")
    if not site.sides and laterality is not None:
        raise bad(f"{site_id} has no side")
    if site.digit and digit not in DIGITS:
        raise bad(f"{site_id} needs a digit 1-5")
    if not site.digit and digit is not None:
        raise bad(f"{site_id} has no digit")
    return MapRegion(element_id, site_id, laterality, digit, view)


def read_figure(name: str, title: str, path: Path) -> Figure:
    """One drawing's regions in document order; ValueError for a region the map cannot use."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as error:
        raise ValueError(f"body map {path.name}: cannot read the drawing ({error})") from error
    regions: list[MapRegion] = []
    seen: set[str] = set()
    for element in root.iter():
        if REGION_CLASS not in element.get("class", "").split():
            continue
        element_id = element.get("id")
        if not element_id:
            raise ValueError(f"body map {path.name}: a region has no id")
        if element_id in seen:
            raise ValueError(f"body map {path.name}: region id {element_id!r} appears twice")
        seen.add(element_id)
        try:
            regions.append(parse_region(element_id))
        except ValueError as error:
            raise ValueError(f"body map {path.name}: {error}") from error
    return Figure(name, title, path, tuple(regions))


@cache
def _figures() -> tuple[Figure, ...]:
    return tuple(
        read_figure(name, title, resource_path("bodymap", f"{name}.svg")) for name, title in FIGURES
    )


def load_figures() -> list[Figure]:
    """Front, back, face, hands and feet, in that order (read once, then cached)."""
    return list(_figures())


def regions_for_site(
    site: str, laterality: Laterality | str | None = None, digit: int | None = None
) -> list[tuple[Figure, str]]:
    """Where a recorded site is drawn, for its marker: (figure, element id) on every figure.

    Site and side must match exactly; a digit of None matches every digit of the site (a finger
    recorded without its digit still shows on the hand). A site drawn only as a whole on one
    figure (the nose on the front view, its subunits on the face) is found only there.
    """
    side = Laterality(laterality) if laterality is not None else None
    return [
        (figure, region.element_id)
        for figure in _figures()
        for region in figure.regions
        if region.site == site
        and region.laterality == side
        and (digit is None or region.digit == digit)
    ]
