"""Authoring in the window: a georeferenced picture underlay, tracks traced over it, and the
daily counts a ministry reported — kept in the session's briefing, every edit undoable.

The traced tracks replay like a loaded file (the session's `TRACED_PATH` entry), rebuilt after
each edit, so zone events, counts and exports include them; here they get their import report.
"""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QAction, QImage, QKeySequence
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from viewer.core.georeference import Underlay, world_file_paths, write_world_file
from viewer.core.map_tools import CONTROL_POINT, EDIT_VERTICES, TRACE
from viewer.core.tracing import (
    TRACED_PATH,
    Timing,
    TracedScenario,
    TracedTrack,
    TracingError,
    provenance,
    vertex_times,
)
from viewer.io.report import ImportReport, TrackImportError
from viewer.io.traced_files import open_traced, save_traced
from viewer.qt.controller import Controller
from viewer.qt.georef_panel import GeorefPanel
from viewer.qt.i18n import translate
from viewer.qt.trace_tool import TraceTool
from viewer.qt.traced_panel import (
    DEFAULT_SPEED_KT,
    TracedPanel,
    TrackDialog,
    duplicate_offset_minutes,
    offset,
)
from viewer.render.underlay_painter import PictureError, UnderlayPainter, load_picture

# Deferred on purpose: viewer.qt.reported_counts_dialog (opened on demand: it loads the readers
# of published count tables, off the start-up path).


class AuthoringController(Controller):
    def __init__(self, session, window) -> None:
        super().__init__(session, window)
        self.pictures: dict[str, QImage] = {}  # absolute path -> picture, read once
        self.track_dialog_class = TrackDialog  # tests put a non-blocking one here
        self.georef_panel = GeorefPanel(window.canvas)
        self.georef_dock = window.add_dock(
            translate("Authoring", "Picture underlay"),
            "underlay_dock",
            self.georef_panel,
            Qt.RightDockWidgetArea,
        )
        self.georef_dock.hide()
        self.traced_panel = TracedPanel()
        self.traced_dock = window.add_dock(
            translate("Authoring", "Traced tracks"),
            "traced_dock",
            self.traced_panel,
            Qt.RightDockWidgetArea,
        )
        self.traced_dock.hide()
        self.trace_tool = TraceTool(
            window.canvas,
            self._on_path_traced,
            self._on_track_edited,
            lambda: session.briefing.traced if session.briefing else None,
        )
        window.scene.overlays.append(self.trace_tool)
        self.traced_dock.visibilityChanged.connect(self._on_traced_dock_visible)

        gp = self.georef_panel
        gp.edited.connect(self._on_underlay_edited)
        gp.add_picture_requested.connect(self.add_picture)
        gp.export_requested.connect(self.export_world_file)
        gp.status.connect(lambda text: self.show_message(text, 10000))
        tp = self.traced_panel
        tp.trace_requested.connect(lambda: self.trace_act.setChecked(True))
        tp.properties_requested.connect(self.edit_track_properties)
        tp.edit_vertices_requested.connect(self.edit_track_vertices)
        tp.duplicate_requested.connect(self.duplicate_track)
        tp.delete_requested.connect(self.delete_track)
        tp.save_requested.connect(self.save_traced_as)
        tp.open_requested.connect(self.open_traced_for_editing)
        tp.counts_requested.connect(self.edit_reported_counts)
        tp.scenario_edited.connect(
            lambda sc: self.session.edit(traced=sc, action=translate("Authoring", "traced tracks"))
        )
        self.create_actions()
        session.events.connect("briefing", self._on_briefing_changed)

    def create_actions(self) -> None:
        w = self.window
        self.underlay_act = QAction(translate("Authoring", "Picture &underlay…"), w)
        self.underlay_act.setStatusTip(
            translate(
                "Authoring", "Add a map picture and place it with control points, to trace over it"
            )
        )
        self.underlay_act.triggered.connect(self.show_underlay_panel)
        self.trace_act = QAction(translate("Authoring", "&Trace a track"), w, checkable=True)
        self.trace_act.setShortcut(QKeySequence("T"))
        self.trace_act.setStatusTip(
            translate(
                "Authoring",
                "Click vertices on the map; Enter or a double-click ends the track; Esc stops",
            )
        )
        self.control_point_act = QAction(
            translate("Authoring", "Place a &control point"), w, checkable=True
        )
        self.control_point_act.setShortcut(QKeySequence("P"))
        self.control_point_act.setStatusTip(
            translate(
                "Authoring",
                "A spot on the underlay's picture, then the same spot on the map (or typed)",
            )
        )
        tools = w.tools  # one tool state: ticked, named in the status bar, ended by Esc
        tools.register(CONTROL_POINT, self.georef_panel.point_tool, self.control_point_act)
        tools.add_switch(CONTROL_POINT, self.georef_panel.point_button)
        tools.register(TRACE, self.trace_tool.drawing, self.trace_act)
        tools.register(EDIT_VERTICES, self.trace_tool.editing)
        self.trace_act.toggled.connect(self._on_trace_toggled)
        self.reported_act = QAction(translate("Authoring", "&Reported daily counts…"), w)
        self.reported_act.triggered.connect(self.edit_reported_counts)
        self.save_traced_act = QAction(translate("Authoring", "Save traced tracks &as…"), w)
        self.save_traced_act.triggered.connect(self.save_traced_as)
        self.open_traced_act = QAction(translate("Authoring", "Open a track file for &editing…"), w)
        self.open_traced_act.triggered.connect(self.open_traced_for_editing)
        w.addAction(self.trace_act)
        w.addAction(self.control_point_act)

    # ------------------------------------------------------------------ state
    def _on_briefing_changed(self, changed: frozenset[str]) -> None:
        if "traced" in changed:
            self._report_traced()
        if changed & {"underlay", "traced"}:
            self.refresh()

    def refresh(self) -> None:
        """Make the underlay and the panels match the briefing."""
        b = self.session.briefing
        underlay = b.underlay if b else None
        image = None
        picture = self.session.picture_path(underlay) if underlay is not None else None
        if picture is not None:
            image = self.pictures.get(str(picture))
            if image is None:
                try:
                    image = load_picture(picture)
                except PictureError as exc:
                    self.show_error(translate("Authoring", "Picture underlay"), str(exc))
                else:
                    self.pictures[str(picture)] = image
        scene = self.window.scene
        painter = scene.underlay
        if underlay is None or image is None:
            scene.set_underlay(None)
        elif painter is not None and painter.image is image:
            painter.set_underlay(underlay)
            scene.set_underlay(painter)
        else:
            scene.set_underlay(UnderlayPainter(underlay, image))
        self.georef_panel.set_underlay(underlay, image, picture.name if picture else "")
        self.window.canvas.invalidate()
        self.traced_panel.set_scenario(b.traced if b else None)
        self.window.canvas.update()

    def _report_traced(self) -> None:
        """The traced tracks replay (the session rebuilt them): their import report, and why
        some do not replay."""
        problems = self.session.traced_problems
        if problems:
            self.show_message(
                translate("Authoring", "Not replayed (check the timing): {problems}").format(
                    problems="; ".join(problems)
                ),
                15000,
            )
        item = next((i for i in self.session.tracks.items if i.path == TRACED_PATH), None)
        if item is None:
            self.session.reports.pop(str(TRACED_PATH), None)
            return
        scenario = self.session.briefing.traced if self.session.briefing else None
        trackset = item.trackset
        report = ImportReport(str(TRACED_PATH), format=translate("Authoring", "traced on the map"))
        report.rows_read = report.fixes = trackset.n_fixes
        report.tracks = trackset.n_tracks
        report.notice(scenario.source if scenario else "")
        for problem in problems:
            report.warn(problem)
        self.session.reports[str(TRACED_PATH)] = report

    # ------------------------------------------------------------------ the picture underlay
    @Slot()
    def show_underlay_panel(self) -> None:
        self.georef_dock.show()
        self.georef_dock.raise_()
        if self.session.briefing is None or self.session.briefing.underlay is None:
            self.add_picture()

    @Slot()
    def add_picture(self, path: str | None = None) -> bool:
        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self.window,
                translate("Authoring", "Add a picture to trace over"),
                str(self.session.folder),
                translate(
                    "Authoring", "Pictures (*.png *.jpg *.jpeg *.gif *.bmp *.tif *.tiff *.webp)"
                ),
            )
            if not path:
                return False
        full = Path(path).expanduser().absolute()
        try:
            self.pictures[str(full)] = load_picture(full)
        except PictureError as exc:
            self.show_error(translate("Authoring", "Picture underlay"), str(exc))
            return False
        self.session.edit(
            underlay=Underlay(str(full)), action=translate("Authoring", "add picture")
        )
        self.georef_dock.show()
        self.show_message(
            translate(
                "Authoring",
                "Now place 3 or more control points: Add point, a spot on the picture, the same spot on the map",  # noqa: E501
            ),
            15000,
        )
        return True

    def _on_underlay_edited(self, underlay: Underlay | None) -> None:
        old = self.session.briefing.underlay if self.session.briefing else None
        self.session.edit(underlay=underlay, action=underlay_action(old, underlay))

    @Slot()
    def export_world_file(self) -> list[Path]:
        underlay = self.session.briefing.underlay if self.session.briefing else None
        fit = underlay.fit() if underlay else None
        if underlay is None or fit is None:
            self.show_error(
                translate("Authoring", "World file"),
                translate("Authoring", "Place at least 3 control points first"),
            )
            return []
        picture = self.session.picture_path(underlay)
        there = [p for p in world_file_paths(picture) if p.exists()]
        if there and not confirm_replace(self.window, there):
            self.show_message(translate("Authoring", "World file not written"), 6000)
            return []
        try:
            written = write_world_file(fit, picture)
        except OSError as exc:
            self.show_error(translate("Authoring", "World file"), f"{exc.filename}: {exc.strerror}")
            return []
        self.show_message(
            translate("Authoring", "Wrote {files}").format(
                files=", ".join(str(p) for p in written)
            ),
            10000,
        )
        return written

    # ------------------------------------------------------------------ tracing
    def _on_trace_toggled(self, on: bool) -> None:
        if on:
            self.traced_dock.show()
            self.show_message(
                translate(
                    "Authoring",
                    "Click the path's vertices on the map; Enter or a double-click ends it; Esc stops",  # noqa: E501
                ),
                15000,
            )

    def _on_traced_dock_visible(self, visible: bool) -> None:
        self.trace_tool.show_paths = visible
        self.window.canvas.update()

    def _default_start(self) -> datetime:
        sc = self.session.briefing.traced if self.session.briefing else None
        if sc is not None and sc.tracks:
            try:
                return datetime.fromtimestamp(float(vertex_times(sc.tracks[-1])[0]), UTC)
            except TracingError:
                pass
        if self.session.tracks.items and math.isfinite(self.session.timeline.time):
            return datetime.fromtimestamp(round(self.session.timeline.time), UTC)
        return datetime.now(UTC).replace(minute=0, second=0, microsecond=0)

    def _ask_track(self, base: TracedTrack, scenario: TracedScenario) -> TracedTrack | None:
        dialog = self.track_dialog_class(
            base, scenario.tz, {t.id for t in scenario.tracks}, self.window
        )
        if dialog.exec() != QDialog.Accepted:
            return None
        return dialog.result_track

    def _scenario(self) -> TracedScenario:
        sc = self.session.briefing.traced if self.session.briefing else None
        if sc is None:
            underlay = self.session.briefing.underlay if self.session.briefing else None
            name = Path(underlay.path).name if underlay else ""
            sc = TracedScenario(source=provenance(name, datetime.now(UTC)))
        return sc

    def _on_path_traced(self, points: tuple[tuple[float, float], ...]) -> None:
        sc = self._scenario()
        kind = sc.tracks[-1].kind if sc.tracks else "fighter"
        base = TracedTrack(
            sc.free_id(translate("Authoring", "Track {n}").format(n=len(sc.tracks) + 1)),
            kind,
            sc.tracks[-1].count if sc.tracks else 1,
            points,
            Timing.at_speed(self._default_start(), DEFAULT_SPEED_KT[kind]),
        )
        track = self._ask_track(base, sc)
        if track is None:
            self.show_message(translate("Authoring", "Track discarded"), 6000)
            return
        self.session.edit(traced=sc.with_track(track), action=translate("Authoring", "trace track"))
        self.traced_panel.select(track.id)
        self.show_message(
            translate(
                "Authoring",
                "Added {id}; trace the next one, or press Esc to stop (Edit > Undo removes it)",
            ).format(id=track.id),
            10000,
        )

    def _on_track_edited(self, track: TracedTrack) -> None:
        sc = self._scenario()
        action = translate("Authoring", "edit vertices")
        self.session.edit(traced=sc.with_track(track, replace_id=track.id), action=action)

    @Slot(str)
    def edit_track_properties(self, track_id: str) -> None:
        sc = self._scenario()
        new = self._ask_track(sc.track(track_id), sc)
        if new is not None:
            action = translate("Authoring", "track properties")
            self.session.edit(traced=sc.with_track(new, replace_id=track_id), action=action)
            self.traced_panel.select(new.id)

    @Slot(str)
    def edit_track_vertices(self, track_id: str) -> None:
        self.trace_tool.editing.track_id = track_id
        tools = self.window.tools.tools
        if tools.active == EDIT_VERTICES:
            self.trace_tool.start_editing(track_id)  # another track
        else:
            tools.set_active(EDIT_VERTICES)
        self.show_message(
            translate(
                "Authoring",
                "Editing {id}: drag a vertex · Ctrl+click or double-click a leg inserts one · right-click deletes · Esc ends",  # noqa: E501
            ).format(id=track_id),
            15000,
        )

    @Slot(str)
    def duplicate_track(self, track_id: str, minutes: int | None = None) -> None:
        if minutes is None:
            minutes = duplicate_offset_minutes(self.window)
            if minutes is None:
                return
        sc = self._scenario()
        dup = sc.track(track_id).duplicated(sc.free_id(track_id), offset(minutes))
        self.session.edit(
            traced=sc.with_track(dup), action=translate("Authoring", "duplicate track")
        )
        self.traced_panel.select(dup.id)

    @Slot(str)
    def delete_track(self, track_id: str) -> None:
        sc = self._scenario()
        if self.trace_tool.track_id == track_id:
            self.window.tools.tools.stop()
        self.session.edit(
            traced=sc.without(track_id), action=translate("Authoring", "delete track")
        )
        self.show_message(
            translate("Authoring", "Deleted {id} (Edit > Undo restores it)").format(id=track_id),
            8000,
        )

    # ------------------------------------------------------------------ files
    @Slot()
    def save_traced_as(self, path: str | None = None) -> Path | None:
        sc = self.session.briefing.traced if self.session.briefing else None
        if sc is None or not sc.tracks:
            self.show_error(
                translate("Authoring", "Save traced tracks"),
                translate("Authoring", "There are no traced tracks to save"),
            )
            return None
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self.window,
                translate("Authoring", "Save traced tracks"),
                str(self.session.folder / "traced.csv"),
                translate("Authoring", "CSV (*.csv);;GeoJSON (*.geojson)"),
            )
            if not path:
                return None
        try:
            saved = save_traced(sc, path)
        except (TracingError, OSError) as exc:
            self.show_error(translate("Authoring", "Save traced tracks"), str(exc))
            return None
        self.show_message(translate("Authoring", "Saved {path}").format(path=saved), 8000)
        return saved

    @Slot()
    def open_traced_for_editing(self, path: str | None = None) -> bool:
        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self.window,
                translate("Authoring", "Open a track file for editing"),
                str(self.session.folder),
                translate(
                    "Authoring",
                    "Track files (*.csv *.geojson *.json *.gpx *.kml *.kmz);;All files (*)",
                ),
            )
            if not path:
                return False
        try:
            opened = open_traced(path)
        except TrackImportError as exc:
            self.show_error(translate("Authoring", "Open for editing"), str(exc))
            return False
        sc = self.session.briefing.traced if self.session.briefing else None
        if sc is None or not sc.tracks:
            sc = opened if opened.source else replace(opened, source=self._scenario().source)
        else:
            for track in opened.tracks:
                sc = sc.with_track(replace(track, id=sc.free_id(track.id)))
        self.session.edit(traced=sc, action=translate("Authoring", "open for editing"))
        self.traced_dock.show()
        self.show_message(
            translate("Authoring", "{n} tracks from {name} to edit").format(
                n=len(opened.tracks), name=Path(path).name
            ),
            8000,
        )
        return True

    @Slot()
    def edit_reported_counts(self) -> None:
        current = self.session.briefing.reported_counts if self.session.briefing else ()
        day = self._default_start().astimezone().date()
        from viewer.qt.reported_counts_dialog import ReportedCountsDialog

        dialog = ReportedCountsDialog(tuple(current), day, self.window)
        if dialog.exec() == QDialog.Accepted:
            self.set_reported_counts(dialog.result_counts)

    def set_reported_counts(self, counts) -> None:
        """Keep ``counts`` (undoable) and show them in the counts chart."""
        action = translate("Authoring", "reported counts")
        self.session.edit(reported_counts=tuple(counts), action=action)
        self.window.zone_events.counts_dock.show()


def underlay_action(old: Underlay | None, new: Underlay | None) -> str:
    """What an edit of the picture underlay did, for Edit > Undo ("Undo place control point")."""
    if new is None:
        return translate("Authoring", "remove picture")
    if old is None or old.path != new.path:
        return translate("Authoring", "add picture")
    if len(new.points) > len(old.points):
        return translate("Authoring", "place control point")
    if len(new.points) < len(old.points):
        return translate("Authoring", "delete control point")
    if new.points != old.points:
        return translate("Authoring", "edit control point")
    if new.crs != old.crs:
        return translate("Authoring", "picture projection")
    return translate("Authoring", "picture opacity")


def confirm_replace(parent, paths: list[Path]) -> bool:
    """Ask before files are overwritten; True to replace them."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Question)
    box.setWindowTitle(translate("Authoring", "World file"))
    box.setText(
        translate("Authoring", "{folder} already has {names}. Replace?").format(
            names=", ".join(p.name for p in paths), folder=paths[0].parent
        )
    )
    replace_button = box.addButton(translate("Authoring", "Replace"), QMessageBox.AcceptRole)
    box.addButton(QMessageBox.Cancel)
    box.setDefaultButton(QMessageBox.Cancel)
    box.exec()
    return box.clickedButton() is replace_button
