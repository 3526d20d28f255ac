"""DejaVu Sans, embedded so accents, Greek, Cyrillic and typographic apostrophes print."""

from __future__ import annotations

from functools import cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from dermcharge.resource_files import resource_path

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"

_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}


@cache
def register_fonts() -> str:
    """Register the family once per process (parsing the TTFs is the slow part); returns its name.

    DejaVu covers Latin, Greek, Cyrillic, Armenian, Georgian and more, but not CJK: such
    characters print as empty boxes."""
    for name, filename in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", filename))))
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, REGULAR)  # no italics on a superbill; <i> prints upright
    addMapping(REGULAR, 1, 1, BOLD)
    return REGULAR
