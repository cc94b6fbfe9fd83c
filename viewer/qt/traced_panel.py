"""The "Traced tracks" dock and the track-properties dialog.

The dock lists the traced tracks (id, kind, aircraft, vertices, start and end in the scenario's
time zone, implied speed) with buttons to trace a new one, edit its properties or vertices,
duplicate it (a second formation, later), delete it, and save or open traced files. The dialog
sets who flew the path and its timing: start + speed, start + end, or times at chosen vertices.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from viewer.core.constants import KINDS
from viewer.core.time_input import TimeInputError, format_time_shown, parse_time_input
from viewer.core.timeline import ZONE_KEYS
from viewer.core.tracing import (
    SPEED,
    START_END,
    VERTICES,
    Timing,
    TracedScenario,
    TracedTrack,
    TracingError,
    implied_speed_kt,
    vertex_times,
)
from viewer.qt.i18n import translate
from viewer.qt.time_entry import (
    ERROR_COLOUR,
    TimeEntry,
    dialog_layout,
    entry_time,
    local_date,
    time_error_text,
)

# A sensible first guess of ground speed by kind (knots), changed in the dialog.
DEFAULT_SPEED_KT = {
    "fighter": 420.0,
    "bomber": 380.0,
    "isr": 280.0,
    "uav": 150.0,
    "helicopter": 110.0,
    "transport": 300.0,
    "ship": 16.0,
    "unknown": 300.0,
}
_FMT = "yyyy-MM-dd HH:mm:ss"


def kind_names() -> dict[str, str]:
    return {
        "fighter": translate("TracedPanel", "Fighter"),
        "bomber": translate("TracedPanel", "Bomber"),
        "isr": translate("TracedPanel", "ISR / AEW / ASW"),
        "uav": translate("TracedPanel", "Drone (UAV)"),
        "helicopter": translate("TracedPanel", "Helicopter"),
        "transport": translate("TracedPanel", "Transport / tanker"),
        "ship": translate("TracedPanel", "Ship"),
        "unknown": translate("TracedPanel", "Unknown"),
    }


class TrackDialog(QDialog):
    """Who flew the path and when. ``track()`` gives the `TracedTrack` (after OK)."""

    def __init__(self, base: TracedTrack, tz: str, taken_ids: set[str], parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("TracedPanel", "Traced track"))
        self.base, self.tz, self.taken = base, tz, taken_ids - {base.id}
        self.result_track: TracedTrack | None = None
        self.id_edit = QLineEdit(base.id)
        self.kind_combo = QComboBox()
        for key, name in kind_names().items():
            self.kind_combo.addItem(name, key)
        self.kind_combo.setCurrentIndex(KINDS.index(base.kind))
        self.count_spin = QSpinBox()
        self.count_spin.setRange(1, 99)
        self.count_spin.setValue(base.count)
        self.count_spin.setToolTip(
            translate("TracedPanel", "Aircraft this path stands for: a formation of 4 is one path")
        )
        self.callsign_edit = QLineEdit(base.callsign)
        self.label_edit = QLineEdit(base.label)
        self.label_edit.setPlaceholderText(
            translate("TracedPanel", "shown on the map, e.g. J-16 ×4")
        )
        self.mode_combo = QComboBox()
        self.mode_combo.addItem(translate("TracedPanel", "Start time and speed"), SPEED)
        self.mode_combo.addItem(translate("TracedPanel", "Start and end times"), START_END)
        self.mode_combo.addItem(translate("TracedPanel", "Times at chosen vertices"), VERTICES)
        tm = base.timing
        first = datetime.fromtimestamp(self._safe_times()[0], UTC)
        self.start_edit = TimeEntry(tz, tm.start or first)
        self.speed_spin = QDoubleSpinBox()
        self.speed_spin.setRange(1.0, 2500.0)
        self.speed_spin.setDecimals(1)
        self.speed_spin.setSuffix(" kt")
        self.speed_spin.setValue(tm.speed_kt or DEFAULT_SPEED_KT[base.kind])
        self.start2_edit = TimeEntry(tz, tm.start or first)
        last = datetime.fromtimestamp(self._safe_times()[-1], UTC)
        self.end_edit = TimeEntry(tz, tm.end or last)
        self.default_date = local_date(tm.start or first, tz)  # of bare times in the table
        self.vertex_table = QTableWidget(len(base.points), 2)
        self.vertex_table.setHorizontalHeaderLabels(
            [
                translate("TracedPanel", "Vertex"),
                translate("TracedPanel", "Time (blank: interpolated)"),
            ]
        )
        self.vertex_table.verticalHeader().hide()
        self.vertex_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        given = dict(tm.vertex_times)
        for i in range(len(base.points)):
            num = QTableWidgetItem(str(i + 1))
            num.setFlags(Qt.ItemIsEnabled)
            self.vertex_table.setItem(i, 0, num)
            when = given.get(i)
            text = format_time_shown(when, tz) if when else ""
            self.vertex_table.setItem(i, 1, QTableWidgetItem(text))
        pages = QStackedWidget()
        speed_page = QWidget()
        f1 = QFormLayout(speed_page)
        f1.addRow(translate("TracedPanel", "Start ({tz})").format(tz=tz), self.start_edit)
        f1.addRow(translate("TracedPanel", "Ground speed"), self.speed_spin)
        ends_page = QWidget()
        f2 = QFormLayout(ends_page)
        f2.addRow(translate("TracedPanel", "Start ({tz})").format(tz=tz), self.start2_edit)
        f2.addRow(translate("TracedPanel", "End ({tz})").format(tz=tz), self.end_edit)
        vert_page = QWidget()
        v3 = QVBoxLayout(vert_page)
        v3.addWidget(
            QLabel(
                translate(
                    "TracedPanel",
                    "Times in {tz}; two at least (a time without a date, 10:05, is on the date "
                    "of the time above it)",
                ).format(tz=tz)
            )
        )
        v3.addWidget(self.vertex_table)
        for page in (speed_page, ends_page, vert_page):
            pages.addWidget(page)
        self.mode_combo.currentIndexChanged.connect(pages.setCurrentIndex)
        self.mode_combo.setCurrentIndex((SPEED, START_END, VERTICES).index(tm.mode))
        pages.setCurrentIndex(self.mode_combo.currentIndex())
        form = QFormLayout()
        form.addRow(translate("TracedPanel", "Id / callsign shown"), self.id_edit)
        form.addRow(translate("TracedPanel", "Kind"), self.kind_combo)
        form.addRow(translate("TracedPanel", "Aircraft"), self.count_spin)
        form.addRow(translate("TracedPanel", "Callsign (optional)"), self.callsign_edit)
        form.addRow(translate("TracedPanel", "Label (optional)"), self.label_edit)
        form.addRow(translate("TracedPanel", "Timing"), self.mode_combo)
        self.error_label = dialog_layout(self, form, pages)
        self.kind_combo.currentIndexChanged.connect(self._on_kind_changed)
        self._kind_at_open = base.kind
        self.vertex_table.itemChanged.connect(self._on_vertex_time_changed)

    def _safe_times(self) -> np.ndarray:
        try:
            return vertex_times(self.base)
        except TracingError:
            now = datetime.now(UTC).replace(microsecond=0).timestamp()
            return np.array([now, now + 3600.0])

    def _on_kind_changed(self, _index: int) -> None:
        # a new kind brings its typical speed unless the user already changed the speed
        old = DEFAULT_SPEED_KT[self._kind_at_open]
        if abs(self.speed_spin.value() - old) < 1e-9:
            self._kind_at_open = self.kind_combo.currentData()
            self.speed_spin.setValue(DEFAULT_SPEED_KT[self._kind_at_open])

    def build(self) -> TracedTrack:
        """The track the fields describe; raises `TracingError` saying what is wrong."""
        track_id = self.id_edit.text().strip()
        if track_id in self.taken:
            raise TracingError(
                translate("TracedPanel", "another traced track is called {id!r}").format(
                    id=track_id
                )
            )
        mode = self.mode_combo.currentData()
        if mode == SPEED:
            start = self._time(self.start_edit, translate("TracedPanel", "Start"))
            timing = Timing.at_speed(start, self.speed_spin.value())
        elif mode == START_END:
            timing = Timing.between(
                self._time(self.start2_edit, translate("TracedPanel", "Start")),
                self._time(self.end_edit, translate("TracedPanel", "End")),
            )
        else:
            timing = Timing.at_vertices(self.typed_vertex_times())
        track = TracedTrack(
            track_id,
            self.kind_combo.currentData(),
            self.count_spin.value(),
            self.base.points,
            timing,
            callsign=self.callsign_edit.text().strip(),
            label=self.label_edit.text().strip(),
        )
        vertex_times(track)  # every vertex can be timed
        return track

    def _on_vertex_time_changed(self, item: QTableWidgetItem) -> None:
        """A typed vertex time is shown back with its zone, or marked red with the reason."""
        if item.column() != 1:
            return
        result = dict(self._parsed_rows()).get(item.row())
        self.vertex_table.blockSignals(True)
        try:
            if isinstance(result, TimeInputError):
                message = self._vertex_error(item.row(), result)
                item.setForeground(QBrush(QColor(ERROR_COLOUR)))
                item.setToolTip(message)
                self.error_label.setText(message)
                return
            item.setForeground(QBrush())
            item.setToolTip("")
            self.error_label.setText("")
            if result is not None:
                item.setText(format_time_shown(result, self.tz))
        finally:
            self.vertex_table.blockSignals(False)

    @staticmethod
    def _time(entry: TimeEntry, what: str) -> datetime:
        try:
            return entry_time(entry, what)
        except ValueError as exc:
            raise TracingError(str(exc)) from None

    def _parsed_rows(self) -> list[tuple[int, datetime | TimeInputError]]:
        """Each row with a text: its time (UTC) or why it is not one. A bare time is on the date
        of the time above it (the first on the track's start date)."""
        rows: list[tuple[int, datetime | TimeInputError]] = []
        day = self.default_date
        for row in range(self.vertex_table.rowCount()):
            item = self.vertex_table.item(row, 1)
            text = item.text().strip() if item else ""
            if not text:
                continue
            try:
                when = parse_time_input(text, self.tz, day)
            except TimeInputError as exc:
                rows.append((row, exc))
                continue
            rows.append((row, when))
            day = local_date(when, self.tz)
        return rows

    @staticmethod
    def _vertex_error(row: int, exc: TimeInputError) -> str:
        return translate("TracedPanel", "Vertex {n}: {reason}").format(
            n=row + 1, reason=time_error_text(exc)
        )

    def typed_vertex_times(self) -> list[tuple[int, datetime]]:
        """(vertex index, UTC time) for each row with a time; raises `TracingError` naming the
        first vertex whose text is not a time."""
        pairs: list[tuple[int, datetime]] = []
        for row, when in self._parsed_rows():
            if isinstance(when, TimeInputError):
                raise TracingError(self._vertex_error(row, when))
            pairs.append((row, when))
        return pairs

    def accept(self) -> None:
        try:
            self.result_track = self.build()
        except TracingError as exc:
            self.error_label.setText(str(exc))
            return
        super().accept()


class TracedPanel(QWidget):
    """Signals ask the window to act (it keeps the scenario, with undo)."""

    trace_requested = Signal()
    edit_vertices_requested = Signal(str)
    properties_requested = Signal(str)
    duplicate_requested = Signal(str)
    delete_requested = Signal(str)
    save_requested = Signal()
    open_requested = Signal()
    counts_requested = Signal()
    scenario_edited = Signal(object)  # a TracedScenario with a new source or zone

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scenario: TracedScenario | None = None
        self._updating = False
        self.trace_button = QPushButton(translate("TracedPanel", "Trace a track"))
        self.trace_button.setToolTip(
            translate(
                "TracedPanel",
                "Click vertices on the map; Enter or a double-click ends the track (T)",
            )
        )
        self.trace_button.clicked.connect(self.trace_requested)
        self.props_button = QPushButton(translate("TracedPanel", "Properties…"))
        self.props_button.clicked.connect(lambda: self._selected(self.properties_requested))
        self.vertices_button = QPushButton(translate("TracedPanel", "Edit vertices"))
        self.vertices_button.setToolTip(
            translate(
                "TracedPanel",
                "Drag a vertex; Ctrl+click or double-click a leg inserts one; right-click deletes",
            )
        )
        self.vertices_button.clicked.connect(lambda: self._selected(self.edit_vertices_requested))
        self.duplicate_button = QPushButton(translate("TracedPanel", "Duplicate…"))
        self.duplicate_button.setToolTip(
            translate("TracedPanel", "The same path flown again later (another formation)")
        )
        self.duplicate_button.clicked.connect(lambda: self._selected(self.duplicate_requested))
        self.delete_button = QPushButton(translate("TracedPanel", "Delete"))
        self.delete_button.clicked.connect(lambda: self._selected(self.delete_requested))
        self.table = QTableWidget(0, 7)
        self.table.setHorizontalHeaderLabels(
            [
                translate("TracedPanel", "Track"),
                translate("TracedPanel", "Kind"),
                translate("TracedPanel", "Aircraft"),
                translate("TracedPanel", "Vertices"),
                translate("TracedPanel", "Start"),
                translate("TracedPanel", "End"),
                translate("TracedPanel", "Speed (kt)"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.doubleClicked.connect(lambda _i: self._selected(self.properties_requested))
        self.source_edit = QLineEdit()
        self.source_edit.setToolTip(
            translate("TracedPanel", "Written into every saved file: where the tracks come from")
        )
        self.source_edit.editingFinished.connect(self._on_source_edited)
        self.tz_combo = QComboBox()
        self.tz_combo.addItems(ZONE_KEYS)
        self.tz_combo.setToolTip(
            translate("TracedPanel", "The zone times are typed and shown in (stored in UTC)")
        )
        self.tz_combo.currentTextChanged.connect(self._on_tz_changed)
        save = QPushButton(translate("TracedPanel", "Save as CSV / GeoJSON…"))
        save.clicked.connect(self.save_requested)
        opened = QPushButton(translate("TracedPanel", "Open for editing…"))
        opened.clicked.connect(self.open_requested)
        counts = QPushButton(translate("TracedPanel", "Reported daily counts…"))
        counts.clicked.connect(self.counts_requested)
        row1 = QHBoxLayout()
        for b in (
            self.trace_button,
            self.props_button,
            self.vertices_button,
            self.duplicate_button,
            self.delete_button,
        ):
            row1.addWidget(b)
        row1.addStretch(1)
        form = QFormLayout()
        form.addRow(translate("TracedPanel", "Provenance"), self.source_edit)
        form.addRow(translate("TracedPanel", "Time zone"), self.tz_combo)
        row3 = QHBoxLayout()
        row3.addWidget(opened)
        row3.addWidget(save)
        row3.addWidget(counts)
        row3.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addLayout(row1)
        lay.addWidget(self.table, 1)
        lay.addLayout(form)
        lay.addLayout(row3)
        self.set_scenario(None)

    def _selected(self, signal) -> None:
        track_id = self.selected_id()
        if track_id is not None:
            signal.emit(track_id)

    def selected_id(self) -> str | None:
        rows = {i.row() for i in self.table.selectedIndexes()}
        if not rows or self.scenario is None:
            return None
        item = self.table.item(min(rows), 0)
        return item.data(Qt.UserRole) if item else None

    def select(self, track_id: str) -> None:
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).data(Qt.UserRole) == track_id:
                self.table.selectRow(row)

    def _on_source_edited(self) -> None:
        if not self._updating and self.scenario is not None:
            text = self.source_edit.text().strip()
            if text != self.scenario.source:
                self.scenario_edited.emit(replace(self.scenario, source=text))

    def _on_tz_changed(self, tz: str) -> None:
        if not self._updating and self.scenario is not None and tz != self.scenario.tz:
            self.scenario_edited.emit(replace(self.scenario, tz=tz))

    def set_scenario(self, scenario: TracedScenario | None) -> None:
        keep = self.selected_id()
        self._updating = True
        try:
            self.scenario = scenario
            tracks = scenario.tracks if scenario else ()
            names = kind_names()
            tz = scenario.tz if scenario else "Asia/Taipei"
            zone = ZoneInfo(tz)
            self.table.setRowCount(len(tracks))
            for row, track in enumerate(tracks):
                try:
                    times = vertex_times(track)
                    speeds = implied_speed_kt(track)
                    start = datetime.fromtimestamp(times[0], zone).strftime("%m-%d %H:%M:%S")
                    end = datetime.fromtimestamp(times[-1], zone).strftime("%m-%d %H:%M:%S")
                    lo, hi = float(np.nanmin(speeds)), float(np.nanmax(speeds))
                    speed = f"{lo:.0f}" if hi - lo < 1 else f"{lo:.0f}–{hi:.0f}"
                    bad = hi > 1500 or lo < 1
                except TracingError as exc:
                    start, end, speed, bad = "–", "–", str(exc), True
                cells = (
                    track.id,
                    names[track.kind],
                    str(track.count),
                    str(len(track.points)),
                    start,
                    end,
                    speed,
                )
                for col, text in enumerate(cells):
                    item = QTableWidgetItem(text)
                    if col == 0:
                        item.setData(Qt.UserRole, track.id)
                    if col == 6 and bad:
                        item.setForeground(QBrush(QColor("#C0392B")))
                        item.setToolTip(
                            translate(
                                "TracedPanel", "Check the timing: this speed is not an aircraft's"
                            )
                        )
                    self.table.setItem(row, col, item)
            self.source_edit.setText(scenario.source if scenario else "")
            self.source_edit.setCursorPosition(0)  # show how it starts: "traced from ..."
            self.source_edit.setEnabled(scenario is not None)
            self.tz_combo.setCurrentText(tz)
            has = bool(tracks)
            for b in (
                self.props_button,
                self.vertices_button,
                self.duplicate_button,
                self.delete_button,
            ):
                b.setEnabled(has)
            if keep is not None:
                self.select(keep)
            elif has:
                self.table.selectRow(len(tracks) - 1)
        finally:
            self._updating = False


def duplicate_offset_minutes(parent, default: int = 10) -> int | None:
    minutes, ok = QInputDialog.getInt(
        parent,
        translate("TracedPanel", "Duplicate track"),
        translate("TracedPanel", "Fly the same path how many minutes later?"),
        default,
        -1440,
        1440,
    )
    return minutes if ok else None


def offset(minutes: int) -> timedelta:
    return timedelta(minutes=minutes)
