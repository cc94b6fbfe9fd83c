"""The map in the window: projection (presets or any EPSG code / PROJ string), place names,
the map date of time-bound layers, graticule, zooming, the user's own layer files, the measure
tool, the cursor read-out and what a click on a zone or line says about it."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QSettings, Slot
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLabel

from viewer.core.basemap import RESOLUTION_NAMES
from viewer.core.catalog import label_for
from viewer.core.constants import CONFIDENCE_WORDS, NAMING_ALL
from viewer.core.map_tools import MEASURE
from viewer.core.projection import PRESETS, Projection
from viewer.core.user_layers import LayerFileError, read_user_layer
from viewer.qt.app_settings import ORG_NAME, PLACE_NAMES_KEY, VECTOR_PATTERNS
from viewer.qt.controller import Controller
from viewer.qt.i18n import translate
from viewer.qt.measure_tool import MeasureTool
from viewer.qt.window_texts import (
    CONFIDENCE_TITLES,
    NAMING_TITLES,
    PROJECTION_TITLES,
    RESOLUTION_TITLES,
    ROLE_TITLES,
    format_dm,
    projection_title,
    shown,
)
from viewer.render.layer_painters import painter_for


class MapController(Controller):
    def __init__(self, session, window) -> None:
        super().__init__(session, window)
        self.state = session.state
        self.canvas = window.canvas
        self.measure_tool = MeasureTool(self.canvas)
        window.scene.overlays.append(self.measure_tool)
        self.cursor_label = QLabel()
        self.cursor_label.setObjectName("cursor_position")
        self.cursor_label.setContentsMargins(6, 0, 6, 0)
        # as wide as the longest read-out: the status bar does not jump as the cursor moves
        sample = "-89.99999, -179.99999   89°59.99′S 179°59.99′W"
        self.cursor_label.setMinimumWidth(self.cursor_label.fontMetrics().horizontalAdvance(sample))
        self.view_label = QLabel()
        self.create_actions()
        window.tools.register(MEASURE, self.measure_tool, self.measure_act)
        self.canvas.cursor_moved.connect(self._on_cursor_moved)
        self.canvas.view_changed.connect(self._on_view_changed)
        self.canvas.layer_clicked.connect(self._on_layer_clicked)
        window.layer_panel.zoom_to_layer.connect(self.canvas.zoom_to_layer)
        window.layer_panel.add_layer_requested.connect(self.add_layer_file)
        self.state.events.connect("projection", self._on_projection_changed)
        self.state.events.connect("naming", self._on_naming_changed)

    def create_actions(self) -> None:
        w, canvas = self.window, self.canvas
        self.add_layer_act = QAction(
            translate("MainWindow", "&Add layer file…"),
            w,
            shortcut="Ctrl+L",
            statusTip=translate(
                "MainWindow",
                "Add a vector file (GeoJSON, GeoPackage, Shapefile, KML) as a map layer",
            ),
            triggered=self.add_layer_file,
        )
        self.home_act = QAction(
            translate("MainWindow", "&Home view"),
            w,
            shortcut="Ctrl+0",
            statusTip=translate("MainWindow", "Show the whole region"),
            triggered=canvas.home,
        )
        self.zoom_in_act = QAction(
            translate("MainWindow", "Zoom &in"),
            w,
            shortcut=QKeySequence.ZoomIn,
            triggered=canvas.zoom_in,
        )
        self.zoom_out_act = QAction(
            translate("MainWindow", "Zoom &out"),
            w,
            shortcut=QKeySequence.ZoomOut,
            triggered=canvas.zoom_out,
        )
        self.zoom_layer_act = QAction(
            translate("MainWindow", "Zoom to &layer"),
            w,
            shortcut="Ctrl+Shift+L",
            statusTip=translate("MainWindow", "Zoom to the layer selected in the panel"),
            triggered=self.zoom_to_selected_layer,
        )
        self.graticule_act = QAction(
            translate("MainWindow", "&Graticule"),
            w,
            checkable=True,
            checked=True,
            triggered=self._on_graticule_toggled,
        )
        self.map_date_act = QAction(
            translate("MainWindow", "Map &date…"),
            w,
            statusTip=translate(
                "MainWindow",
                "Show time-aware layers (Japan's ADIZ near Yonaguni, exercise zones) as on a date",
            ),
            triggered=self.ask_map_date,
        )
        self.epsg_act = QAction(
            translate("MainWindow", "Other CRS (&EPSG code)…"), w, triggered=self.ask_crs
        )
        self.measure_act = QAction(
            translate("MainWindow", "&Measure distance and bearing"),
            w,
            shortcut="M",
            checkable=True,
            statusTip=translate(
                "MainWindow",
                "Drag on the map: geodesic range (nmi, km), true "
                "bearing and 12 nmi range rings; Esc clears",
            ),
        )
        self.projection_group = QActionGroup(w)
        self.projection_acts: dict[str, QAction] = {}
        for key, (title, _) in PRESETS.items():
            act = QAction(shown(PROJECTION_TITLES, key, title), w, checkable=True)
            act.triggered.connect(lambda _=False, k=key: self.set_projection(k))
            self.projection_group.addAction(act)
            self.projection_acts[key] = act
        self.naming_group = QActionGroup(w)
        self.naming_acts: dict[str, QAction] = {}
        for key, title in NAMING_TITLES.items():
            act = QAction(
                translate("MainWindow", title),
                w,
                checkable=True,
                checked=key == self.state.naming,
            )
            act.triggered.connect(lambda _=False, k=key: self.set_naming(k))
            self.naming_group.addAction(act)
            self.naming_acts[key] = act

    def refresh(self) -> None:
        """The projection menu and the status bar read-outs as the map is now."""
        self._on_projection_changed(self.state.projection)

    # ------------------------------------------------------------------ slots
    @Slot()
    def add_layer_file(self, path: str | None = None) -> bool:
        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self.window,
                translate("MainWindow", "Add layer file"),
                "",
                translate("MainWindow", "Vector layers ({patterns});;All files (*)").format(
                    patterns=VECTOR_PATTERNS
                ),
            )
            if not path:
                return False
        try:
            layer = read_user_layer(path)
        except LayerFileError as exc:
            self.show_error(translate("MainWindow", "Cannot add layer"), str(exc))
            return False
        self.window.scene.add_layer_painter(painter_for(layer))
        self.state.add_user_layer(layer)
        if self.session.tracks.items:
            self.window.zone_events.recompute()  # a user polygon or line is a zone too
        self.show_message(
            translate("MainWindow", "Added layer {title} ({n} features)").format(
                title=layer.title(), n=len(layer.features)
            ),
            8000,
        )
        return True

    def set_projection(self, text: str) -> bool:
        try:
            projection = Projection.from_user_input(text)
        except ValueError as exc:
            self.show_error(translate("MainWindow", "Unknown projection"), str(exc))
            return False
        self.state.set_projection(projection)
        return True

    def _on_projection_changed(self, projection: Projection) -> None:
        self._on_view_changed(self.canvas.view)
        for key, act in self.projection_acts.items():
            act.setChecked(PRESETS[key][1] == projection.definition)

    def set_naming(self, naming: str) -> None:
        """View > Place names: the names in ``naming`` from now on (remembered: briefings that
        leave the naming to the viewer show it too), on the open briefing as well."""
        QSettings(ORG_NAME, ORG_NAME).setValue(PLACE_NAMES_KEY, naming)
        self.session.set_default_naming(naming)
        self.state.set_naming(naming)

    def _on_naming_changed(self, naming: str) -> None:
        if naming in self.naming_acts:
            self.naming_acts[naming].setChecked(True)

    @Slot()
    def ask_crs(self) -> None:
        text, ok = QInputDialog.getText(
            self.window,
            translate("MainWindow", "Projection"),
            translate(
                "MainWindow",
                "EPSG code or PROJ string, e.g. EPSG:3826 (TWD97 / TM2) or EPSG:32651 (UTM 51N):",
            ),
        )
        if ok and text.strip():
            self.set_projection(text)

    @Slot()
    def ask_map_date(self) -> None:
        current = (self.state.when or datetime.now(UTC)).strftime("%Y-%m-%d")
        text, ok = QInputDialog.getText(
            self.window,
            translate("MainWindow", "Map date"),
            translate("MainWindow", "Show time-aware layers as on (YYYY-MM-DD, UTC):"),
            text=current,
        )
        if not ok:
            return
        try:
            when = datetime.strptime(text.strip(), "%Y-%m-%d").replace(tzinfo=UTC)
        except ValueError:
            self.show_error(
                translate("MainWindow", "Map date"),
                translate("MainWindow", "{text} is not a date; expected YYYY-MM-DD").format(
                    text=repr(text)
                ),
            )
            return
        self.state.set_when(when)

    @Slot()
    def zoom_to_selected_layer(self) -> None:
        layer_id = self.window.layer_panel.current_layer_id()
        if layer_id:
            self.canvas.zoom_to_layer(layer_id)

    def _on_graticule_toggled(self, checked: bool) -> None:
        self.window.scene.show_graticule = checked
        self.canvas.invalidate()

    def _on_cursor_moved(self, lon: float, lat: float) -> None:
        if lon != lon or lat != lat:  # NaN: off the projection
            self.cursor_label.setText("")
            return
        self.cursor_label.setText(
            f"{lat:.5f}, {lon:.5f}   {format_dm(lat, 'N', 'S')} {format_dm(lon, 'E', 'W')}"
        )

    def _on_view_changed(self, view) -> None:
        res = self.window.scene.basemap_painter.last_resolution
        self.view_label.setText(
            translate("MainWindow", "{projection}  ·  coastline: {resolution}").format(
                projection=projection_title(self.state.projection),
                resolution=shown(RESOLUTION_TITLES, res, RESOLUTION_NAMES.get(res, res)),
            )
        )

    def _on_layer_clicked(self, layer_id: str, index: object) -> None:
        layer = self.state.layer(layer_id)
        row = layer.features.loc[index]
        text = layer.info_text(self.state.naming)
        note = str(row.get("note") or "")
        conf = str(row.get("confidence") or "")
        name = label_for(row, NAMING_ALL) if "name_en" in row else ""
        head = [name] if name else []
        head.append(
            translate("MainWindow", "This {role}: {confidence}").format(
                role=shown(ROLE_TITLES, str(row["role"])),
                confidence=shown(CONFIDENCE_TITLES, conf, CONFIDENCE_WORDS.get(conf, conf)),
            )
            + (f" — {note}" if note else "")
        )
        self.window.layer_panel.show_feature_info(layer_id, "\n".join(head) + "\n\n" + text)
        self.window.layers_dock.show()
