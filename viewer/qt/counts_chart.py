"""The counts chart docked under the map: per day (or hour) how many aircraft entered a zone,
stacked by kind, with the replay's cursor; a click on a bar jumps there. A second view shows the
published yearly figures (sourced) so a class can set one day against the trend."""

from __future__ import annotations

import pandas as pd
from PySide6.QtCore import QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from viewer.core.counts import Counts, reference_figures
from viewer.qt.i18n import translate
from viewer.qt.track_painter import KIND_COLORS, kind_name

MARGIN_L, MARGIN_R, MARGIN_T, MARGIN_B = 44, 12, 10, 34
MAX_BAR_PX = 240  # one or two days of counts: bars of a readable width, not the whole chart


class BarsWidget(QWidget):
    """Stacked bars of a `Counts`, the current time as a red line; emits ``bar_clicked(t0)``."""

    bar_clicked = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counts: Counts | None = None
        self.cursor: float | None = None
        # Reported daily figures, aligned to ``counts.table``'s rows (drawn hatched beside them).
        self.reported: pd.DataFrame | None = None
        self.reported_source = ""
        self.setMinimumHeight(80)

    def set_counts(
        self, counts: Counts | None, reported: pd.DataFrame | None = None, source: str = ""
    ) -> None:
        self.counts = counts
        self.reported = reported
        self.reported_source = source
        self.update()

    def set_cursor(self, t: float | None) -> None:
        self.cursor = t
        self.update()

    def _bars(self) -> list[tuple[QRectF, float]]:
        if self.counts is None or self.counts.table.empty:
            return []
        n = len(self.counts.table)
        w = min((self.width() - MARGIN_L - MARGIN_R) / n, MAX_BAR_PX)
        return [
            (
                QRectF(MARGIN_L + i * w, MARGIN_T, w, self.height() - MARGIN_T - MARGIN_B),
                ts.timestamp(),
            )
            for i, ts in enumerate(self.counts.table.index)
        ]

    def mousePressEvent(self, event) -> None:
        for rect, t0 in self._bars():
            if rect.contains(event.position()):
                self.bar_clicked.emit(t0)
                return

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        p.fillRect(self.rect(), QColor("#ffffff"))
        font = QFont()
        font.setPointSizeF(8)
        p.setFont(font)
        bars = self._bars()
        if not bars:
            p.setPen(QColor("#666666"))
            p.drawText(
                self.rect(),
                Qt.AlignCenter,
                translate("CountsChart", "No entries into this zone in the loaded tracks"),
            )
            p.end()
            return
        table = self.counts.table  # type: ignore[union-attr]
        reported = self.reported
        most = float(table.sum(axis=1).max()) if len(table.columns) else 0.0
        if reported is not None and len(reported.columns):
            most = max(most, float(reported.sum(axis=1).max()))
        top = max(1.0, most) * 1.15  # headroom for the totals
        plot_h = self.height() - MARGIN_T - MARGIN_B
        p.setPen(QPen(QColor("#dddddd"), 0))
        for frac in (0.25, 0.5, 0.75, 1.0):
            y = MARGIN_T + plot_h * (1 - frac)
            p.drawLine(QPointF(MARGIN_L, y), QPointF(self.width() - MARGIN_R, y))
            p.setPen(QColor("#555555"))
            p.drawText(
                QRectF(0, y - 8, MARGIN_L - 4, 16),
                Qt.AlignRight | Qt.AlignVCenter,
                f"{top * frac:.0f}",
            )
            p.setPen(QPen(QColor("#dddddd"), 0))
        fmt = "%m-%d" if self.counts.freq == "D" else "%H:00"  # type: ignore[union-attr]
        step = max(1, len(bars) // 12)
        for i, (rect, _) in enumerate(bars):
            if reported is None:
                self._stack(p, rect, table.iloc[i], top, plot_h, hatched=False)
            else:  # what the tracks show, then what was reported, side by side
                half = rect.width() / 2
                drawn = QRectF(rect.left(), rect.top(), half, rect.height())
                said = QRectF(rect.left() + half, rect.top(), half, rect.height())
                self._stack(p, drawn, table.iloc[i], top, plot_h, hatched=False)
                self._stack(p, said, reported.iloc[i], top, plot_h, hatched=True)
                if half > 40:
                    p.setPen(QColor("#555555"))
                    for r, word in (
                        (drawn, translate("CountsChart", "drawn")),
                        (said, translate("CountsChart", "reported")),
                    ):
                        p.drawText(
                            QRectF(r.left(), r.bottom() - 13, r.width(), 12), Qt.AlignCenter, word
                        )
            if i % step == 0:
                p.setPen(QColor("#555555"))
                p.drawText(
                    QRectF(rect.left() - 10, rect.bottom() + 2, rect.width() + 20, 14),
                    Qt.AlignCenter,
                    table.index[i].strftime(fmt),
                )
        x = MARGIN_L
        for kind in table.columns:
            p.fillRect(QRectF(x, self.height() - 14, 10, 10), QColor(KIND_COLORS[str(kind)]))
            p.setPen(QColor("#333333"))
            label = kind_name(str(kind))
            p.drawText(QPointF(x + 13, self.height() - 5), label)
            x += 20 + p.fontMetrics().horizontalAdvance(label)
        if reported is not None:
            p.fillRect(QRectF(x, self.height() - 14, 10, 10), self._hatch(QColor("#555555")))
            p.setPen(QColor("#333333"))
            label = translate("CountsChart", "hatched: reported") + (
                f" ({self.reported_source})" if self.reported_source else ""
            )
            p.drawText(QPointF(x + 13, self.height() - 5), label)
        if self.cursor is not None:
            for rect, t0 in bars:
                span = 86400.0 if self.counts.freq == "D" else 3600.0  # type: ignore[union-attr]
                if t0 <= self.cursor < t0 + span:
                    cx = rect.left() + rect.width() * (self.cursor - t0) / span
                    p.setPen(QPen(QColor("#d62728"), 2))
                    p.drawLine(QPointF(cx, MARGIN_T), QPointF(cx, rect.bottom()))
        p.end()

    @staticmethod
    def _hatch(colour: QColor) -> QBrush:
        return QBrush(colour, Qt.BDiagPattern)

    def _stack(self, p, rect: QRectF, row, top: float, plot_h: float, hatched: bool) -> None:
        """One stacked bar of ``row`` (kind -> aircraft) in ``rect``, its total on top."""
        y = rect.bottom()
        for kind, value in row.items():
            if value <= 0:
                continue
            h = plot_h * value / top
            box = QRectF(rect.left() + 1, y - h, max(1.0, rect.width() - 2), h)
            colour = QColor(KIND_COLORS.get(str(kind), "#888888"))
            if hatched:
                p.fillRect(box, QColor("#ffffff"))
                p.fillRect(box, self._hatch(colour))
                p.setPen(QPen(colour, 1))
                p.drawRect(box)
            else:
                p.fillRect(box, colour)
            y -= h
        total = float(row.sum())
        if total and rect.width() > 18:
            p.setPen(QColor("#222222"))
            p.drawText(
                QRectF(rect.left(), y - 14, rect.width(), 12), Qt.AlignCenter, f"{total:.0f}"
            )


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
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        p.fillRect(self.rect(), QColor("#ffffff"))
        font = QFont()
        font.setPointSizeF(8)
        p.setFont(font)
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


class CountsPanel(QWidget):
    """Zone and view pickers over the chart."""

    jump_to = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.zone = QComboBox()
        self.zone.setToolTip(translate("CountsChart", "Zone whose entries are counted"))
        self.zone.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        self.view = QComboBox()
        self.bars = BarsWidget()
        self.reference = ReferenceWidget()
        self.view.addItem(
            translate("CountsChart", "Loaded tracks: aircraft entering per day / hour")
        )
        for s in self.reference.series:
            self.view.addItem(translate("CountsChart", "Published: {title}").format(title=s.title))
        self.view.currentIndexChanged.connect(self._on_view_changed)
        self.bars.bar_clicked.connect(self.jump_to)
        row = QHBoxLayout()
        row.addWidget(QLabel(translate("CountsChart", "Zone")))
        row.addWidget(self.zone)
        row.addWidget(self.view, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(row)
        layout.addWidget(self.bars, 1)
        layout.addWidget(self.reference, 1)
        self.reference.hide()

    def _on_view_changed(self, index: int) -> None:
        self.bars.setVisible(index == 0)
        self.zone.setEnabled(index == 0)
        self.reference.setVisible(index > 0)
        if index > 0:
            self.reference.index = index - 1
            self.reference.update()

    def set_zones(self, zone_ids: list[str], current: str = "taiwan_adiz") -> None:
        self.zone.blockSignals(True)
        self.zone.clear()
        self.zone.addItems(zone_ids)
        if current in zone_ids:
            self.zone.setCurrentText(current)
        self.zone.blockSignals(False)


__all__ = ["BarsWidget", "CountsPanel", "ReferenceWidget", "pd"]
