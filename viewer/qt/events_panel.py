"""`EventsPanel`: the zone events table — sortable, filterable by zone and kind; a click jumps
the replay there and selects the track; export to CSV."""

from __future__ import annotations

from typing import Any

import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt, Signal
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

COLUMNS = (
    ("time", "Time (UTC)"),
    ("track_id", "Track"),
    ("kind", "Kind"),
    ("zone_id", "Zone"),
    ("event", "Event"),
    ("side", "Side"),
    ("seconds_inside", "Inside"),
)


def _duration(seconds: float) -> str:
    if seconds != seconds:  # NaN
        return ""
    h, rem = divmod(round(seconds), 3600)
    return f"{h} h {rem // 60:02d} min" if h else f"{rem // 60} min {rem % 60:02d} s"


class EventsModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.frame = pd.DataFrame(columns=[c for c, _ in COLUMNS])

    def set_frame(self, frame: pd.DataFrame) -> None:
        self.beginResetModel()
        self.frame = frame.reset_index(drop=True)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.frame)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return len(COLUMNS)

    def headerData(self, section: int, orientation, role: int = Qt.DisplayRole) -> Any:
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return COLUMNS[section][1]
        return None

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole) -> Any:
        if not index.isValid():
            return None
        col = COLUMNS[index.column()][0]
        value = self.frame.iloc[index.row()][col] if col in self.frame.columns else ""
        if role == Qt.UserRole:  # sort key
            return (
                value.value
                if col == "time"
                else (-1.0 if col == "seconds_inside" and value != value else value)
            )
        if role == Qt.ToolTipRole and bool(self.frame.iloc[index.row()].get("approximate")):
            return "This zone has an approximate edge (the usual drawing, not published)"
        if role != Qt.DisplayRole:
            return None
        if col == "time":
            return value.strftime("%Y-%m-%d %H:%M:%S")
        if col == "seconds_inside":
            return _duration(float(value))
        if col == "zone_id" and bool(self.frame.iloc[index.row()].get("approximate")):
            return f"{value} (approx.)"
        return "" if value is None or value != value else str(value)


class EventsPanel(QWidget):
    """Emits ``event_activated(row)`` with the event's row (a pandas Series) when clicked."""

    event_activated = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = EventsModel()
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(Qt.UserRole)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QTableView.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.clicked.connect(self._on_clicked)
        self.zone_filter = QComboBox()
        self.kind_filter = QComboBox()
        for combo in (self.zone_filter, self.kind_filter):
            combo.currentIndexChanged.connect(self._apply_filters)
        self.count_label = QLabel("No events")
        export = QPushButton("Export CSV…")
        export.clicked.connect(self.export_csv)
        row = QHBoxLayout()
        row.addWidget(QLabel("Zone"))
        row.addWidget(self.zone_filter)
        row.addWidget(QLabel("Kind"))
        row.addWidget(self.kind_filter)
        row.addWidget(self.count_label, 1)
        row.addWidget(export)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(row)
        layout.addWidget(self.table)
        self.all_events = pd.DataFrame(columns=[c for c, _ in COLUMNS])

    def set_events(self, events: pd.DataFrame) -> None:
        self.all_events = events.reset_index(drop=True)
        for combo, col in ((self.zone_filter, "zone_id"), (self.kind_filter, "kind")):
            combo.blockSignals(True)
            current = combo.currentText()
            combo.clear()
            combo.addItem("all")
            combo.addItems(sorted(map(str, events[col].dropna().unique())) if len(events) else [])
            index = combo.findText(current)
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)
        self._apply_filters()

    def shown(self) -> pd.DataFrame:
        ev = self.all_events
        zone, kind = self.zone_filter.currentText(), self.kind_filter.currentText()
        if zone and zone != "all":
            ev = ev[ev["zone_id"] == zone]
        if kind and kind != "all":
            ev = ev[ev["kind"] == kind]
        return ev

    def _apply_filters(self, *_: object) -> None:
        shown = self.shown()
        self.model.set_frame(shown)
        total = len(self.all_events)
        self.count_label.setText(f"{len(shown):,} of {total:,} events" if total else "No events")

    def _on_clicked(self, index: QModelIndex) -> None:
        source = self.proxy.mapToSource(index)
        self.event_activated.emit(self.model.frame.iloc[source.row()])

    def export_csv(self, path: str | None = None) -> bool:
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self, "Export events", "events.csv", "CSV (*.csv)"
            )
            if not path:
                return False
        out = self.shown().drop(columns=["path"], errors="ignore").copy()
        if len(out):
            out["time"] = out["time"].dt.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        out.to_csv(path, index=False)
        return True
