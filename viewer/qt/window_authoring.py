"""The main window's authoring part: a georeferenced picture underlay, tracks traced over it,
and the daily counts a ministry reported — kept in the briefing, every edit undoable.

The traced tracks replay like a loaded file (a `LoadedTracks` entry named "Traced tracks"),
rebuilt after each edit, so zone events, counts and exports include them.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDockWidget, QFileDialog

from viewer.core.georeference import Underlay
from viewer.core.tracing import (
    Timing,
    TracedScenario,
    TracedTrack,
    provenance,
    traced_trackset,
)
from viewer.core.track_layers import LoadedTracks
from viewer.qt.i18n import translate

TRACED_PATH = Path("Traced tracks")  # the name the traced scenario replays under


class AuthoringMixin:
    # ------------------------------------------------------------------ building
    def _build_authoring(self) -> None:
        from viewer.qt.georef_panel import GeorefPanel
        from viewer.qt.trace_tool import TraceTool
        from viewer.qt.traced_panel import TracedPanel, TrackDialog

        self._pictures: dict[str, object] = {}  # absolute path -> QImage
        self._traced_shown: TracedScenario | None = None
        self.track_dialog_class = TrackDialog  # tests put a non-blocking one here
        self.georef_panel = GeorefPanel(self.canvas)
        self.georef_dock = QDockWidget(translate("Authoring", "Picture underlay"), self)
        self.georef_dock.setObjectName("underlay_dock")
        self.georef_dock.setWidget(self.georef_panel)
        self.addDockWidget(Qt.RightDockWidgetArea, self.georef_dock)
        self.georef_dock.hide()
        self.traced_panel = TracedPanel()
        self.traced_dock = QDockWidget(translate("Authoring", "Traced tracks"), self)
        self.traced_dock.setObjectName("traced_dock")
        self.traced_dock.setWidget(self.traced_panel)
        self.addDockWidget(Qt.RightDockWidgetArea, self.traced_dock)
        self.traced_dock.hide()
        self.trace_tool = TraceTool(
            self.canvas,
            self._on_path_traced,
            self._on_track_edited,
            lambda: self.briefing.traced if self.briefing else None,
        )
        self.scene.overlays.append(self.trace_tool)
        self.traced_dock.visibilityChanged.connect(self._on_traced_dock_visible)

        gp = self.georef_panel
        gp.edited.connect(self._on_underlay_edited)
        gp.add_picture_requested.connect(self.add_picture)
        gp.export_requested.connect(self.export_world_file)
        gp.status.connect(lambda text: self.statusBar().showMessage(text, 10000))
        tp = self.traced_panel
        tp.trace_requested.connect(lambda: self.trace_act.setChecked(True))
        tp.properties_requested.connect(self.edit_track_properties)
        tp.edit_vertices_requested.connect(self.edit_track_vertices)
        tp.duplicate_requested.connect(self.duplicate_track)
        tp.delete_requested.connect(self.delete_track)
        tp.save_requested.connect(self.save_traced_as)
        tp.open_requested.connect(self.open_traced_for_editing)
        tp.counts_requested.connect(self.edit_reported_counts)
        tp.scenario_edited.connect(lambda sc: self._set_authoring(traced=sc))

        self.underlay_act = QAction(translate("Authoring", "Picture &underlay…"), self)
        self.underlay_act.setStatusTip(
            translate(
                "Authoring", "Add a map picture and place it with control points, to trace over it"
            )
        )
        self.underlay_act.triggered.connect(self.show_underlay_panel)
        self.trace_act = QAction(translate("Authoring", "&Trace a track"), self, checkable=True)
        self.trace_act.setShortcut(QKeySequence("T"))
        self.trace_act.setStatusTip(
            translate(
                "Authoring",
                "Click vertices on the map; Enter or a double-click ends the track; Esc stops",
            )
        )
        self.trace_act.toggled.connect(self._on_trace_toggled)
        self.reported_act = QAction(translate("Authoring", "&Reported daily counts…"), self)
        self.reported_act.triggered.connect(self.edit_reported_counts)
        self.save_traced_act = QAction(translate("Authoring", "Save traced tracks &as…"), self)
        self.save_traced_act.triggered.connect(self.save_traced_as)
        self.open_traced_act = QAction(
            translate("Authoring", "Open a track file for &editing…"), self
        )
        self.open_traced_act.triggered.connect(self.open_traced_for_editing)
        self.tools_menu.addSeparator()
        self.tools_menu.addAction(self.underlay_act)
        self.tools_menu.addAction(self.trace_act)
        self.tools_menu.addAction(self.traced_dock.toggleViewAction())
        self.tools_menu.addAction(self.reported_act)
        self.file_menu.insertAction(self.add_layer_act, self.open_traced_act)
        self.file_menu.insertAction(self.add_layer_act, self.save_traced_act)
        self.view_menu.addAction(self.georef_dock.toggleViewAction())
        self.view_menu.addAction(self.traced_dock.toggleViewAction())
        self.addAction(self.trace_act)

    # ------------------------------------------------------------------ state
    def _authoring_base(self) -> Path:
        return self.briefing_path.parent if self.briefing_path else Path.cwd()

    def _picture_path(self, underlay: Underlay) -> Path:
        p = Path(underlay.path).expanduser()
        return p if p.is_absolute() else self._authoring_base() / p

    def _set_authoring(self, undo: bool = True, **changes) -> None:
        """Change the briefing's underlay / traced / reported_counts (undoable) and show it."""
        from viewer.core.briefing import Briefing

        if undo:
            self._push_undo()
        self.briefing = replace(self.briefing or Briefing(), **changes)
        self.dirty = True
        self._authoring_refresh()
        if "reported_counts" in changes:
            self._refresh_counts()

    def _authoring_refresh(self) -> None:
        """Make the underlay, the panels and the traced replay match the briefing."""
        from viewer.qt.underlay import PictureError, UnderlayPainter, load_picture

        b = self.briefing
        underlay = b.underlay if b else None
        image = None
        if underlay is not None:
            path = self._picture_path(underlay)
            image = self._pictures.get(str(path))
            if image is None:
                try:
                    image = load_picture(path)
                except PictureError as exc:
                    self.show_error(translate("Authoring", "Picture underlay"), str(exc))
                else:
                    self._pictures[str(path)] = image
        painter = self.scene.underlay
        if underlay is None or image is None:
            self.scene.set_underlay(None)
        elif painter is not None and painter.image is image:
            painter.set_underlay(underlay)
            self.scene.set_underlay(painter)
        else:
            self.scene.set_underlay(UnderlayPainter(underlay, image))
        self.georef_panel.set_underlay(
            underlay, image, self._picture_path(underlay).name if underlay else ""
        )
        self.canvas.invalidate()
        scenario = b.traced if b else None
        self.traced_panel.set_scenario(scenario)
        if scenario != self._traced_shown:
            self._traced_shown = scenario
            self._replay_traced(scenario)
        self.canvas.update()

    def _replay_traced(self, scenario: TracedScenario | None) -> None:
        from viewer.io.report import ImportReport

        trackset, problems = (None, [])
        if scenario is not None:
            trackset, problems = traced_trackset(scenario, self.state.projection)
        if problems:
            self.statusBar().showMessage(
                translate("Authoring", "Not replayed (check the timing): {problems}").format(
                    problems="; ".join(problems)
                ),
                15000,
            )
        if trackset is None:
            if any(i.path == TRACED_PATH for i in self.tracks.items):
                self.tracks.remove(TRACED_PATH)
            return
        report = ImportReport(str(TRACED_PATH), format=translate("Authoring", "traced on the map"))
        report.rows_read = report.fixes = trackset.n_fixes
        report.tracks = trackset.n_tracks
        report.notice(scenario.source if scenario else "")
        for problem in problems:
            report.warn(problem)
        self.tracks.add(LoadedTracks(TRACED_PATH, trackset, report))
        self.reports[str(TRACED_PATH)] = report

    # ------------------------------------------------------------------ the picture underlay
    @Slot()
    def show_underlay_panel(self) -> None:
        self.georef_dock.show()
        self.georef_dock.raise_()
        if self.briefing is None or self.briefing.underlay is None:
            self.add_picture()

    @Slot()
    def add_picture(self, path: str | None = None) -> bool:
        from viewer.qt.underlay import PictureError, load_picture

        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self,
                translate("Authoring", "Add a picture to trace over"),
                str(self._authoring_base()),
                translate(
                    "Authoring", "Pictures (*.png *.jpg *.jpeg *.gif *.bmp *.tif *.tiff *.webp)"
                ),
            )
            if not path:
                return False
        full = Path(path).expanduser().absolute()
        try:
            self._pictures[str(full)] = load_picture(full)
        except PictureError as exc:
            self.show_error(translate("Authoring", "Picture underlay"), str(exc))
            return False
        self._set_authoring(underlay=Underlay(str(full)))
        self.georef_dock.show()
        self.statusBar().showMessage(
            translate(
                "Authoring",
                "Now place 3 or more control points: Add point, a spot on the picture, the same spot on the map",  # noqa: E501
            ),
            15000,
        )
        return True

    def _on_underlay_edited(self, underlay: Underlay | None) -> None:
        self._set_authoring(underlay=underlay)

    @Slot()
    def export_world_file(self) -> list[Path]:
        from viewer.core.georeference import write_world_file

        underlay = self.briefing.underlay if self.briefing else None
        fit = underlay.fit() if underlay else None
        if underlay is None or fit is None:
            self.show_error(
                translate("Authoring", "World file"),
                translate("Authoring", "Place at least 3 control points first"),
            )
            return []
        try:
            written = write_world_file(fit, self._picture_path(underlay))
        except OSError as exc:
            self.show_error(translate("Authoring", "World file"), f"{exc.filename}: {exc.strerror}")
            return []
        self.statusBar().showMessage(
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
            self.trace_tool.start_drawing()
            self.statusBar().showMessage(
                translate(
                    "Authoring",
                    "Click the path's vertices on the map; Enter or a double-click ends it; Esc stops",  # noqa: E501
                ),
                15000,
            )
        elif self.trace_tool.mode is not None:
            self.trace_tool.stop()

    def _on_traced_dock_visible(self, visible: bool) -> None:
        self.trace_tool.show_paths = visible
        self.canvas.update()

    def _default_start(self) -> datetime:
        import math

        sc = self.briefing.traced if self.briefing else None
        if sc is not None and sc.tracks:
            from viewer.core.tracing import TracingError, vertex_times

            try:
                return datetime.fromtimestamp(float(vertex_times(sc.tracks[-1])[0]), UTC)
            except TracingError:
                pass
        if self.tracks.items and math.isfinite(self.timeline.time):
            return datetime.fromtimestamp(round(self.timeline.time), UTC)
        return datetime.now(UTC).replace(minute=0, second=0, microsecond=0)

    def _ask_track(self, base: TracedTrack, scenario: TracedScenario) -> TracedTrack | None:
        dialog = self.track_dialog_class(base, scenario.tz, {t.id for t in scenario.tracks}, self)
        if dialog.exec() != QDialog.Accepted:
            return None
        return dialog.result_track

    def _scenario(self) -> TracedScenario:
        sc = self.briefing.traced if self.briefing else None
        if sc is None:
            underlay = self.briefing.underlay if self.briefing else None
            name = Path(underlay.path).name if underlay else ""
            sc = TracedScenario(source=provenance(name, datetime.now(UTC)))
        return sc

    def _on_path_traced(self, points: tuple[tuple[float, float], ...]) -> None:
        sc = self._scenario()
        kind = sc.tracks[-1].kind if sc.tracks else "fighter"
        from viewer.qt.traced_panel import DEFAULT_SPEED_KT

        base = TracedTrack(
            sc.free_id(translate("Authoring", "Track {n}").format(n=len(sc.tracks) + 1)),
            kind,
            sc.tracks[-1].count if sc.tracks else 1,
            points,
            Timing.at_speed(self._default_start(), DEFAULT_SPEED_KT[kind]),
        )
        track = self._ask_track(base, sc)
        if track is None:
            self.statusBar().showMessage(translate("Authoring", "Track discarded"), 6000)
            return
        self._set_authoring(traced=sc.with_track(track))
        self.traced_panel.select(track.id)
        self.statusBar().showMessage(
            translate(
                "Authoring",
                "Added {id}; trace the next one, or press Esc to stop (Edit > Undo removes it)",
            ).format(id=track.id),
            10000,
        )

    def _on_track_edited(self, track: TracedTrack) -> None:
        sc = self._scenario()
        self._set_authoring(traced=sc.with_track(track, replace_id=track.id))

    @Slot(str)
    def edit_track_properties(self, track_id: str) -> None:
        sc = self._scenario()
        new = self._ask_track(sc.track(track_id), sc)
        if new is not None:
            self._set_authoring(traced=sc.with_track(new, replace_id=track_id))
            self.traced_panel.select(new.id)

    @Slot(str)
    def edit_track_vertices(self, track_id: str) -> None:
        self.trace_act.setChecked(False)
        self.trace_tool.start_editing(track_id)
        self.statusBar().showMessage(
            translate(
                "Authoring",
                "Editing {id}: drag a vertex · Ctrl+click or double-click a leg inserts one · right-click deletes · Esc ends",  # noqa: E501
            ).format(id=track_id),
            15000,
        )

    @Slot(str)
    def duplicate_track(self, track_id: str, minutes: int | None = None) -> None:
        from viewer.qt.traced_panel import duplicate_offset_minutes, offset

        if minutes is None:
            minutes = duplicate_offset_minutes(self)
            if minutes is None:
                return
        sc = self._scenario()
        dup = sc.track(track_id).duplicated(sc.free_id(track_id), offset(minutes))
        self._set_authoring(traced=sc.with_track(dup))
        self.traced_panel.select(dup.id)

    @Slot(str)
    def delete_track(self, track_id: str) -> None:
        sc = self._scenario()
        if self.trace_tool.track_id == track_id:
            self.trace_tool.stop()
        self._set_authoring(traced=sc.without(track_id))
        self.statusBar().showMessage(
            translate("Authoring", "Deleted {id} (Edit > Undo restores it)").format(id=track_id),
            8000,
        )

    # ------------------------------------------------------------------ files
    @Slot()
    def save_traced_as(self, path: str | None = None) -> Path | None:
        from viewer.core.tracing import TracingError
        from viewer.io.traced_files import save_traced

        sc = self.briefing.traced if self.briefing else None
        if sc is None or not sc.tracks:
            self.show_error(
                translate("Authoring", "Save traced tracks"),
                translate("Authoring", "There are no traced tracks to save"),
            )
            return None
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self,
                translate("Authoring", "Save traced tracks"),
                str(self._authoring_base() / "traced.csv"),
                translate("Authoring", "CSV (*.csv);;GeoJSON (*.geojson)"),
            )
            if not path:
                return None
        try:
            saved = save_traced(sc, path)
        except (TracingError, OSError) as exc:
            self.show_error(translate("Authoring", "Save traced tracks"), str(exc))
            return None
        self.statusBar().showMessage(
            translate("Authoring", "Saved {path}").format(path=saved), 8000
        )
        return saved

    @Slot()
    def open_traced_for_editing(self, path: str | None = None) -> bool:
        from viewer.io.report import TrackImportError
        from viewer.io.traced_files import open_traced

        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self,
                translate("Authoring", "Open a track file for editing"),
                str(self._authoring_base()),
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
        sc = self.briefing.traced if self.briefing else None
        if sc is None or not sc.tracks:
            sc = opened if opened.source else replace(opened, source=self._scenario().source)
        else:
            for track in opened.tracks:
                sc = sc.with_track(replace(track, id=sc.free_id(track.id)))
        self._set_authoring(traced=sc)
        self.traced_dock.show()
        self.statusBar().showMessage(
            translate("Authoring", "{n} tracks from {name} to edit").format(
                n=len(opened.tracks), name=Path(path).name
            ),
            8000,
        )
        return True

    @Slot()
    def edit_reported_counts(self) -> None:
        from viewer.qt.reported_counts_dialog import ReportedCountsDialog

        current = self.briefing.reported_counts if self.briefing else ()
        day = self._default_start().astimezone().date()
        dialog = ReportedCountsDialog(tuple(current), day, self)
        if dialog.exec() == QDialog.Accepted:
            self.set_reported_counts(dialog.result_counts)

    def set_reported_counts(self, counts) -> None:
        """Keep ``counts`` (undoable) and show them in the counts chart."""
        self._set_authoring(reported_counts=tuple(counts))
        self.counts_dock.show()
