"""Side-by-side boxes of plain text lines, drawn straight onto the canvas.

The superbill's header, patient, insurance, visit and signature boxes hold short lines that
rarely wrap. A Paragraph per line costs a markup parse and a line-breaking pass; drawing the
lines ourselves is several times faster and keeps the superbill within 2x of a bare table page
(bench/bench_superbill.py). Lines still wrap at word boundaries, and a word wider than its box
is broken between characters, so nothing overflows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.colors import Color
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from dermcharge.superbill.bidi_text import visual
from dermcharge.superbill.fonts import BOLD, REGULAR
from dermcharge.superbill.styles import INK, MUTED, RULE

MAX_WRAPPED_LINES = 8


@dataclass(frozen=True)
class TextLine:
    text: str
    font: str = REGULAR
    size: float = 8.5
    color: Color = INK
    align: str = "left"  # or "right"
    space_before: float = 0.0

    @property
    def leading(self) -> float:
        return self.size * 1.23


def label(text: str) -> TextLine:
    """A box's small grey heading."""
    return TextLine(text.upper(), BOLD, 6.5, MUTED)


def bold(text: str, size: float = 8.5) -> TextLine:
    return TextLine(text, BOLD, size)


@dataclass(frozen=True)
class Column:
    lines: Sequence[TextLine]
    background: Color | None = None


def longest_fitting_prefix(text: str, font: str, size: float, width: float) -> int:
    """How many leading characters of `text` fit in `width` (at least 1), by binary search."""
    low, high = 1, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if stringWidth(text[:middle], font, size) <= width:
            low = middle
        else:
            high = middle - 1
    return low


def wrap_words(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy word wrap; a word longer than the width is cut between characters."""
    if stringWidth(text, font, size) <= width:
        return [text]  # nearly every line: one measurement
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        candidate = f"{current} {word}" if current else word
        if stringWidth(candidate, font, size) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        while len(lines) <= MAX_WRAPPED_LINES and stringWidth(word, font, size) > width:
            cut = longest_fitting_prefix(word, font, size, width)
            lines.append(word[:cut])
            word = word[cut:]
        current = word
        if len(lines) > MAX_WRAPPED_LINES:
            break
    lines.append(current)
    if len(lines) > MAX_WRAPPED_LINES:  # absurd input must not push a box off the page
        last = lines[MAX_WRAPPED_LINES - 1]
        last = last[: longest_fitting_prefix(last + "…", font, size, width) - 1]
        lines = [*lines[: MAX_WRAPPED_LINES - 1], last + "…"]
    return lines


class TextColumns(Flowable):
    """Columns side by side; with `boxed`, a ruled box round each column (padding inside)."""

    def __init__(
        self,
        columns: Sequence[Column],
        widths: Sequence[float],
        *,
        boxed: bool = True,
        padding: float = 5.0,
        bottom_padding: float = 4.0,
        border: Color = RULE,
        border_width: float = 0.6,
    ) -> None:
        super().__init__()
        self.columns = columns
        self.widths = widths
        self.boxed = boxed
        self.padding = padding if boxed else 0.0
        self.top_padding = 3.0 if boxed else 0.0
        self.bottom_padding = bottom_padding
        self.border = border
        self.border_width = border_width
        self._laid_out: list[list[tuple[TextLine, list[str]]]] = []
        self._height = 0.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        if self._laid_out:  # the widths are fixed, so one layout serves every call
            return self.width, self._height
        self._laid_out = []
        tallest = 0.0
        for column, width in zip(self.columns, self.widths, strict=True):
            inner = width - 2 * self.padding
            laid = [(ln, wrap_words(ln.text, ln.font, ln.size, inner)) for ln in column.lines]
            height = sum(ln.space_before + ln.leading * len(parts) for ln, parts in laid)
            tallest = max(tallest, height)
            self._laid_out.append(laid)
        self._height = tallest + self.top_padding + self.bottom_padding
        self.width = sum(self.widths)
        return self.width, self._height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        """A one-column block (the warning box) splits between its lines; boxes of several
        columns move to the next page whole."""
        if len(self.columns) != 1:
            return []
        self.wrap(available_width, available_height)
        room = available_height - self.top_padding - self.bottom_padding
        used, fitting = 0.0, 0
        for line, parts in self._laid_out[0]:
            used += line.space_before + line.leading * len(parts)
            if used > room:
                break
            fitting += 1
        lines = list(self.columns[0].lines)
        if fitting == 0 or fitting == len(lines):
            return []
        background = self.columns[0].background
        return [
            self._with_lines(lines[:fitting], background),
            self._with_lines(lines[fitting:], background),
        ]

    def _with_lines(self, lines: Sequence[TextLine], background: Color | None) -> TextColumns:
        return TextColumns(
            [Column(lines, background)],
            self.widths,
            boxed=self.boxed,
            padding=self.padding,
            bottom_padding=self.bottom_padding,
            border=self.border,
            border_width=self.border_width,
        )

    def draw(self) -> None:
        canvas = self.canv
        x = 0.0
        for column, width, laid in zip(self.columns, self.widths, self._laid_out, strict=True):
            if column.background is not None:
                canvas.setFillColor(column.background)
                canvas.rect(x, 0, width, self._height, stroke=0, fill=1)
            left, right = x + self.padding, x + width - self.padding
            y = self._height - self.top_padding
            for line, parts in laid:
                y -= line.space_before
                canvas.setFont(line.font, line.size)
                canvas.setFillColor(line.color)
                for part in parts:
                    y -= line.leading
                    baseline = y + 0.27 * line.size  # centres DejaVu's ascent+descent in the line
                    shown = visual(part)  # wrapped in logical order, drawn in visual order
                    if line.align == "right":
                        canvas.drawRightString(right, baseline, shown)
                    else:
                        canvas.drawString(left, baseline, shown)
            x += width
        if self.boxed:
            canvas.setStrokeColor(self.border)
            canvas.setLineWidth(self.border_width)
            canvas.rect(0, 0, self.width, self._height, stroke=1, fill=0)
            x = 0.0
            for width in self.widths[:-1]:
                x += width
                canvas.line(x, 0, x, self._height)


def text_block(lines: Sequence[TextLine], width: float, bottom_padding: float = 0.0) -> TextColumns:
    """Lines one under another across `width`, with no box."""
    return TextColumns([Column(lines)], [width], boxed=False, bottom_padding=bottom_padding)
