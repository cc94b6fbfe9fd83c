"""The main window: the map, the layer panel, menus, status bar; `run_app` starts it all."""

from __future__ import annotations

import contextlib
import sys
from dataclasses import replace
from datetime import UTC, datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSettings, Qt, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup, QFont, QIcon, QKeySequence
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
    QWidget,
)

from viewer import __version__
from viewer.core import package_data
from viewer.core.basemap import ATTRIBUTION, RESOLUTION_NAMES
from viewer.core.catalog import Catalog, load_catalog
from viewer.core.constants import NAMING_ALL, NAMING_EN, NAMING_JA, NAMING_ZH_CN, NAMING_ZH_TW
from viewer.core.map_state import MapState
from viewer.core.projection import PRESETS, Projection
from viewer.core.track_layers import TrackLayers
from viewer.export.metadata import stamp_png
from viewer.qt.app_settings import (
    APP_NAME,
    DEFAULT_BRIEFING,
    ORG_NAME,
    VECTOR_PATTERNS,
)
from viewer.qt.i18n import (
    LANGUAGES,
    SYSTEM,
    apply_language,
    current_language,
    resolve_language,
    save_language,
    saved_language,
    system_language,
    translate,
)
from viewer.qt.layer_panel import LayerPanel
from viewer.qt.map_canvas import MapCanvas
from viewer.qt.map_scene import MapScene
from viewer.qt.window_authoring import AuthoringMixin
from viewer.qt.window_briefing import BriefingMixin
from viewer.qt.window_display import DisplayMixin
from viewer.qt.window_replay import ReplayMixin
from viewer.qt.window_tracks import TrackFilesMixin

UI_FONT_FAMILIES = ["DejaVu Sans", "Noto Sans CJK TC", "Noto Sans CJK JP", "Noto Sans CJK SC"]
NAMING_TITLES = {
    NAMING_EN: QT_TRANSLATE_NOOP("MainWindow", "English"),
    NAMING_JA: QT_TRANSLATE_NOOP("MainWindow", "Japanese usage (日本)"),
    NAMING_ZH_CN: QT_TRANSLATE_NOOP("MainWindow", "PRC usage (中国大陆)"),
    NAMING_ZH_TW: QT_TRANSLATE_NOOP("MainWindow", "ROC usage (臺灣)"),
    NAMING_ALL: QT_TRANSLATE_NOOP("MainWindow", "All usages"),
}
# The core's words for projections, coastline resolutions, feature roles and confidence, and
# the track colourings, as the interface shows them (translated where they are shown).
PROJECTION_TITLES = {
    "lcc": QT_TRANSLATE_NOOP("MainWindow", "Lambert conformal conic (Taiwan region)"),
    "webmercator": QT_TRANSLATE_NOOP("MainWindow", "Web Mercator (EPSG:3857)"),
    "equirectangular": QT_TRANSLATE_NOOP("MainWindow", "Equirectangular"),
}
RESOLUTION_TITLES = {
    "c": QT_TRANSLATE_NOOP("MainWindow", "crude"),
    "l": QT_TRANSLATE_NOOP("MainWindow", "low"),
    "i": QT_TRANSLATE_NOOP("MainWindow", "intermediate"),
    "h": QT_TRANSLATE_NOOP("MainWindow", "high"),
    "f": QT_TRANSLATE_NOOP("MainWindow", "full"),
}
ROLE_TITLES = {
    "area": QT_TRANSLATE_NOOP("MainWindow", "area"),
    "edge": QT_TRANSLATE_NOOP("MainWindow", "edge"),
    "point": QT_TRANSLATE_NOOP("MainWindow", "point"),
}
CONFIDENCE_TITLES = {
    "O": QT_TRANSLATE_NOOP("MainWindow", "official"),
    "S": QT_TRANSLATE_NOOP("MainWindow", "secondary"),
    "U": QT_TRANSLATE_NOOP("MainWindow", "approximate"),
}
COLOUR_BY_TITLES = {
    "kind": QT_TRANSLATE_NOOP("MainWindow", "Kind"),
    "track": QT_TRANSLATE_NOOP("MainWindow", "Track"),
    "side": QT_TRANSLATE_NOOP("MainWindow", "Side"),
}


def _shown(table: dict[str, str], key: str, default: str | None = None) -> str:
    """The translated title of ``key`` in ``table``; else ``default`` (else the key) as is."""
    if key in table:
        return translate("MainWindow", table[key])
    return default if default is not None else key


def projection_title(projection: Projection) -> str:
    """A preset's translated title; any other CRS by its own (PROJ) name."""
    for key, (_, definition) in PRESETS.items():
        if definition == projection.definition:
            return _shown(PROJECTION_TITLES, key, projection.title)
    return projection.title


def format_dm(value: float, pos: str, neg: str) -> str:
    """Degrees and decimal minutes, e.g. 25°44.60′N."""
    hemi = pos if value >= 0 else neg
    v = abs(value)
    d = int(v)
    m = (v - d) * 60.0
    if m >= 59.995:
        d, m = d + 1, 0.0
    return f"{d}°{m:05.2f}′{hemi}"


class MainWindow(
    TrackFilesMixin, ReplayMixin, BriefingMixin, AuthoringMixin, DisplayMixin, QMainWindow
):
    """The main window; its track-file, replay, briefing, authoring and display parts live in
    mixins."""

    events_ready = Signal(int, object)  # (generation, events frame) from the worker thread

    def __init__(self, state: MapState, scene: MapScene | None = None) -> None:
        super().__init__()
        self.state = state
        self.scene = scene or MapScene(state)
        self.last_error = ""  # the last message shown to the user (status bar or dialog)
        self.last_message = ""
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
        self.import_dialog: object = None  # the import dialog while it asks about a file
        self.setWindowTitle(f"{APP_NAME} {__version__}")
        self.layer_panel = LayerPanel(state)
        dock = QDockWidget(translate("MainWindow", "Layers"), self)
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
        self.progress_bar.setFormat(translate("MainWindow", "Loading… %p%"))
        self.cancel_button = QPushButton(translate("MainWindow", "Cancel"))
        self.cancel_button.setToolTip(translate("MainWindow", "Stop loading the track files"))
        self.cancel_button.clicked.connect(self.cancel_loading)
        self.statusBar().addWidget(self.cursor_label, 1)
        self.statusBar().addPermanentWidget(self.progress_bar)
        self.statusBar().addPermanentWidget(self.cancel_button)
        self.statusBar().addPermanentWidget(self.view_label)
        self.progress_bar.hide()
        self.cancel_button.hide()
        from viewer.qt.measure_tool import MeasureTool

        self.measure_tool = MeasureTool(self.canvas)
        self.scene.overlays.append(self.measure_tool)
        from viewer.qt.annotation_tool import AnnotationTool

        self.annotation_tool = AnnotationTool(self.canvas, self.add_annotation, self._ask_text)
        self._undo: list[tuple] = []
        self._redo: list[tuple] = []
        self.show_title_clock = False  # presentation mode and exports burn in title and clock
        self.scene.overlays.append(self._paint_title_clock)
        self.create_actions()
        self.create_menus()
        self._build_authoring()
        # keep every shortcut alive when the menu bar is hidden (presentation mode)
        self.addActions([a for a in self.findChildren(QAction) if not a.shortcut().isEmpty()])
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
            translate("MainWindow", "&Open track files…"),
            self,
            shortcut=QKeySequence.Open,
            statusTip=translate(
                "MainWindow",
                "Load CSV, GeoJSON, GPX, KML/KMZ, GeoPackage, "
                "Parquet, AIS NMEA or Cursor-on-Target track files",
            ),
            triggered=self.open_dialog,
        )
        self.open_briefing_act = QAction(
            translate("MainWindow", "Open &briefing…"),
            self,
            shortcut="Ctrl+Shift+O",
            statusTip=translate("MainWindow", "Open a saved briefing (*.briefing.json)"),
            triggered=self.open_briefing_dialog,
        )
        self.save_act = QAction(
            translate("MainWindow", "&Save briefing"),
            self,
            shortcut=QKeySequence.Save,
            statusTip=translate(
                "MainWindow", "Save the briefing: files, layers, view, clock, scenes"
            ),
            triggered=self.save_briefing,
        )
        self.save_as_act = QAction(
            translate("MainWindow", "Save briefing &as…"),
            self,
            shortcut=QKeySequence.SaveAs,
            triggered=self.save_briefing_as,
        )
        self.add_scene_act = QAction(
            translate("MainWindow", "&Add scene from current view"),
            self,
            shortcut="Ctrl+M",
            statusTip=translate("MainWindow", "A scene = this view, time, layers and speed"),
            triggered=self.add_scene,
        )
        self.rename_scene_act = QAction(
            translate("MainWindow", "&Rename scene…"), self, triggered=self.rename_scene
        )
        self.delete_scene_act = QAction(
            translate("MainWindow", "&Delete scene"), self, triggered=self.delete_scene
        )
        self.scene_timing_act = QAction(  # issue 22: times typed (viewer/qt/timing_dialog.py)
            translate("MainWindow", "Scene &timing…"), self, triggered=self.edit_scene_timing
        )
        self.annotation_timing_act = QAction(
            translate("MainWindow", "When the last annotation shows…"),
            self,
            triggered=self.edit_annotation_timing,
        )
        self.scene_earlier_act = QAction(
            translate("MainWindow", "Move scene &earlier"),
            self,
            triggered=lambda: self.move_scene(-1),
        )
        self.scene_later_act = QAction(
            translate("MainWindow", "Move scene &later"),
            self,
            triggered=lambda: self.move_scene(+1),
        )
        self.next_scene_act = QAction(
            translate("MainWindow", "&Next scene"),
            self,
            shortcut=QKeySequence.MoveToNextPage,
            statusTip=translate("MainWindow", "Step to the next scene (presenter clicker)"),
            triggered=lambda: self.step_scene(+1),
        )
        self.prev_scene_act = QAction(
            translate("MainWindow", "&Previous scene"),
            self,
            shortcut=QKeySequence.MoveToPreviousPage,
            triggered=lambda: self.step_scene(-1),
        )
        self.present_act = QAction(
            translate("MainWindow", "&Presentation mode"),
            self,
            shortcut="F5",
            checkable=True,
            statusTip=translate("MainWindow", "Full screen, large type, no panels (Esc leaves)"),
            triggered=self.set_presentation,
        )
        self.report_act = QAction(
            translate("MainWindow", "Import &reports…"),
            self,
            statusTip=translate("MainWindow", "What was read and skipped in each loaded file"),
            triggered=self.show_reports,
        )
        self.add_layer_act = QAction(
            translate("MainWindow", "&Add layer file…"),
            self,
            shortcut="Ctrl+L",
            statusTip=translate(
                "MainWindow",
                "Add a vector file (GeoJSON, GeoPackage, Shapefile, KML) as a map layer",
            ),
            triggered=self.add_layer_file,
        )
        self.export_png_act = QAction(
            translate("MainWindow", "Export map as &PNG…"),
            self,
            shortcut="Ctrl+E",
            statusTip=translate("MainWindow", "Save the map as shown to a PNG image"),
            triggered=self.export_png,
        )
        self.export_video_act = QAction(
            translate("MainWindow", "Export &video…"),
            self,
            shortcut="Ctrl+Shift+E",
            statusTip=translate("MainWindow", "Save the replay (in/out range) as MP4 or GIF"),
            triggered=self.export_video,
        )
        self.export_briefing_video_act = QAction(
            translate("MainWindow", "Export &briefing as video…"),
            self,
            statusTip=translate(
                "MainWindow", "Every scene of the briefing in order, as MP4 or GIF"
            ),
            triggered=self.export_briefing_video,
        )
        self.quit_act = QAction(
            translate("MainWindow", "&Quit"), self, shortcut=QKeySequence.Quit, triggered=self.close
        )
        self.home_act = QAction(
            translate("MainWindow", "&Home view"),
            self,
            shortcut="Ctrl+0",
            statusTip=translate("MainWindow", "Show the whole region"),
            triggered=self.canvas.home,
        )
        self.zoom_in_act = QAction(
            translate("MainWindow", "Zoom &in"),
            self,
            shortcut=QKeySequence.ZoomIn,
            triggered=self.canvas.zoom_in,
        )
        self.zoom_out_act = QAction(
            translate("MainWindow", "Zoom &out"),
            self,
            shortcut=QKeySequence.ZoomOut,
            triggered=self.canvas.zoom_out,
        )
        self.zoom_layer_act = QAction(
            translate("MainWindow", "Zoom to &layer"),
            self,
            shortcut="Ctrl+Shift+L",
            statusTip=translate("MainWindow", "Zoom to the layer selected in the panel"),
            triggered=self.zoom_to_selected_layer,
        )
        self.graticule_act = QAction(
            translate("MainWindow", "&Graticule"),
            self,
            checkable=True,
            checked=True,
            triggered=self._on_graticule_toggled,
        )
        self.map_date_act = QAction(
            translate("MainWindow", "Map &date…"),
            self,
            statusTip=translate(
                "MainWindow",
                "Show time-aware layers (Japan's ADIZ near Yonaguni, exercise zones) as on a date",
            ),
            triggered=self.ask_map_date,
        )
        self.epsg_act = QAction(
            translate("MainWindow", "Other CRS (&EPSG code)…"), self, triggered=self.ask_crs
        )
        self.measure_act = QAction(
            translate("MainWindow", "&Measure distance and bearing"),
            self,
            shortcut="M",
            checkable=True,
            statusTip=translate(
                "MainWindow",
                "Drag on the map: geodesic range (nmi, km), true "
                "bearing and 12 nmi range rings; Esc clears",
            ),
            triggered=self._on_measure_toggled,
        )
        self.annotate_group = QActionGroup(self)
        self.annotate_group.setExclusionPolicy(QActionGroup.ExclusionPolicy.ExclusiveOptional)
        self.annotate_acts: dict[str, QAction] = {}
        for kind, title, key in (
            ("text", translate("MainWindow", "&Text"), "Shift+T"),
            ("arrow", translate("MainWindow", "&Arrow"), "Shift+A"),
            ("circle", translate("MainWindow", "&Circle"), "Shift+C"),
            ("polygon", translate("MainWindow", "&Polygon (Enter to finish)"), "Shift+P"),
        ):
            act = QAction(title, self, checkable=True, shortcut=key)
            act.toggled.connect(lambda on, k=kind: self.annotation_tool.start(k if on else None))
            self.annotate_group.addAction(act)
            self.annotate_acts[kind] = act
        self.annotate_range_act = QAction(
            translate("MainWindow", "Only during the in/out range"),
            self,
            checkable=True,
            statusTip=translate(
                "MainWindow",
                "New annotations show only while the replay is inside the in/out points",
            ),
        )
        self.delete_annotation_act = QAction(
            translate("MainWindow", "Delete the last annotation"),
            self,
            triggered=self.delete_last_annotation,
        )
        self.undo_act = QAction(
            translate("MainWindow", "&Undo"), self, shortcut=QKeySequence.Undo, triggered=self.undo
        )
        self.redo_act = QAction(
            translate("MainWindow", "&Redo"), self, shortcut=QKeySequence.Redo, triggered=self.redo
        )
        self.about_act = QAction(
            translate("MainWindow", "&About and data sources"), self, triggered=self.about
        )
        self.keys_act = QAction(
            translate("MainWindow", "&Keyboard shortcuts"),
            self,
            shortcut=QKeySequence.HelpContents,
            triggered=self.show_shortcuts,
        )
        self.projection_group = QActionGroup(self)
        self.projection_acts: dict[str, QAction] = {}
        for key, (title, _) in PRESETS.items():
            act = QAction(_shown(PROJECTION_TITLES, key, title), self, checkable=True)
            act.triggered.connect(lambda _=False, k=key: self.set_projection(k))
            self.projection_group.addAction(act)
            self.projection_acts[key] = act
        self.language_group = QActionGroup(self)
        self.language_acts: dict[str, QAction] = {}
        saved = saved_language()
        for code, title in (
            (SYSTEM, translate("MainWindow", "System language")),
            *LANGUAGES.items(),  # each language by its own name
        ):
            act = QAction(title, self, checkable=True, checked=code == saved)
            act.triggered.connect(lambda _=False, c=code: self.set_language(c))
            self.language_group.addAction(act)
            self.language_acts[code] = act
        self.naming_group = QActionGroup(self)
        self.naming_acts: dict[str, QAction] = {}
        for key, title in NAMING_TITLES.items():
            act = QAction(
                translate("MainWindow", title),
                self,
                checkable=True,
                checked=key == self.state.naming,
            )
            act.triggered.connect(lambda _=False, k=key: self.state.set_naming(k))
            self.naming_group.addAction(act)
            self.naming_acts[key] = act
        self._create_display_actions()

    def create_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu(translate("MainWindow", "&File"))
        self.file_menu.addAction(self.open_act)
        self.file_menu.addAction(self.open_briefing_act)
        self.file_menu.addAction(self.save_act)
        self.file_menu.addAction(self.save_as_act)
        self.recent_menu = self.file_menu.addMenu(translate("MainWindow", "Open &recent"))
        self.file_menu.addAction(self.report_act)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.add_layer_act)
        self.file_menu.addAction(self.export_png_act)
        self.file_menu.addAction(self.export_video_act)
        self.file_menu.addAction(self.export_briefing_video_act)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_act)
        self.view_menu = bar.addMenu(translate("MainWindow", "&View"))
        for act in (self.home_act, self.zoom_in_act, self.zoom_out_act, self.zoom_layer_act):
            self.view_menu.addAction(act)
        self.view_menu.addSeparator()
        proj = self.view_menu.addMenu(translate("MainWindow", "&Projection"))
        for act in self.projection_acts.values():
            proj.addAction(act)
        proj.addSeparator()
        proj.addAction(self.epsg_act)
        naming = self.view_menu.addMenu(translate("MainWindow", "Place &names"))
        for act in self.naming_acts.values():
            naming.addAction(act)
        self.language_menu = self.view_menu.addMenu(translate("MainWindow", "&Language"))
        for act in self.language_acts.values():
            self.language_menu.addAction(act)
        self.view_menu.addAction(self.graticule_act)
        self.view_menu.addAction(self.map_date_act)
        self._add_display_menus(self.view_menu)
        self.view_menu.addAction(self.layers_dock.toggleViewAction())
        self.view_menu.addAction(self.timeline_dock.toggleViewAction())
        self.view_menu.addAction(self.details_dock.toggleViewAction())
        self.view_menu.addAction(self.events_dock.toggleViewAction())
        self.view_menu.addAction(self.counts_dock.toggleViewAction())
        self.timeline_menu = bar.addMenu(translate("MainWindow", "&Timeline"))
        for act in self.qt_timeline.actions():
            self.timeline_menu.addAction(act)
        self.timeline_menu.addSeparator()
        self.timeline_menu.addAction(self.follow_act)
        colour_menu = self.timeline_menu.addMenu(translate("MainWindow", "&Colour tracks by"))
        self.colour_group = QActionGroup(self)
        for key in ("kind", "track", "side"):
            act = QAction(
                _shown(COLOUR_BY_TITLES, key), self, checkable=True, checked=key == "kind"
            )
            act.setData(key)
            act.triggered.connect(lambda _=False, k=key: self.set_colour_by(k))
            self.colour_group.addAction(act)
            colour_menu.addAction(act)
        self.flash_act = QAction(
            translate("MainWindow", "&Flash zone events on the map"),
            self,
            checkable=True,
            checked=True,
            triggered=self._on_flash_toggled,
        )
        self.timeline_menu.addAction(self.flash_act)
        self.labels_act = QAction(
            translate("MainWindow", "Track &labels"),
            self,
            checkable=True,
            checked=True,
            triggered=self._on_labels_toggled,
        )
        self.timeline_menu.addAction(self.labels_act)
        self.scenes_menu = bar.addMenu(translate("MainWindow", "&Scenes"))
        self._refresh_scenes_menu()
        self.tools_menu = bar.addMenu(translate("MainWindow", "T&ools"))
        self.tools_menu.addAction(self.measure_act)
        annotate = self.tools_menu.addMenu(translate("MainWindow", "&Annotate"))
        for act in self.annotate_acts.values():
            annotate.addAction(act)
        annotate.addSeparator()
        annotate.addAction(self.annotate_range_act)
        annotate.addAction(self.annotation_timing_act)
        annotate.addAction(self.delete_annotation_act)
        self.edit_menu = bar.addMenu(translate("MainWindow", "&Edit"))
        self.edit_menu.addAction(self.undo_act)
        self.edit_menu.addAction(self.redo_act)
        self.help_menu = bar.addMenu(translate("MainWindow", "&Help"))
        self.help_menu.addAction(self.keys_act)
        self.help_menu.addAction(self.about_act)

    # ------------------------------------------------------------------ slots
    @Slot()
    def add_layer_file(self, path: str | None = None) -> bool:
        from viewer.core.user_layers import LayerFileError, read_user_layer
        from viewer.qt.painters import ReferenceLayerPainter

        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self,
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
        self.scene.add_layer_painter(ReferenceLayerPainter(layer))
        self.state.add_user_layer(layer)
        if self.tracks.items:
            self._recompute_events()  # a user polygon or line is a zone too
        self.statusBar().showMessage(
            translate("MainWindow", "Added layer {title} ({n} features)").format(
                title=layer.title(), n=len(layer.features)
            ),
            8000,
        )
        return True

    def show_error(self, title: str, text: str) -> None:
        """A modal message, except in tests and headless runs where it goes to the status bar."""
        self.statusBar().showMessage(text, 15000)
        self.last_error = text
        if QApplication.platformName() not in ("offscreen", "minimal"):
            QMessageBox.warning(self, title, text)

    @Slot()
    def export_png(
        self,
        path: str | None = None,
        size: tuple[int, int] | None = None,
        dpi: int = 150,
        title_clock: bool = True,
    ) -> bool:
        """The map as shown (same extent) at ``size`` pixels and ``dpi``, legend, scale bar and
        sources burned in, with title and clock if asked; a dialog when no path is given."""
        if not path:
            from viewer.qt.export_dialog import ExportPngDialog

            dialog = ExportPngDialog(self)
            if dialog.exec() != ExportPngDialog.Accepted:
                return False
            size, dpi, title_clock = (
                dialog.chosen_size(),
                dialog.dpi.value(),
                dialog.title_clock.isChecked(),
            )
            path, _ = QFileDialog.getSaveFileName(
                self, translate("MainWindow", "Export map"), "map.png", "PNG (*.png)"
            )
            if not path:
                return False
        view = self.canvas.view
        if size is not None:
            width, height = size
            # the same ground extent, more pixels: fit the current view's width
            view = replace(view, scale=view.scale * view.width / width).resized(width, height)
        keep_scale, keep_flag = self.scene.font_scale, self.show_title_clock
        self.scene.font_scale = max(1.0, view.width / 1600.0)  # type that reads on a slide
        self.show_title_clock = title_clock
        try:
            image = self.scene.render_image(view)
        finally:
            self.scene.font_scale, self.show_title_clock = keep_scale, keep_flag
        image.setDotsPerMeterX(round(dpi / 0.0254))
        image.setDotsPerMeterY(round(dpi / 0.0254))
        if not stamp_png(image).save(path):
            self.show_error(
                translate("MainWindow", "Export failed"),
                translate("MainWindow", "{path}: could not write the PNG").format(path=path),
            )
            return False
        self.statusBar().showMessage(
            translate("MainWindow", "Saved {path} ({width}x{height}, {dpi} dpi)").format(
                path=path, width=view.width, height=view.height, dpi=dpi
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
        self.tracks.reproject(projection)
        self._on_view_changed(self.canvas.view)
        for key, act in self.projection_acts.items():
            act.setChecked(PRESETS[key][1] == projection.definition)

    @Slot()
    def ask_crs(self) -> None:
        text, ok = QInputDialog.getText(
            self,
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
            self,
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
            translate("MainWindow", "{projection}  ·  coastline: {resolution}").format(
                projection=projection_title(self.state.projection),
                resolution=_shown(RESOLUTION_TITLES, res, RESOLUTION_NAMES.get(res, res)),
            )
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
            translate("MainWindow", "This {role}: {confidence}").format(
                role=_shown(ROLE_TITLES, str(row["role"])),
                confidence=_shown(CONFIDENCE_TITLES, conf, CONFIDENCE_WORDS.get(conf, conf)),
            )
            + (f" — {note}" if note else "")
        )
        self.layer_panel.show_feature_info(layer_id, "\n".join(head) + "\n\n" + text)
        self.layers_dock.show()

    def _paint_title_clock(self, painter, ctx) -> None:
        from viewer.qt.overlays import paint_clock, paint_title
        from viewer.qt.painters import legend_rect

        if not self.show_title_clock:
            return
        briefing = getattr(self, "briefing", None)
        title = briefing.title if briefing else ""
        scene = ""
        if briefing and 0 <= getattr(self, "scene_index", -1) < len(briefing.scenes):
            scene = briefing.scenes[self.scene_index].title
        clock = None  # on a narrow screen the clock goes above the legend, the title above it
        if self.tracks.items:
            clock = paint_clock(
                painter,
                ctx,
                self.timeline.time,
                self.timeline.zone if self.timeline.zone != "local" else "UTC",
                avoid=legend_rect(ctx) if self.scene.show_legend else None,
            )
        paint_title(painter, ctx, title, scene, above=clock)

    def _on_flash_toggled(self, on: bool) -> None:
        self.event_flash.enabled = on
        self.canvas.update()

    def _on_measure_toggled(self, on: bool) -> None:
        self.measure_tool.set_active(on)
        if on:
            self.statusBar().showMessage(
                translate("MainWindow", "Measure: drag from one point to another"), 8000
            )

    def set_language(self, code: str) -> None:
        """Save the interface language (``"system"`` or a code of `LANGUAGES`); it applies
        when the app starts again."""
        save_language(code)
        self.language_acts[code].setChecked(True)
        wanted = system_language() if code == SYSTEM else code
        if wanted == current_language():
            return
        text = translate(
            "MainWindow", "The interface language changes when ADIZ Viewer is started again."
        )
        self.statusBar().showMessage(text, 15000)
        self.last_message = text
        if QApplication.platformName() not in ("offscreen", "minimal"):
            QMessageBox.information(self, translate("MainWindow", "Language"), text)

    @Slot()
    def about(self) -> None:
        QMessageBox.about(
            self,
            translate("MainWindow", "About {app}").format(app=APP_NAME),
            about_text(self.state.catalog),
        )

    @Slot()
    def show_shortcuts(self) -> None:
        QMessageBox.information(
            self, translate("MainWindow", "Keyboard shortcuts"), shortcuts_text()
        )

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
        zone = settings.value("replay/zone")
        if isinstance(zone, str) and zone:
            with contextlib.suppress(ValueError):
                self.timeline.set_zone(zone)
        colour = settings.value("replay/colour_by")
        if colour in ("kind", "track", "side"):
            self.set_colour_by(str(colour))
            for act in self.colour_group.actions():
                act.setChecked(act.data() == colour)
        self._restore_display_settings(settings)

    def closeEvent(self, event) -> None:
        if self.dirty and QApplication.platformName() not in ("offscreen", "minimal"):
            answer = QMessageBox.question(
                self,
                translate("MainWindow", "Unsaved changes"),
                translate("MainWindow", "Save the briefing before closing?"),
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
        settings.setValue("replay/zone", self.timeline.zone)
        settings.setValue("replay/colour_by", self.track_painter.style.color_by)
        super().closeEvent(event)


def shortcuts_text() -> str:
    """Help > Keyboard shortcuts, in the interface language."""
    return translate(
        "MainWindow",
        """Map
  Drag; arrow keys (Shift+arrows during a replay): pan    Wheel, + / -: zoom at the cursor
  Ctrl+0: home view      Ctrl+Shift+L: zoom to the selected layer
  Click a zone, line or place: its source, date and confidence
Replay
  Space: play / pause    Left / Right: step    Home / End: start / end
  I / O: in / out point  L: loop               [ / ]: slower / faster
  F: follow the selected track    click a track: its details
Briefing
  PageDown / PageUp (and Right / Left while presenting): next / previous scene
  Ctrl+1..9: go to a scene        Ctrl+M: add a scene from the current view
  F5: presentation mode (Esc leaves)
Tools
  M: measure range and bearing    Shift+T / A / C / P: annotate (text, arrow, circle, polygon)
  Ctrl+Z / Ctrl+Shift+Z: undo / redo scene and annotation edits
Files
  Ctrl+O: open tracks    Ctrl+Shift+O: open a briefing    Ctrl+S: save the briefing
  Ctrl+L: add a layer file        Ctrl+E: export PNG      Ctrl+Shift+E: export video
""",
    )


def about_text(catalog: Catalog) -> str:
    lines = [
        f"<b>{APP_NAME} {__version__}</b>",
        "<p>"
        + translate(
            "MainWindow",
            "Reference layers are drawn only from published coordinates; approximate "
            "edges are dashed and partial layers say so.",
        )
        + "</p><p><b>"
        + translate("MainWindow", "Data sources")
        + "</b></p><ul>",
    ]
    lines += [f"<li>{s.citation()}</li>" for s in catalog.sources.values()]
    lines.append("</ul><p><b>" + translate("MainWindow", "Not drawn") + "</b></p><ul>")
    lines += [f"<li>{n['title']}: {n['why']}</li>" for n in catalog.not_drawn]
    lines.append(f"</ul><p>{ATTRIBUTION}.</p>")
    libraries = (
        "Qt for Python (PySide6, LGPL-3.0), NumPy, pandas, GeoPandas, "
        "Shapely, pyproj/PROJ, pyogrio/GDAL, gpxpy, pyais, defusedxml, imageio-ffmpeg"
    )
    lines.append(
        "<p>" + translate("MainWindow", "Libraries: {names}.").format(names=libraries) + "</p>"
    )
    return "\n".join(lines)


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("adiz-viewer")  # Wayland matches the window to its .desktop entry
    icon = package_data.resource("icons", "adiz-viewer.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    font = QFont(app.font())
    font.setFamilies(UI_FONT_FAMILIES)
    app.setFont(font)
    from viewer.qt.file_open import file_open_queue

    file_open_queue(app)  # macOS "Open with": files that arrive before the window wait here
    return app  # type: ignore[return-value]


def run_app(files: list[str] | None = None, language: str | None = None) -> int:
    """The window on ``files``; ``language`` (``--lang``) overrides $ADIZ_LANG and the setting."""
    from viewer.qt.crash import install_crash_handler

    app = make_application()
    apply_language(resolve_language(language))
    install_crash_handler()
    state = MapState(load_catalog())
    window = MainWindow(state)
    window.restore_settings()
    window.show()
    from viewer.qt.file_open import file_open_queue

    queue = file_open_queue(app)
    if window.offer_recovery():
        queue.attach(window.open_files)
        return app.exec()
    app.processEvents()  # a file macOS asked to open at launch may be waiting
    if not files and not queue.received and DEFAULT_BRIEFING.exists():
        files = [str(DEFAULT_BRIEFING)]
    window.open_files(files or [])
    queue.attach(window.open_files)  # queued files open now, later ones as they come
    return app.exec()


__all__ = ["MainWindow", "QWidget", "make_application", "run_app"]
