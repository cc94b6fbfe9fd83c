"""The published yearly figures beside the counts chart (its second view), one series at a
time, with the margins both charts share."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QWidget

from viewer.core.counts import reference_figures
from viewer.qt.i18n import translate

MARGIN_L, MARGIN_R, MARGIN_T, MARGIN_B = 44, 12, 10, 34


def begin_chart(widget: QWidget) -> QPainter:
    """A painter on a chart ``widget``: antialiased, on white, in 8-point type."""
    p = QPainter(widget)
    p.setRenderHint(QPainter.Antialiasing)
    p.fillRect(widget.rect(), QColor("#ffffff"))
    font = QFont()
    font.setPointSizeF(8)
    p.setFont(font)
    return p


class ReferenceWidget(QWidget):
    """The published yearly figures, one series at a time: the bars coloured by what each
    year's figure counts, a dashed break where the definition changes (S9: ADIZ entries to
    2023, aircraft around Taiwan from 2024), each definition and the source under the bars."""

    COLOURS = ("#4477AA", "#CC6677", "#228833")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.series = reference_figures()
        self.index = 0
        self.setMinimumHeight(80)

    def definition_colours(self) -> dict[str, QColor]:
        s = self.series[self.index]
        used = list(dict.fromkeys(s.definition_of(y) for y in sorted(s.values)))
        return {d: QColor(self.COLOURS[i % len(self.COLOURS)]) for i, d in enumerate(used)}

    def paintEvent(self, event) -> None:
        s = self.series[self.index]
        p = begin_chart(self)
        fm = p.fontMetrics()
        colours = self.definition_colours()
        notes = "; ".join(f"{y}: {n}" for y, n in s.notes.items() if n)
        lines = [
            (colours[d], s.definitions.get(d, "")) for d in colours if s.definitions.get(d, "")
        ]
        lines.append(
            (None, f"{s.title} ({s.unit}). {s.source}." + (f" * {notes}" if notes else ""))
        )
        text_w = self.width() - 12 - 16
        heights = [
            fm.boundingRect(QRect(0, 0, text_w, 1000), Qt.TextWordWrap, t).height()
            for _, t in lines
        ]
        text_h = sum(heights) + 4
        years = sorted(s.values)
        top = max(s.values.values()) * 1.15
        plot_h = max(20.0, self.height() - MARGIN_T - 16 - text_h)
        w = (self.width() - MARGIN_L - MARGIN_R) / len(years)
        for i, year in enumerate(years):
            v = s.values[year]
            h = plot_h * v / top
            rect = QRectF(MARGIN_L + i * w + 4, MARGIN_T + plot_h - h, w - 8, h)
            colour = QColor(colours.get(s.definition_of(year), QColor("#4477AA")))
            if s.notes[year]:
                colour = colour.lighter(125)
            p.fillRect(rect, colour)
            p.setPen(QColor("#222222"))
            text = f"{v:,.0f}" + ("*" if s.notes[year] else "")
            p.drawText(QRectF(rect.left(), rect.top() - 14, rect.width(), 12), Qt.AlignCenter, text)
            p.drawText(
                QRectF(rect.left(), MARGIN_T + plot_h + 2, rect.width(), 14),
                Qt.AlignCenter,
                str(year),
            )
            if year in s.breaks():  # the figures before and after count different things
                x = MARGIN_L + i * w
                p.setPen(QPen(QColor("#222222"), 1.5, Qt.DashLine))
                p.drawLine(QPointF(x, MARGIN_T), QPointF(x, MARGIN_T + plot_h))
                p.drawText(
                    QRectF(x + 4, MARGIN_T, w * 2, 14),
                    Qt.AlignLeft | Qt.AlignTop,
                    translate("CountsChart", "definition changes"),
                )
        y = self.height() - text_h
        p.setPen(QColor("#444444"))
        for (colour, text), h in zip(lines, heights, strict=True):
            x = 6
            if colour is not None:
                p.fillRect(QRectF(x, y + 3, 10, 10), colour)
                x += 16
            p.drawText(QRectF(x, y, text_w, h), Qt.TextWordWrap, text)
            y += h
        p.end()
