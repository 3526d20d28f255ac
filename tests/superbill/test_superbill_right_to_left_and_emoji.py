"""Right-to-left names print joined and in visual order; emoji print as glyphs."""

from __future__ import annotations

import subprocess
from dataclasses import replace
from pathlib import Path

from superbill_samples import PATIENT, typical_record

from dermcharge.superbill import render_superbill
from dermcharge.superbill.bidi_text import visual


def test_left_to_right_text_is_untouched() -> None:
    assert visual("Nguyễn O'Brien, Zoë") == "Nguyễn O'Brien, Zoë"


def test_hebrew_is_drawn_in_visual_order() -> None:
    assert visual("שלום") == "םולש"


def test_arabic_letters_are_joined_into_their_contextual_forms() -> None:
    shown = visual("عائشة")
    assert all("\ufe70" <= ch <= "\ufeff" for ch in shown), [hex(ord(c)) for c in shown]
    assert len(shown) == 5


def test_mixed_names_keep_the_latin_part_in_place() -> None:
    shown = visual("Zoë عائشة")
    assert shown.startswith("Zoë ")


def _first_page_png(pdf: bytes, folder: Path, name: str) -> bytes:
    source = folder / f"{name}.pdf"
    source.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "72", "-f", "1", "-l", "1", "-singlefile",
                    str(source), str(folder / name)], check=True)  # fmt: skip
    return (folder / f"{name}.png").read_bytes()


def test_an_emoji_in_a_name_is_drawn(tmp_path: Path) -> None:
    def page(first_name: str, name: str) -> bytes:
        record = replace(typical_record(), patient=replace(PATIENT, first_name=first_name))
        return _first_page_png(render_superbill(record), tmp_path, name)

    # The emoji glyph changes the page against the same name with a space in its place
    # (PDF text extraction cannot show this: ReportLab's ToUnicode map drops characters
    # beyond U+FFFF, see tests/fuzz/test_unicode_names.py).
    assert page("Zoë 😀", "emoji") != page("Zoë  ", "blank")
