"""The counts chart docked under the map: how many aircraft entered a zone per MND day (06:00 to
06:00 Taipei time), calendar day or hour, stacked by kind — aircraft kinds only; ships and
unknown kinds stand apart — from the tracks the user chose, with the replay's cursor; a click on
a bar jumps there. A line over the chart says what is counted. A second view shows the published
yearly figures (sourced) so a class can set one day against the trend."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from viewer.core.counts import (
    APART_KINDS,
    HOURLY,
    MND,
    MND_DAY,
    Counts,
    DayDefinition,
    ReportedCount,
    calendar_day,
    entries_by_bin,
    hourly,
    with_reported,
)
from viewer.core.zone_names import zone_title
from viewer.qt.i18n import translate
from viewer.qt.reference_chart import (
    MARGIN_B,
    MARGIN_L,
    MARGIN_R,
    MARGIN_T,
    ReferenceWidget,
    begin_chart,
)
from viewer.render.track_painter import KIND_COLORS, kind_name

WORDS_H = 13  # the row naming each bar of a bin (aircraft, reported, apart)
MAX_BAR_PX = 240  # one or two days of counts: bars of a readable width, not the whole chart


Y_LABEL_PX = 18.0  # the least room between two labels of the count axis


def y_ticks(top: float, plot_h: float) -> list[float]:
    """Whole-number values for the count axis up to ``top``, 1, 2 or 5 x 10^k apart, so that
    their labels on a ``plot_h``-pixel axis are at least `Y_LABEL_PX` apart."""
    if top <= 0 or plot_h <= 0:
        return []
    room = max(1, int(plot_h // Y_LABEL_PX))
    step = 1.0
    while top / step > room:
        for m in (2.0, 2.5, 2.0):  # 1 -> 2 -> 5 -> 10 -> 20 ...
            step *= m
            if top / step <= room:
                break
    ticks = [k * step for k in range(1, int(top // step) + 1)]
    return ticks or ([float(int(top))] if top >= 1 else [])


class BarsWidget(QWidget):
    """Stacked bars of a `Counts`, the current time as a red line; emits ``bar_clicked(t0)``.

    Per bin: the aircraft entering (stacked by kind), beside them the reported aircraft
    (hatched) when given, then — apart, after a gap — ships and tracks of unknown kind."""

    bar_clicked = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counts: Counts | None = None
        self.cursor: float | None = None
        # Reported daily figures, aligned to ``counts.table``'s rows (drawn hatched beside them).
        self.reported: pd.DataFrame | None = None
        self.reported_apart: pd.DataFrame | None = None
        self.reported_source = ""
        self.setMinimumHeight(80)

    def set_counts(
        self,
        counts: Counts | None,
        reported: pd.DataFrame | None = None,
        source: str = "",
        reported_apart: pd.DataFrame | None = None,
    ) -> None:
        self.counts = counts
        self.reported = reported
        self.reported_apart = reported_apart
        self.reported_source = source
        self.update()

    def set_cursor(self, t: float | None) -> None:
        self.cursor = t
        self.update()

    def _bars(self) -> list[tuple[QRectF, float]]:
        if self.counts is None or self.counts.table.index.empty:
            return []
        n = len(self.counts.table)
        w = min((self.width() - MARGIN_L - MARGIN_R) / n, MAX_BAR_PX)
        return [
            (
                QRectF(MARGIN_L + i * w, MARGIN_T, w, self.height() - MARGIN_T - self._margin_b()),
                ts.timestamp(),
            )
            for i, ts in enumerate(self.counts.table.index)
        ]

    def _margin_b(self) -> float:
        """Room under the bars: dates and the legend, and a row naming the bars when a bin has
        more than one."""
        return MARGIN_B + (WORDS_H if self.counts is not None and len(self._columns()) > 1 else 0)

    def _columns(self) -> list[tuple[pd.DataFrame, bool, str]]:
        """The bars drawn in each bin: (table, hatched, word under it)."""
        assert self.counts is not None
        cols = [(self.counts.table, False, translate("CountsChart", "aircraft"))]
        if self.reported is not None:
            cols.append((self.reported, True, translate("CountsChart", "reported")))
        apart = self.counts.apart
        if len(apart.columns) and float(apart.to_numpy().sum()) > 0:
            cols.append((apart, False, translate("CountsChart", "apart")))
        rep = self.reported_apart
        if rep is not None and len(rep.columns) and float(rep.to_numpy().sum()) > 0:
            cols.append((rep, True, translate("CountsChart", "reported")))
        return cols

    def mousePressEvent(self, event) -> None:
        for rect, t0 in self._bars():
            if rect.contains(event.position()):
                self.bar_clicked.emit(t0)
                return

    def paintEvent(self, event) -> None:
        p = begin_chart(self)
        bars = self._bars()
        if not bars:
            p.setPen(QColor("#666666"))
            p.drawText(
                self.rect(),
                Qt.AlignCenter,
                translate("CountsChart", "No entries into this zone in the chosen tracks"),
            )
            p.end()
            return
        counts = self.counts
        assert counts is not None
        columns = self._columns()
        most = max(
            (float(t.sum(axis=1).max()) for t, _, _ in columns if len(t.columns)), default=0.0
        )
        top = max(1.0, most) * 1.15  # headroom for the totals
        words_h = WORDS_H if len(columns) > 1 else 0
        plot_h = self.height() - MARGIN_T - self._margin_b()
        p.setPen(QPen(QColor("#dddddd"), 0))
        for value in y_ticks(top, plot_h):  # whole numbers, labels at least 18 px apart
            y = MARGIN_T + plot_h * (1 - value / top)
            p.drawLine(QPointF(MARGIN_L, y), QPointF(self.width() - MARGIN_R, y))
            p.setPen(QColor("#555555"))
            p.drawText(
                QRectF(0, y - 8, MARGIN_L - 4, 16),
                Qt.AlignRight | Qt.AlignVCenter,
                f"{value:g}",
            )
            p.setPen(QPen(QColor("#dddddd"), 0))
        fmt = "%m-%d" if counts.freq == "D" else "%H:00"
        step = max(1, len(bars) // 12)
        for i, (rect, _) in enumerate(bars):
            width = rect.width() / len(columns)
            for j, (table, hatched, word) in enumerate(columns):
                gap = 4.0 if table is counts.apart else 0.0  # ships etc. stand apart
                box = QRectF(rect.left() + j * width + gap, rect.top(), width - gap, rect.height())
                self._stack(p, box, table.iloc[i], top, plot_h, hatched=hatched)
                if words_h and width > 24:  # under each bar, what it is
                    p.setPen(QColor("#555555"))
                    p.drawText(
                        QRectF(box.left(), box.bottom() + 1, box.width(), words_h - 1),
                        Qt.AlignCenter,
                        p.fontMetrics().elidedText(word, Qt.ElideRight, int(box.width())),
                    )
            if i % step == 0:
                p.setPen(QColor("#555555"))
                text = counts.table.index[i].strftime(fmt)
                tw = p.fontMetrics().horizontalAdvance(text) + 6  # whole, however thin the bar
                box = QRectF(rect.center().x() - tw / 2, rect.bottom() + 2 + words_h, tw, 14)
                p.drawText(box, Qt.AlignCenter, text)
        x = MARGIN_L
        kinds = [str(k) for k in counts.table.columns] + [str(k) for k in counts.apart.columns]
        for kind in dict.fromkeys(kinds):
            p.fillRect(QRectF(x, self.height() - 14, 10, 10), QColor(KIND_COLORS[kind]))
            p.setPen(QColor("#333333"))
            label = kind_name(kind)
            if kind in APART_KINDS:
                label = translate("CountsChart", "{kind} (counted apart)").format(kind=label)
            p.drawText(QPointF(x + 13, self.height() - 5), label)
            x += 20 + p.fontMetrics().horizontalAdvance(label)
        if self.reported is not None:
            p.fillRect(QRectF(x, self.height() - 14, 10, 10), self._hatch(QColor("#555555")))
            p.setPen(QColor("#333333"))
            label = translate("CountsChart", "hatched: reported") + (
                f" ({self.reported_source})" if self.reported_source else ""
            )
            p.drawText(QPointF(x + 13, self.height() - 5), label)
        if self.cursor is not None:
            span = counts.day.seconds
            for rect, t0 in bars:
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


ALL_TRACKS = ""  # the source combo's key for every loaded file
ARCHIVE = "\x00archive"  # its key for the whole archive, counted in the engine


def day_words(day: DayDefinition) -> str:
    """Which day (or hour) a count is per, in words with its zone."""
    if day.kind == MND:
        return translate("CountsChart", "MND day ({start:02d}:00–{start:02d}:00 {tz})").format(
            start=day.start_hour, tz=day.tz
        )
    if day.kind == HOURLY:
        return translate("CountsChart", "hour ({tz})").format(tz=day.tz)
    return translate("CountsChart", "calendar day ({tz})").format(tz=day.tz)


def describe(counts: Counts, source: str, zone_title: str) -> str:
    """What the chart counts, in one line: which tracks, which zone, whose day; and the
    aircraft per bin when there are few bins."""
    line = translate(
        "CountsChart",
        "Aircraft entering {zone} per {day}, from {source}; ships and unknown kinds counted apart.",
    ).format(zone=zone_title, day=day_words(counts.day), source=source)
    if 0 < len(counts.table.index) <= 3:
        fmt = "%Y-%m-%d" if counts.freq == "D" else "%Y-%m-%d %H:00"
        parts = []
        for t, n in counts.totals.items():
            apart = float(counts.apart.loc[t].sum()) if len(counts.apart.columns) else 0.0
            text = translate("CountsChart", "{day}: {n} aircraft").format(
                day=t.strftime(fmt), n=f"{n:.0f}"
            )
            if apart:
                text += translate("CountsChart", " (+{m} ships or unknown, apart)").format(
                    m=f"{apart:.0f}"
                )
            parts.append(text)
        line += " " + "; ".join(parts)
    return line


class CountsPanel(QWidget):
    """What is counted (zone, day, tracks) over the chart, and the chart; ``set_inputs`` gives it
    the zone events, then it counts by itself whenever a choice changes."""

    jump_to = Signal(float)
    archive_counts_wanted = Signal(object)  # count the whole archive per this DayDefinition

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.zone = QComboBox()
        self.zone.setToolTip(
            translate(
                "CountsChart",
                "Zone whose entries are counted: each aircraft once per day (or hour) it enters, "
                "also between two fixes and across gaps in the data; one already inside at its "
                "first fix, or when the zone came into force, counts as entering then",
            )
        )
        self.zone.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        self.day = QComboBox()
        self.day.setToolTip(
            translate(
                "CountsChart",
                "The day the counts are per: MND reports run 06:00 to 06:00 Taipei time",
            )
        )
        self.day.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        self.source = QComboBox()
        self.source.setToolTip(
            translate(
                "CountsChart",
                "Which tracks are counted (and set against the reported figures)",
            )
        )
        self.source.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        self.view = QComboBox()
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.bars = BarsWidget()
        self.reference = ReferenceWidget()
        self.view.addItem(translate("CountsChart", "Loaded tracks: aircraft entering a zone"))
        for s in self.reference.series:
            self.view.addItem(translate("CountsChart", "Published: {title}").format(title=s.title))
        self.view.currentIndexChanged.connect(self._on_view_changed)
        self.bars.bar_clicked.connect(self.jump_to)
        self._events: pd.DataFrame | None = None
        self._aircraft: dict = {}
        self._reported: tuple[ReportedCount, ...] = ()
        self._local_tz = "Asia/Taipei"
        self._traced_key: str | None = None
        self._source_chosen = False
        self._paths: list[str] = []
        self._archive_name = ""  # an archive is open: its counts are offered
        self._archive_counts = None  # viewer.io.archive.ZoneCounts, once counted
        self.counting_archive = False  # the engine is counting (the zones still pending)
        self.zone_namer: Callable[[str], str] = zone_title  # zone id -> the name shown
        self._set_days(self._local_tz)
        self.zone.currentIndexChanged.connect(self._refresh)
        self.day.currentIndexChanged.connect(lambda _: self._refresh(ask=True))
        self.source.activated.connect(self._on_source_chosen)
        row = QHBoxLayout()
        for label, combo in (
            (translate("CountsChart", "Zone"), self.zone),
            (translate("CountsChart", "Per"), self.day),
            (translate("CountsChart", "Tracks"), self.source),
        ):
            row.addWidget(QLabel(label))
            row.addWidget(combo)
        row.addWidget(self.view, 1)
        # long zone names and series titles are cut short rather than widening the window
        # past a small screen (the full text in the open list and the tooltip)
        for combo, chars in ((self.zone, 16), (self.day, 18), (self.source, 14), (self.view, 18)):
            combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(chars)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(row)
        layout.addWidget(self.title)
        layout.addWidget(self.bars, 1)
        layout.addWidget(self.reference, 1)
        self.reference.hide()

    # ------------------------------------------------------------------ choices
    def _set_days(self, local_tz: str) -> None:
        """MND's day, the calendar day in the clock's zone and in UTC, the hour."""
        keep = self.day.currentData()
        options = [MND_DAY, calendar_day(local_tz), calendar_day("UTC"), hourly(local_tz)]
        options = list(dict.fromkeys(options))  # the clock may show UTC
        self.day.blockSignals(True)
        self.day.clear()
        for option in options:
            self.day.addItem(day_words(option), option)
        index = 0
        if keep is not None:  # the same kind of day, in the clock's new zone if it was local
            same = [i for i, o in enumerate(options) if o == keep]
            kind = [i for i, o in enumerate(options) if o.kind == keep.kind]
            index = (same or kind or [0])[0]
        self.day.setCurrentIndex(index)
        self.day.blockSignals(False)

    def _set_sources(self, paths: list[str]) -> None:
        self._paths = paths
        keep = self.source.currentData()
        self.source.blockSignals(True)
        self.source.clear()
        self.source.addItem(translate("CountsChart", "all loaded tracks"), ALL_TRACKS)
        for path in paths:
            name = (
                translate("CountsChart", "traced tracks")
                if path == self._traced_key
                else Path(path).name
            )
            self.source.addItem(name, path)
        if self._archive_name:
            text = translate("CountsChart", "whole archive {name} (counted in the engine)")
            self.source.addItem(text.format(name=self._archive_name), ARCHIVE)
        index = self.source.findData(keep) if self._source_chosen else -1
        if index < 0:  # reported figures are compared with what the user traced
            traced = self._traced_key in paths and bool(self._reported)
            index = self.source.findData(self._traced_key) if traced else 0
        self.source.setCurrentIndex(max(0, index))
        self.source.blockSignals(False)

    def _on_source_chosen(self, _index: int) -> None:
        self._source_chosen = True
        self._refresh(ask=True)

    def set_archive(self, name: str, counts=None) -> None:
        """An archive is open (``name``; "" when none): the Tracks list offers the whole archive,
        counted in the engine (``counts``: `viewer.io.archive.ZoneCounts`, shown when given)."""
        self._archive_name, self._archive_counts = name, counts
        self._set_sources(self._paths)
        if counts is not None:
            self._source_chosen = True
            self.source.setCurrentIndex(max(0, self.source.findData(ARCHIVE)))
        self.set_zones(self._zone_ids(self._events), self.zone.currentData() or "taiwan_adiz")
        self._refresh()

    def _zone_ids(self, events: pd.DataFrame | None) -> list[str]:
        zones = set(events["zone_id"]) if events is not None and len(events) else set()
        if self._archive_counts is not None:
            zones |= set(self._archive_counts.table["zone_id"]) | set(self._archive_counts.zones)
        return sorted(zones)

    def count_stopped(self) -> None:
        """The archive's count was cancelled: the zones it had not reached say so."""
        self.counting_archive = False
        self._refresh()

    def current_day(self) -> DayDefinition:
        return self.day.currentData() or MND_DAY

    def set_inputs(
        self,
        events: pd.DataFrame | None,
        aircraft: dict,
        reported: tuple[ReportedCount, ...] = (),
        paths: list[str] | None = None,
        local_tz: str = "Asia/Taipei",
        traced_key: str | None = None,
    ) -> None:
        """Count from these: zone ``events`` (with a ``path`` column), ``aircraft`` per (path,
        track id), the ``reported`` daily figures, the loaded ``paths`` (``traced_key`` is the
        traced set's), the clock's zone ``local_tz``."""
        self._events, self._aircraft, self._reported = events, aircraft, tuple(reported)
        self._traced_key = traced_key
        if local_tz != self._local_tz:
            self._local_tz = local_tz
            self._set_days(local_tz)
        self._set_sources(list(paths or []))
        zones = self._zone_ids(events)
        current = self.zone.currentData() or "taiwan_adiz"
        if zones != [self.zone.itemData(i) for i in range(self.zone.count())]:
            self.set_zones(zones, current)
        self._refresh()

    # ------------------------------------------------------------------ counting
    def _refresh(self, *_: object, ask: bool = False) -> None:
        events, reported = self._events, self._reported
        zone = self.zone.currentData() or "taiwan_adiz"  # the id behind the name shown
        day = self.current_day()
        if self.source.currentData() == ARCHIVE:
            self._refresh_archive(zone, day, ask)
            return
        if (events is None or not len(events)) and not reported:
            self.bars.set_counts(None)
            self.title.setText("")
            return
        key = self.source.currentData()
        paths = None if not key else [key]
        if events is not None and len(events):
            counts = entries_by_bin(events, self._aircraft, zone, day=day, paths=paths)
        else:
            counts = Counts(pd.DataFrame(dtype=float), day.freq, zone, day=day)
        text = describe(counts, self.source.currentText(), self.zone_namer(zone))
        if not reported:
            self.bars.set_counts(counts)
        elif day.freq != "D":
            self.bars.set_counts(counts)
            text += " " + translate(
                "CountsChart", "The reported figures are per day: count per day to see them."
            )
        else:
            cmp = with_reported(counts, reported)
            self.bars.set_counts(cmp.counts, cmp.reported, cmp.source, cmp.reported_apart)
            text += " " + translate(
                "CountsChart", "Hatched: reported for that day ({source})."
            ).format(source=cmp.source or translate("CountsChart", "no source given"))
        self.title.setText(text)

    def _refresh_archive(self, zone: str, day: DayDefinition, ask: bool) -> None:
        """The engine's counts for the whole archive (``ask``: asked for, chosen or new day)."""
        counts = self._archive_counts
        if counts is None or counts.day != day:
            self.bars.set_counts(None)
            text = (
                translate("CountsChart", "Counting per {day} in the whole archive {name}…")
                if ask
                else translate("CountsChart", "Not counted per {day} yet: choose it again.")
            )
            self.title.setText(text.format(day=day_words(day), name=self._archive_name))
            if ask:
                self.archive_counts_wanted.emit(day)
            return
        if zone in counts.pending:  # counted after the chart's zone
            self.bars.set_counts(None)
            text = (
                translate("CountsChart", "Counting {zone} in the whole archive {name}…")
                if self.counting_archive
                else translate(
                    "CountsChart",
                    "{zone} is not counted in the whole archive {name}: the count was stopped.",
                )
            )
            self.title.setText(text.format(zone=self.zone_namer(zone), name=self._archive_name))
            return
        chart = counts.counts_for(zone)
        self.bars.set_counts(chart)
        self.title.setText(describe(chart, self.source.currentText(), self.zone_namer(zone)))

    def _on_view_changed(self, index: int) -> None:
        self.bars.setVisible(index == 0)
        self.title.setVisible(index == 0)
        for combo in (self.zone, self.day, self.source):
            combo.setEnabled(index == 0)
        self.reference.setVisible(index > 0)
        if index > 0:
            self.reference.index = index - 1
            self.reference.update()

    def set_zones(self, zone_ids: list[str], current: str = "taiwan_adiz") -> None:
        """The zones to choose from, by name (`zone_namer`), the id of each behind it."""
        self.zone.blockSignals(True)
        self.zone.clear()
        for zone_id in zone_ids:
            self.zone.addItem(self.zone_namer(zone_id), zone_id)
        if current in zone_ids:
            self.zone.setCurrentIndex(self.zone.findData(current))
        self.zone.blockSignals(False)

    def set_zone_namer(self, namer: Callable[[str], str]) -> None:
        """Name zones as ``namer(zone_id)`` does (the map's naming), now."""
        self.zone_namer = namer
        for i in range(self.zone.count()):
            self.zone.setItemText(i, namer(self.zone.itemData(i)))
        self._refresh()


__all__ = ["BarsWidget", "CountsPanel", "ReferenceWidget", "pd"]
