"""Writes resources/bodymap/{front,back,face,hands,feet}.svg from the shapes in this folder.

Needs shapely (a drawing tool only: the app reads the SVG files, never this script):
    python -m venv /tmp/bodymap && /tmp/bodymap/bin/pip install shapely
    /tmp/bodymap/bin/python scripts/bodymap/make_bodymap.py [OUT_DIR]
Then look at the result: .venv/bin/python scripts/bodymap/preview.py OUT_DIR/*.svg
"""

import sys
from pathlib import Path

import body_figures
import detail_figures


def main() -> None:
    out = (
        Path(sys.argv[1])
        if len(sys.argv) > 1
        else Path(__file__).resolve().parents[2] / "resources" / "bodymap"
    )
    whole_body = body_figures.whole_body()
    for figure in (body_figures.front(), body_figures.back()):
        figure.report(whole_body)
        figure.absorb_islands()
        (out / f"{figure.name}.svg").write_text(figure.svg(), encoding="utf-8")
    face = detail_figures.face()
    face.absorb_islands()
    (out / "face.svg").write_text(face.svg([face.silhouette() | face.claimed]), encoding="utf-8")
    for figure, outlines in (detail_figures.hands(), detail_figures.feet()):
        figure.absorb_islands()
        (out / f"{figure.name}.svg").write_text(figure.svg(outlines), encoding="utf-8")


if __name__ == "__main__":
    main()
