"""Live feeds in the window: File > Connect to feed…, Disconnect, Live alerts…, Open recording…;
the Live button on the timeline; a status-bar item per feed; zone alerts as notices on the map,
rows in the events table and, if chosen, a sound.

The feeds, the store and the alerts run on a `viewer.io.live.pump.LivePump` thread; each of its
frames comes to this thread through a queued signal and goes to the session
(`Session.show_live`), so the map, the timeline, the events and the counts follow the live source
the way they follow a file. Every message is recorded (by default; in a folder the user sees and
chooses), a file an hour; Open recording replays a recording as a file.
"""

from __future__ import annotations

import contextlib
import math
from collections import deque
from dataclasses import replace
from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QLineEdit, QMenu

from viewer.core.geodesy import distance_m
from viewer.core.live_latency import LatencyMeter
from viewer.core.live_tracks import DEFAULT_LIVE_TRAIL_S, LIVE_PATH, LiveFrame
from viewer.io.archive.credentials import get_password, set_password
from viewer.io.live.hub import LiveHub
from viewer.io.live.pump import LivePump
from viewer.io.live.sources import FeedSpec, parse_source
from viewer.qt.alert_rules_dialog import AlertRulesDialog
from viewer.qt.controller import Controller
from viewer.qt.feed_dialog import FeedDialog
from viewer.qt.i18n import translate
from viewer.qt.live_alert_words import alert_text, behind_words
from viewer.qt.live_settings import LiveSettings
from viewer.qt.live_status import FeedStatusItem
from viewer.render.live_toast import AlertToasts
from viewer.render.track_painter import KIND_COLORS

LIVE_STYLE = (
    "QToolButton { background: #c62828; color: white; font-weight: bold; padding: 2px 8px; }"
)
BEHIND_STYLE = "QToolButton { font-weight: bold; padding: 2px 8px; }"
BEEP_EVERY_S = 2.0


class _Frames(QObject):
    """Carries the pump's frames to the window's thread."""

    ready = Signal(object)


class LiveController(Controller):
    def __init__(self, session, window) -> None:
        super().__init__(session, window)
        self.live = session.live
        self.settings = LiveSettings.load()
        self.hub: LiveHub | None = None
        self.pump: LivePump | None = None
        self.status_items: dict[str, FeedStatusItem] = {}
        self.latency = LatencyMeter()
        self.frame_ms: deque[float] = deque(maxlen=10_000)  # paints while live data came
        self.frames = 0
        self._arrivals: list[tuple[float, int]] = []
        self._selected_id: str | None = None
        self._beeped_at = -math.inf
        self._frames_signal = _Frames(self)
        self._frames_signal.ready.connect(self._on_frame)
        self.toasts = AlertToasts(
            heads=self._head_points, avoid=lambda: window.scene.overlay_layout.last.obstacles()
        )
        window.scene.overlays.append(self.toasts)
        self.live_button = window.replay.qt_timeline.add_button(
            translate("Live", "● LIVE"), self.go_live
        )
        self.live_button.hide()
        self._toast_timer = QTimer(self, interval=200)
        self._toast_timer.timeout.connect(self._on_toast_tick)
        self.create_actions()
        self.live.events.connect("mode", self._on_mode_changed)
        self.live.events.connect("alerts", self._on_alerts)
        session.tracks.events.connect("data", self._on_live_data)
        session.timeline.events.connect("trail", self._update_request)
        session.timeline.events.connect("time", self._on_time_changed)
        session.state.events.connect("projection", self._on_projection_changed)
        window.canvas.view_changed.connect(self._update_request)
        window.canvas.frame_painted.connect(self._on_frame_painted)
        window.canvas.dynamic_clicked.connect(self._on_track_clicked)

    # ------------------------------------------------------------------ actions
    def create_actions(self) -> None:
        w = self.window
        self.connect_act = QAction(
            translate("Live", "Connect to &feed…"),
            w,
            shortcut="Ctrl+Shift+F",
            statusTip=translate(
                "Live",
                "Show an ADS-B receiver, an AIS receiver, a TAK network or a JSON endpoint live "
                "on the map, recorded as it arrives",
            ),
            triggered=self.connect_dialog,
        )
        self.disconnect_menu = QMenu(translate("Live", "&Disconnect"), w)
        self.disconnect_menu.setEnabled(False)
        self.alerts_act = QAction(
            translate("Live", "Live &alerts…"),
            w,
            statusTip=translate("Live", "Which zone events of the live feeds show a notice"),
            triggered=self.rules_dialog,
        )
        self.open_recording_act = QAction(
            translate("Live", "Open a &recording…"),
            w,
            statusTip=translate("Live", "Replay a recorded feed as a track file"),
            triggered=self.open_recording_dialog,
        )
        self.recordings_act = QAction(
            translate("Live", "Show the recordings &folder"),
            w,
            statusTip=translate("Live", "Open the folder the live feeds are recorded in"),
            triggered=self.show_recordings_folder,
        )

    def add_menu_items(self, menu: QMenu) -> None:
        """The live section of the File menu."""
        menu.addAction(self.connect_act)
        menu.addMenu(self.disconnect_menu)
        menu.addAction(self.alerts_act)
        menu.addAction(self.open_recording_act)
        menu.addAction(self.recordings_act)

    def _refresh_disconnect_menu(self) -> None:
        menu = self.disconnect_menu
        menu.clear()
        for name in self.status_items:
            act = menu.addAction(name)
            act.triggered.connect(lambda _=False, n=name: self.disconnect_feed(n))
        if len(self.status_items) > 1:
            menu.addSeparator()
            menu.addAction(translate("Live", "All feeds"), self.disconnect_all)
        menu.setEnabled(bool(self.status_items))

    # ------------------------------------------------------------------ connecting
    @Slot()
    def connect_dialog(self) -> None:
        dialog = FeedDialog(self.settings, self.window)
        if dialog.exec() != FeedDialog.Accepted:
            return
        choice = dialog.choice()
        self.connect_feed(choice.url, choice.password, choice.token, choice.remember_password)

    def connect_feed(
        self,
        url: str,
        password: str | None = None,
        token: str | None = None,
        remember_password: bool = False,
    ) -> bool:
        """Connect to (or listen on) a feed; a bad URL or a refusal is said, never raised."""
        title = translate("Live", "Live feed")
        try:
            spec = parse_source(url, token)
        except ValueError as exc:
            self.show_error(title, str(exc))
            return False
        if spec.transport == "http" and spec.username and spec.password is None:
            if password is None:
                password = get_password(url)
            if password is None:
                password = self._ask_password(spec)
                if password is None:
                    return False
        if password is not None:
            spec = replace(spec, password=password)
            if remember_password:
                why = set_password(url, password)
                if why:
                    self.show_message(
                        translate("Live", "The password was not kept: {why}").format(why=why),
                        10000,
                    )
        self._ensure_hub()
        assert self.pump is not None
        record = self.settings.record_dir if self.settings.record else None
        future = self.pump.call(lambda hub: _add_feed(hub, spec, record))
        try:
            future.result(timeout=10)
        except (ValueError, OSError) as exc:
            self.show_error(title, str(exc))
            return False
        self.settings.remember(url)
        item = FeedStatusItem(spec.name)
        item.setText(translate("Live", "{name}: connecting…").format(name=spec.name))
        self.status_items[spec.name] = item
        self.window.statusBar().addPermanentWidget(item)
        self._refresh_disconnect_menu()
        where = str(record) if record else translate("Live", "not recorded")
        self.show_message(
            translate("Live", "Connecting to {url} (recording: {where})").format(
                url=spec.url, where=where
            ),
            10000,
        )
        return True

    def _ask_password(self, spec: FeedSpec) -> str | None:
        if QApplication.platformName() in ("offscreen", "minimal"):
            return None
        text, ok = QInputDialog.getText(
            self.window,
            translate("Live", "Password"),
            translate("Live", "Password of {user} at {url}").format(
                user=spec.username, url=spec.url
            ),
            QLineEdit.Password,
        )
        return text if ok else None

    def _ensure_hub(self) -> None:
        if self.hub is not None:
            return
        # Deferred on purpose: the zone analysis is loaded when the first feed connects.
        zones = self.session.state.catalog.analysis_zones()
        zones += self.window.zone_events.user_zones()
        self.hub = LiveHub(zones=zones, projection=self.session.state.projection)
        self.pump = LivePump(self.hub, self._frames_signal.ready.emit)
        self._update_request()
        self.pump.start()

    def disconnect_feed(self, name: str) -> None:
        if self.pump is not None:
            with contextlib.suppress(KeyError):  # gone already
                self.pump.call(lambda hub: hub.remove_source(name)).result(timeout=10)
        item = self.status_items.pop(name, None)
        if item is not None:
            self.window.statusBar().removeWidget(item)
            item.deleteLater()
        self._refresh_disconnect_menu()
        self.show_message(translate("Live", "Disconnected from {name}").format(name=name), 5000)

    def disconnect_all(self) -> None:
        for name in list(self.status_items):
            self.disconnect_feed(name)

    def shutdown(self) -> None:
        """The window closes: every feed stops, its recording closed."""
        self._toast_timer.stop()
        if self.pump is not None:
            self.pump.stop()

    # ------------------------------------------------------------------ frames
    @Slot(object)
    def _on_frame(self, frame: LiveFrame) -> None:
        first = not self.live.active and frame.span is not None
        if first:
            timeline = self.session.timeline
            timeline.set_loop(False)  # playing behind the live edge runs into it, not round
            if timeline.trail > DEFAULT_LIVE_TRAIL_S:
                timeline.set_trail(DEFAULT_LIVE_TRAIL_S)  # comet tails, not a day
        self.session.show_live(frame)
        self.frames += 1
        if frame.arrivals and self.live.live:
            self._arrivals.extend(frame.arrivals)
        if frame.activity is not None:
            self.window.replay.refresh_activity()
        for status in frame.feeds:
            item = self.status_items.get(status.name)
            if item is not None:
                folder = str(self.hub.record_dir) if self.hub and self.hub.record_dir else ""
                item.show_status(status, folder)
        for warning in frame.warnings:
            self.show_message(warning, 10000)
        self._remap_selection()
        self._show_mode()
        if first:
            self.window.replay.refresh()

    def _on_live_data(self, path: object) -> None:
        if path == LIVE_PATH:
            self.window.canvas.update()

    def _on_frame_painted(self, wall: float, ms: float) -> None:
        if not self._arrivals:
            return
        self.frame_ms.append(ms)
        for arrival, messages in self._arrivals:
            self.latency.add(wall - arrival, messages)
        self._arrivals.clear()

    def _update_request(self, *_: object) -> None:
        if self.pump is None:
            return
        self.live.metres_per_px = self._metres_per_px()
        self.pump.request = self.live.request()

    def _metres_per_px(self) -> float:
        canvas = self.window.canvas
        cx, cy = canvas.width() / 2, canvas.height() / 2
        a, b = canvas.lonlat_at(cx - 10, cy), canvas.lonlat_at(cx + 10, cy)
        if not all(map(math.isfinite, (*a, *b))):
            return 600.0
        return max(float(distance_m(a[0], a[1], b[0], b[1])) / 20.0, 1.0)

    def _on_time_changed(self, *_: object) -> None:
        if self.pump is not None and self.live.active and not self.live.live:
            request = self.live.request()
            if request is not self.pump.request:
                self.pump.request = request
            self._show_mode()

    def _on_projection_changed(self, projection) -> None:
        if self.pump is not None:
            self.pump.call(lambda hub: _reproject(hub, projection))
            self.pump.refresh_window()

    # ------------------------------------------------------------------ Live / DVR
    @Slot()
    def go_live(self) -> None:
        self.live.go_live()

    def _on_mode_changed(self, live: bool) -> None:
        self._update_request()
        self.session.show_live()  # the snapshot that fits: the recent one, or the window
        self._show_mode()

    def _show_mode(self) -> None:
        button = self.live_button
        button.setVisible(self.live.active)
        if self.live.live:
            button.setText(translate("Live", "● LIVE"))
            button.setStyleSheet(LIVE_STYLE)
            button.setToolTip(translate("Live", "Following the feeds as their messages arrive"))
        else:
            behind = behind_words(self.live.behind_s)
            button.setText(behind)
            button.setStyleSheet(BEHIND_STYLE)
            button.setToolTip(
                translate("Live", "{behind} behind the feeds: click to go back to live").format(
                    behind=behind
                )
            )

    # ------------------------------------------------------------------ alerts
    def _on_alerts(self, alerts: list) -> None:
        self.window.zone_events.add_live_alerts(alerts)
        rule = self.settings.rule
        noticed = [a for a in alerts if rule.matches(a)]
        for alert in noticed[-4:]:
            self.toasts.add(alert_text(alert), KIND_COLORS.get(alert.kind, "#CC3311"))
        if noticed:
            self.window.last_message = alert_text(noticed[-1])
            self._toast_timer.start()
            if (
                self.settings.sound == "beep"
                and self.toasts.clock() - self._beeped_at > BEEP_EVERY_S
            ):
                self._beeped_at = self.toasts.clock()
                QApplication.beep()

    def _on_toast_tick(self) -> None:
        self.window.canvas.update()
        if not self.toasts.showing:
            self._toast_timer.stop()

    def _head_points(self) -> list[tuple[np.ndarray, np.ndarray]]:
        tracks = self.window.scene.tracks
        return [(sx, sy) for _, _, sx, sy in tracks.drawn.heads] if tracks else []

    @Slot()
    def rules_dialog(self) -> None:
        dialog = AlertRulesDialog(
            self.session.state.catalog,
            self.session.state.naming,
            self.settings.rule,
            self.settings.sound,
            self.window,
        )
        if dialog.exec() == AlertRulesDialog.Accepted:
            self.set_rule(dialog.rule(), dialog.sound())

    def set_rule(self, rule, sound: str | None = None) -> None:
        self.settings.rule = rule
        if sound is not None:
            self.settings.sound = sound
        self.settings.save()

    # ------------------------------------------------------------------ selection
    def _on_track_clicked(self, picked: object) -> None:
        path, track, _ = picked  # type: ignore[misc]
        item = self.window.replay.find_loaded(path)
        self._selected_id = None
        if path == str(LIVE_PATH) and item is not None and track < item.trackset.n_tracks:
            self._selected_id = str(item.trackset.ids[track])

    def _remap_selection(self) -> None:
        """The live tracks come in a new snapshot each frame: keep the selected one selected."""
        painter = self.window.scene.tracks
        if self._selected_id is None or painter is None or painter.selected is None:
            return
        if painter.selected[0] != str(LIVE_PATH):
            self._selected_id = None
            return
        item = self.window.replay.find_loaded(str(LIVE_PATH))
        if item is None:
            return
        rows = np.flatnonzero(item.trackset.ids == self._selected_id)
        painter.selected = (str(LIVE_PATH), int(rows[0])) if len(rows) else None

    # ------------------------------------------------------------------ recordings
    @Slot()
    def open_recording_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self.window,
            translate("Live", "Open a recording: the folder of a feed"),
            str(self.settings.record_dir),
        )
        if folder:
            self.open_recording(Path(folder))

    def open_recording(self, folder: Path) -> None:
        """Replay a recording as a file: a feed's folder, or each feed of a recordings folder."""
        feeds = [folder] if (folder / "feed.json").is_file() else sorted(
            p for p in folder.iterdir() if (p / "feed.json").is_file()
        )  # fmt: skip
        if not feeds:
            self.show_error(
                translate("Live", "Open a recording"),
                translate("Live", "{folder}: no recording here (no feed.json)").format(
                    folder=folder
                ),
            )
            return
        self.window.track_files.open_files([str(p) for p in feeds])

    @Slot()
    def show_recordings_folder(self) -> None:
        folder = self.settings.record_dir
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def _add_feed(hub: LiveHub, spec: FeedSpec, record_dir: Path | None) -> None:
    """On the pump's thread: record where the settings say, add the feed and start it."""
    hub.record_dir = record_dir
    feed = hub.add_source(spec)
    feed.start()


def _reproject(hub: LiveHub, projection) -> None:
    hub.store.set_projection(projection)
    if hub.alerter is not None:
        hub.alerter.projection = projection
