"""The detail figures, 600 x 600: face (frontal), hands (back and palm), feet (top and sole)."""

# Coordinate tables read better packed: the formatter leaves this file alone (lint applies).
# fmt: off

import math

from drawing import (
    DECOR,
    OUTLINE,
    REGION_STROKE,
    Figure,
    capsule,
    catmull,
    decor_path,
    dot,
    ellipse,
    fmt,
    line_d,
    mirror,
    path_d,
    smooth,
    smooth_line,
    text,
)
from shapely import affinity
from shapely.geometry import Polygon, box
from shapely.ops import unary_union

CX = 300
LH = box(-100, -100, CX, 1000)


def m(g):
    return mirror(g, CX)


def bilateral(fig, site, shape_left, vl="right"):
    other = "left" if vl == "right" else "right"
    fig.claim(f"{site}--{vl}", shape_left)
    fig.claim(f"{site}--{other}", m(shape_left))


HEAD_HALF = [
    (300, 42), (250, 48), (207, 70), (180, 110), (167, 165), (165, 222), (169, 282), (177, 338),
    (191, 392), (212, 434), (240, 476), (270, 501), (300, 509),
]
HEAD = smooth(HEAD_HALF + [(600 - x, y) for x, y in reversed(HEAD_HALF[1:-1])], 10)
EAR = smooth(
    [
        (172, 236), (156, 226), (142, 234), (136, 262), (138, 294), (145, 320), (155, 340),
        (167, 348), (176, 334),
    ],
    10,
)
NECK = smooth(
    [
        (226, 430), (223, 520), (220, 570), (216, 640), (384, 640), (380, 570), (377, 520),
        (374, 430),
    ],
    6,
) & box(0, 0, 600, 600)
MOUTH = [(240, 426), (254, 423.5), (272, 418.5), (286, 419), (300, 422.5), (314, 419), (328, 418.5),
         (346, 423.5), (360, 426)]  # fmt: skip
EYE = smooth(
    [
        (211, 251), (228, 240), (248, 236), (268, 241), (283, 255), (266, 263), (246, 266),
        (226, 261),
    ],
    10,
)


def face():
    fig = Figure(
        "face",
        600,
        600,
        "Body map: face and head (frontal view)",
        "dermcharge body map, face detail. Each clickable region has class region and an id "
        "site[--side]; side is the patient's: the patient's right is on the viewer's left.",
    )
    fig.claim(
        "scalp",
        HEAD
        & Polygon(
            [
                (140, 0), (460, 0), (460, 225), (434, 214), (426, 156), (400, 118), (350, 101),
                (300, 97), (250, 101), (200, 118), (174, 156), (166, 214), (140, 225),
            ]
        ),
    )
    brow = capsule(
        [(209, 214), (226, 203), (248, 196), (270, 197), (287, 205)], [2.5, 4.8, 6, 6.5, 6.2]
    )
    fig.fills["eyebrow"] = "#e2c7b2"
    bilateral(fig, "eyebrow", brow)
    blocked = EYE | m(EYE)
    fig.claimed = fig.claimed | blocked
    above = Polygon(
        [(150, 150), (300, 150), (300, 256), (283, 255), (248, 251), (211, 251), (150, 251)]
    )
    bilateral(fig, "upper_eyelid", ellipse(247, 244, 46, 30) & above)
    bilateral(fig, "lower_eyelid", (ellipse(247, 260, 43, 21) & LH) - above)
    fig.claim(
        "nasal_tip",
        smooth(
            [
                (300, 328), (312, 333), (318, 348), (315, 364), (307, 374), (300, 376), (293, 374),
                (285, 364), (282, 348), (288, 333),
            ],
            8,
        ),
    )
    bilateral(
        fig,
        "nasal_ala",
        smooth(
            [
                (283, 342), (281, 356), (286, 369), (294, 377), (284, 381), (269, 378), (261, 367),
                (262, 353), (272, 344),
            ],
            8,
        ),
    )
    fig.claim(
        "nasal_dorsum",
        smooth(
            [(291, 238), (309, 238), (310, 290), (312, 334), (300, 338), (288, 334), (290, 290)], 4
        ),
    )
    bilateral(
        fig,
        "nasal_sidewall",
        Polygon(
            [
                (291, 238), (290, 290), (288, 334), (276, 345), (262, 350), (266, 318), (276, 276),
                (284, 248),
            ]
        ),
    )
    # the two lips meet on the mouth line, which the decoration draws over their shared edge
    mouth = catmull(MOUTH, closed=False, samples=6)
    upper_edge = catmull([(360, 426), (356, 402), (340, 370), (300, 372), (260, 370), (244, 402),
                          (240, 426)], closed=False, samples=6)  # fmt: skip
    lower_edge = catmull([(360, 426), (350, 446), (300, 458), (250, 446), (240, 426)],
                         closed=False, samples=6)  # fmt: skip
    fig.claim("upper_lip", Polygon(mouth + upper_edge[1:-1]))
    fig.claim("lower_lip", Polygon(mouth + lower_edge[1:-1]))
    fig.claim(
        "chin",
        HEAD
        & smooth(
            [(250, 446), (300, 458), (350, 446), (360, 474), (356, 524), (244, 524), (240, 474)], 6
        ),
    )
    bilateral(
        fig,
        "temple",
        HEAD
        & LH
        & smooth(
            [
                (120, 150), (180, 150), (200, 176), (207, 214), (204, 250), (192, 274), (150, 290),
                (120, 290),
            ],
            6,
        ),
    )
    fig.claim("forehead", HEAD & box(150, 0, 450, 240))
    bilateral(
        fig,
        "jaw",
        HEAD
        & LH
        & Polygon([(140, 356), (172, 372), (214, 398), (244, 430), (244, 534), (140, 534)]),
    )
    bilateral(fig, "cheek", HEAD & LH)
    bilateral(fig, "ear", EAR - HEAD)
    fig.claim("neck", NECK - HEAD)
    d = []
    for s in (1, -1):

        def X(x, s=s):
            return x if s == 1 else 600 - x

        eye_d = path_d(EYE if s == 1 else m(EYE))
        d.append(decor_path(eye_d, 1.3, OUTLINE, "#ffffff"))
        d.append(dot(X(247), 251, 11.5, "#b59b8a", DECOR))
        d.append(dot(X(247), 251, 4.5, "#4a3a31"))
        d.append(decor_path(f"M{X(214)} 244 Q{X(247)} 222 {X(280)} 246", 0.9, REGION_STROKE))
        nostril = affinity.rotate(ellipse(X(288), 372, 6.5, 3.6), -18 * s)
        d.append(decor_path(path_d(nostril), 0, "none", "#8c6e5e"))
        d.append(
            decor_path(f"M{X(160)} 262 Q{X(146)} 262 {X(147)} 290 Q{X(149)} 318 {X(160)} 334", 1.0)
        )
        d.append(
            decor_path(f"M{X(168)} 280 Q{X(158)} 285 {X(160)} 300 Q{X(163)} 312 {X(170)} 314", 0.9)
        )
    d.append(decor_path(line_d(smooth_line(MOUTH[1:-1], 6)), 1.2, OUTLINE))

    d.append(decor_path("M293 376 Q300 379 307 376", 0.9))
    d.append(
        decor_path("M254 424 Q270 410 290 412 Q300 416 310 412 Q330 410 346 424", 0.8, "#c99a8c")
    )
    d.append(decor_path("M254 427 Q272 446 300 447 Q328 446 346 427", 0.8, "#c99a8c"))
    d.append(text(18, 30, "Face and head (frontal)", 16, "start", "bold"))
    d.append(text(64, 556, "R", 30, "middle", "bold"))
    d.append(text(64, 578, "(patient's right)", 12, "middle"))
    d.append(text(536, 556, "L", 30, "middle", "bold"))
    d.append(text(536, 578, "(patient's left)", 12, "middle"))
    fig.decor += d
    fig.report(HEAD | EAR | m(EAR) | NECK)
    return fig


# ---- hands and feet ----------------------------------------------------------------------------


def hand_parts():
    stub = smooth([(-25, 12), (25, 12), (27, -26), (30, -44), (-30, -44), (-27, -26)], 4)
    palm = smooth(
        [
            (-29, -40), (-14, -37), (4, -36), (20, -37), (30, -42), (39, -70), (44, -104),
            (42, -132), (22, -141), (-5, -145), (-27, -141), (-40, -127), (-45, -96), (-41, -66),
        ],
        8,
    )
    fingers = {
        1: capsule([(-33, -64), (-57, -94), (-76, -128)], [14, 11.5, 10]),
        2: capsule([(-26, -132), (-33, -218)], [10, 8.8]),
        3: capsule([(-5, -138), (-6, -236)], [10.3, 9.2]),
        4: capsule([(15, -135), (20, -226)], [9.8, 8.8]),
        5: capsule([(33, -124), (46, -194)], [8.8, 7.8]),
    }
    tips = {
        1: ((-76, -128), (-57, -94)),
        2: ((-33, -218), (-26, -132)),
        3: ((-6, -236), (-5, -138)),
        4: ((20, -226), (15, -135)),
        5: ((46, -194), (33, -124)),
    }
    return stub, palm, fingers, tips


def foot_parts():
    body = smooth(
        [
            (0, 0), (-20, -4), (-29, -24), (-30, -60), (-28, -95), (-34, -130), (-44, -165),
            (-46, -188), (-38, -200), (-18, -204), (0, -200), (18, -194), (32, -184), (42, -170),
            (46, -150), (42, -110), (36, -70), (31, -35), (22, -8),
        ],
        8,
    )
    toes = {
        1: capsule([(-30, -190), (-31, -231)], [13.5, 12.5]),
        2: capsule([(-5, -194), (-3, -227)], [8.5, 8.0]),
        3: capsule([(13, -188), (16, -219)], [8.0, 7.5]),
        4: capsule([(29, -178), (33, -205)], [7.5, 7.0]),
        5: capsule([(41, -164), (47, -187)], [6.8, 6.3]),
    }
    tips = {
        1: ((-31, -231), (-30, -190)),
        2: ((-3, -227), (-5, -194)),
        3: ((16, -219), (13, -188)),
        4: ((33, -205), (29, -178)),
        5: ((47, -187), (41, -164)),
    }
    return body, toes, tips


def place(g, ox, oy, flip, scale=1.0):
    g = affinity.scale(g, -scale if flip else scale, scale, origin=(0, 0))
    return affinity.translate(g, ox, oy)


def place_pt(p, ox, oy, flip, scale=1.0):
    return (ox + (-p[0] if flip else p[0]) * scale, oy + p[1] * scale)


def nail(tip, base, ox, oy, flip, scale, length, width):
    (tx, ty), (bx, by) = place_pt(tip, ox, oy, flip, scale), place_pt(base, ox, oy, flip, scale)
    ang = math.degrees(math.atan2(ty - by, tx - bx)) + 90
    n = math.hypot(tx - bx, ty - by)
    ux, uy = (tx - bx) / n, (ty - by) / n
    cx, cy = tx - ux * length * 0.85, ty - uy * length * 0.85
    shape = affinity.rotate(ellipse(cx, cy, width, length), ang)
    return decor_path(path_d(shape), 0.9, DECOR, "#fbf1ea")


CELLS = {  # (patient side, view) -> (origin x, origin y, flip)
    ("right", "dorsal"): (150, 282, False),
    ("left", "dorsal"): (450, 282, True),
    ("right", "palmar"): (150, 582, True),
    ("left", "palmar"): (450, 582, False),
}


def hands():
    fig = Figure(
        "hands",
        600,
        600,
        "Body map: hands (back and palm)",
        "dermcharge body map, hands. Each clickable region has class region and an id "
        "site--side[--digit][--view]; digit 1 is the thumb; view (dorsal or palmar) tells the "
        "two drawings of the same finger or wrist apart.",
    )
    stub, palm, fingers, tips = hand_parts()
    groups = []
    for (side, view), (ox, oy, flip) in CELLS.items():
        s = 1.0
        body_site = "hand_dorsum" if view == "dorsal" else "palm"

        def P(g, ox=ox, oy=oy, flip=flip, s=s):
            return place(g, ox, oy, flip, s)

        fig.claim(f"{body_site}--{side}", P(palm))
        fig.claim(f"wrist--{side}--{view}", P(stub))
        parts = [P(palm), P(stub)]
        for dgt in range(1, 6):
            fig.claim(f"finger--{side}--{dgt}--{view}", P(fingers[dgt]))
            parts.append(P(fingers[dgt]))
        groups.append(unary_union(parts))
        title = f"{'Right' if side == 'right' else 'Left'} hand, " + (
            "back (dorsal)" if view == "dorsal" else "palm (palmar)"
        )
        fig.decor.append(text(ox, oy - 266, title, 14, "middle", "bold"))
        if view == "dorsal":
            for dgt in range(1, 6):
                t, b = tips[dgt]
                fig.decor.append(
                    nail(t, b, ox, oy, flip, s, 9 if dgt > 1 else 10, 5.5 if dgt != 1 else 7)
                )
            for x, y in {
                2: (-27, -142),
                3: (-5, -148),
                4: (16, -144),
                5: (33, -133),
            }.values():
                px, py = place_pt((x, y), ox, oy, flip, s)
                fig.decor.append(
                    decor_path(
                        f"M{fmt(px - 4)} {fmt(py + 2)} Q{fmt(px)} {fmt(py - 1)} "
                        f"{fmt(px + 4)} {fmt(py + 2)}",
                        0.9,
                        REGION_STROKE,
                    )
                )
        else:
            crease = [
                [(-38, -118), (-8, -112), (18, -120), (40, -126)],
                [(-42, -100), (-14, -92), (10, -90)],
                [(-26, -44), (-26, -70), (-32, -96), (-40, -114)],
            ]
            for c in crease:
                pts = [place_pt(p, ox, oy, flip, s) for p in c]
                fig.decor.append(decor_path(line_d(smooth_line(pts, 8)), 0.9, REGION_STROKE))
    fig.decor.append(decor_path("M300 40 L300 580 M20 300 L580 300", 0.7, "#e2d3c8"))
    fig.report()
    return fig, groups


def feet():
    fig = Figure(
        "feet",
        600,
        600,
        "Body map: feet (top and sole)",
        "dermcharge body map, feet. Each clickable region has class region and an id "
        "site--side[--digit][--view]; digit 1 is the great toe; view (dorsal or plantar) tells "
        "the two drawings of the same toe apart.",
    )
    body, toes, tips = foot_parts()
    groups = []
    for (side, view), (ox, oy, flip) in CELLS.items():
        view = "plantar" if view == "palmar" else view
        s = 1.0

        def P(g, ox=ox, oy=oy, flip=flip, s=s):
            return place(g, ox, oy, flip, s)

        parts = [P(body)]
        if view == "dorsal":
            fig.claim(f"ankle--{side}", P(body) & box(0, oy - 42, 600, oy + 20))
            fig.claim(f"foot_dorsum--{side}", P(body))
        else:
            fig.claim(f"sole--{side}", P(body))
        for dgt in range(1, 6):
            fig.claim(f"toe--{side}--{dgt}--{view}", P(toes[dgt]))
            parts.append(P(toes[dgt]))
        groups.append(unary_union(parts))
        title = f"{'Right' if side == 'right' else 'Left'} foot, " + (
            "top (dorsal)" if view == "dorsal" else "sole (plantar)"
        )
        fig.decor.append(text(ox, oy - 264, title, 14, "middle", "bold"))
        if view == "dorsal":
            for dgt in range(1, 6):
                t, b = tips[dgt]
                fig.decor.append(
                    nail(t, b, ox, oy, flip, s, 9 if dgt > 1 else 11, 5.5 if dgt > 1 else 9)
                )
        else:
            for c in [
                [(-30, -176), (-6, -184), (20, -178), (40, -160)],
                [(-24, -40), (0, -48), (22, -40)],
            ]:
                pts = [place_pt(p, ox, oy, flip, s) for p in c]
                fig.decor.append(decor_path(line_d(smooth_line(pts, 8)), 0.9, REGION_STROKE))
    fig.decor.append(decor_path("M300 40 L300 580 M20 300 L580 300", 0.7, "#e2d3c8"))
    fig.report()
    return fig, groups
