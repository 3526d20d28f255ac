"""The whole-body figures: front (anterior) and back (posterior), 500 x 900.

Shapes are drawn for the viewer's left half and mirrored. In the front view the viewer's left
is the patient's right; in the back view it is the patient's left.
"""

# Coordinate tables read better packed: the formatter leaves this file alone (lint applies).
# fmt: off

import itertools
import math

from drawing import (
    DECOR,
    REGION_STROKE,
    Figure,
    capsule,
    decor_path,
    dot,
    ellipse,
    extend_cut,
    mirror,
    slab,
    slab_cuts,
    smooth,
    text,
)
from shapely.geometry import Polygon, box

CX = 250
LEFT_HALF = box(-100, -100, CX, 1000)


def m(g):
    return mirror(g, CX)


HEAD = smooth(
    [
        (250, 22), (231, 25), (216, 36), (209, 55), (210, 78), (214, 96), (222, 110), (236, 121),
        (250, 125), (264, 121), (278, 110), (286, 96), (290, 78), (291, 55), (284, 36), (269, 25),
    ],
    10,
)
EAR = ellipse(208.5, 79, 6.2, 12.5, 8)
NECK = smooth(
    [
        (237, 108), (235, 134), (229, 151), (226, 160), (274, 160), (271, 151), (265, 134),
        (263, 108),
    ],
    6,
)
TORSO_HALF = [
    (250, 145), (232, 148), (212, 153), (192, 159), (177, 168), (169, 183), (173, 200), (182, 213),
    (186, 240), (189, 272), (193, 302), (195, 326), (190, 356), (184, 386), (181, 410), (186, 432),
    (204, 450), (232, 460), (250, 462),
]
TORSO = smooth(TORSO_HALF + [(500 - x, y) for x, y in reversed(TORSO_HALF[1:-1])], 8)

ARM_AXIS = [(183, 180), (171, 205), (160, 250), (150, 292), (141, 330), (132, 370), (124, 410)]
ARM_R = [20, 18.5, 15.5, 12.8, 13.6, 11.2, 8.6]
ARM = capsule(ARM_AXIS, ARM_R)

LEG_AXIS = [
    (213, 422), (215, 520), (220, 610), (222, 645), (223, 690), (221, 732), (225, 790), (228, 838),
]
LEG_R = [36, 29.5, 21, 19.5, 19.5, 20.5, 13.5, 10.5]
LEG = capsule(LEG_AXIS, LEG_R)


def whole_body():
    return HEAD | NECK | TORSO | ARM | m(ARM) | LEG | m(LEG)


def arclen(axis, idx):
    return sum(math.dist(a, b) for a, b in itertools.pairwise(axis[: idx + 1]))


HAND_SCALE = 1.18


def hand_frame():
    (x0, y0), (x1, y1) = ARM_AXIS[-2], ARM_AXIS[-1]
    n = math.hypot(x1 - x0, y1 - y0)
    u = ((x1 - x0) / n, (y1 - y0) / n)
    v = (-u[1], u[0])  # points medially (+x) for the viewer-left arm
    if v[0] < 0:
        v = (-v[0], -v[1])
    ox, oy = x1, y1

    def to_xy(pt):
        a, b = pt[0] * HAND_SCALE, pt[1] * HAND_SCALE
        return (ox + u[0] * a + v[0] * b, oy + u[1] * a + v[1] * b)

    return to_xy


def hand_shapes():
    T = hand_frame()
    palm = smooth(
        [
            T(p)
            for p in [
                (0, -9.5), (1, 9), (14, 11.5), (30, 12.5), (44, 12), (49, 9), (51.5, 2), (51, -6),
                (48, -11.5), (36, -13.5), (20, -13),
            ]
        ],
        8,
    )
    k = HAND_SCALE
    fingers = {
        1: capsule([T((18, -11)), T((29, -18)), T((38, -21.5))], [4.4 * k, 3.7 * k, 3.2 * k]),
        2: capsule([T((46, -7.6)), T((72, -10))], [3.05 * k, 2.75 * k]),
        3: capsule([T((48, -1.6)), T((77, -2.4))], [3.15 * k, 2.85 * k]),
        4: capsule([T((47, 4.5)), T((74.5, 6.2))], [3.05 * k, 2.75 * k]),
        5: capsule([T((43, 10)), T((63, 13.2))], [2.75 * k, 2.45 * k]),
    }
    return palm, fingers


FOOT = smooth(
    [
        (218, 836), (238, 836), (242, 850), (247, 863), (246, 874), (232, 877), (214, 873),
        (209, 865), (213, 849),
    ],
    8,
)
TOES = {
    1: capsule([(240.5, 870), (241.5, 884)], [4.3, 4.0]),
    2: capsule([(233.2, 872), (233.5, 883)], [3.1, 2.9]),
    3: capsule([(226.8, 871), (226.3, 881)], [2.9, 2.7]),
    4: capsule([(220.8, 869), (219.8, 878)], [2.7, 2.5]),
    5: capsule([(215.4, 866), (213.8, 874)], [2.4, 2.2]),
}
HEEL = smooth(
    [
        (218, 836), (238, 836), (242, 852), (241, 868), (233, 878), (223, 878), (215, 868),
        (214, 852),
    ],
    8,
)


def limb_slabs(axis, named_positions, first_extra=-80):
    """named_positions: list of (name, start_s); the last item is (None, end_s)."""
    ss = [s for _, s in named_positions]
    ss[0] += first_extra
    cuts = slab_cuts(axis, [max(s, 0) for s in ss], 90)
    # extend the first cut backwards along the axis direction at the start
    (x0, y0), (x1, y1) = axis[0], axis[1]
    n = math.hypot(x1 - x0, y1 - y0)
    if named_positions[0][1] + first_extra < 0:
        along = ((x1 - x0) / n, (y1 - y0) / n)
        cuts[0] = extend_cut(cuts[0], along, named_positions[0][1] + first_extra)
    out = {}
    for i, (name, _) in enumerate(named_positions[:-1]):
        out[name] = slab(cuts, i)
    return out


def arm_slabs():
    e = arclen(ARM_AXIS, 3)
    w = arclen(ARM_AXIS, 6)
    return limb_slabs(
        ARM_AXIS,
        [
            ("shoulder", 0),
            ("upper_arm", 40),
            ("elbow", e - 13),
            ("forearm", e + 13),
            ("wrist", w - 13),
            (None, w + 4),
        ],
        -40,
    )


def leg_slabs():
    k = arclen(LEG_AXIS, 3)
    a = arclen(LEG_AXIS, 7)
    return limb_slabs(
        LEG_AXIS,
        [("thigh", 0), ("knee", k - 23), ("lower_leg", k + 22), ("ankle", a - 20), (None, a + 3)],
        -90,
    )


def bilateral(fig, site, shape_left, viewer_left_side):
    """Claim a site on both sides: shape_left is drawn for the viewer's left half."""
    other = "left" if viewer_left_side == "right" else "right"
    fig.claim(f"{site}--{viewer_left_side}", shape_left)
    fig.claim(f"{site}--{other}", m(shape_left))


def common_limbs(fig, vl, hand_site, back):
    palm, fingers = hand_shapes()
    bilateral(fig, hand_site, palm, vl)
    other = "left" if vl == "right" else "right"
    for d in range(1, 6):
        fig.claim(f"finger--{vl}--{d}", fingers[d])
        fig.claim(f"finger--{other}--{d}", m(fingers[d]))
    if back:
        bilateral(fig, "sole", HEEL, vl)
    else:
        bilateral(fig, "foot_dorsum", FOOT, vl)
        for d in range(1, 6):
            fig.claim(f"toe--{vl}--{d}", TOES[d])
            fig.claim(f"toe--{other}--{d}", m(TOES[d]))


FOREHEAD_Y = 64


def flank_band(top=262):
    inner = TORSO.buffer(-19, 64)
    return (TORSO - inner) & LEFT_HALF & box(0, top, 500, 372)


def hip_band(body_l, width=17):
    lower = (TORSO | LEG) & LEFT_HALF
    return (lower - lower.buffer(-width, 64)) & box(0, 372, 212, 478)


def front():
    fig = Figure(
        "front",
        500,
        900,
        "Body map: front (anterior view)",
        "dermcharge body map, anterior view. Each clickable region has class region and an id "
        "site[--side][--digit]; side is the patient's. In this view the patient's right is on "
        "the viewer's left.",
    )
    vl = "right"
    # head
    fig.claim(
        "scalp",
        HEAD
        & smooth(
            [
                (180, -10), (320, -10), (312, 62), (287, 46), (270, 40), (250, 39), (230, 40),
                (213, 46), (188, 62),
            ],
            6,
        ),
    )
    bilateral(fig, "temple", (HEAD - HEAD.buffer(-11, 64)) & LEFT_HALF & box(0, 40, 250, 84), vl)
    fig.claim("forehead", HEAD & box(200, 20, 300, FOREHEAD_Y))
    fig.claim(
        "nose",
        smooth(
            [
                (247, 63), (253, 63), (255, 85), (261, 95), (258, 100.5), (242, 100.5), (239, 95),
                (245, 85),
            ],
            6,
        ),
    )
    fig.claim(
        "upper_lip",
        HEAD & smooth([(238, 100.5), (262, 100.5), (266, 108), (250, 108.6), (234, 108)], 5),
    )
    fig.claim(
        "lower_lip",
        HEAD & smooth([(234, 108), (250, 108.6), (266, 108), (262, 114.5), (238, 114.5)], 5),
    )
    fig.claim(
        "chin",
        HEAD
        & smooth([(238, 114.5), (262, 114.5), (266, 122), (262, 130), (238, 130), (234, 122)], 5),
    )
    bilateral(
        fig, "jaw", HEAD & LEFT_HALF & Polygon([(190, 96), (232, 103), (236, 132), (190, 132)]), vl
    )
    bilateral(fig, "cheek", HEAD & LEFT_HALF & box(190, FOREHEAD_Y, 250, 132), vl)
    bilateral(fig, "ear", EAR, vl)
    fig.claim("neck", NECK)
    common_limbs(fig, vl, "palm", back=False)
    arms = arm_slabs()
    body_l = (TORSO | ARM | LEG) & LEFT_HALF
    bilateral(fig, "axilla", body_l & ellipse(185, 214, 5.5, 12, -14), vl)
    bilateral(
        fig,
        "shoulder",
        (ARM & arms["shoulder"])
        | (
            TORSO
            & LEFT_HALF
            & Polygon([(120, 120), (207, 120), (203, 156), (196, 175), (188, 198), (120, 215)])
        ),
        vl,
    )
    for name in ("upper_arm", "elbow", "forearm", "wrist"):
        bilateral(fig, name, ARM & arms[name], vl)
    bilateral(fig, "breast", ellipse(219, 233, 22, 18.5), vl)
    fig.claim("chest", TORSO & box(0, 0, 500, 262))
    fig.claim(
        "genitalia",
        smooth(
            [
                (250, 426), (259, 432), (262, 447), (257, 460), (250, 463), (243, 460), (238, 447),
                (241, 432),
            ],
            6,
        ),
    )
    bilateral(
        fig,
        "groin",
        body_l & Polygon([(202, 386), (214, 383), (249, 430), (249, 470), (236, 466)]),
        vl,
    )
    bilateral(fig, "hip", hip_band(body_l), vl)
    bilateral(fig, "flank", flank_band(), vl)
    fig.claim(
        "abdomen",
        TORSO
        & (
            Polygon([(204, 262), (250, 262), (250, 432), (214, 383), (203, 372)])
            | m(Polygon([(204, 262), (250, 262), (250, 432), (214, 383), (203, 372)]))
        ),
    )
    legs = leg_slabs()
    for name in ("thigh", "knee", "lower_leg", "ankle"):
        bilateral(fig, name, body_l & legs[name], vl)
    # decoration: face features, navel, nipples, labels
    d = []
    for s in (1, -1):
        ex = CX - 17 * s
        d.append(
            decor_path(
                f"M{ex - 6.5} 75 Q{ex} 70.5 {ex + 6.5} 75 Q{ex} 78.5 {ex - 6.5} 75 Z",
                0.9,
                DECOR,
                "#ffffff",
            )
        )
        d.append(f'<circle class="detail" cx="{ex}" cy="74.8" r="2" fill="{DECOR}" stroke="none"/>')
        d.append(decor_path(f"M{ex - 8} 68 Q{ex} 63.5 {ex + 8} 67.5", 1.3))
        d.append(dot(CX - 19 * s, 234, 1.6, DECOR))
    d.append(decor_path("M244 97.5 Q250 100.5 256 97.5", 0.8))
    d.append(decor_path("M240 108.2 Q250 110 260 108.2", 1.0))
    d.append(decor_path("M248 330 A2 2 0 1 0 252 330 A2 2 0 1 0 248 330 Z", 1.0))
    d.append(decor_path("M214 156 Q232 160 246 157 M286 156 Q268 160 254 157", 0.8, REGION_STROKE))
    for s in (1, -1):
        kx = CX - 28 * s
        d.append(decor_path(f"M{kx - 8} 650 Q{kx} 658 {kx + 8} 650", 0.8, REGION_STROKE))
    fig.decor += d
    labels(fig, "Front (anterior)", "R", "patient's right", "L", "patient's left")
    return fig


def labels(fig, title, lch, ltxt, rch, rtxt):
    fig.decor.append(text(14, 28, title, 15, "start", "bold"))
    fig.decor.append(text(52, 600, lch, 30, "middle", "bold"))
    fig.decor.append(text(52, 620, f"({ltxt})", 12, "middle"))
    fig.decor.append(text(448, 600, rch, 30, "middle", "bold"))
    fig.decor.append(text(448, 620, f"({rtxt})", 12, "middle"))


def back():
    fig = Figure(
        "back",
        500,
        900,
        "Body map: back (posterior view)",
        "dermcharge body map, posterior view. Each clickable region has class region and an id "
        "site[--side][--digit]; side is the patient's. In this view the patient's left is on "
        "the viewer's left.",
    )
    vl = "left"
    fig.claim("scalp", HEAD)
    bilateral(fig, "ear", EAR, vl)
    fig.claim("neck", NECK)
    common_limbs(fig, vl, "hand_dorsum", back=True)
    arms = arm_slabs()
    body_l = (TORSO | ARM | LEG) & LEFT_HALF
    bilateral(
        fig,
        "shoulder",
        (ARM & arms["shoulder"])
        | (
            TORSO
            & LEFT_HALF
            & Polygon([(120, 120), (207, 120), (203, 156), (196, 175), (188, 198), (120, 215)])
        ),
        vl,
    )
    for name in ("upper_arm", "elbow", "forearm", "wrist"):
        bilateral(fig, name, ARM & arms[name], vl)
    fig.claim("upper_back", TORSO & box(0, 0, 500, 258))
    bilateral(fig, "flank", flank_band(258), vl)
    fig.claim("mid_back", TORSO & box(150, 258, 350, 322))
    fig.claim("perianal", ellipse(250, 452, 7, 9.5))
    bilateral(fig, "hip", hip_band(body_l, 14), vl)
    buttock = smooth(
        [
            (250, 392), (222, 386), (200, 392), (189, 412), (189, 440), (198, 462), (222, 474),
            (249, 470),
        ],
        8,
    )
    bilateral(
        fig,
        "buttock",
        body_l & (buttock | Polygon([(235, 390), (250, 390), (250, 470), (235, 470)])),
        vl,
    )
    fig.claim("lower_back", TORSO & box(150, 322, 350, 400))
    legs = leg_slabs()
    for name in ("thigh", "knee", "lower_leg", "ankle"):
        bilateral(fig, name, body_l & legs[name], vl)
    d = [decor_path("M250 170 L250 380", 0.8, REGION_STROKE)]
    for s in (1, -1):
        d.append(
            decor_path(
                f"M{CX - 12 * s} 196 Q{CX - 30 * s} 186 {CX - 48 * s} 190 "
                f"Q{CX - 40 * s} 222 {CX - 20 * s} 240",
                0.8,
                REGION_STROKE,
            )
        )
        d.append(
            decor_path(
                f"M{CX - 37 * s} 645 Q{CX - 28 * s} 641 {CX - 19 * s} 645", 0.8, REGION_STROKE
            )
        )
    d.append(decor_path("M250 400 L250 442", 1.0))
    for s in (1, -1):
        d.append(decor_path(f"M{CX - 4 * s} 466 Q{CX - 26 * s} 476 {CX - 48 * s} 468", 0.9))
    fig.decor += d
    labels(fig, "Back (posterior)", "L", "patient's left", "R", "patient's right")
    return fig
