"""Zone events in the window: entries, exits and line crossings computed in a worker thread (the
window never waits), listed in the events dock, marked on the timeline's activity strip, flashed
on the map as the replay passes them, and counted per day in the counts dock."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

import pandas as pd
import shapely
from PySide6.QtCore import QObject, Qt, QTimer, Signal

from viewer.core.live_tracks import LIVE_PATH
from viewer.core.tracing import TRACED_PATH
from viewer.core.zone_types import AREA, LINE, Zone
from viewer.qt.controller import Controller
from viewer.qt.counts_chart import CountsPanel
from viewer.qt.events_panel import EventsPanel, event_notes, event_title
from viewer.qt.i18n import translate
from viewer.render.event_flash import EventFlashPainter

# Deferred on purpose: viewer.core.zones (the analysis and its geometry load with the first
# events, in the worker thread, not on the start-up path).


LIVE_TABLE_MS = 1000


def live_event_row(alert) -> dict:
    """A live alert (`viewer.core.live_alerts.Alert`) as a row of the events table."""
    return {
        "time": alert.time,
        "track_id": alert.track_id,
        "kind": alert.kind,
        "zone_id": alert.zone_id,
        "event": alert.event,
        "side": alert.side or None,
        "lon": alert.lon,
        "lat": alert.lat,
        "seconds_inside": alert.seconds_inside,
        "at_track_start": alert.at_track_start,
        "approximate": alert.approximate,
        "inside_when_in_force": False,
        "across_gap": False,
        "near_line": False,
        "path": str(LIVE_PATH),
        "live": True,
    }


class _Results(QObject):
    """Carries a worker's events to the UI thread: (generation, events frame or None)."""

    ready = Signal(int, object)


QWIDGETSIZE_MAX = 16777215  # Qt's "no maximum"
TABLE_SHARE = 0.35  # of the window's height, for the events table and the counts chart


class ZoneEventsController(Controller):
    def __init__(self, session, window) -> None:
        super().__init__(session, window)
        timeline = session.timeline
        live = session.live
        self.flash = EventFlashPainter(
            lambda: timeline.time, lambda: timeline.speed, lambda: live.active and live.live
        )
        dynamic = window.scene.dynamic
        dynamic.insert(dynamic.index(window.scene.tracks) + 1, self.flash)  # over the tracks
        replay = window.replay
        self.events_panel = EventsPanel()
        self.events_panel.event_activated.connect(self.on_event_activated)
        bottom, timeline_dock = Qt.BottomDockWidgetArea, replay.timeline_dock
        self.events_dock = window.add_dock(
            translate("Replay", "Zone events"),
            "events_dock",
            self.events_panel,
            bottom,
            under=timeline_dock,
        )
        replay.qt_timeline.marker_clicked.connect(self._on_marker_clicked)
        self.counts_panel = CountsPanel()
        self.counts_panel.jump_to.connect(replay.jump_to)
        self.counts_dock = window.add_dock(
            translate("Replay", "Counts"), "counts_dock", self.counts_panel, bottom, timeline_dock
        )
        # the bottom docks start as tall as the timeline needs: the map gets the rest
        height = replay.qt_timeline.sizeHint().height() + 48
        QTimer.singleShot(
            0, lambda: window.resizeDocks([replay.timeline_dock], [height], Qt.Vertical)
        )
        # a table or chart brought to the front gets a share of the window to be read in (a
        # dozen rows at 1920x1080), the timeline back in front gives it back to the map
        for dock in (self.events_dock, self.counts_dock):
            dock.visibilityChanged.connect(lambda shown, d=dock: shown and self._give_room(d))
        replay.timeline_dock.visibilityChanged.connect(
            lambda shown: (
                shown and window.resizeDocks([replay.timeline_dock], [height], Qt.Vertical)
            )
        )
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="zone-events")
        self._generation = 0
        self._marker_rows: pd.DataFrame | None = None
        self._results = _Results(self)
        self._results.ready.connect(self._on_events_ready)
        self._file_events: pd.DataFrame | None = None
        self._live_events: pd.DataFrame | None = None
        self._live_rows: list[dict] = []
        self._live_timer = QTimer(self, singleShot=True, interval=LIVE_TABLE_MS)
        self._live_timer.timeout.connect(self._show_live_rows)
        session.events.connect("briefing", self._on_briefing_changed)

    def _give_room(self, dock) -> None:
        """``dock`` (the events table or the counts chart) at least 35 % of the window high."""
        want = max(round(self.window.height() * TABLE_SHARE), 280)
        if dock.height() < want and not self.window.isFullScreen():
            self.window.replay.qt_timeline.setMaximumHeight(QWIDGETSIZE_MAX)  # (its tab's limit)
            self.window.resizeDocks([dock], [want], Qt.Vertical)

    def _timeline_only(self, height: int) -> None:
        """The timeline in front again: as tall as it needs, the map gets the rest."""
        qt_timeline = self.window.replay.qt_timeline
        qt_timeline.setMaximumHeight(qt_timeline.sizeHint().height())
        self.window.resizeDocks([self.window.replay.timeline_dock], [height], Qt.Vertical)

    def recompute(self) -> None:
        """Zone events for every loaded file, in a worker thread (the UI never waits)."""
        self._generation += 1
        generation = self._generation
        # the live feeds' events come from their alerter as messages arrive (add_live_alerts)
        items = [i for i in self.session.tracks.visible() if i.path != LIVE_PATH]
        catalog = self.session.state.catalog
        user_zones = self.user_zones()
        ready = self._results.ready

        def work():
            from viewer.core.zones import compute_zone_events

            zones = catalog.analysis_zones() + user_zones  # a quarter second: not on the UI
            frames = []
            for item in items:
                ev = compute_zone_events(item.trackset, zones)
                ev["path"] = str(item.path)
                frames.append(ev)
            events = pd.concat(frames, ignore_index=True) if frames else None
            ready.emit(generation, events)

        self._pool.submit(work)

    def user_zones(self) -> list[Zone]:
        """The user's layers marked for analysis, as zones (files and live feeds alike)."""
        zones = []
        for layer in self.session.state.extra_layers.values():
            if not layer.analysis:
                continue
            kind = AREA if layer.kind == "zone" else LINE
            geom = shapely.union_all(layer.features.geometry.to_numpy())
            zones.append(Zone(layer.id, layer.title(), kind, geom))
        return zones

    def _on_events_ready(self, generation: int, events) -> None:
        if generation != self._generation:
            return  # superseded by a newer computation
        self._file_events = events
        self._show_events()

    def add_live_alerts(self, alerts: list) -> None:
        """Zone events of the live feeds, as their alerter raised them: rows marked live (the
        table is refreshed at most once a second while they pour in)."""
        self._live_rows.extend(live_event_row(a) for a in alerts)
        if not self._live_timer.isActive():
            self._live_timer.start()

    def _show_live_rows(self) -> None:
        started = time.perf_counter()
        self._show_new_live_rows()
        # a refill costs more as alerts pile up: it takes at most a tenth of the window's thread
        took_ms = (time.perf_counter() - started) * 1000
        self._live_timer.setInterval(max(LIVE_TABLE_MS, round(10 * took_ms)))

    def _show_new_live_rows(self) -> None:
        if self._live_rows:
            rows = pd.DataFrame(self._live_rows)
            rows["time"] = pd.to_datetime(rows["time"], unit="s", utc=True)
            self._live_events = (
                rows
                if self._live_events is None
                else pd.concat([self._live_events, rows], ignore_index=True)
            )
            self._live_rows = []
        self._show_events()

    def _show_events(self) -> None:
        frames = [f for f in (self._file_events, self._live_events) if f is not None and len(f)]
        events = pd.concat(frames, ignore_index=True) if len(frames) > 1 else (
            frames[0] if frames else None
        )  # fmt: skip
        if events is not None and "live" in events.columns:
            events = events.assign(live=events["live"].eq(True))  # files' rows: not live
        qt_timeline = self.window.replay.qt_timeline
        if events is None or not len(events):
            self.events_panel.set_events(
                events if events is not None else self.events_panel.all_events.iloc[:0]
            )
            qt_timeline.set_event_markers([], [])
            self._marker_rows = None
            return
        events = events.sort_values("time", kind="stable").reset_index(drop=True)
        self.events_panel.set_events(events)
        self.flash.set_events(events)
        self.refresh_counts()
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
        qt_timeline.set_event_markers(times, labels)

    def _on_briefing_changed(self, changed: frozenset[str]) -> None:
        if "reported_counts" in changed:
            self.refresh_counts()

    def refresh_counts(self, *_: object) -> None:
        """The counts dock from the zone events, the aircraft each track stands for and the
        reported figures (the panel counts them by its own definition)."""
        aircraft, paths = {}, []
        for item in self.session.tracks.visible():
            paths.append(str(item.path))
            for tid, n in zip(item.trackset.ids, item.trackset.counts.tolist(), strict=True):
                aircraft[(str(item.path), str(tid))] = int(n)
        briefing = self.session.briefing
        self.counts_panel.set_inputs(
            self.events_panel.all_events,
            aircraft,
            briefing.reported_counts if briefing else (),
            paths,
            self.session.timeline.zone,
            str(TRACED_PATH),
        )

    def _on_marker_clicked(self, index: int) -> None:
        if self._marker_rows is not None and 0 <= index < len(self._marker_rows):
            self.on_event_activated(self._marker_rows.iloc[index])

    def on_event_activated(self, row) -> None:
        """Jump the replay to an event and select its track."""
        replay = self.window.replay
        timeline = self.session.timeline
        timeline.pause()
        timeline.set_time(row["time"].timestamp())
        item = replay.find_loaded(str(row["path"])) if "path" in row else None
        if item is not None:
            ids = list(item.trackset.ids)
            if row["track_id"] in ids:
                track = ids.index(row["track_id"])
                replay.on_track_clicked((str(item.path), track, 0))
        self.show_message(
            translate("Replay", "{track}: {event} {zone} at {time} UTC").format(
                track=row["track_id"],
                event=event_title(row["event"]),
                zone=row["zone_id"],
                time=f"{row['time']:%Y-%m-%d %H:%M:%S}",
            ),
            10000,
        )

    def shutdown(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
