"""The main window: the map, the layer panel, menus, status bar; `run_app` starts it all."""

from __future__ import annotations

import sys
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
from PySide6.QtCore import QSettings, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup, QFont, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTextBrowser,
    QWidget,
)

from viewer import __version__
from viewer.core.basemap import ATTRIBUTION, RESOLUTION_NAMES
from viewer.core.catalog import Catalog, load_catalog
from viewer.core.constants import NAMING_ALL, NAMING_EN, NAMING_JA, NAMING_ZH_CN, NAMING_ZH_TW
from viewer.core.map_state import MapState
from viewer.core.projection import PRESETS, Projection
from viewer.core.timeline import Timeline
from viewer.core.track_layers import LoadedTracks, TrackLayers
from viewer.qt.layer_panel import LayerPanel
from viewer.qt.map_canvas import MapCanvas
from viewer.qt.map_scene import MapScene

APP_NAME = "ADIZ Viewer"
ORG_NAME = "adiz-viewer"
UI_FONT_FAMILIES = ["DejaVu Sans", "Noto Sans CJK TC", "Noto Sans CJK JP", "Noto Sans CJK SC"]
NAMING_TITLES = {
    NAMING_EN: "English",
    NAMING_JA: "Japanese usage (日本)",
    NAMING_ZH_CN: "PRC usage (中国大陆)",
    NAMING_ZH_TW: "ROC usage (臺灣)",
    NAMING_ALL: "All usages",
}
TRACK_FILTER = (
    "Track files (*.csv *.tsv *.txt *.geojson *.json *.gpx *.kml *.kmz *.gpkg *.shp *.fgb "
    "*.parquet *.nmea *.ais *.xml *.cot);;All files (*)"
)
TIME_ZONES = [
    "UTC",
    "Asia/Taipei",
    "Asia/Tokyo",
    "Asia/Shanghai",
    "Asia/Seoul",
    "Asia/Manila",
    "Europe/London",
    "America/New_York",
]
MAX_RECENT = 10
DEFAULT_BRIEFING = (
    Path(__file__).resolve().parents[2] / "resources" / "sample" / "default.briefing.json"
)
VECTOR_FILTER = "Vector layers (*.geojson *.json *.gpkg *.shp *.kml *.fgb);;All files (*)"


def format_dm(value: float, pos: str, neg: str) -> str:
    """Degrees and decimal minutes, e.g. 25°44.60′N."""
    hemi = pos if value >= 0 else neg
    v = abs(value)
    d = int(v)
    m = (v - d) * 60.0
    if m >= 59.995:
        d, m = d + 1, 0.0
    return f"{d}°{m:05.2f}′{hemi}"


class MainWindow(QMainWindow):
    events_ready = Signal(int, object)  # (generation, events frame) from the worker thread

    def __init__(self, state: MapState, scene: MapScene | None = None) -> None:
        super().__init__()
        self.state = state
        self.scene = scene or MapScene(state)
        self.canvas = MapCanvas(self.scene)
        self.setCentralWidget(self.canvas)
        self.setAcceptDrops(True)
        self.tracks = TrackLayers()
        self.reports: dict[str, object] = {}
        from viewer.qt.track_loader import TrackLoader

        self.loader = TrackLoader(self)
        self.loader.progress.connect(self._on_load_progress)
        self.loader.finished.connect(self._on_load_finished)
        self.loader.failed.connect(self._on_load_failed)
        self.loader.cancelled.connect(self._on_load_cancelled)
        self._loading: dict[str, float] = {}
        self._load_options: dict[str, object] = {}
        self.setWindowTitle(f"{APP_NAME} {__version__}")
        self.layer_panel = LayerPanel(state)
        dock = QDockWidget("Layers", self)
        dock.setObjectName("layers_dock")
        dock.setWidget(self.layer_panel)
        self.addDockWidget(Qt.LeftDockWidgetArea, dock)
        self.layers_dock = dock
        self._build_replay()
        self.cursor_label = QLabel()
        self.view_label = QLabel()
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.setMaximumWidth(220)
        self.progress_bar.setFormat("Loading… %p%")
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setToolTip("Stop loading the track files")
        self.cancel_button.clicked.connect(self.cancel_loading)
        self.statusBar().addWidget(self.cursor_label, 1)
        self.statusBar().addPermanentWidget(self.progress_bar)
        self.statusBar().addPermanentWidget(self.cancel_button)
        self.statusBar().addPermanentWidget(self.view_label)
        self.progress_bar.hide()
        self.cancel_button.hide()
        self.create_actions()
        self.create_menus()
        self.canvas.cursor_moved.connect(self._on_cursor_moved)
        self.canvas.view_changed.connect(self._on_view_changed)
        self.canvas.layer_clicked.connect(self._on_layer_clicked)
        self.layer_panel.zoom_to_layer.connect(self.canvas.zoom_to_layer)
        self.layer_panel.add_layer_requested.connect(self.add_layer_file)
        self.state.events.connect("projection", self._on_projection_changed)
        self.tracks.events.connect("changed", self._on_tracks_changed)
        self.timeline.events.connect("time", self._on_time_changed)
        self.timeline.events.connect("trail", self._on_time_changed)
        self._on_tracks_changed()
        self.resize(1400, 900)
        self._refresh_recent_menu()
        self._on_projection_changed(state.projection)
        self._on_view_changed(self.canvas.view)

    # ------------------------------------------------------------------ actions
    def create_actions(self) -> None:
        self.open_act = QAction(
            "&Open track files…",
            self,
            shortcut=QKeySequence.Open,
            statusTip="Load CSV, GeoJSON, GPX, KML/KMZ, GeoPackage, "
            "Parquet, AIS NMEA or Cursor-on-Target track files",
            triggered=self.open_dialog,
        )
        self.open_briefing_act = QAction(
            "Open &briefing…",
            self,
            shortcut="Ctrl+Shift+O",
            statusTip="Open a saved briefing (*.briefing.json)",
            triggered=self.open_briefing_dialog,
        )
        self.save_act = QAction(
            "&Save briefing",
            self,
            shortcut=QKeySequence.Save,
            statusTip="Save the briefing: files, layers, view, clock, scenes",
            triggered=self.save_briefing,
        )
        self.save_as_act = QAction(
            "Save briefing &as…",
            self,
            shortcut=QKeySequence.SaveAs,
            triggered=self.save_briefing_as,
        )
        self.add_scene_act = QAction(
            "&Add scene from current view",
            self,
            shortcut="Ctrl+M",
            statusTip="A scene = this view, time, layers and speed",
            triggered=self.add_scene,
        )
        self.rename_scene_act = QAction("&Rename scene…", self, triggered=self.rename_scene)
        self.delete_scene_act = QAction("&Delete scene", self, triggered=self.delete_scene)
        self.scene_earlier_act = QAction(
            "Move scene &earlier", self, triggered=lambda: self.move_scene(-1)
        )
        self.scene_later_act = QAction(
            "Move scene &later", self, triggered=lambda: self.move_scene(+1)
        )
        self.next_scene_act = QAction(
            "&Next scene",
            self,
            shortcut=QKeySequence.MoveToNextPage,
            statusTip="Step to the next scene (presenter clicker)",
            triggered=lambda: self.step_scene(+1),
        )
        self.prev_scene_act = QAction(
            "&Previous scene",
            self,
            shortcut=QKeySequence.MoveToPreviousPage,
            triggered=lambda: self.step_scene(-1),
        )
        self.present_act = QAction(
            "&Presentation mode",
            self,
            shortcut="F5",
            checkable=True,
            statusTip="Full screen, large type, no panels (Esc leaves)",
            triggered=self.set_presentation,
        )
        self.report_act = QAction(
            "Import &reports…",
            self,
            statusTip="What was read and skipped in each loaded file",
            triggered=self.show_reports,
        )
        self.add_layer_act = QAction(
            "&Add layer file…",
            self,
            shortcut="Ctrl+L",
            statusTip="Add a vector file (GeoJSON, GeoPackage, Shapefile, KML) as a map layer",
            triggered=self.add_layer_file,
        )
        self.export_png_act = QAction(
            "Export map as &PNG…",
            self,
            shortcut="Ctrl+E",
            statusTip="Save the map as shown to a PNG image",
            triggered=self.export_png,
        )
        self.export_video_act = QAction(
            "Export &video…",
            self,
            shortcut="Ctrl+Shift+E",
            statusTip="Save the replay (in/out range) as MP4 or GIF",
            triggered=self.export_video,
        )
        self.quit_act = QAction("&Quit", self, shortcut=QKeySequence.Quit, triggered=self.close)
        self.home_act = QAction(
            "&Home view",
            self,
            shortcut="Ctrl+0",
            statusTip="Show the whole region",
            triggered=self.canvas.home,
        )
        self.zoom_in_act = QAction(
            "Zoom &in", self, shortcut=QKeySequence.ZoomIn, triggered=self.canvas.zoom_in
        )
        self.zoom_out_act = QAction(
            "Zoom &out", self, shortcut=QKeySequence.ZoomOut, triggered=self.canvas.zoom_out
        )
        self.zoom_layer_act = QAction(
            "Zoom to &layer",
            self,
            shortcut="Ctrl+Shift+L",
            statusTip="Zoom to the layer selected in the panel",
            triggered=self.zoom_to_selected_layer,
        )
        self.graticule_act = QAction(
            "&Graticule", self, checkable=True, checked=True, triggered=self._on_graticule_toggled
        )
        self.map_date_act = QAction(
            "Map &date…",
            self,
            statusTip="Show time-aware layers (Japan's ADIZ near "
            "Yonaguni, exercise zones) as on a date",
            triggered=self.ask_map_date,
        )
        self.epsg_act = QAction("Other CRS (&EPSG code)…", self, triggered=self.ask_crs)
        self.about_act = QAction("&About and data sources", self, triggered=self.about)
        self.keys_act = QAction(
            "&Keyboard shortcuts",
            self,
            shortcut=QKeySequence.HelpContents,
            triggered=self.show_shortcuts,
        )
        self.projection_group = QActionGroup(self)
        self.projection_acts: dict[str, QAction] = {}
        for key, (title, _) in PRESETS.items():
            act = QAction(title, self, checkable=True)
            act.triggered.connect(lambda _=False, k=key: self.set_projection(k))
            self.projection_group.addAction(act)
            self.projection_acts[key] = act
        self.naming_group = QActionGroup(self)
        self.naming_acts: dict[str, QAction] = {}
        for key, title in NAMING_TITLES.items():
            act = QAction(title, self, checkable=True, checked=key == self.state.naming)
            act.triggered.connect(lambda _=False, k=key: self.state.set_naming(k))
            self.naming_group.addAction(act)
            self.naming_acts[key] = act

    def create_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("&File")
        self.file_menu.addAction(self.open_act)
        self.file_menu.addAction(self.open_briefing_act)
        self.file_menu.addAction(self.save_act)
        self.file_menu.addAction(self.save_as_act)
        self.recent_menu = self.file_menu.addMenu("Open &recent")
        self.file_menu.addAction(self.report_act)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.add_layer_act)
        self.file_menu.addAction(self.export_png_act)
        self.file_menu.addAction(self.export_video_act)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_act)
        self.view_menu = bar.addMenu("&View")
        for act in (self.home_act, self.zoom_in_act, self.zoom_out_act, self.zoom_layer_act):
            self.view_menu.addAction(act)
        self.view_menu.addSeparator()
        proj = self.view_menu.addMenu("&Projection")
        for act in self.projection_acts.values():
            proj.addAction(act)
        proj.addSeparator()
        proj.addAction(self.epsg_act)
        naming = self.view_menu.addMenu("Place &names")
        for act in self.naming_acts.values():
            naming.addAction(act)
        self.view_menu.addAction(self.graticule_act)
        self.view_menu.addAction(self.map_date_act)
        self.view_menu.addAction(self.layers_dock.toggleViewAction())
        self.view_menu.addAction(self.timeline_dock.toggleViewAction())
        self.view_menu.addAction(self.details_dock.toggleViewAction())
        self.view_menu.addAction(self.events_dock.toggleViewAction())
        self.timeline_menu = bar.addMenu("&Timeline")
        for act in self.qt_timeline.actions():
            self.timeline_menu.addAction(act)
        self.timeline_menu.addSeparator()
        self.timeline_menu.addAction(self.follow_act)
        colour_menu = self.timeline_menu.addMenu("&Colour tracks by")
        self.colour_group = QActionGroup(self)
        for key in ("kind", "track", "side"):
            act = QAction(key.capitalize(), self, checkable=True, checked=key == "kind")
            act.triggered.connect(lambda _=False, k=key: self.set_colour_by(k))
            self.colour_group.addAction(act)
            colour_menu.addAction(act)
        self.labels_act = QAction(
            "Track &labels", self, checkable=True, checked=True, triggered=self._on_labels_toggled
        )
        self.timeline_menu.addAction(self.labels_act)
        self.scenes_menu = bar.addMenu("&Scenes")
        self._refresh_scenes_menu()
        self.help_menu = bar.addMenu("&Help")
        self.help_menu.addAction(self.keys_act)
        self.help_menu.addAction(self.about_act)

    # ------------------------------------------------------------------ slots
    @Slot()
    def add_layer_file(self, path: str | None = None) -> bool:
        from viewer.core.user_layers import LayerFileError, read_user_layer
        from viewer.qt.painters import ReferenceLayerPainter

        if not path:
            path, _ = QFileDialog.getOpenFileName(self, "Add layer file", "", VECTOR_FILTER)
            if not path:
                return False
        try:
            layer = read_user_layer(path)
        except LayerFileError as exc:
            self.show_error("Cannot add layer", str(exc))
            return False
        self.scene.add_layer_painter(ReferenceLayerPainter(layer))
        self.state.add_user_layer(layer)
        if self.tracks.items:
            self._recompute_events()  # a user polygon or line is a zone too
        self.statusBar().showMessage(
            f"Added layer {layer.title()} ({len(layer.features)} features)", 8000
        )
        return True

    def show_error(self, title: str, text: str) -> None:
        """A modal message, except in tests and headless runs where it goes to the status bar."""
        self.statusBar().showMessage(text, 15000)
        self.last_error = text
        if QApplication.platformName() not in ("offscreen", "minimal"):
            QMessageBox.warning(self, title, text)

    @Slot()
    def export_png(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getSaveFileName(self, "Export map", "map.png", "PNG (*.png)")
            if not path:
                return
        image = self.scene.render_image(self.canvas.view, self.canvas.devicePixelRatioF())
        if image.save(path):
            self.statusBar().showMessage(f"Saved {path}", 8000)
        else:
            self.show_error("Export failed", f"{path}: could not write the PNG")

    @Slot()
    def export_video(
        self,
        path: str | None = None,
        seconds: float = 20.0,
        fps: float = 25.0,
        size: tuple[int, int] | None = None,
    ) -> bool:
        """The replay between the in and out points (or the whole range) as MP4 or GIF, exactly
        as the map shows it, with a progress dialog and Cancel."""
        from PySide6.QtWidgets import QProgressDialog

        from viewer.export.video import ExportCancelled, frame_times, write_output

        if not self.tracks.items:
            self.show_error("Export video", "Load track files first: there is nothing to replay")
            return False
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self, "Export video", "replay.mp4", "MP4 video (*.mp4);;GIF animation (*.gif)"
            )
            if not path:
                return False
        width, height = size or (self.canvas.width(), self.canvas.height())
        width, height = width - width % 2, height - height % 2  # H.264 wants even sizes
        view = self.canvas.view.resized(width, height)
        n = max(1, round(seconds * fps))
        times = frame_times(self.timeline.lo, self.timeline.hi, n)
        dialog = QProgressDialog("Rendering the replay…", "Cancel", 0, n, self)
        dialog.setWindowTitle("Export video")
        dialog.setMinimumDuration(300)
        was_playing, keep = self.timeline.playing, self.timeline.time
        self.timeline.pause()

        def frames():
            for t in times:
                self.timeline.set_time(float(t))
                yield self.scene.render_image(view)

        def progress(done: int, total: int) -> None:
            dialog.setValue(done)
            QApplication.processEvents()

        try:
            written = write_output(
                Path(path), frames(), n, fps, (width, height), progress, dialog.wasCanceled
            )
        except ExportCancelled:
            self.statusBar().showMessage("Export cancelled; no file written", 8000)
            return False
        except (OSError, ValueError) as exc:
            self.show_error("Export failed", f"{path}: {exc}")
            return False
        finally:
            dialog.close()
            self.timeline.set_time(keep)
            if was_playing:
                self.timeline.play()
        self.statusBar().showMessage(f"Saved {path} ({written} frames)", 10000)
        return True

    def set_projection(self, text: str) -> bool:
        try:
            projection = Projection.from_user_input(text)
        except ValueError as exc:
            self.show_error("Unknown projection", str(exc))
            return False
        self.state.set_projection(projection)
        return True

    def _on_projection_changed(self, projection: Projection) -> None:
        self.tracks.reproject(projection)
        self._on_view_changed(self.canvas.view)
        for key, act in self.projection_acts.items():
            act.setChecked(PRESETS[key][1] == projection.definition)

    @Slot()
    def ask_crs(self) -> None:
        text, ok = QInputDialog.getText(
            self,
            "Projection",
            "EPSG code or PROJ string, e.g. EPSG:3826 (TWD97 / TM2) or EPSG:32651 (UTM 51N):",
        )
        if ok and text.strip():
            self.set_projection(text)

    @Slot()
    def ask_map_date(self) -> None:
        current = (self.state.when or datetime.now(UTC)).strftime("%Y-%m-%d")
        text, ok = QInputDialog.getText(
            self, "Map date", "Show time-aware layers as on (YYYY-MM-DD, UTC):", text=current
        )
        if not ok:
            return
        try:
            when = datetime.strptime(text.strip(), "%Y-%m-%d").replace(tzinfo=UTC)
        except ValueError:
            self.show_error("Map date", f"{text!r} is not a date; expected YYYY-MM-DD")
            return
        self.state.set_when(when)

    @Slot()
    def zoom_to_selected_layer(self) -> None:
        layer_id = self.layer_panel.current_layer_id()
        if layer_id:
            self.canvas.zoom_to_layer(layer_id)

    def _on_graticule_toggled(self, checked: bool) -> None:
        self.scene.show_graticule = checked
        self.canvas.invalidate()

    def _on_cursor_moved(self, lon: float, lat: float) -> None:
        if lon != lon or lat != lat:  # NaN: off the projection
            self.cursor_label.setText("")
            return
        self.cursor_label.setText(
            f"{lat:.5f}, {lon:.5f}   {format_dm(lat, 'N', 'S')} {format_dm(lon, 'E', 'W')}"
        )

    def _on_view_changed(self, view) -> None:
        res = self.scene.basemap_painter.last_resolution
        self.view_label.setText(
            f"{self.state.projection.title}  ·  coastline: {RESOLUTION_NAMES.get(res, res)}"
        )

    def _on_layer_clicked(self, layer_id: str, index: object) -> None:
        layer = self.state.layer(layer_id)
        row = layer.features.loc[index]
        text = layer.info_text(self.state.naming)
        note = str(row.get("note") or "")
        conf = str(row.get("confidence") or "")
        from viewer.core.catalog import label_for
        from viewer.core.constants import CONFIDENCE_WORDS

        name = label_for(row, NAMING_ALL) if "name_en" in row else ""
        head = [name] if name else []
        head.append(
            f"This {row['role']}: {CONFIDENCE_WORDS.get(conf, conf)}"
            + (f" — {note}" if note else "")
        )
        self.layer_panel.show_feature_info(layer_id, "\n".join(head) + "\n\n" + text)
        self.layers_dock.show()

    @Slot()
    def about(self) -> None:
        QMessageBox.about(self, f"About {APP_NAME}", about_text(self.state.catalog))

    @Slot()
    def show_shortcuts(self) -> None:
        QMessageBox.information(self, "Keyboard shortcuts", SHORTCUTS_TEXT)

    # ------------------------------------------------------------------ replay
    def _build_replay(self) -> None:
        from viewer.qt.qt_timeline import QtTimeline
        from viewer.qt.track_painter import TrackPainter

        now = datetime.now(UTC).timestamp()
        self.timeline = Timeline(now - 86400.0, now)
        self.qt_timeline = QtTimeline(self.timeline)
        dock = QDockWidget("Timeline", self)
        dock.setObjectName("timeline_dock")
        dock.setWidget(self.qt_timeline)
        dock.setFeatures(QDockWidget.DockWidgetMovable | QDockWidget.DockWidgetClosable)
        self.addDockWidget(Qt.BottomDockWidgetArea, dock)
        self.timeline_dock = dock
        self.track_painter = TrackPainter(
            self.tracks, lambda: self.timeline.time, lambda: self.timeline.trail
        )
        self.scene.dynamic.append(self.track_painter)
        self.canvas.pick_dynamic = self.track_painter.pick
        self.canvas.tooltip_for = self._track_tooltip
        self.canvas.dynamic_clicked.connect(self._on_track_clicked)
        self.details = QTextBrowser()
        self.details.setPlaceholderText("Click a track on the map to see its details.")
        details_dock = QDockWidget("Track details", self)
        details_dock.setObjectName("details_dock")
        details_dock.setWidget(self.details)
        self.addDockWidget(Qt.LeftDockWidgetArea, details_dock)
        self.tabifyDockWidget(self.layers_dock, details_dock)
        self.layers_dock.raise_()
        self.details_dock = details_dock
        from viewer.qt.events_panel import EventsPanel

        self.events_panel = EventsPanel()
        self.events_panel.event_activated.connect(self._on_event_activated)
        events_dock = QDockWidget("Zone events", self)
        events_dock.setObjectName("events_dock")
        events_dock.setWidget(self.events_panel)
        self.addDockWidget(Qt.BottomDockWidgetArea, events_dock)
        self.tabifyDockWidget(self.timeline_dock, events_dock)
        self.timeline_dock.raise_()
        self.events_dock = events_dock
        self.qt_timeline.marker_clicked.connect(self._on_marker_clicked)
        self._events_pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="zone-events")
        self._events_generation = 0
        self._marker_rows = None
        self.events_ready.connect(self._on_events_ready)
        self.follow_act = QAction(
            "&Follow selected track",
            self,
            checkable=True,
            shortcut="F",
            statusTip="Keep the selected track centred during replay",
            triggered=self._on_time_changed,
        )
        from viewer.qt.annotation_painter import AnnotationPainter, paint_notice

        self._span: tuple[float, float] | None = None
        self.dirty = False
        self._applying = False
        self._autosave_timer = QTimer(self, interval=60_000, timeout=self._autosave)
        self._autosave_timer.start()
        for name in ("layers", "naming", "projection"):
            self.state.events.connect(name, self._mark_dirty)
        self.briefing = None
        self.briefing_path: Path | None = None
        self.scene_index = -1
        self._pending_time: float | None = None
        self.scene.dynamic.append(
            AnnotationPainter(
                lambda: self.briefing.annotations if self.briefing else (),
                lambda: self.timeline.time if self.tracks.items else None,
            )
        )
        self.scene.overlays.append(
            lambda p, ctx: paint_notice(p, ctx, self.briefing.notice if self.briefing else "")
        )
        self._boundary_bucket = -1

    def _on_tracks_changed(self, *_: object) -> None:
        import numpy as np

        from viewer.core.slicing import activity

        span = self.tracks.time_span
        has = span is not None
        for act in self.qt_timeline.actions():
            act.setEnabled(has)  # with no tracks, Left/Right pan the map instead
        self.qt_timeline.setEnabled(has)
        if has:
            start, end = span
            if end <= start:
                end = start + 60.0
            if (start, end) != self._span:  # new data: the clock starts at its beginning
                self._span = (start, end)
                self.timeline.set_range(start, end)
                self.timeline.set_time(start)
            edges = np.linspace(start, end, 289)
            counts = np.zeros(288, dtype=np.int64)
            for item in self.tracks.visible():
                c, _ = activity(item.trackset, edges)
                counts += c
            self.qt_timeline.set_activity(counts, edges)
        self._recompute_events()
        self._on_time_changed()

    def set_colour_by(self, key: str) -> None:
        """Colour trails and heads by kind, by track or by the file's side column."""
        self.track_painter.style.color_by = key
        self.canvas.update()

    def _on_labels_toggled(self, on: bool) -> None:
        self.track_painter.style.labels = on
        self.canvas.update()

    def _recompute_events(self) -> None:
        """Zone events for every loaded file, in a worker thread (the UI never waits)."""
        self._events_generation += 1
        generation = self._events_generation
        items = list(self.tracks.visible())
        zones = self.state.catalog.analysis_zones()
        zones += self._user_zones()

        def work():
            import pandas as pd

            from viewer.core.zones import compute_zone_events

            frames = []
            for item in items:
                ev = compute_zone_events(item.trackset, zones)
                ev["path"] = str(item.path)
                frames.append(ev)
            events = pd.concat(frames, ignore_index=True) if frames else None
            self.events_ready.emit(generation, events)

        self._events_pool.submit(work)

    def _user_zones(self) -> list:
        import shapely

        from viewer.core.zones import AREA, LINE, Zone

        zones = []
        for layer in self.state.extra_layers.values():
            if not layer.analysis:
                continue
            kind = AREA if layer.kind == "zone" else LINE
            geom = shapely.union_all(layer.features.geometry.to_numpy())
            zones.append(Zone(layer.id, layer.title(), kind, geom))
        return zones

    def _on_events_ready(self, generation: int, events) -> None:
        if generation != self._events_generation:
            return  # superseded by a newer computation
        if events is None or not len(events):
            self.events_panel.set_events(
                events if events is not None else self.events_panel.all_events.iloc[:0]
            )
            self.qt_timeline.set_event_markers([], [])
            self._marker_rows = None
            return
        events = events.sort_values("time", kind="stable").reset_index(drop=True)
        self.events_panel.set_events(events)
        marks = events[events["event"] != "exit"]
        self._marker_rows = marks
        labels = [f"{r.track_id}: {r.event} {r.zone_id}" for r in marks.itertuples()]
        times = [t.timestamp() for t in marks["time"]]
        self.qt_timeline.set_event_markers(times, labels)

    def _on_marker_clicked(self, index: int) -> None:
        if self._marker_rows is not None and 0 <= index < len(self._marker_rows):
            self._on_event_activated(self._marker_rows.iloc[index])

    def _on_event_activated(self, row) -> None:
        """Jump the replay to an event and select its track."""
        self.timeline.pause()
        self.timeline.set_time(row["time"].timestamp())
        item = self._find_loaded(str(row["path"])) if "path" in row else None
        if item is not None:
            ids = list(item.trackset.ids)
            if row["track_id"] in ids:
                track = ids.index(row["track_id"])
                self._on_track_clicked((str(item.path), track, 0))
        self.statusBar().showMessage(
            f"{row['track_id']}: {row['event']} {row['zone_id']} at "
            f"{row['time']:%Y-%m-%d %H:%M:%S} UTC",
            10000,
        )

    def _on_time_changed(self, *_: object) -> None:

        if self.tracks.items:
            # time-bound layers (exercise zones, Japan's ADIZ before/after 2010) follow the clock
            self.state.follow_clock(self.timeline.time)
        if self.follow_act.isChecked() and self.track_painter.selected is not None:
            self._centre_on_selected()
        self.canvas.update()

    def _find_loaded(self, path: str):
        return next((i for i in self.tracks.items if str(i.path) == path), None)

    def _track_tooltip(self, picked: object) -> str:
        path, track, _ = picked  # type: ignore[misc]
        item = self._find_loaded(path)
        if item is None:
            return ""
        from viewer.core.timeline import format_time

        ts = item.trackset
        s = ts.track_slice(track)
        k = min(max(int(np.searchsorted(ts.t[s], self.timeline.time)) - 1, 0), s.stop - s.start - 1)
        i = s.start + k
        alt, spd, hdg = ts.alt_m[i], ts.speed_kt[i], ts.heading_deg[i]
        parts = [
            f"<b>{ts.display_name(track)}</b> ({ts.kinds[track]})",
            f"id {ts.ids[track]}",
            format_time(self.timeline.time, self.timeline.zone),
        ]
        if alt == alt:
            parts.append(f"altitude {alt:,.0f} m ({alt / 0.3048:,.0f} ft)")
        if spd == spd:
            parts.append(f"speed {spd:,.0f} kt")
        if hdg == hdg:
            parts.append(f"heading {hdg:03.0f}°")
        return "<br>".join(parts)

    def _on_track_clicked(self, picked: object) -> None:
        from viewer.core.track_stats import track_summary

        path, track, _ = picked  # type: ignore[misc]
        item = self._find_loaded(path)
        if item is None:
            return
        self.track_painter.selected = (path, track)
        summary = track_summary(item.trackset, track)
        self.details.setPlainText(summary.text() + f"\nfile: {Path(path).name}")
        self.details_dock.show()
        self.details_dock.raise_()
        self.canvas.update()

    def _centre_on_selected(self) -> None:
        path, track = self.track_painter.selected  # type: ignore[misc]
        for p, sl, _, _ in self.track_painter.drawn.heads:
            if str(p) != path:
                continue
            rows = np.flatnonzero(sl.tracks == track)
            if len(rows):
                from dataclasses import replace

                j = rows[0]
                self.canvas.set_view(
                    replace(self.canvas.view, center_x=float(sl.x[j]), center_y=float(sl.y[j]))
                )
            return

    # ------------------------------------------------------------------ briefings and scenes
    @Slot()
    def open_briefing_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Open briefing", "", "Briefings (*.briefing.json);;All files (*)"
        )
        if path:
            self.open_briefing(path)

    def open_briefing(self, path: str | Path) -> bool:
        """Open a briefing: its layers, view, clock settings, annotations, scenes, track files."""
        from viewer.core.briefing import BriefingError, load_briefing, missing_files

        path = Path(path)
        try:
            briefing = load_briefing(path)
        except BriefingError as exc:
            self.show_error("Cannot open briefing", str(exc))
            return False
        missing = missing_files(briefing, path.parent)
        if missing:
            names = ", ".join(m.path for m in missing)
            self.show_error(
                "Track files not found",
                f"{path.name}: these track files are not where the briefing says "
                f"(relative to {path.parent}): {names}. Open them with File > Open.",
            )
        self.briefing, self.briefing_path, self.scene_index = briefing, path, -1
        self._applying = True
        self.tracks.clear()  # the briefing replaces what was open
        self.reports.clear()
        self._span = None
        self.setWindowTitle(f"{briefing.title} — {APP_NAME}")
        self._apply_view_settings(briefing)
        self.timeline.set_speed(briefing.speed)
        self.timeline.set_trail(briefing.trail_seconds)
        if briefing.time_range is not None:
            self._pending_time = briefing.time_range.start.timestamp()
        from viewer.core.briefing import resolve_file
        from viewer.io.registry import ReadOptions

        for ref in briefing.files:
            file_path = resolve_file(ref, path.parent)
            if file_path.is_file():
                self.open_files([str(file_path)], ReadOptions(tz=ref.tz) if ref.tz else None)
        self._refresh_scenes_menu()
        self.canvas.update()
        self._applying = False
        self.dirty = False
        return True

    def _apply_view_settings(self, briefing) -> None:
        try:
            projection = briefing.view.projection()
        except ValueError as exc:
            self.show_error("Unknown projection", str(exc))
            projection = self.state.projection
        self.state.set_projection(projection)
        self.state.set_naming(briefing.naming)
        if briefing.naming in self.naming_acts:
            self.naming_acts[briefing.naming].setChecked(True)
        for setting in briefing.layers:
            try:
                default = self.state.layer(setting.id).style.color
            except KeyError:
                continue
            st = setting.to_layer_state(default)
            self.state.update_layer(
                setting.id, visible=st.visible, opacity=st.opacity, color=st.color
            )
        self.canvas.set_view(
            briefing.view.to_map_view(self.canvas.width(), self.canvas.height(), projection),
            settle=False,
        )
        self.canvas.invalidate()

    def _apply_pending_time(self) -> None:
        if self._pending_time is not None:
            self.timeline.set_time(self._pending_time)
            self._pending_time = None

    def _refresh_scenes_menu(self) -> None:
        self.scenes_menu.clear()
        self.scenes_menu.addAction(self.next_scene_act)
        self.scenes_menu.addAction(self.prev_scene_act)
        self.scenes_menu.addAction(self.present_act)
        self.scenes_menu.addSeparator()
        for act in (
            self.add_scene_act,
            self.rename_scene_act,
            self.delete_scene_act,
            self.scene_earlier_act,
            self.scene_later_act,
        ):
            self.scenes_menu.addAction(act)
            act.setEnabled(act is self.add_scene_act or self.scene_index >= 0)
        scenes = self.briefing.scenes if self.briefing else ()
        if scenes:
            self.scenes_menu.addSeparator()
        for i, scene in enumerate(scenes):
            act = self.scenes_menu.addAction(f"{i + 1}. {scene.title}")
            if i < 9:
                act.setShortcut(f"Ctrl+{i + 1}")
            act.triggered.connect(lambda _=False, k=i: self.show_scene(k))
        self.next_scene_act.setEnabled(bool(scenes))
        self.prev_scene_act.setEnabled(bool(scenes))

    # ------------------------------------------------------------------ editing and saving
    def current_briefing(self, base: Path | None = None):
        """The briefing as the window shows it now (track paths relative to ``base``)."""
        from dataclasses import replace as dc_replace

        from viewer.core.briefing import (
            Briefing,
            LayerSetting,
            TimeRange,
            TrackFileRef,
            ViewSpec,
            relative_ref_path,
        )

        old = self.briefing or Briefing()
        base = base or (self.briefing_path.parent if self.briefing_path else Path.cwd())
        files = tuple(
            TrackFileRef(
                relative_ref_path(item.path, base), _tz_of(self._load_options.get(str(item.path)))
            )
            for item in self.tracks.items
        )
        span = (self.timeline.start, self.timeline.end) if self.tracks.items else None
        time_range = None
        if span:
            time_range = TimeRange(
                datetime.fromtimestamp(span[0], UTC), datetime.fromtimestamp(span[1], UTC)
            )
        crs = old.view.crs
        try:
            if Projection.from_user_input(crs).definition != self.state.projection.definition:
                crs = self.state.projection.definition
        except ValueError:
            crs = self.state.projection.definition
        view = ViewSpec.from_map_view(self.canvas.view, self.state.projection, crs)
        return dc_replace(
            old,
            files=files,
            layers=tuple(
                LayerSetting.from_layer_state(st)
                for st in self.state.layers
                if not st.id.startswith("user:")
            ),
            view=view,
            time_range=time_range,
            speed=self.timeline.speed,
            trail_seconds=min(self.timeline.trail, 1e9),
            naming=self.state.naming,
        )

    @Slot()
    def save_briefing(self) -> bool:
        if self.briefing_path is None or self.briefing_path == DEFAULT_BRIEFING:
            return self.save_briefing_as()
        return self._save_to(self.briefing_path)

    @Slot()
    def save_briefing_as(self, path: str | None = None) -> bool:
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self, "Save briefing", "my.briefing.json", "Briefings (*.briefing.json)"
            )
            if not path:
                return False
        if not path.endswith(".briefing.json"):
            path = path.removesuffix(".json") + ".briefing.json"
        return self._save_to(Path(path))

    def _save_to(self, path: Path) -> bool:
        from viewer.core.briefing import BriefingError, discard_recovery, save_briefing

        briefing = self.current_briefing(base=path.parent)
        try:
            save_briefing(briefing, path)
        except BriefingError as exc:
            self.show_error("Save failed", str(exc))
            return False
        discard_recovery(self.briefing_path)
        self.briefing, self.briefing_path = briefing, path
        self.dirty = False
        self.setWindowTitle(f"{briefing.title} — {APP_NAME}")
        self.statusBar().showMessage(f"Saved {path}", 8000)
        return True

    def _set_scenes(self, scenes, index: int) -> None:
        from dataclasses import replace as dc_replace

        from viewer.core.briefing import Briefing

        self.briefing = dc_replace(self.briefing or Briefing(), scenes=tuple(scenes))
        self.scene_index = index
        self.dirty = True
        self._refresh_scenes_menu()

    @Slot()
    def add_scene(self) -> None:
        """A new scene after the current one: this view, time, visible layers and speed."""
        from viewer.core.briefing import Scene

        current = self.current_briefing()
        scenes = list(self.briefing.scenes if self.briefing else ())
        scene = Scene(
            title=f"Scene {len(scenes) + 1}",
            view=current.view,
            time=datetime.fromtimestamp(self.timeline.time, UTC) if self.tracks.items else None,
            layers=tuple(st.id for st in self.state.layers if st.visible),
            speed=self.timeline.speed,
        )
        at = self.scene_index + 1 if self.scene_index >= 0 else len(scenes)
        scenes.insert(at, scene)
        self._set_scenes(scenes, at)
        self.statusBar().showMessage(f"Added {scene.title}", 5000)

    @Slot()
    def rename_scene(self, title: str | None = None) -> None:
        from dataclasses import replace as dc_replace

        if not self.briefing or self.scene_index < 0:
            return
        scenes = list(self.briefing.scenes)
        if title is None:
            title, ok = QInputDialog.getText(
                self, "Rename scene", "Title:", text=scenes[self.scene_index].title
            )
            if not ok:
                return
        if title.strip():
            scenes[self.scene_index] = dc_replace(scenes[self.scene_index], title=title.strip())
            self._set_scenes(scenes, self.scene_index)

    @Slot()
    def delete_scene(self) -> None:
        if not self.briefing or self.scene_index < 0:
            return
        scenes = list(self.briefing.scenes)
        del scenes[self.scene_index]
        self._set_scenes(scenes, min(self.scene_index, len(scenes) - 1))

    def move_scene(self, direction: int) -> None:
        if not self.briefing or self.scene_index < 0:
            return
        scenes = list(self.briefing.scenes)
        i, j = self.scene_index, self.scene_index + direction
        if 0 <= j < len(scenes):
            scenes[i], scenes[j] = scenes[j], scenes[i]
            self._set_scenes(scenes, j)

    def _autosave(self) -> None:
        """Every minute, unsaved changes go to a recovery file (offered after a crash)."""
        from viewer.core.briefing import write_recovery

        if not self.dirty:
            return
        try:
            write_recovery(self.current_briefing(), self.briefing_path)
        except (OSError, ValueError) as exc:
            self.statusBar().showMessage(f"Autosave failed: {exc}", 8000)

    def offer_recovery(self) -> bool:
        """After a crash: offer to restore the newest autosave."""
        from viewer.core.briefing import discard_recovery, find_recovery

        found = find_recovery()
        if not found or QApplication.platformName() in ("offscreen", "minimal"):
            return False
        rec = found[0]
        answer = QMessageBox.question(
            self,
            "Restore unsaved work?",
            f"ADIZ Viewer did not close cleanly. Restore the briefing autosaved at "
            f"{rec.saved_at:%Y-%m-%d %H:%M}?",
        )
        if answer != QMessageBox.Yes:
            discard_recovery(rec.document)
            return False
        from viewer.core.briefing import save_briefing

        target = rec.document or (rec.base / "recovered.briefing.json")
        restored = target.with_name(
            target.name.removesuffix(".briefing.json") + ".recovered.briefing.json"
        )
        save_briefing(rec.briefing, restored)
        discard_recovery(rec.document)
        return self.open_briefing(restored)

    def _mark_dirty(self, *_: object) -> None:
        if not self._applying:  # opening a briefing or showing a scene is not an edit
            self.dirty = True

    def step_scene(self, direction: int) -> None:
        if self.briefing and self.briefing.scenes:
            n = len(self.briefing.scenes)
            self.show_scene(max(0, min(n - 1, self.scene_index + direction)))

    def show_scene(self, index: int) -> None:
        """Go to a scene: its view, layers, time (or range to play), speed; note to presenter."""
        scene = self.briefing.scenes[index]
        self.scene_index = index
        self._applying = True
        if scene.view is not None:
            self.canvas.set_view(
                scene.view.to_map_view(
                    self.canvas.width(), self.canvas.height(), self.state.projection
                ),
                settle=False,
            )
            self.canvas.invalidate()
        if scene.layers is not None:
            wanted = set(scene.layers)
            for st in self.state.layers:
                if st.visible != (st.id in wanted):
                    self.state.update_layer(st.id, visible=st.id in wanted)
        if scene.speed is not None:
            self.timeline.set_speed(scene.speed)
        self.timeline.pause()
        if self.tracks.items:
            self.timeline.clear_in_out()
            if scene.time_range is not None:
                self.timeline.set_in_point(scene.time_range.start.timestamp())
                self.timeline.set_out_point(scene.time_range.end.timestamp())
                self.timeline.set_loop(not scene.pause_at_end)
                self.timeline.set_time(scene.time_range.start.timestamp())
                self.timeline.play()
            elif scene.time is not None:
                self.timeline.set_time(scene.time.timestamp())
        self._applying = False
        self._refresh_scenes_menu()
        title = f"Scene {index + 1}/{len(self.briefing.scenes)}: {scene.title}"
        self.statusBar().showMessage(title, 20000)
        self.details.setPlainText(f"{title}\n\nPresenter note:\n{scene.note}")

    @Slot(bool)
    def set_presentation(self, on: bool) -> None:
        """Full screen for a projector: panels hidden, larger type; Esc or F5 leaves."""
        self.present_act.setChecked(on)
        self.scene.font_scale = 1.5 if on else 1.0
        for dock in (self.layers_dock, self.details_dock):
            dock.setVisible(not on)
        self.menuBar().setVisible(not on)
        self.statusBar().setVisible(not on)
        if on:
            self.showFullScreen()
        else:
            self.showNormal()
        self.canvas.invalidate()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key_Escape and self.present_act.isChecked():
            self.set_presentation(False)
        else:
            super().keyPressEvent(event)

    # ------------------------------------------------------------------ track files
    @Slot()
    def open_dialog(self) -> None:
        settings = QSettings(ORG_NAME, ORG_NAME)
        folder = str(settings.value("files/last_folder", ""))
        paths, _ = QFileDialog.getOpenFileNames(self, "Open track files", folder, TRACK_FILTER)
        self.open_files(paths)

    def open_files(self, paths: list[str], options: object = None) -> None:
        """Load track files in the background, each its own layer with its own report
        (a briefing file is opened as a briefing)."""
        for path in paths:
            if str(path).lower().endswith(".briefing.json"):
                self.open_briefing(path)
                continue
            key = str(Path(path).resolve())
            if key in self._loading:
                continue
            self._loading[key] = 0.0
            self._load_options[key] = options
            self.loader.load(key, self.state.projection, options)
            self._remember_recent(key)
        self._update_progress()

    @Slot()
    def cancel_loading(self) -> None:
        for key in list(self._loading):
            self.loader.cancel(key)

    def _on_load_progress(self, key: str, fraction: float) -> None:
        if key in self._loading:
            self._loading[key] = fraction
            self._update_progress()

    def _update_progress(self) -> None:
        busy = bool(self._loading)
        self.progress_bar.setVisible(busy)
        self.cancel_button.setVisible(busy)
        if busy:
            done = sum(self._loading.values()) / len(self._loading)
            self.progress_bar.setValue(round(done * 1000))

    def _on_load_finished(self, key: str, trackset, report) -> None:
        self._loading.pop(key, None)
        if self._pending_time is not None and not self._loading:
            QTimer.singleShot(0, self._apply_pending_time)
        self._update_progress()
        self.reports[key] = report
        self.tracks.add(LoadedTracks(Path(key), trackset, report))
        n_skipped = len(getattr(report, "skipped", []))
        n_warn = len(getattr(report, "warnings", []))
        msg = f"Loaded {Path(key).name}: {trackset.n_tracks} tracks, {trackset.n_fixes:,} fixes"
        if n_skipped or n_warn:
            msg += f" ({n_skipped} rows skipped, {n_warn} warnings: File > Import reports)"
        self.statusBar().showMessage(msg, 15000)
        self.last_message = msg

    def _on_load_failed(self, key: str, message: str, error: object) -> None:
        self._loading.pop(key, None)
        self._update_progress()
        from viewer.io.report import ColumnsUnknown, TimeZoneRequired

        if isinstance(error, TimeZoneRequired) and self._ask_time_zone_and_retry(key, message):
            return
        if isinstance(error, ColumnsUnknown) and self._ask_columns_and_retry(key, error):
            return
        self.show_error("Cannot open track file", message)

    def _on_load_cancelled(self, key: str) -> None:
        self._loading.pop(key, None)
        self._update_progress()
        self.statusBar().showMessage(f"Loading {Path(key).name} cancelled", 8000)

    def _ask_time_zone_and_retry(self, key: str, message: str) -> bool:
        """Naive times: ask which zone they are in (never assume), then read again."""
        if QApplication.platformName() in ("offscreen", "minimal"):
            return False
        zone, ok = QInputDialog.getItem(
            self,
            "Time zone of the file",
            f"{message}\n\nIn which time zone are the times of {Path(key).name}?",
            TIME_ZONES,
            1,
            True,
        )
        if not ok or not zone:
            return False
        from viewer.io.registry import ReadOptions

        previous = self._load_options.get(key)
        options = ReadOptions(tz=zone) if previous is None else _with_tz(previous, zone)
        self.open_files([key], options)
        return True

    def _ask_columns_and_retry(self, key: str, error) -> bool:
        """Columns not recognised by name: let the user map them, then read again."""
        if QApplication.platformName() in ("offscreen", "minimal"):
            return False
        from viewer.qt.import_dialog import ImportDialog

        dialog = ImportDialog(Path(key).name, error.columns, error.reason, self)
        if dialog.exec() != ImportDialog.Accepted:
            return False
        self.open_files([key], dialog.options())
        return True

    @Slot()
    def show_reports(self) -> None:
        from viewer.qt.report_dialog import ImportReportDialog

        if not self.reports:
            self.statusBar().showMessage("No track file loaded yet", 5000)
            return
        for key, report in self.reports.items():
            ImportReportDialog(Path(key).name, report, self).show()

    def _remember_recent(self, path: str) -> None:
        settings = QSettings(ORG_NAME, ORG_NAME)
        recent = [p for p in _as_list(settings.value("files/recent")) if p != path]
        settings.setValue("files/recent", [path, *recent][:MAX_RECENT])
        settings.setValue("files/last_folder", str(Path(path).parent))
        self._refresh_recent_menu()

    def _refresh_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = _as_list(QSettings(ORG_NAME, ORG_NAME).value("files/recent"))
        for path in recent:
            act = self.recent_menu.addAction(Path(path).name)
            act.setStatusTip(path)
            act.triggered.connect(lambda _=False, p=path: self.open_files([p]))
        self.recent_menu.setEnabled(bool(recent))

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.open_files(paths)

    # ------------------------------------------------------------------ settings
    def restore_settings(self) -> None:
        settings = QSettings(ORG_NAME, ORG_NAME)
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = settings.value("window/state")
        if state is not None:
            self.restoreState(state)
        naming = settings.value("map/naming")
        if isinstance(naming, str) and naming in NAMING_TITLES:
            self.state.set_naming(naming)
            self.naming_acts[naming].setChecked(True)

    def closeEvent(self, event) -> None:
        if self.dirty and QApplication.platformName() not in ("offscreen", "minimal"):
            answer = QMessageBox.question(
                self,
                "Unsaved changes",
                "Save the briefing before closing?",
                QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel,
            )
            if answer == QMessageBox.Cancel or (
                answer == QMessageBox.Save and not self.save_briefing()
            ):
                event.ignore()
                return
        from viewer.core.briefing import discard_recovery

        discard_recovery(self.briefing_path)  # a clean close leaves no recovery behind
        self.loader.shutdown()
        self._events_pool.shutdown(wait=False, cancel_futures=True)
        settings = QSettings(ORG_NAME, ORG_NAME)
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        settings.setValue("map/naming", self.state.naming)
        super().closeEvent(event)


def _as_list(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]  # type: ignore[attr-defined]


def _tz_of(options: object) -> str | None:
    return getattr(options, "tz", None)


def _with_tz(options: object, zone: str) -> object:
    from dataclasses import replace

    return replace(options, tz=zone)  # type: ignore[type-var]


SHORTCUTS_TEXT = """Map
  Drag, arrow keys: pan        Wheel, + / -: zoom (around the cursor)
  Ctrl+0: home view            Ctrl+Shift+L: zoom to the selected layer
  Click a zone, line or place: its source, date and confidence
Files
  Ctrl+L: add a layer file     Ctrl+E: export the map as PNG
"""


def about_text(catalog: Catalog) -> str:
    lines = [
        f"<b>{APP_NAME} {__version__}</b>",
        "<p>Reference layers are drawn only from published coordinates; approximate "
        "edges are dashed and partial layers say so.</p><p><b>Data sources</b></p><ul>",
    ]
    lines += [f"<li>{s.citation()}</li>" for s in catalog.sources.values()]
    lines.append("</ul><p><b>Not drawn</b></p><ul>")
    lines += [f"<li>{n['title']}: {n['why']}</li>" for n in catalog.not_drawn]
    lines.append(f"</ul><p>{ATTRIBUTION}.</p>")
    lines.append(
        "<p>Libraries: Qt for Python (PySide6, LGPL-3.0), NumPy, pandas, GeoPandas, "
        "Shapely, pyproj/PROJ, pyogrio/GDAL, gpxpy, pyais, defusedxml, "
        "imageio-ffmpeg.</p>"
    )
    return "\n".join(lines)


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationVersion(__version__)
    font = QFont(app.font())
    font.setFamilies(UI_FONT_FAMILIES)
    app.setFont(font)
    return app  # type: ignore[return-value]


def run_app(files: list[str] | None = None) -> int:
    from viewer.qt.crash import install_crash_handler

    app = make_application()
    install_crash_handler()
    state = MapState(load_catalog())
    window = MainWindow(state)
    window.restore_settings()
    window.show()
    if window.offer_recovery():
        return app.exec()
    if not files and DEFAULT_BRIEFING.exists():
        files = [str(DEFAULT_BRIEFING)]
    window.open_files(files or [])
    return app.exec()


__all__ = ["MainWindow", "QWidget", "make_application", "run_app"]
