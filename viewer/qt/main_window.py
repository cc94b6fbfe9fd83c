"""The main window: a shell of controllers around the map canvas and the layer panel; the menus,
the status bar and the window's own actions (view, projection, names, language, layers, tools,
help). `run_app` starts it all.

The window drives one `Session`; its parts are controllers given ``(session, window)``:
``track_files``, ``replay``, ``zone_events``, ``archives``, ``briefings``, ``display``,
``exports`` and ``authoring``. The painters are the session's `MapScene`
(`MapScene.for_session`), to which the window adds its tools (event flashes, the measure and
trace tools; an archive's density layer).
"""

from __future__ import annotations

import contextlib
import sys

from PySide6.QtCore import QSettings, Qt, Slot
from PySide6.QtGui import QAction, QActionGroup, QFont, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QMainWindow,
    QMessageBox,
    QWidget,
)

from viewer import __version__
from viewer.core import package_data
from viewer.core.briefing import discard_recovery
from viewer.core.catalog import load_catalog
from viewer.core.constants import NAMINGS
from viewer.core.map_state import MapState
from viewer.core.session import Session
from viewer.core.zone_names import naming_for_language
from viewer.qt.app_settings import APP_NAME, DEFAULT_BRIEFING, ORG_NAME, PLACE_NAMES_KEY
from viewer.qt.archive_controller import ArchiveController
from viewer.qt.authoring_controller import AuthoringController
from viewer.qt.briefing_controller import BriefingController
from viewer.qt.crash import install_crash_handler
from viewer.qt.display_controller import DisplayController
from viewer.qt.document_controller import DocumentController
from viewer.qt.export_controller import ExportController
from viewer.qt.file_open import file_open_queue
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
from viewer.qt.live_controller import LiveController
from viewer.qt.map_canvas import MapCanvas
from viewer.qt.map_controller import MapController
from viewer.qt.presenter_controller import PresenterController
from viewer.qt.replay_controller import COLOUR_BY, ReplayController
from viewer.qt.tool_controller import ToolController
from viewer.qt.track_files_controller import TrackFilesController
from viewer.qt.window_texts import (
    about_text,
    shortcuts_text,
)
from viewer.qt.zone_events_controller import ZoneEventsController
from viewer.render.map_scene import MapScene

UI_FONT_FAMILIES = ["DejaVu Sans", "Noto Sans CJK TC", "Noto Sans CJK JP", "Noto Sans CJK SC"]


class MainWindow(QMainWindow):
    """The window on ``session``: its controllers, the canvas and the layer panel."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.state = session.state
        # place names in the interface language's usage unless a briefing chose its own
        session.set_default_naming(naming_for_language(current_language()))
        self.scene = MapScene.for_session(session)
        assert self.scene.title_clock is not None
        self.scene.title_clock.clock_visible = False  # shown while presenting and in exports
        self.scene.title_clock.legend = self.scene.legend  # on a narrow screen: above it
        self.last_error = ""  # the last message shown to the user (status bar or dialog)
        self.last_message = ""
        self.canvas = MapCanvas(self.scene)
        self.setCentralWidget(self.canvas)
        self.setAcceptDrops(True)
        self.setWindowTitle(f"{APP_NAME} {__version__}")
        self.layer_panel = LayerPanel(self.state)
        left = Qt.LeftDockWidgetArea
        self.layers_dock = self.add_dock(
            translate("MainWindow", "Layers"), "layers_dock", self.layer_panel, left
        )
        self.tools = ToolController(session, self)  # before the controllers with map tools
        self.map = MapController(session, self)
        self.track_files = TrackFilesController(session, self)
        self.documents = DocumentController(session, self)
        self.replay = ReplayController(session, self)
        self.zone_events = ZoneEventsController(session, self)
        self.archives = ArchiveController(session, self)
        self.briefings = BriefingController(session, self)
        self.presenter = PresenterController(session, self)
        self.display = DisplayController(session, self)
        self.exports = ExportController(session, self)
        self.live = LiveController(session, self)
        # permanent sections: a status message never hides the tool or the cursor's position
        self.statusBar().addPermanentWidget(self.tools.status_label)
        self.statusBar().addPermanentWidget(self.map.cursor_label)
        self.statusBar().addPermanentWidget(self.track_files.progress_bar)
        self.statusBar().addPermanentWidget(self.track_files.cancel_button)
        archive = self.archives.status
        for widget in (archive.label, archive.progress_bar, archive.cancel_button):
            self.statusBar().addPermanentWidget(widget)
        self.statusBar().addPermanentWidget(self.map.view_label)
        self.create_actions()
        self.authoring = AuthoringController(session, self)
        self.create_menus()
        # keep every shortcut alive when the menu bar is hidden (presentation mode)
        self.addActions([a for a in self.findChildren(QAction) if not a.shortcut().isEmpty()])
        self.presenter.view.addActions(self.actions())  # Esc, PageDown, F5, N there too
        self.replay.refresh()
        self.resize(1400, 900)
        self.track_files.refresh_recent_menu()
        self.map.refresh()

    # ------------------------------------------------------------------ actions
    def create_actions(self) -> None:
        self.quit_act = QAction(
            translate("MainWindow", "&Quit"), self, shortcut=QKeySequence.Quit, triggered=self.close
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

    def create_menus(self) -> None:
        bar = self.menuBar()
        files, briefings, replay = self.track_files, self.briefings, self.replay
        exports, authoring, m = self.exports, self.authoring, self.map
        self.file_menu = bar.addMenu(translate("MainWindow", "&File"))
        for act in (self.documents.new_act, files.open_act, briefings.open_briefing_act):
            self.file_menu.addAction(act)
        self.file_menu.addAction(self.archives.open_act)
        self.file_menu.addAction(self.archives.connect_act)
        self.file_menu.addAction(briefings.save_act)
        self.file_menu.addAction(briefings.save_as_act)
        self.recent_menu = self.file_menu.addMenu(translate("MainWindow", "Open &recent"))
        self.file_menu.addAction(files.report_act)
        self.file_menu.addMenu(self.documents.remove_menu)
        self.file_menu.addSeparator()
        self.live.add_menu_items(self.file_menu)
        self.file_menu.addSeparator()
        for act in (
            authoring.open_traced_act,
            authoring.save_traced_act,
            m.add_layer_act,
            exports.export_png_act,
            exports.export_video_act,
            exports.export_briefing_video_act,
        ):
            self.file_menu.addAction(act)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_act)
        self.view_menu = bar.addMenu(translate("MainWindow", "&View"))
        for act in (m.home_act, m.zoom_in_act, m.zoom_out_act, m.zoom_layer_act):
            self.view_menu.addAction(act)
        self.view_menu.addSeparator()
        proj = self.view_menu.addMenu(translate("MainWindow", "&Projection"))
        for act in m.projection_acts.values():
            proj.addAction(act)
        proj.addSeparator()
        proj.addAction(m.epsg_act)
        naming = self.view_menu.addMenu(translate("MainWindow", "Place &names"))
        for act in m.naming_acts.values():
            naming.addAction(act)
        self.language_menu = self.view_menu.addMenu(translate("MainWindow", "&Language"))
        for act in self.language_acts.values():
            self.language_menu.addAction(act)
        self.view_menu.addAction(m.graticule_act)
        self.view_menu.addAction(m.map_date_act)
        self.display.add_menus(self.view_menu)
        for dock in (
            self.layers_dock,
            replay.timeline_dock,
            replay.details_dock,
            self.zone_events.events_dock,
            self.zone_events.counts_dock,
            authoring.georef_dock,
            authoring.traced_dock,
        ):
            self.view_menu.addAction(dock.toggleViewAction())
        self.timeline_menu = bar.addMenu(translate("MainWindow", "&Timeline"))
        for act in replay.qt_timeline.actions():
            self.timeline_menu.addAction(act)
        self.timeline_menu.addSeparator()
        self.timeline_menu.addAction(replay.follow_act)
        colour_menu = self.timeline_menu.addMenu(translate("MainWindow", "&Colour tracks by"))
        for act in replay.colour_group.actions():
            colour_menu.addAction(act)
        self.timeline_menu.addAction(replay.flash_act)
        self.timeline_menu.addAction(replay.labels_act)
        self.timeline_menu.addSeparator()
        for act in self.archives.menu_actions():
            self.timeline_menu.addAction(act)
        self.scenes_menu = bar.addMenu(translate("MainWindow", "&Scenes"))
        briefings.refresh_scenes_menu()
        self.tools_menu = bar.addMenu(translate("MainWindow", "T&ools"))
        self.tools_menu.addAction(m.measure_act)
        annotate = self.tools_menu.addMenu(translate("MainWindow", "&Annotate"))
        for act in briefings.annotate_acts.values():
            annotate.addAction(act)
        annotate.addSeparator()
        annotate.addAction(briefings.annotate_range_act)
        annotate.addAction(briefings.annotation_timing_act)
        annotate.addAction(briefings.delete_annotation_act)
        self.tools_menu.addSeparator()
        self.tools_menu.addAction(authoring.underlay_act)
        self.tools_menu.addAction(authoring.control_point_act)
        self.tools_menu.addAction(authoring.trace_act)
        self.tools_menu.addAction(authoring.traced_dock.toggleViewAction())
        self.tools_menu.addAction(authoring.reported_act)
        self.tools_menu.addSeparator()
        self.tools_menu.addAction(self.tools.stop_act)
        self.edit_menu = bar.addMenu(translate("MainWindow", "&Edit"))
        self.edit_menu.addAction(briefings.undo_act)
        self.edit_menu.addAction(briefings.redo_act)
        self.help_menu = bar.addMenu(translate("MainWindow", "&Help"))
        self.help_menu.addAction(self.keys_act)
        self.help_menu.addAction(self.about_act)

    def add_dock(
        self,
        title: str,
        name: str,
        widget: QWidget,
        area: Qt.DockWidgetArea,
        under: QDockWidget | None = None,
    ) -> QDockWidget:
        """A dock named ``name`` (its saved place) holding ``widget`` in ``area``; with ``under``,
        a tab behind that dock, which stays in front."""
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        if under is not None:
            self.tabifyDockWidget(under, dock)
            under.raise_()
        return dock

    def panel_docks(self) -> list[QDockWidget]:
        """The docks presentation mode hides."""
        return [
            self.layers_dock,
            self.replay.details_dock,
            self.replay.timeline_dock,
            self.zone_events.events_dock,
            self.zone_events.counts_dock,
        ]

    def show_title_clock(self, on: bool) -> None:
        """Burn the briefing's title and the clock into the map (presentation mode)."""
        title_clock = self.scene.title_clock
        assert title_clock is not None
        title_clock.clock_visible = title_clock.title_visible = on

    # ------------------------------------------------------------------ slots
    def show_error(self, title: str, text: str) -> None:
        """A modal message, except in tests and headless runs where it goes to the status bar."""
        self.statusBar().showMessage(text, 15000)
        self.last_error = text
        if QApplication.platformName() not in ("offscreen", "minimal"):
            QMessageBox.warning(self, title, text)

    def open_files(self, paths: list[str]) -> None:
        """Open track files or a briefing (the command line, drag and drop, macOS "Open with"):
        track files join the open briefing or start a new one (asked)."""
        self.documents.open_files(paths)

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

    # ------------------------------------------------------------------ window events
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
        naming = settings.value(PLACE_NAMES_KEY)
        if isinstance(naming, str) and naming in NAMINGS:  # chosen under View > Place names
            self.session.set_default_naming(naming)
        zone = settings.value("replay/zone")
        if isinstance(zone, str) and zone:
            with contextlib.suppress(ValueError):
                self.session.timeline.set_zone(zone)
        colour = settings.value("replay/colour_by")
        if colour in COLOUR_BY:
            self.replay.set_colour_by(str(colour))
        self.display.restore_settings(settings)

    def closeEvent(self, event) -> None:
        if self.session.dirty and QApplication.platformName() not in ("offscreen", "minimal"):
            answer = QMessageBox.question(
                self,
                translate("MainWindow", "Unsaved changes"),
                translate("MainWindow", "Save the briefing before closing?"),
                QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel,
            )
            if answer == QMessageBox.Cancel or (
                answer == QMessageBox.Save and not self.briefings.save_briefing()
            ):
                event.ignore()
                return
        discard_recovery(self.session.briefing_path)  # a clean close leaves no recovery behind
        self.track_files.shutdown()
        self.archives.shutdown()
        self.zone_events.shutdown()
        self.live.shutdown()
        settings = QSettings(ORG_NAME, ORG_NAME)
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        settings.setValue("replay/zone", self.session.timeline.zone)
        settings.setValue("replay/colour_by", self.replay.track_painter.style.color_by)
        super().closeEvent(event)


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
    file_open_queue(app)  # macOS "Open with": files that arrive before the window wait here
    return app  # type: ignore[return-value]


def run_app(
    files: list[str] | None = None,
    language: str | None = None,
    feeds: list[str] | None = None,
) -> int:
    """The window on ``files``, connected to ``feeds`` (URLs, ``--feed``); ``language``
    (``--lang``) overrides $ADIZ_LANG and the setting."""
    app = make_application()
    apply_language(resolve_language(language))
    install_crash_handler()
    window = MainWindow(Session(MapState(load_catalog())))
    window.restore_settings()
    window.show()
    queue = file_open_queue(app)
    if window.briefings.offer_recovery():
        queue.attach(window.open_files)
        return app.exec()
    app.processEvents()  # a file macOS asked to open at launch may be waiting
    if not files and not feeds and not queue.received and DEFAULT_BRIEFING.exists():
        files = [str(DEFAULT_BRIEFING)]  # (a live picture opens on the map alone)
    window.open_files(files or [])
    for url in feeds or []:
        window.live.connect_feed(url)
    queue.attach(window.open_files)  # queued files open now, later ones as they come
    return app.exec()


__all__ = ["MainWindow", "make_application", "run_app", "shortcuts_text"]
