"""The replay in the window: the timeline dock, the tracks on the map (colour, labels, follow
mode), hover tooltips and the track details panel. The clock is the session's `Timeline`."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QDockWidget, QTextBrowser

from viewer.core.live_tracks import LIVE_PATH
from viewer.core.measure import approach_places, closest_approach
from viewer.core.slicing import activity
from viewer.core.timeline import format_time
from viewer.core.track_layers import LoadedTracks
from viewer.core.track_stats import track_summary
from viewer.core.units import format_altitude, format_distance
from viewer.qt.controller import Controller
from viewer.qt.i18n import translate
from viewer.qt.qt_timeline import QtTimeline
from viewer.qt.window_texts import COLOUR_BY_TITLES, shown
from viewer.render.track_painter import TrackPainter, kind_name

COLOUR_BY = ("kind", "track", "side")


class ReplayController(Controller):
    def __init__(self, session, window) -> None:
        super().__init__(session, window)
        self.timeline = session.timeline
        self.qt_timeline = QtTimeline(self.timeline)
        bottom = Qt.BottomDockWidgetArea
        self.timeline_dock = window.add_dock(
            translate("Replay", "Timeline"), "timeline_dock", self.qt_timeline, bottom
        )
        self.timeline_dock.setFeatures(
            QDockWidget.DockWidgetMovable | QDockWidget.DockWidgetClosable
        )
        assert window.scene.tracks is not None
        self.track_painter: TrackPainter = window.scene.tracks
        canvas = window.canvas
        canvas.pick_dynamic = self.track_painter.pick
        canvas.tooltip_for = self.track_tooltip
        canvas.dynamic_clicked.connect(self.on_track_clicked)
        self.details = QTextBrowser()
        self.details.setPlaceholderText(
            translate("Replay", "Click a track on the map to see its details.")
        )
        self.details_dock = window.add_dock(
            translate("Replay", "Track details"),
            "details_dock",
            self.details,
            Qt.LeftDockWidgetArea,
            under=window.layers_dock,
        )
        self._details_track: tuple[str, int, str] | None = None  # redrawn when the units change
        self.create_actions()
        session.tracks.events.connect("changed", self._on_tracks_changed)
        self.timeline.events.connect("time", self._on_time_changed)
        self.timeline.events.connect("trail", self._on_time_changed)

    def create_actions(self) -> None:
        w = self.window
        self.follow_act = QAction(
            translate("Replay", "&Follow selected track"),
            w,
            checkable=True,
            shortcut="F",
            statusTip=translate("Replay", "Keep the selected track centred during replay"),
            triggered=self._on_time_changed,
        )
        self.colour_group = QActionGroup(w)
        for key in COLOUR_BY:
            act = QAction(shown(COLOUR_BY_TITLES, key), w, checkable=True, checked=key == "kind")
            act.setData(key)
            act.triggered.connect(lambda _=False, k=key: self.set_colour_by(k))
            self.colour_group.addAction(act)
        self.flash_act = QAction(
            translate("MainWindow", "&Flash zone events on the map"),
            w,
            checkable=True,
            checked=True,
            triggered=self._on_flash_toggled,
        )
        self.labels_act = QAction(
            translate("MainWindow", "Track &labels"),
            w,
            checkable=True,
            checked=True,
            triggered=self._on_labels_toggled,
        )

    # ------------------------------------------------------------------ model events
    def refresh(self) -> None:
        """Make the timeline, zone events and map match the loaded tracks."""
        self._on_tracks_changed()

    def _on_tracks_changed(self, *_: object) -> None:
        """The session has set the clock's range from the tracks; here the widgets follow (a
        track no longer loaded — another briefing opened, its file removed — is no longer
        selected nor described)."""
        selected = self.track_painter.selected
        if selected is not None and self.find_loaded(str(selected[0])) is None:
            self.track_painter.selected = None
        if self._details_track is not None and self.find_loaded(self._details_track[0]) is None:
            self.details.clear()
            self._details_track = None
        self.refresh_strip()
        self.window.zone_events.recompute()
        self._on_time_changed()

    def refresh_strip(self) -> None:
        """The timeline on while there is something to replay or an archive is open; the strip
        shows the archive's hours while its window is not loaded, else the tracks live per bin
        of the loaded files over the clock's range."""
        has = self.session.tracks.time_span is not None or self.session.archive.is_open
        for act in self.qt_timeline.actions():
            act.setEnabled(has)  # with no tracks, Left/Right pan the map instead
        self.qt_timeline.setEnabled(has)
        if has:
            self.refresh_activity()

    def refresh_activity(self) -> None:
        """The activity strip: tracks live per bin, the files' and the live feeds' (whose
        snapshot is a window: their counts come from the whole store, now and then); an
        archive's hours while its window is not loaded."""
        hours = self.window.archives.strip_bars()
        if hours is not None:
            self.qt_timeline.set_activity(*hours)
            return
        start, end = self.timeline.start, self.timeline.end
        edges = np.linspace(start, end, 289)
        counts = np.zeros(288, dtype=np.int64)
        for item in self.session.tracks.visible():
            if item.path != LIVE_PATH:
                c, _ = activity(item.trackset, edges)
                counts += c
        live = self.session.live.activity
        if live is not None and any(i.path == LIVE_PATH for i in self.session.tracks.visible()):
            live_counts, live_edges = live
            middle = (live_edges[:-1] + live_edges[1:]) / 2
            at = np.searchsorted(edges, middle, side="right") - 1
            ok = (at >= 0) & (at < len(counts))
            np.maximum.at(counts, at[ok], live_counts[ok])
        self.qt_timeline.set_activity(counts, edges)

    def _on_time_changed(self, *_: object) -> None:
        self.window.zone_events.counts_panel.bars.set_cursor(self.timeline.time)
        if self.follow_act.isChecked() and self.track_painter.selected is not None:
            self._centre_on_selected()
        self.window.canvas.update()

    # ------------------------------------------------------------------ look
    def set_colour_by(self, key: str) -> None:
        """Colour trails and heads by kind, by track or by the file's side column."""
        self.track_painter.style.color_by = key
        for act in self.colour_group.actions():
            act.setChecked(act.data() == key)
        self.window.canvas.update()

    def _on_labels_toggled(self, on: bool) -> None:
        self.track_painter.style.labels = on
        self.window.canvas.update()

    def _on_flash_toggled(self, on: bool) -> None:
        self.window.zone_events.flash.enabled = on
        self.window.canvas.update()

    # ------------------------------------------------------------------ tracks on the map
    def find_loaded(self, path: str) -> LoadedTracks | None:
        return next((i for i in self.session.tracks.items if str(i.path) == path), None)

    def track_tooltip(self, picked: object) -> str:
        path, track, _ = picked  # type: ignore[misc]
        item = self.find_loaded(path)
        if item is None or track >= item.trackset.n_tracks:
            return ""  # a live snapshot replaced since the frame that was hovered
        ts = item.trackset
        s = ts.track_slice(track)
        k = min(max(int(np.searchsorted(ts.t[s], self.timeline.time)) - 1, 0), s.stop - s.start - 1)
        i = s.start + k
        alt, spd, hdg = ts.alt_m[i], ts.speed_kt[i], ts.heading_deg[i]
        parts = [
            f"<b>{ts.display_name(track)}</b> ({kind_name(ts.kinds[track])})",
            translate("Replay", "id {id}").format(id=ts.ids[track]),
            format_time(self.timeline.time, self.timeline.zone),
        ]
        if alt == alt:
            altitude = format_altitude(float(alt), self.window.scene.units.altitude)
            parts.append(translate("Replay", "altitude {altitude}").format(altitude=altitude))
        if spd == spd:
            parts.append(translate("Replay", "speed {kt} kt").format(kt=f"{spd:,.0f}"))
        if hdg == hdg:
            parts.append(translate("Replay", "heading {deg}°").format(deg=f"{hdg:03.0f}"))
        return "<br>".join(parts)

    @Slot(object)
    def on_track_clicked(self, picked: object) -> None:
        path, track, _ = picked  # type: ignore[misc]
        if self.find_loaded(path) is None:
            return
        self.track_painter.selected = (path, track)
        self.show_track_details(path, track)
        self.details_dock.show()
        self.details_dock.raise_()
        self.window.canvas.update()

    def show_track_details(self, path: str, track: int) -> None:
        """The details panel for a track, distances in the unit of View > Units."""
        item = self.find_loaded(path)
        if item is None or track >= item.trackset.n_tracks:
            return
        trackset = item.trackset
        window = self.session.live.window
        if item.path == LIVE_PATH and window is not None:  # the trail window, not the last s
            rows = np.flatnonzero(window.trackset.ids == trackset.ids[track])
            if len(rows):
                trackset, track = window.trackset, int(rows[0])
        units = self.window.scene.units
        summary = track_summary(trackset, track)
        lines = ["", translate("Replay", "closest approach:")]
        for name, geom in approach_places().items():
            ca = closest_approach(trackset, track, geom)
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
        self._details_track = (path, track, text)

    def refresh_details(self) -> None:
        """The units changed: the details panel, if it still shows a track, follows."""
        shown = self._details_track
        if shown is not None and self.details.toPlainText() == shown[2]:
            self.show_track_details(shown[0], shown[1])

    def jump_to(self, t: float) -> None:
        self.timeline.pause()
        self.timeline.set_time(max(self.timeline.start, min(self.timeline.end, t)))

    def _centre_on_selected(self) -> None:
        path, track = self.track_painter.selected  # type: ignore[misc]
        canvas = self.window.canvas
        for p, sl, _, _ in self.track_painter.drawn.heads:
            if str(p) != path:
                continue
            rows = np.flatnonzero(sl.tracks == track)
            if len(rows):
                j = rows[0]
                canvas.set_view(
                    replace(canvas.view, center_x=float(sl.x[j]), center_y=float(sl.y[j]))
                )
            return
