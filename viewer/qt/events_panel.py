"""`EventsPanel`: the zone events table — sortable, filterable by zone and kind; a click jumps
the replay there and selects the track; export to CSV."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from viewer.core.zone_names import naming_for_language, zone_title
from viewer.core.zone_types import EVENT_COLUMNS
from viewer.qt.i18n import current_language, translate
from viewer.render.track_painter import kind_name

COLUMNS = (
    ("time", QT_TRANSLATE_NOOP("EventsPanel", "Time (UTC)")),
    ("track_id", QT_TRANSLATE_NOOP("EventsPanel", "Track")),
    ("kind", QT_TRANSLATE_NOOP("EventsPanel", "Kind")),
    ("zone_id", QT_TRANSLATE_NOOP("EventsPanel", "Zone")),
    ("event", QT_TRANSLATE_NOOP("EventsPanel", "Event")),
    ("side", QT_TRANSLATE_NOOP("EventsPanel", "Side")),
    ("seconds_inside", QT_TRANSLATE_NOOP("EventsPanel", "Inside")),
    ("notes", QT_TRANSLATE_NOOP("EventsPanel", "Notes")),
)
# The events' flags (`viewer.core.zones.FLAG_COLUMNS`) in words: short for the table and the
# strip's markers, long for the tooltip.
FLAG_WORDS = {
    "at_track_start": (
        QT_TRANSLATE_NOOP("EventsPanel", "inside at its first fix"),
        QT_TRANSLATE_NOOP(
            "EventsPanel", "The track starts inside the zone: counted as entering at its first fix."
        ),
    ),
    "inside_when_in_force": (
        QT_TRANSLATE_NOOP("EventsPanel", "inside when the zone came into force"),
        QT_TRANSLATE_NOOP(
            "EventsPanel",
            "The track was already inside when the zone came into force: not a crossing.",
        ),
    ),
    "across_gap": (
        QT_TRANSLATE_NOOP("EventsPanel", "inferred across a gap"),
        QT_TRANSLATE_NOOP(
            "EventsPanel",
            "No fixes here for longer than the track's gap threshold (drawn dashed): the "
            "crossing is inferred from the straight line across the gap.",
        ),
    ),
    "live": (
        QT_TRANSLATE_NOOP("EventsPanel", "live"),
        QT_TRANSLATE_NOOP(
            "EventsPanel", "Raised by a live feed as its messages arrived (and recorded)."
        ),
    ),
    "near_line": (
        QT_TRANSLATE_NOOP("EventsPanel", "near the line: depends on how it is drawn"),
        QT_TRANSLATE_NOOP(
            "EventsPanel",
            "The track stays within 5 km of the line here. Only the line's two ends are "
            "published; the map draws it straight in longitude/latitude, and a rhumb line or "
            "a geodesic between the same ends lies up to a few kilometres away and could "
            "remove this crossing.",
        ),
    ),
}
EVENT_TITLES = {
    "entry": QT_TRANSLATE_NOOP("EventsPanel", "entry"),
    "exit": QT_TRANSLATE_NOOP("EventsPanel", "exit"),
    "crossing": QT_TRANSLATE_NOOP("EventsPanel", "crossing"),
}


def event_title(event: object) -> str:
    """A zone event's kind (entry, exit, crossing) in the interface language."""
    key = str(event)
    return translate("EventsPanel", EVENT_TITLES[key]) if key in EVENT_TITLES else key


def event_notes(row: Any, long: bool = False) -> str:
    """The flags set on an event (a row of the events table), in words: short ones joined by
    '; ', or the long explanations one per line."""
    words = [
        translate("EventsPanel", texts[1 if long else 0])
        for flag, texts in FLAG_WORDS.items()
        if _flag(row, flag)
    ]
    return ("\n" if long else "; ").join(words)


def _flag(row: Any, flag: str) -> bool:
    """A flag of an event (a row: Series, namedtuple or dict); a missing one is not set."""
    value = row.get(flag, False) if hasattr(row, "get") else getattr(row, flag, False)
    return bool(value)


def _duration(seconds: float) -> str:
    if seconds != seconds:  # NaN
        return ""
    h, rem = divmod(round(seconds), 3600)
    return f"{h} h {rem // 60:02d} min" if h else f"{rem // 60} min {rem % 60:02d} s"


class EventsModel(QAbstractTableModel):
    """The events as rows of plain values (``records``, one dict a row, made once per
    ``set_frame``), sorted here with numpy: live alerts refill the table each second, and a
    pandas row per cell (``iloc``) and a sort proxy asking two cells per comparison took the
    window's thread for a third of a second each time with 1,000 alerts."""

    ROLES = (Qt.DisplayRole, Qt.ToolTipRole)

    def __init__(self) -> None:
        super().__init__()
        self.frame = pd.DataFrame(columns=list(EVENT_COLUMNS))
        self.records: list[dict[str, Any]] = []
        self.sorted_by: tuple[int, Qt.SortOrder] | None = None

    def set_frame(self, frame: pd.DataFrame) -> None:
        self.beginResetModel()
        self._take(frame.reset_index(drop=True))
        if self.sorted_by is not None and len(self.frame):
            self._take(self.frame.iloc[self._order(*self.sorted_by)].reset_index(drop=True))
        self.endResetModel()

    def _take(self, frame: pd.DataFrame) -> None:
        self.frame = frame
        self.records = frame.to_dict("records")

    def sort(self, column: int, order: Qt.SortOrder = Qt.AscendingOrder) -> None:
        self.sorted_by = (column, order)
        if not self.records:
            return
        self.layoutAboutToBeChanged.emit()
        rows = self._order(column, order)
        self._take(self.frame.iloc[rows].reset_index(drop=True))
        new_row = np.empty(len(rows), dtype=int)
        new_row[rows] = np.arange(len(rows))
        kept = self.persistentIndexList()  # the selection follows its rows
        self.changePersistentIndexList(
            kept, [self.index(int(new_row[i.row()]), i.column()) for i in kept]
        )
        self.layoutChanged.emit()

    def _order(self, column: int, order: Qt.SortOrder) -> np.ndarray:
        """The rows in the order of column ``column`` (stable; missing values first)."""
        col = COLUMNS[column][0]
        if col == "notes":
            keys = np.array([event_notes(r) for r in self.records], dtype=object).astype(str)
        elif col == "time":
            keys = np.array([t.value for t in self.frame["time"]], dtype=np.int64)
        elif col == "seconds_inside":
            keys = pd.to_numeric(self.frame[col], errors="coerce").fillna(-1.0).to_numpy()
        elif col in self.frame.columns:
            keys = self.frame[col].fillna("").astype(str).to_numpy()
        else:
            keys = np.zeros(len(self.records))
        rows = np.argsort(keys, kind="stable")
        return rows[::-1].copy() if order == Qt.DescendingOrder else rows

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.records)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return len(COLUMNS)

    def headerData(self, section: int, orientation, role: int = Qt.DisplayRole) -> Any:
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return translate("EventsPanel", COLUMNS[section][1])
        return None

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole) -> Any:
        if not index.isValid() or role not in self.ROLES:
            return None
        col = COLUMNS[index.column()][0]
        row = self.records[index.row()]
        value = event_notes(row) if col == "notes" else row.get(col, "")
        if role == Qt.ToolTipRole:
            tips = [event_notes(row, long=True)]
            if bool(row.get("approximate")):
                tips.insert(
                    0,
                    translate(
                        "EventsPanel",
                        "This zone has an approximate edge (the usual drawing, not published)",
                    ),
                )
            return "\n".join(t for t in tips if t) or None
        if role != Qt.DisplayRole:
            return None
        value = (
            zone_title(value, naming_for_language(current_language()))
            if col == "zone_id"
            else value
        )
        if col == "time":
            return value.strftime("%Y-%m-%d %H:%M:%S")
        if col == "seconds_inside":
            return _duration(float(value))
        if col == "zone_id" and bool(row.get("approximate")):
            return translate("EventsPanel", "{zone} (approx.)").format(zone=value)
        if col == "event":
            return event_title(value)
        if col == "kind" and isinstance(value, str):
            return kind_name(value)
        return "" if value is None or value != value else str(value)


class EventsPanel(QWidget):
    """Emits ``event_activated(row)`` with the event's row (a pandas Series) when clicked."""

    event_activated = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = EventsModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QTableView.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setResizeContentsPrecision(0)  # the rows in view: live alerts refill it each second
        self.table.clicked.connect(self._on_clicked)
        self.zone_filter = QComboBox()
        self.kind_filter = QComboBox()
        for combo in (self.zone_filter, self.kind_filter):
            combo.currentIndexChanged.connect(self._apply_filters)
        self.count_label = QLabel(translate("EventsPanel", "No events"))
        export = QPushButton(translate("EventsPanel", "Export CSV…"))
        export.clicked.connect(self.export_csv)
        row = QHBoxLayout()
        row.addWidget(QLabel(translate("EventsPanel", "Zone")))
        row.addWidget(self.zone_filter)
        row.addWidget(QLabel(translate("EventsPanel", "Kind")))
        row.addWidget(self.kind_filter)
        row.addWidget(self.count_label, 1)
        row.addWidget(export)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(row)
        layout.addWidget(self.table)
        self.all_events = pd.DataFrame(columns=list(EVENT_COLUMNS))

    def set_events(self, events: pd.DataFrame) -> None:
        self.all_events = events.reset_index(drop=True)
        for combo, col in ((self.zone_filter, "zone_id"), (self.kind_filter, "kind")):
            combo.blockSignals(True)
            current = combo.currentData()
            combo.clear()
            combo.addItem(translate("EventsPanel", "all"), None)
            for value in sorted(map(str, events[col].dropna().unique())) if len(events) else []:
                combo.addItem(self._item_title(col, value), value)
            index = combo.findData(current) if current is not None else 0
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)
        self._apply_filters()

    @staticmethod
    def _item_title(col: str, value: str) -> str:
        if col == "kind":
            return kind_name(value)
        return zone_title(value, naming_for_language(current_language()))  # ids are data

    def shown(self) -> pd.DataFrame:
        ev = self.all_events
        zone, kind = self.zone_filter.currentData(), self.kind_filter.currentData()
        if zone:
            ev = ev[ev["zone_id"] == zone]
        if kind:
            ev = ev[ev["kind"] == kind]
        return ev

    def _apply_filters(self, *_: object) -> None:
        shown = self.shown()
        self.model.set_frame(shown)
        total = len(self.all_events)
        self.count_label.setText(
            translate("EventsPanel", "{shown} of {total} events").format(
                shown=f"{len(shown):,}", total=f"{total:,}"
            )
            if total
            else translate("EventsPanel", "No events")
        )

    def _on_clicked(self, index: QModelIndex) -> None:
        self.event_activated.emit(self.model.frame.iloc[index.row()])

    def export_csv(self, path: str | None = None) -> bool:
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self, translate("EventsPanel", "Export events"), "events.csv", "CSV (*.csv)"
            )
            if not path:
                return False
        out = self.shown().drop(columns=["path"], errors="ignore").copy()
        if len(out):
            out["time"] = out["time"].dt.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        out.to_csv(path, index=False)
        return True
