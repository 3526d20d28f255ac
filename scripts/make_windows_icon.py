"""Render resources/icons/dermcharge.svg to dermcharge.ico (256 px) for the Windows build.

Run once after changing the SVG:  QT_QPA_PLATFORM=offscreen python scripts/make_windows_icon.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZE = 256  # Windows scales the largest image down for the taskbar and Explorer


def main() -> int:
    app = QGuiApplication(sys.argv)  # noqa: F841 - Qt needs the application for painting
    image = QImage(SIZE, SIZE, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(ICONS / "dermcharge.svg")).render(painter)
    painter.end()
    target = ICONS / "dermcharge.ico"
    if not image.save(str(target), "ICO"):
        print(f"could not write {target}", file=sys.stderr)
        return 1
    print(target)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
