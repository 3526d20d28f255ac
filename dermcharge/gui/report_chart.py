"""A report's chart drawn with QPainter: bars per label (providers, payer types, checks).

QtCharts is not in the PySide6-Essentials wheel the app installs (it is in the much larger
Addons wheel), so the few bars a report needs are drawn here instead of adding a dependency.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

BAR = QColor("#2F6DB5")
MAX_BARS = 12


class ReportChartWidget(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = ""
        self.values: list[tuple[str, float]] = []
        self.setMinimumHeight(160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def sizeHint(self) -> QSize:
        return QSize(600, 200)

    def show_values(self, title: str, values: list[tuple[str, float]]) -> None:
        self.title = title
        self.values = sorted(values, key=lambda item: -item[1])[:MAX_BARS]
        self.setAccessibleDescription(
            f"{title}: " + ", ".join(f"{label} {value:,.2f}" for label, value in self.values)
        )
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().windowText().color()
        painter.setPen(text)
        metrics = painter.fontMetrics()
        painter.drawText(0, metrics.ascent(), self.title)
        top, bottom = metrics.height() * 2, self.height() - metrics.height() * 2
        if not self.values:
            painter.drawText(0, top + metrics.ascent(), "Nothing to chart in this range.")
            return
        highest = max(value for _label, value in self.values) or 1.0
        slot = self.width() / len(self.values)
        for i, (label, value) in enumerate(self.values):
            height = (bottom - top) * value / highest
            bar = QRectF(i * slot + slot * 0.15, bottom - height, slot * 0.7, height)
            painter.fillRect(bar, BAR)
            painter.setPen(text)
            caption = metrics.elidedText(label, Qt.TextElideMode.ElideRight, int(slot) - 4)
            painter.drawText(
                QRectF(i * slot, bottom + 2, slot, metrics.height()),
                Qt.AlignmentFlag.AlignHCenter,
                caption,
            )
            painter.drawText(
                QRectF(i * slot, bottom - height - metrics.height(), slot, metrics.height()),
                Qt.AlignmentFlag.AlignHCenter,
                f"{value:,.0f}",
            )
        painter.end()
