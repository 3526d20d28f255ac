"""Colours of the superbill, and the one paragraph style for table cells that must wrap."""

from __future__ import annotations

from functools import cache

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle

from dermcharge.superbill.fonts import register_fonts

INK = colors.HexColor("#1b1f24")
MUTED = colors.HexColor("#5b6470")
RULE = colors.HexColor("#9aa3ad")
SHADE = colors.HexColor("#eef1f4")
ALERT = colors.HexColor("#b42318")
ALERT_SHADE = colors.HexColor("#fdecea")
FLAG_HEX = "#8a4b00"  # cosmetic and self-pay tags


@cache
def cell_style() -> ParagraphStyle:
    """Table cell text that wraps (long descriptions); it matches the plain cells' font."""
    return ParagraphStyle("cell", fontName=register_fonts(), fontSize=8, leading=9.8, textColor=INK)
