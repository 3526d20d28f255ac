"""Renders body-map SVGs to PNG as Qt draws them, plain and with each region in its own colour.

    .venv/bin/python scripts/bodymap/preview.py OUT_DIR SCALE FILE.svg...
Writes NAME.png and NAME-regions.png into OUT_DIR: look at both after every change.
"""

import colorsys
import os
import re
import sys

os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QByteArray, QRectF
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

app = QGuiApplication([])


def render(svg_text, out, scale):
    r = QSvgRenderer(QByteArray(svg_text.encode()))
    assert r.isValid(), out
    vb = r.viewBoxF()
    img = QImage(int(vb.width() * scale), int(vb.height() * scale), QImage.Format_ARGB32)
    img.fill(QColor("white"))
    p = QPainter(img)
    p.setRenderHint(QPainter.Antialiasing)
    r.render(p, QRectF(0, 0, img.width(), img.height()))
    p.end()
    if not img.save(out):
        raise SystemExit(f"could not write {out}")


def colourise(svg):
    n = [0]

    def sub(m):
        n[0] += 1
        h = (n[0] * 0.618034) % 1
        r, g, b = colorsys.hsv_to_rgb(h, 0.55, 0.95)
        col = f"#{int(r * 255):02x}{int(g * 255):02x}{int(b * 255):02x}"
        return re.sub(r'fill="[^"]*"', f'fill="{col}"', m.group(0))

    return re.sub(r'<path [^>]*class="region"[^>]*>', sub, svg)


os.makedirs(sys.argv[1], exist_ok=True)
for f in sys.argv[3:]:
    scale = float(sys.argv[2])
    with open(f) as source:
        t = source.read()
    base = os.path.join(sys.argv[1], os.path.basename(f)[:-4])
    render(t, base + ".png", scale)
    render(colourise(t), base + "-regions.png", scale)
    print("rendered", base)
