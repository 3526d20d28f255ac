"""Geometry helpers and the SVG writer shared by the body-map figures."""

import itertools
import math

from shapely import affinity
from shapely.geometry import GeometryCollection, LineString, MultiPolygon, Point, Polygon
from shapely.geometry.polygon import orient
from shapely.ops import unary_union

SKIN = "#f5e3d5"
REGION_STROKE = "#c8a792"
OUTLINE = "#7a5a48"
DECOR = "#9c7a66"
LABEL = "#5d4a3f"


def catmull(points, closed=True, samples=12):
    pts = list(points)
    n = len(pts)
    out = []
    rng = range(n) if closed else range(n - 1)
    for i in rng:
        p0 = pts[(i - 1) % n] if closed or i > 0 else pts[0]
        p1 = pts[i]
        p2 = pts[(i + 1) % n]
        p3 = pts[(i + 2) % n] if closed or i + 2 < n else pts[-1]
        for k in range(samples):
            t = k / samples
            t2, t3 = t * t, t * t * t
            x = 0.5 * (
                (2 * p1[0])
                + (-p0[0] + p2[0]) * t
                + (2 * p0[0] - 5 * p1[0] + 4 * p2[0] - p3[0]) * t2
                + (-p0[0] + 3 * p1[0] - 3 * p2[0] + p3[0]) * t3
            )
            y = 0.5 * (
                (2 * p1[1])
                + (-p0[1] + p2[1]) * t
                + (2 * p0[1] - 5 * p1[1] + 4 * p2[1] - p3[1]) * t2
                + (-p0[1] + 3 * p1[1] - 3 * p2[1] + p3[1]) * t3
            )
            out.append((x, y))
    if not closed:
        out.append(pts[-1])
    return out


def smooth(points, samples=12):
    return Polygon(catmull(points, True, samples)).buffer(0)


def smooth_line(points, samples=12):
    return LineString(catmull(points, False, samples))


def capsule(points, radii):
    parts = []
    circles = list(zip(points, radii, strict=True))
    for (a, ra), (b, rb) in itertools.pairwise(circles):
        parts.append(unary_union([Point(a).buffer(ra, 48), Point(b).buffer(rb, 48)]).convex_hull)
    return unary_union(parts)


def ellipse(cx, cy, rx, ry, rot=0):
    e = affinity.scale(Point(0, 0).buffer(1, 64), rx, ry)
    e = affinity.rotate(e, rot, origin=(0, 0))
    return affinity.translate(e, cx, cy)


def mirror(g, cx):
    return affinity.scale(g, -1, 1, origin=(cx, 0))


def quad(a, b, c, d):
    return Polygon([a, b, c, d])


def polys(g):
    if g.is_empty:
        return []
    if isinstance(g, Polygon):
        return [g]
    if isinstance(g, (MultiPolygon, GeometryCollection)):
        return [p for x in g.geoms for p in polys(x)]
    return []


def clean(g, min_area=1.0):
    ps = [p for p in polys(g.buffer(0)) if p.area >= min_area]
    return unary_union(ps) if ps else Polygon()


def fmt(v):
    s = f"{v:.1f}"
    return s[:-2] if s.endswith(".0") else s


def ring_d(coords):
    pts = list(coords)
    if pts[0] == pts[-1]:
        pts = pts[:-1]
    parts = [f"M{fmt(pts[0][0])} {fmt(pts[0][1])}"]
    parts += [f"L{fmt(x)} {fmt(y)}" for x, y in pts[1:]]
    return " ".join(parts) + " Z"


def path_d(g, tol=0.12):
    out = []
    for p in polys(g.simplify(tol, preserve_topology=True)):
        p = orient(p)  # outer rings counter-clockwise, holes clockwise (and fill-rule evenodd)
        out.append(ring_d(p.exterior.coords))
        for hole in p.interiors:
            out.append(ring_d(hole.coords))
    return " ".join(out)


def line_d(line):
    pts = list(line.coords)
    return f"M{fmt(pts[0][0])} {fmt(pts[0][1])} " + " ".join(
        f"L{fmt(x)} {fmt(y)}" for x, y in pts[1:]
    )


def slab_cuts(axis, positions, half_width=80):
    """Cut lines perpendicular to a polyline axis at the given arc lengths."""
    line = LineString(axis)
    cuts = []
    for s in positions:
        s = max(0.0, min(line.length, s))
        p = line.interpolate(s)
        q = line.interpolate(min(line.length, s + 1.0)) if s < line.length else p
        r = line.interpolate(max(0.0, s - 1.0))
        dx, dy = q.x - r.x, q.y - r.y
        n = math.hypot(dx, dy) or 1.0
        nx, ny = -dy / n, dx / n
        cuts.append(
            (
                (p.x - nx * half_width, p.y - ny * half_width),
                (p.x + nx * half_width, p.y + ny * half_width),
            )
        )
    return cuts


def slab(cuts, i):
    (a, b), (c, d) = cuts[i], cuts[i + 1]
    return Polygon([a, b, d, c]).buffer(0)


def extend_cut(cut, along, dist):
    """Move a cut line along direction `along` (unit vector) by dist (to open the end slabs)."""
    (a, b) = cut
    return (
        (a[0] + along[0] * dist, a[1] + along[1] * dist),
        (b[0] + along[0] * dist, b[1] + along[1] * dist),
    )


class Figure:
    def __init__(self, name, width, height, title, desc):
        self.name, self.width, self.height, self.title, self.desc = name, width, height, title, desc
        self.regions = []  # (id, geom)
        self.claimed = Polygon()
        self.decor = []  # raw svg strings, drawn above regions
        self.under = []  # raw svg strings, drawn below regions
        self.fills = {}  # region id prefix -> fill colour

    def claim(self, rid, shape, min_area=2.0):
        g = clean(shape.difference(self.claimed), min_area)
        if g.is_empty:
            raise SystemExit(f"{self.name}: region {rid} is empty")
        assert rid not in [r for r, _ in self.regions], rid
        self.regions.append((rid, g))
        self.claimed = unary_union([self.claimed, g])
        return g

    def absorb_islands(self, max_fraction=0.05):
        """Give each small stray piece of a region to the neighbour it shares most border with."""
        for index, (rid, g) in enumerate(self.regions):
            parts = polys(g)
            if len(parts) < 2:
                continue
            main_area = max(p.area for p in parts)
            for part in [p for p in parts if p.area < main_area * max_fraction]:
                edge = part.exterior.buffer(0.6)
                best = max(
                    (j for j in range(len(self.regions)) if j != index),
                    key=lambda j: self.regions[j][1].intersection(edge).area,
                )
                other_id, other = self.regions[best]
                self.regions[best] = (other_id, unary_union([other, part]).buffer(0))
                g = g.difference(part)
            self.regions[index] = (rid, g)

    def silhouette(self):
        return unary_union([g for _, g in self.regions])

    def svg(self, outline_groups=None):
        lines = [
            '<?xml version="1.0" encoding="UTF-8"?>',
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {self.width} {self.height}" '
            f'width="{self.width}" height="{self.height}">',
            f"  <title>{self.title}</title>",
            f"  <desc>{self.desc}</desc>",
        ]
        lines += ["  " + s for s in self.under]
        lines.append('  <g class="regions">')
        for rid, g in self.regions:
            fill = next((c for k, c in self.fills.items() if rid.startswith(k)), SKIN)
            lines.append(
                f'    <path id="{rid}" class="region" fill="{fill}" stroke="{REGION_STROKE}" '
                f'stroke-width="0.8" stroke-linejoin="round" fill-rule="evenodd" d="{path_d(g)}"/>'
            )
        lines.append("  </g>")
        groups = outline_groups or [self.silhouette()]
        lines.append(
            '  <g class="decor" fill="none" stroke-linejoin="round" stroke-linecap="round">'
        )
        for grp in groups:
            sil = clean(grp.buffer(0.05), 5)
            d = " ".join(ring_d(p.exterior.coords) for p in polys(sil.simplify(0.12)))
            lines.append(
                f'    <path class="outline" stroke="{OUTLINE}" stroke-width="1.5" d="{d}"/>'
            )
        lines += ["    " + s for s in self.decor]
        lines.append("  </g>")
        lines.append("</svg>")
        return "\n".join(lines) + "\n"

    def report(self, body=None):
        print(self.name, len(self.regions), "regions")
        if body is not None:
            left = body.difference(self.claimed)
            if left.area > 1:
                print(
                    "  UNCLAIMED area",
                    round(left.area, 1),
                    [
                        tuple(round(c) for c in p.representative_point().coords[0])
                        for p in polys(left)
                        if p.area > 1
                    ],
                )


def text(x, y, s, size=13, anchor="start", weight="normal", fill=LABEL):
    return (
        f'<text x="{fmt(x)}" y="{fmt(y)}" font-family="sans-serif" font-size="{size}" '
        f'font-weight="{weight}" text-anchor="{anchor}" fill="{fill}" stroke="none">{s}</text>'
    )


def dot(cx, cy, r, fill, stroke="none"):
    return (
        f'<circle class="detail" cx="{fmt(cx)}" cy="{fmt(cy)}" r="{fmt(r)}" fill="{fill}" '
        f'stroke="{stroke}" stroke-width="0.8"/>'
    )


def decor_path(d, width=1.0, color=DECOR, fill="none"):
    return f'<path class="detail" stroke="{color}" stroke-width="{width}" fill="{fill}" d="{d}"/>'
