"""Right-to-left text in the order and letter forms a PDF needs.

ReportLab draws characters left to right as stored. Arabic and Hebrew names are stored in
logical order, so each drawn line goes through the Unicode bidirectional algorithm
(python-bidi) and Arabic letters are first joined into their contextual forms (arabic-reshaper,
whose presentation forms DejaVu Sans carries). Lines without right-to-left letters pass through
untouched.
"""

from __future__ import annotations

import re

_RTL = re.compile(r"[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]")


def visual(text: str) -> str:
    """`text` as it must be drawn left to right on the page."""
    if not _RTL.search(text):
        return text
    import arabic_reshaper
    from bidi import get_display

    return str(get_display(arabic_reshaper.reshape(text)))
