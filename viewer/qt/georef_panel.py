"""The "Picture underlay" dock: add a picture, pin it to the map with control points, see each
point's residual, set its opacity, export a world file.

Placing a point (the map tool CONTROL_POINT, `ControlPointTool`): press "Add point" (or P), click
a spot on the picture, then the same spot on the map — a drag on the map pans it, Esc stops —
or type its coordinates. From three points on, the picture is drawn on the map; with more,
the table shows each point's residual in picture pixels and in kilometres (the worst in red) and
the RMS error, so a misplaced point stands out and can be unticked or deleted.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSlider,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from viewer.core.constants import WEB_MERCATOR, WGS84
from viewer.core.georeference import ControlPoint, GeoreferenceError, Underlay, fit_affine
from viewer.qt.i18n import translate
from viewer.qt.picture_view import PictureView
from viewer.qt.tool_handler import ToolHandler

MAX_TABLE_ROWS = 12  # the control-point table grows to show this many rows, then scrolls


def column_names() -> list[str]:
    return [
        "#",
        translate("GeorefPanel", "Use"),
        translate("GeorefPanel", "Picture x"),
        translate("GeorefPanel", "Picture y"),
        translate("GeorefPanel", "Longitude"),
        translate("GeorefPanel", "Latitude"),
        translate("GeorefPanel", "Residual px"),
        translate("GeorefPanel", "Residual km"),
    ]


def parse_lonlat(text: str) -> tuple[float, float]:
    """'121.5, 25.04' or '25.04N 121.5E' or '25°02.4′N 121°30′E' -> (lon, lat)."""
    cleaned = text.strip().upper().replace("′", "'").replace("’", "'").replace(",", " ")
    parts = re.findall(r"(-?\d+(?:\.\d+)?)(?:°\s*(\d+(?:\.\d+)?)'?)?\s*([NSEW])?", cleaned)
    values = []
    for deg, minutes, hemi in parts:
        v = float(deg) + (float(minutes) / 60.0 if minutes else 0.0)
        if hemi in ("S", "W"):
            v = -v
        values.append((v, hemi))
    if len(values) != 2:
        raise ValueError(
            translate(
                "GeorefPanel", "expected two numbers: longitude, latitude (e.g. 121.5, 25.04)"
            )
        )
    (a, ha), (b, hb) = values
    if ha in ("N", "S") or hb in ("E", "W"):
        a, b = b, a  # written latitude first
    if not (-180 <= a <= 180 and -90 <= b <= 90):
        raise ValueError(
            translate("GeorefPanel", "longitude must be within ±180 and latitude within ±90")
        )
    return a, b


class GeorefPanel(QWidget):
    """``edited(Underlay | None)``: the user changed the underlay (the window keeps it, with
    undo); ``add_picture_requested`` / ``export_requested``: the window shows the file dialogs."""

    edited = Signal(object)
    add_picture_requested = Signal()
    export_requested = Signal()
    status = Signal(str)

    def __init__(self, canvas, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.canvas = canvas
        self.underlay: Underlay | None = None
        self.picking: str | None = None  # "picture", then "map", while a point is being placed
        self._updating = False
        self.view = PictureView()
        self.view.clicked.connect(self._on_picture_clicked)
        self.file_label = QLabel(translate("GeorefPanel", "No picture"))
        self.file_label.setWordWrap(True)
        add = QPushButton(translate("GeorefPanel", "Add picture…"))
        add.setToolTip(
            translate(
                "GeorefPanel", "A PNG or JPEG map to trace over (a ministry's daily map, a sketch)"
            )
        )
        add.clicked.connect(self.add_picture_requested)
        self.remove_button = QPushButton(translate("GeorefPanel", "Remove"))
        self.remove_button.clicked.connect(lambda: self.edited.emit(None))
        self.point_button = QPushButton(translate("GeorefPanel", "Add point"))
        self.point_button.setCheckable(True)  # the window ticks it while the tool is on
        self.point_button.setToolTip(
            translate(
                "GeorefPanel", "Click a spot on the picture, then the same spot on the map (P)"
            )
        )
        self.point_tool = ControlPointTool(self)
        self.type_button = QPushButton(translate("GeorefPanel", "Type coordinates…"))
        self.type_button.setToolTip(
            translate("GeorefPanel", "Give the spot picked on the picture by its coordinates")
        )
        self.type_button.clicked.connect(self.type_coordinates)
        self.delete_button = QPushButton(translate("GeorefPanel", "Delete point"))
        self.delete_button.clicked.connect(self.delete_selected_point)
        self.crs_combo = QComboBox()
        self.crs_combo.addItem(translate("GeorefPanel", "Picture in lon/lat (plate carrée)"), WGS84)
        self.crs_combo.addItem(
            translate("GeorefPanel", "Picture in Web Mercator (web maps)"), WEB_MERCATOR
        )
        self.crs_combo.setToolTip(
            translate(
                "GeorefPanel",
                "The projection the picture was drawn in; the smaller RMS error tells which",
            )
        )
        self.crs_combo.currentIndexChanged.connect(self._on_crs_changed)
        self.table = QTableWidget(0, len(column_names()))
        self.table.setHorizontalHeaderLabels(column_names())
        self.table.horizontalHeaderItem(6).setToolTip(
            translate(
                "GeorefPanel",
                "Distance between where you put the point and where the fit puts it, corrected "
                "for leverage: a single wrong point always has the largest value",
            )
        )
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.MinimumExpanding)
        self.table.itemChanged.connect(self._on_item_changed)
        self.fit_label = QLabel()
        self.fit_label.setWordWrap(True)
        self.opacity = QSlider(Qt.Horizontal)
        self.opacity.setRange(0, 100)
        self.opacity.setValue(60)
        self.opacity.setToolTip(translate("GeorefPanel", "Opacity of the picture on the map"))
        self.opacity.valueChanged.connect(self._on_look_changed)
        self.visible_box = QCheckBox(translate("GeorefPanel", "Show on map"))
        self.visible_box.setChecked(True)
        self.visible_box.toggled.connect(self._on_look_changed)
        self.export_button = QPushButton(translate("GeorefPanel", "Export world file…"))
        self.export_button.setToolTip(
            translate(
                "GeorefPanel",
                "Write a world file and a .aux.xml beside the picture, so QGIS and GDAL place it",
            )
        )
        self.export_button.clicked.connect(self.export_requested)

        top = QHBoxLayout()
        top.addWidget(add)
        top.addWidget(self.remove_button)
        top.addWidget(self.file_label, 1)
        points = QHBoxLayout()
        for w in (self.point_button, self.type_button, self.delete_button):
            points.addWidget(w)
        points.addStretch(1)
        look = QHBoxLayout()
        look.addWidget(QLabel(translate("GeorefPanel", "Opacity")))
        look.addWidget(self.opacity, 1)
        look.addWidget(self.visible_box)
        look.addWidget(self.export_button)
        lower = QWidget()
        lay = QVBoxLayout(lower)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(points)
        lay.addWidget(self.crs_combo)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.fit_label)
        lay.addLayout(look)
        split = QSplitter(Qt.Vertical)
        split.addWidget(self.view)
        split.addWidget(lower)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        outer = QVBoxLayout(self)
        outer.addLayout(top)
        outer.addWidget(split, 1)
        self._refresh()

    # ------------------------------------------------------------------ state from the window
    def set_underlay(self, underlay: Underlay | None, image=None, name: str = "") -> None:
        """Show ``underlay`` (no signal is emitted)."""
        self.underlay = underlay
        if image is not None or underlay is None:
            self.view.set_picture(image)
        if name or underlay is None:
            self.file_label.setText(name or translate("GeorefPanel", "No picture"))
        self._refresh()

    # ------------------------------------------------------------------ placing points
    def _on_picture_clicked(self, px: float, py: float) -> None:
        if self.picking is None and self.underlay is not None:
            self.point_button.setChecked(True)
        if self.picking is None:
            return
        self.view.pending = (px, py)
        self.view.update()
        self.picking = "map"
        self.status.emit(
            translate(
                "GeorefPanel",
                "Now click the same spot on the map, or press Type coordinates… (Esc cancels)",
            )
        )

    def cancel_point(self) -> None:
        self.point_button.setChecked(False)

    def type_coordinates(self) -> None:
        if self.view.pending is None:
            self.status.emit(translate("GeorefPanel", "First click the spot on the picture"))
            return
        text, ok = QInputDialog.getText(
            self,
            translate("GeorefPanel", "Control point"),
            translate(
                "GeorefPanel",
                "Longitude, latitude of the spot (e.g. 121.5, 25.04 or 25°02′N 121°30′E):",
            ),
        )
        if not ok:
            return
        try:
            lon, lat = parse_lonlat(text)
        except ValueError as exc:
            self.status.emit(str(exc))
            return
        self.add_point(lon, lat)

    def add_point(self, lon: float, lat: float) -> None:
        if self.underlay is None or self.view.pending is None:
            return
        px, py = self.view.pending
        point = ControlPoint(round(px, 2), round(py, 2), round(lon, 6), round(lat, 6))
        self.view.pending = None
        self.point_button.setChecked(False)
        self.edited.emit(replace(self.underlay, points=(*self.underlay.points, point)))
        n = len(self.underlay.points)
        self.status.emit(
            translate("GeorefPanel", "Point {n} placed").format(n=n)
            + ("" if n >= 3 else translate("GeorefPanel", ": place {k} more").format(k=3 - n))
        )

    def delete_selected_point(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        if self.underlay is None or not rows:
            return
        pts = [p for i, p in enumerate(self.underlay.points) if i not in rows]
        self.edited.emit(replace(self.underlay, points=tuple(pts)))

    # ------------------------------------------------------------------ edits in the table / look
    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if self._updating or self.underlay is None:
            return
        row, col = item.row(), item.column()
        pts = list(self.underlay.points)
        p = pts[row]
        try:
            if col == 1:
                p = replace(p, enabled=item.checkState() == Qt.Checked)
            elif col in (2, 3, 4, 5):
                value = float(item.text().replace(",", "."))
                name = ("px", "py", "lon", "lat")[col - 2]
                p = ControlPoint(**{**p.__dict__, name: value})
            else:
                return
        except (ValueError, GeoreferenceError) as exc:
            self.status.emit(
                translate("GeorefPanel", "Point {n}: {error}").format(n=row + 1, error=exc)
            )
            self._refresh()
            return
        pts[row] = p
        self.edited.emit(replace(self.underlay, points=tuple(pts)))

    def _on_crs_changed(self, _index: int) -> None:
        if self._updating or self.underlay is None:
            return
        self.edited.emit(replace(self.underlay, crs=self.crs_combo.currentData()))

    def _on_look_changed(self, *_: object) -> None:
        if self._updating or self.underlay is None:
            return
        self.edited.emit(
            replace(
                self.underlay,
                opacity=self.opacity.value() / 100.0,
                visible=self.visible_box.isChecked(),
            )
        )

    # ------------------------------------------------------------------ showing the fit
    def _refresh(self) -> None:
        self._updating = True
        try:
            u = self.underlay
            has = u is not None
            for w in (
                self.remove_button,
                self.point_button,
                self.type_button,
                self.delete_button,
                self.crs_combo,
                self.opacity,
                self.visible_box,
            ):
                w.setEnabled(has)
            points = u.points if u else ()
            fit = None
            message = translate("GeorefPanel", "Add a picture, then place control points on it")
            if u is not None:
                self.crs_combo.setCurrentIndex(max(0, self.crs_combo.findData(u.crs)))
                self.opacity.setValue(round(u.opacity * 100))
                self.visible_box.setChecked(u.visible)
                try:
                    fit = fit_affine(points, u.crs)
                except GeoreferenceError as exc:
                    message = str(exc)
            worst = fit.worst_point() if fit else None
            self.view.underlay, self.view.worst = u, worst
            self.view.update()
            self.table.setRowCount(len(points))
            for row, p in enumerate(points):
                res_px = f"{fit.residual_px[row]:.1f}" if fit else "–"
                res_km = f"{fit.residual_km[row]:.2f}" if fit else "–"
                values = ("", "", f"{p.px:.1f}", f"{p.py:.1f}", f"{p.lon:.5f}", f"{p.lat:.5f}")
                for col, text in enumerate((*values, res_px, res_km)):
                    item = QTableWidgetItem(str(row + 1) if col == 0 else text)
                    flags = Qt.ItemIsSelectable | Qt.ItemIsEnabled
                    if col == 1:
                        flags |= Qt.ItemIsUserCheckable
                        item.setCheckState(Qt.Checked if p.enabled else Qt.Unchecked)
                    elif col in (2, 3, 4, 5):
                        flags |= Qt.ItemIsEditable
                    item.setFlags(flags)
                    if col >= 6:
                        item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                    if row == worst:
                        item.setForeground(QBrush(QColor("#C0392B")))
                    self.table.setItem(row, col, item)
            if fit is not None:
                message = translate(
                    "GeorefPanel", "{n} points · RMS error {px:.1f} px, {km:.2f} km"
                ).format(n=sum(p.enabled for p in points), px=fit.rms_px, km=fit.rms_km)
                if worst is not None:
                    message += " · " + translate(
                        "GeorefPanel", "largest residual: point {n}"
                    ).format(n=worst + 1)
                elif sum(p.enabled for p in points) == 3:
                    message += " · " + translate(
                        "GeorefPanel", "a 4th point shows how well they agree"
                    )
                else:
                    message += " · " + translate("GeorefPanel", "all points agree within a pixel")
            self.fit_label.setText(message)
            self.export_button.setEnabled(fit is not None)
            self._fit_table_height(len(points))
        finally:
            self._updating = False

    def _fit_table_height(self, rows: int) -> None:
        """The table tall enough for every point (up to `MAX_TABLE_ROWS`, then it scrolls):
        the picture above gives up the room."""
        table = self.table
        shown = max(3, min(rows, MAX_TABLE_ROWS))
        row_h = table.verticalHeader().defaultSectionSize()
        height = table.horizontalHeader().sizeHint().height() + shown * row_h
        height += 2 * table.frameWidth() + table.horizontalScrollBar().sizeHint().height()
        table.setMinimumHeight(height)

    def picture_name(self) -> str:
        return Path(self.underlay.path).name if self.underlay else ""


class ControlPointTool(ToolHandler):
    """Placing a control point, a map tool (`ToolHandler`): the spot on the picture first (a
    click on the panel's picture), then a click on the map — a drag pans the map."""

    def __init__(self, panel: GeorefPanel) -> None:
        self.panel = panel

    def activate(self) -> bool:
        panel = self.panel
        if panel.underlay is None:
            panel.status.emit(translate("GeorefPanel", "Add a picture first"))
            return False
        panel.picking = "picture"
        panel.view.pending = None
        panel.view.update()
        panel.status.emit(
            translate(
                "GeorefPanel", "Click a spot on the picture that you can also find on the map"
            )
        )
        return True

    def deactivate(self) -> None:
        panel = self.panel
        panel.picking = None
        panel.view.pending = None
        panel.view.update()

    def click(self, pos: QPointF, modifiers: Qt.KeyboardModifier) -> bool:
        panel = self.panel
        if panel.picking != "map":
            panel.status.emit(translate("GeorefPanel", "First click the spot on the picture"))
            return True
        lon, lat = panel.canvas.lonlat_at(pos.x(), pos.y())
        if math.isfinite(lon) and math.isfinite(lat):
            panel.add_point(float(lon), float(lat))
        return True
