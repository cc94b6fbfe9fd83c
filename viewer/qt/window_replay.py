"""The replay part of the main window: timeline dock, tracks on the map, tooltips and details,
zone events (computed in a worker thread) and video export."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QTextBrowser,
)

from viewer.core.timeline import Timeline
from viewer.qt.i18n import translate


class ReplayMixin:
    """Methods of `viewer.qt.main_window.MainWindow` (a mixin: ``self`` is the window)."""

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
        from viewer.export.video import frame_times

        if not self.tracks.items:
            self.show_error(
                translate("Replay", "Export video"),
                translate("Replay", "Load track files first: there is nothing to replay"),
            )
            return False
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self,
                translate("Replay", "Export video"),
                "replay.mp4",
                translate("Replay", "MP4 video (*.mp4);;GIF animation (*.gif)"),
            )
            if not path:
                return False
        width, height = size or (self.canvas.width(), self.canvas.height())
        width, height = width - width % 2, height - height % 2  # H.264 wants even sizes
        view = self.canvas.view.resized(width, height)
        n = max(1, round(seconds * fps))
        times = frame_times(self.timeline.lo, self.timeline.hi, n)
        was_playing, keep = self.timeline.playing, self.timeline.time
        self.timeline.pause()

        def frames():
            for t in times:
                self.timeline.set_time(float(t))
                yield self.scene.render_image(view)

        try:
            return self._write_video(Path(path), frames(), n, fps, (width, height))
        finally:
            self.timeline.set_time(keep)
            if was_playing:
                self.timeline.play()

    @Slot()
    def export_briefing_video(
        self, path: str | None = None, fps: float = 25.0, size: tuple[int, int] = (1920, 1080)
    ) -> bool:
        """Every scene of the briefing, in order, as one MP4 or GIF (as `adiz-viewer render`)."""
        import tempfile

        from viewer.core.briefing import save_briefing
        from viewer.export.session import HeadlessSession
        from viewer.export.video import render_briefing_frames

        if self.briefing is None or not self.briefing.scenes:
            self.show_error(
                translate("Replay", "Export briefing"),
                translate("Replay", "The briefing has no scenes to play"),
            )
            return False
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self,
                translate("Replay", "Export briefing video"),
                "briefing.mp4",
                translate("Replay", "MP4 video (*.mp4);;GIF animation (*.gif)"),
            )
            if not path:
                return False
        with tempfile.TemporaryDirectory() as tmp:  # track paths are made relative to it
            doc = Path(tmp) / "export.briefing.json"
            save_briefing(self.current_briefing(base=Path(tmp)), doc, backup=False)
            # the scale bar and the look follow View > Units and View > High-contrast theme
            session = HeadlessSession.build(
                [str(doc)], units=self.scene.units, theme=self.scene.theme
            )
        plan = session.scene_plan(fps)
        frames = render_briefing_frames(session, size[0], size[1], plan)
        return self._write_video(Path(path), frames, len(plan), fps, size)

    def _write_video(self, path: Path, frames, n: int, fps: float, size) -> bool:
        """Encode frames with a progress dialog and Cancel; a cancelled file is removed."""
        from PySide6.QtWidgets import QProgressDialog

        from viewer.export.video import ExportCancelled, write_output

        dialog = QProgressDialog(
            translate("Replay", "Rendering the video…"), translate("Replay", "Cancel"), 0, n, self
        )
        dialog.setWindowTitle(translate("Replay", "Export video"))
        dialog.setMinimumDuration(300)

        def progress(done: int, total: int) -> None:
            dialog.setValue(done)
            QApplication.processEvents()

        try:
            written = write_output(path, frames, n, fps, size, progress, dialog.wasCanceled)
        except ExportCancelled:
            self.statusBar().showMessage(
                translate("Replay", "Export cancelled; no file written"), 8000
            )
            return False
        except (OSError, ValueError) as exc:
            self.show_error(translate("Replay", "Export failed"), f"{path}: {exc}")
            return False
        finally:
            dialog.close()
        self.statusBar().showMessage(
            translate("Replay", "Saved {path} ({frames} frames)").format(path=path, frames=written),
            10000,
        )
        return True

    def _build_replay(self) -> None:
        from viewer.qt.qt_timeline import QtTimeline
        from viewer.qt.track_painter import TrackPainter

        now = datetime.now(UTC).timestamp()
        self.timeline = Timeline(now - 86400.0, now)
        self.qt_timeline = QtTimeline(self.timeline)
        self.qt_timeline.setMaximumHeight(self.qt_timeline.sizeHint().height())  # map gets the rest
        dock = QDockWidget(translate("Replay", "Timeline"), self)
        dock.setObjectName("timeline_dock")
        dock.setWidget(self.qt_timeline)
        dock.setFeatures(QDockWidget.DockWidgetMovable | QDockWidget.DockWidgetClosable)
        self.addDockWidget(Qt.BottomDockWidgetArea, dock)
        self.timeline_dock = dock
        self.track_painter = TrackPainter(
            self.tracks, lambda: self.timeline.time, lambda: self.timeline.trail
        )
        self.scene.dynamic.append(self.track_painter)
        from viewer.qt.event_flash import EventFlashPainter

        self.event_flash = EventFlashPainter(
            lambda: self.timeline.time, lambda: self.timeline.speed
        )
        self.scene.dynamic.append(self.event_flash)
        self.canvas.pick_dynamic = self.track_painter.pick
        self.canvas.tooltip_for = self._track_tooltip
        self.canvas.dynamic_clicked.connect(self._on_track_clicked)
        self.details = QTextBrowser()
        self.details.setPlaceholderText(
            translate("Replay", "Click a track on the map to see its details.")
        )
        details_dock = QDockWidget(translate("Replay", "Track details"), self)
        details_dock.setObjectName("details_dock")
        details_dock.setWidget(self.details)
        self.addDockWidget(Qt.LeftDockWidgetArea, details_dock)
        self.tabifyDockWidget(self.layers_dock, details_dock)
        self.layers_dock.raise_()
        self.details_dock = details_dock
        from viewer.qt.events_panel import EventsPanel

        self.events_panel = EventsPanel()
        self.events_panel.event_activated.connect(self._on_event_activated)
        events_dock = QDockWidget(translate("Replay", "Zone events"), self)
        events_dock.setObjectName("events_dock")
        events_dock.setWidget(self.events_panel)
        self.addDockWidget(Qt.BottomDockWidgetArea, events_dock)
        self.tabifyDockWidget(self.timeline_dock, events_dock)
        self.timeline_dock.raise_()
        self.events_dock = events_dock
        self.qt_timeline.marker_clicked.connect(self._on_marker_clicked)
        from viewer.qt.counts_chart import CountsPanel

        self.counts_panel = CountsPanel()
        self.counts_panel.jump_to.connect(self._jump_to)
        counts_dock = QDockWidget(translate("Replay", "Counts"), self)
        counts_dock.setObjectName("counts_dock")
        counts_dock.setWidget(self.counts_panel)
        self.addDockWidget(Qt.BottomDockWidgetArea, counts_dock)
        self.tabifyDockWidget(self.timeline_dock, counts_dock)
        self.timeline_dock.raise_()
        self.counts_dock = counts_dock
        # the bottom docks start as tall as the timeline needs: the map gets the rest
        height = self.qt_timeline.sizeHint().height() + 48
        QTimer.singleShot(0, lambda: self.resizeDocks([self.timeline_dock], [height], Qt.Vertical))
        self._events_pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="zone-events")
        self._events_generation = 0
        self._marker_rows = None
        self.events_ready.connect(self._on_events_ready)
        self.follow_act = QAction(
            translate("Replay", "&Follow selected track"),
            self,
            checkable=True,
            shortcut="F",
            statusTip=translate("Replay", "Keep the selected track centred during replay"),
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
        self.event_flash.set_events(events)
        self._refresh_counts()
        from viewer.qt.events_panel import event_notes, event_title

        marks = events[events["event"] != "exit"]
        self._marker_rows = marks
        labels = [
            translate("Replay", "{track}: {event} {zone}").format(
                track=r.track_id, event=event_title(r.event), zone=r.zone_id
            )
            + (f" ({notes})" if (notes := event_notes(r)) else "")
            for r in marks.itertuples()
        ]
        times = [t.timestamp() for t in marks["time"]]
        self.qt_timeline.set_event_markers(times, labels)

    def _refresh_counts(self, *_: object) -> None:
        from viewer.qt.window_authoring import TRACED_PATH

        aircraft, paths = {}, []
        for item in self.tracks.visible():
            paths.append(str(item.path))
            for tid, n in zip(item.trackset.ids, item.trackset.counts.tolist(), strict=True):
                aircraft[(str(item.path), str(tid))] = int(n)
        self.counts_panel.set_inputs(
            self.events_panel.all_events,
            aircraft,
            self.briefing.reported_counts if self.briefing else (),
            paths,
            self.timeline.zone,
            str(TRACED_PATH),
        )

    def _jump_to(self, t: float) -> None:
        self.timeline.pause()
        self.timeline.set_time(max(self.timeline.start, min(self.timeline.end, t)))

    def _on_marker_clicked(self, index: int) -> None:
        if self._marker_rows is not None and 0 <= index < len(self._marker_rows):
            self._on_event_activated(self._marker_rows.iloc[index])

    def _on_event_activated(self, row) -> None:
        """Jump the replay to an event and select its track."""
        from viewer.qt.events_panel import event_title

        self.timeline.pause()
        self.timeline.set_time(row["time"].timestamp())
        item = self._find_loaded(str(row["path"])) if "path" in row else None
        if item is not None:
            ids = list(item.trackset.ids)
            if row["track_id"] in ids:
                track = ids.index(row["track_id"])
                self._on_track_clicked((str(item.path), track, 0))
        self.statusBar().showMessage(
            translate("Replay", "{track}: {event} {zone} at {time} UTC").format(
                track=row["track_id"],
                event=event_title(row["event"]),
                zone=row["zone_id"],
                time=f"{row['time']:%Y-%m-%d %H:%M:%S}",
            ),
            10000,
        )

    def _on_time_changed(self, *_: object) -> None:

        if self.tracks.items:
            # time-bound layers (exercise zones, Japan's ADIZ before/after 2010) follow the clock
            self.state.follow_clock(self.timeline.time)
        self.counts_panel.bars.set_cursor(self.timeline.time)
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
        from viewer.core.units import format_altitude

        ts = item.trackset
        s = ts.track_slice(track)
        k = min(max(int(np.searchsorted(ts.t[s], self.timeline.time)) - 1, 0), s.stop - s.start - 1)
        i = s.start + k
        alt, spd, hdg = ts.alt_m[i], ts.speed_kt[i], ts.heading_deg[i]
        from viewer.qt.track_painter import kind_name

        parts = [
            f"<b>{ts.display_name(track)}</b> ({kind_name(ts.kinds[track])})",
            translate("Replay", "id {id}").format(id=ts.ids[track]),
            format_time(self.timeline.time, self.timeline.zone),
        ]
        if alt == alt:
            altitude = format_altitude(float(alt), self.scene.units.altitude)
            parts.append(translate("Replay", "altitude {altitude}").format(altitude=altitude))
        if spd == spd:
            parts.append(translate("Replay", "speed {kt} kt").format(kt=f"{spd:,.0f}"))
        if hdg == hdg:
            parts.append(translate("Replay", "heading {deg}°").format(deg=f"{hdg:03.0f}"))
        return "<br>".join(parts)

    def _on_track_clicked(self, picked: object) -> None:
        path, track, _ = picked  # type: ignore[misc]
        item = self._find_loaded(path)
        if item is None:
            return
        self.track_painter.selected = (path, track)
        self._show_track_details(path, track)
        self.details_dock.show()
        self.details_dock.raise_()
        self.canvas.update()

    def _show_track_details(self, path: str, track: int) -> None:
        """The details panel for a track, distances in the unit of View > Units."""
        item = self._find_loaded(path)
        if item is None:
            return
        from viewer.core.measure import approach_places, closest_approach
        from viewer.core.timeline import format_time
        from viewer.core.track_stats import track_summary
        from viewer.core.units import format_distance

        units = self.scene.units
        summary = track_summary(item.trackset, track)
        lines = ["", translate("Replay", "closest approach:")]
        for name, geom in approach_places().items():
            ca = closest_approach(item.trackset, track, geom)
            lines.append(
                "  "
                + translate("Replay", "{place}: {distance} at {time}").format(
                    place=name,
                    distance=format_distance(ca.metres, units.distance),
                    time=format_time(ca.time, "UTC"),
                )
            )
        lines.append(translate("Replay", "file: {name}").format(name=Path(path).name))
        text = summary.text(units) + "\n".join(lines)
        self.details.setPlainText(text)
        self._details_track = (path, track, text)  # redrawn when the units change

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
