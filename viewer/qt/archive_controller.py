"""Archives in the window: File > Open archive… (a folder of partitioned Parquet, through DuckDB)
and File > Connect to database… (PostgreSQL/PostGIS, OpenSky's Trino), asked rather than loaded.

Overview first: opening shows the archive's whole span on the timeline, the strip drawn from
the engine's activity per hour; the window of it chosen (drag a range on the strip, or zoom the
timeline with the wheel over it) is the clock's range (`Session.archive`). A window that fits the
replay budget is loaded (`Archive.load_window`) and replays like a file — map, events and counts
follow the same paths; one that does not shows the engine's density on the map instead
(`viewer.qt.archive_density`). The counts chart can show the whole archive's counts per zone and
day, computed in the engine on a second connection so the map keeps answering meanwhile.

Every question runs in a worker thread (`viewer.qt.archive_worker`) with progress and Cancel in
the status bar; Cancel stops the query in the engine. A briefing keeps the archive as an
`ArchiveRef` (folder or URL, the window; never a password) and opens it again.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QMessageBox,
)

from viewer.core.archive_ref import ArchiveRef
from viewer.core.archive_state import (
    CHOOSING,
    LOADED,
    NOT_LOADED,
    OVER_BUDGET,
    archive_name,
    dense_activity,
    snap_window,
    window_words,
    zoom_window,
)
from viewer.core.read_options import ReadOptions
from viewer.core.timeline import ZONE_KEYS
from viewer.io.archive import DEFAULT_REPLAY_BUDGET, OverBudget, Window, open_archive
from viewer.qt.app_settings import ORG_NAME
from viewer.qt.archive_counts import CountPlan, counted_words
from viewer.qt.archive_density import DENSITY, ArchiveDensity
from viewer.qt.archive_dialogs import ConnectDialog
from viewer.qt.archive_passwords import HEADLESS, ArchivePasswords
from viewer.qt.archive_status import ArchiveStatus
from viewer.qt.archive_worker import OPEN, ArchiveWorker
from viewer.qt.controller import Controller
from viewer.qt.i18n import translate
from viewer.qt.time_zone_dialog import ask_time_zone

OVERVIEW, WINDOW, COUNTS = "overview", "window", "counts"
ESTIMATE = "estimate"  # the strip at once from the Parquet statistics, until the overview
WINDOW_DEBOUNCE_MS = 350  # a zoom by the wheel settles before its window is asked for


class ArchiveController(Controller):
    def __init__(self, session, window) -> None:
        super().__init__(session, window)
        self.state = session.archive
        self.budget = DEFAULT_REPLAY_BUDGET
        self.worker: ArchiveWorker | None = None  # the view's questions
        self.counter: ArchiveWorker | None = None  # the zone counts (a second connection)
        self._opener: Callable[[], object] | None = None
        self._opening: tuple[ArchiveRef, tuple[float, float] | None] | None = None
        self._limit: tuple[float, float] | None = None  # the span asked about (OpenSky)
        self.passwords = ArchivePasswords(window, self)  # this run only; never saved
        self._counting = None  # the day definition being counted
        self._plan: CountPlan | None = None  # the whole archive counted, zone by zone
        self.status = ArchiveStatus(self)
        self.status.cancel_button.clicked.connect(self.cancel)
        self.density = ArchiveDensity(window, self.state, self._ask_view)
        self._window_timer = QTimer(self, singleShot=True, interval=WINDOW_DEBOUNCE_MS)
        self._window_timer.timeout.connect(self._ask_window)
        strip = window.replay.qt_timeline.strip
        strip.range_selected.connect(self.choose_window)
        strip.zoom_requested.connect(self.zoom)
        strip.bin_tip = self._bin_tip
        window.zone_events.counts_panel.archive_counts_wanted.connect(self.count_zones)
        self.state.events.connect("window", self._on_window_changed)
        self.state.events.connect("closed", self._on_closed)
        self._dense: tuple | None = None  # (activity, edges, tracks) for the strip
        self._estimate: tuple | None = None  # (fixes, edges) until the overview
        self.create_actions()
        self.whole_button = window.replay.qt_timeline.add_action_button(self.whole_act)
        self._enable()

    def create_actions(self) -> None:
        w = self.window
        self.open_act = QAction(
            translate("Archive", "Open &archive…"),
            w,
            statusTip=translate(
                "Archive", "Open a folder of partitioned Parquet files: years of fixes, asked"
            ),
            triggered=self.open_dialog,
        )
        self.connect_act = QAction(
            translate("Archive", "Connect to &database…"),
            w,
            statusTip=translate("Archive", "A PostgreSQL/PostGIS table of fixes, or OpenSky"),
            triggered=self.connect_dialog,
        )
        self.whole_act = QAction(
            translate("Archive", "Whole &archive"),
            w,
            shortcut="Ctrl+Shift+W",
            statusTip=translate("Archive", "Show the archive's whole span on the timeline"),
            triggered=self.show_whole,
        )
        self.widen_act = QAction(
            translate("Archive", "&Widen the archive window"),
            w,
            shortcut="Ctrl+Shift+-",
            statusTip=translate("Archive", "Four times the time window, around its middle"),
            triggered=lambda: self.zoom(4.0, None),
        )
        self.count_act = QAction(
            translate("Archive", "&Count zone entries in the whole archive"),
            w,
            statusTip=translate("Archive", "Counts per zone and day, computed in the engine"),
            triggered=lambda: self.count_zones(None),
        )
        self.info_act = QAction(
            translate("Archive", "Archive &details…"), w, triggered=self.show_info
        )
        self.close_act = QAction(
            translate("Archive", "Close a&rchive"), w, triggered=self.close_archive
        )

    def menu_actions(self) -> list[QAction]:
        """The archive's actions for the Timeline menu (opening is in the File menu)."""
        return [self.whole_act, self.widen_act, self.count_act, self.info_act, self.close_act]

    def _enable(self) -> None:
        for act in self.menu_actions():
            act.setEnabled(self.state.is_open)
        self.whole_button.setVisible(self.state.is_open)

    # ------------------------------------------------------------------ opening
    @Slot()
    def open_dialog(self) -> None:
        settings = QSettings(ORG_NAME, ORG_NAME)
        folder = QFileDialog.getExistingDirectory(
            self.window,
            translate("Archive", "Open an archive: a folder of Parquet files"),
            str(settings.value("archive/last_folder", "")),
        )
        if folder and self.window.documents.make_room(folder, archive_name(folder)):
            settings.setValue("archive/last_folder", str(Path(folder).parent))
            self.open_source(folder)

    @Slot()
    def connect_dialog(self) -> None:
        settings = QSettings(ORG_NAME, ORG_NAME)
        dialog = ConnectDialog(str(settings.value("archive/last_url", "")), "UTC", self.window)
        if dialog.exec() != QDialog.Accepted:
            return
        if not self.window.documents.make_room(dialog.url(), archive_name(dialog.url())):
            return
        settings.setValue("archive/last_url", dialog.url())
        span = dialog.span()
        limit = (span[0].timestamp(), span[1].timestamp()) if span else None
        self.open_source(dialog.url(), limit=limit)

    def open_ref(self, ref: ArchiveRef, base: Path) -> None:
        """A briefing's archive, opened again (its folder relative to the briefing's ``base``)
        with the window it kept chosen."""
        source = ref.resolved(base)
        if not ref.is_url:
            source = os.path.normpath(Path(source).absolute())
            if not Path(source).exists():  # moved, or the briefing was copied without it
                text = translate(
                    "Archive",
                    "The briefing's archive is not there: {folder} (kept relative to the "
                    "briefing's folder). Open it with File > Open archive…",
                ).format(folder=source)
                self.show_error(translate("Archive", "Archive"), text)
                return
        limit = None
        if ref.is_url and ref.start is not None and ref.end is not None:
            limit = (ref.start.timestamp(), ref.end.timestamp())  # OpenSky: the hours kept
        self.open_source(
            source, ref=ArchiveRef(source, ref.start, ref.end, ref.bbox, ref.tz), limit=limit
        )

    def open_source(
        self,
        source: str,
        ref: ArchiveRef | None = None,
        limit: tuple[float, float] | None = None,
    ) -> None:
        """Open a folder or database URL in the background (the one archive open: another one
        is closed first)."""
        if ref is None:
            text = source if "://" in source else str(Path(source).absolute())
            try:
                ref = ArchiveRef(text)
            except ValueError as exc:  # not a database this app knows
                self.show_error(
                    translate("Archive", "Archive"), str(exc).replace("source", text, 1)
                )
                return
        self.close_archive()
        options = ReadOptions(tz=ref.tz)
        new_ask = self.passwords.asker(ref.source)

        def opener():
            return open_archive(ref.source, options, ask_password=new_ask())

        self._opener = opener
        self._opening = (ref, limit)
        self.worker = self._new_worker("view")
        self.worker.open(opener)
        self._task(OPEN, translate("Archive", "Opening {name}…").format(name=_name(ref)))

    def _new_worker(self, name: str) -> ArchiveWorker:
        worker = ArchiveWorker(name, self)
        worker.finished.connect(partial(self._on_finished, worker))
        worker.failed.connect(partial(self._on_failed, worker))
        worker.cancelled.connect(partial(self._on_cancelled, worker))
        worker.progress.connect(self._on_progress)
        return worker

    def _on_opened(self, archive) -> None:
        assert self._opening is not None
        ref, limit = self._opening
        info = archive.info
        why = self.passwords.opened(ref.source)
        if why:
            self.show_message(why, 8000)
        span = limit
        if span is None and info.time_start is not None and info.time_end is not None:
            span = (info.time_start.timestamp(), info.time_end.timestamp() + 1.0)
        self._limit = limit
        self.state.open(ref, info, span)
        self.window.replay.qt_timeline.strip.select_ranges = True
        self.window.zone_events.counts_panel.set_archive(self.state.name)
        self._enable()
        self.worker.ask(ESTIMATE, lambda a, cancel, progress: a.activity_estimate())
        self._ask_overview()
        self._show_status()

    def _ask_overview(self) -> None:
        """The activity per hour over the whole span (or the span asked about): the strip."""
        if self.worker is None:
            return
        window = Window(*self._limit) if self._limit else None
        self.worker.ask(
            OVERVIEW,
            lambda a, cancel, progress: a.activity(window, approximate=True, cancel=cancel),
        )
        self._task(OVERVIEW, translate("Archive", "Activity per hour…"))

    def _on_estimate(self, estimate) -> None:
        """Fixes per hour estimated from the statistics (Parquet row groups, PostgreSQL's
        pg_stats; else None): the strip over the whole span while the engine works out the
        exact activity."""
        span = self.state.span
        if estimate is None or self.state.activity is not None or span is None:
            return
        edges, fixes, _ = dense_activity(estimate, span)
        self._estimate = (fixes, edges)
        if self.state.chosen is None:  # the clock over the whole span meanwhile
            self.session.timeline.set_range(*span)
            self.session.timeline.set_time(span[0])
        self.window.replay.refresh_strip()

    def _on_overview(self, activity) -> None:
        self.state.set_overview(activity)
        ref = self.state.ref
        self._dense = None
        if ref is not None and ref.start is not None and ref.end is not None:
            self.state.choose(ref.start.timestamp(), ref.end.timestamp())
        elif self.state.span is not None:
            self.state.choose(*self.state.span)
        self.window.replay.refresh_strip()

    # ------------------------------------------------------------------ the window
    @Slot(float, float)
    def choose_window(self, start: float, end: float) -> None:
        """A window dragged on the strip (snapped to round times) becomes the clock's range."""
        if not self.state.is_open:
            return
        tl = self.session.timeline
        self.state.choose(*snap_window(start, end, tl.end - tl.start))
        self._window_timer.stop()  # a window dragged out is final: asked at once
        self._ask_window()

    def zoom(self, factor: float, at: float | None) -> None:
        """The window ``factor`` times as long around ``at`` (the middle when None)."""
        if self.state.chosen is None:
            return
        a, b = self.state.chosen
        at = (a + b) / 2 if at is None else at
        self.state.choose(*zoom_window((a, b), factor, at, self.state.span))

    @Slot()
    def show_whole(self) -> None:
        if self.state.activity is None and OVERVIEW not in self.status.tasks:
            self._ask_overview()  # it was cancelled: ask again
        if self.state.span is not None:
            self.state.choose(*self.state.span)

    def _on_window_changed(self, window_state: str) -> None:
        if window_state == CHOOSING:
            self._window_timer.start()
        self.window.replay.refresh_strip()
        self._show_status()

    def _ask_window(self) -> None:
        """The chosen window: over the budget by the hour counts → density; else loaded."""
        if self.state.chosen is None or self.worker is None:
            return
        start, end = self.state.chosen
        bounds = self.state.fixes_bounds(start, end)
        if bounds is not None and bounds[0] > self.budget:
            self._over_budget(bounds[0])
            return
        projection = self.session.state.projection
        window = Window(start, end, self.state.ref.bbox if self.state.ref else None)
        budget = self.budget

        def work(archive, cancel, progress):
            return archive.load_window(window, projection, budget, cancel, progress), (start, end)

        self.worker.ask(WINDOW, work)
        self._task(
            WINDOW,
            translate("Archive", "Loading {window}…").format(window=window_words(start, end)),
        )

    def _on_window_loaded(self, result) -> None:
        (trackset, report), asked = result
        if asked != self.state.chosen:
            return  # the window moved on meanwhile
        projection = self.session.state.projection
        if trackset.projection.definition != projection.definition:
            trackset = trackset.reprojected(projection)
        self.density.hide()
        self.session.add_tracks(self.state.key, trackset, report)
        self.state.set_window_state(LOADED, trackset.n_fixes)
        text = translate("Archive", "{fixes} fixes loaded for {window}").format(
            fixes=f"{trackset.n_fixes:,}", window=window_words(*asked)
        )
        self.show_message(text, 15000)
        self.window.last_message = text

    def _over_budget(self, fixes: int) -> None:
        if any(item.path == self.state.key for item in self.session.tracks.items):
            self.session.tracks.remove(self.state.key)
            self.session.reports.pop(str(self.state.key), None)
        self.state.set_window_state(OVER_BUDGET, fixes)
        self.density.refresh()

    def strip_bars(self):
        """(tracks per hour, hour edges) over the whole span for the timeline's strip while
        the window is not loaded; None otherwise (the loaded tracks give the strip)."""
        a = self.state.activity
        if a is None and self._estimate is not None and self.state.is_open:
            return self._estimate
        if a is None or self.state.window_state == LOADED:
            return None
        if self._dense is None or self._dense[0] is not a:
            edges, _, tracks = dense_activity(a, self.state.span)
            self._dense = (a, edges, tracks)
        return self._dense[2], self._dense[1]

    def _bin_tip(self, t: float) -> str:
        a = self.state.activity
        if a is None or self.state.window_state == LOADED:
            return ""
        k = int((t - a.bin_start[0]) // a.bin_seconds) if len(a.bin_start) else -1
        hour = a.bin_start[0] + k * a.bin_seconds if k >= 0 else t
        i = int(a.bin_start.searchsorted(hour))
        fixes = tracks = 0
        if i < len(a.bin_start) and a.bin_start[i] == hour:
            fixes, tracks = int(a.fixes[i]), int(a.tracks[i])
        return (
            translate("Archive", "{hour}: {fixes} fixes, {tracks} tracks").format(
                hour=window_words(hour, hour + a.bin_seconds), fixes=f"{fixes:,}", tracks=tracks
            )
            + "\n"
            + translate("Archive", "Drag to choose a window; wheel to zoom")
        )

    # ------------------------------------------------------------------ zone counts
    def count_zones(self, day=None) -> None:
        """The whole archive's counts per zone and ``day`` (the chart's when None), in the engine,
        on a second connection (the map keeps answering); the chart shows them (`CountPlan`)."""
        if not self.state.is_open or self._opener is None:
            return
        panel = self.window.zone_events.counts_panel
        day = day or panel.current_day()
        if COUNTS in self.status.tasks and self._counting == day:
            return  # already being counted
        if self.counter is None:
            self.counter = self._new_worker("counts")
            self.counter.open(self._opener)
        zones, shown = self.session.state.catalog.analysis_zones(), panel.zone.currentData()
        self._plan = CountPlan(day, zones, shown or "taiwan_adiz")
        self._ask_counts()
        self.window.zone_events.counts_dock.raise_()

    def _ask_counts(self) -> None:
        """The plan's next pass (the chart's zone first, then the others) in the engine."""
        plan, window = self._plan, Window(*self._limit) if self._limit else None
        zones = plan.next_zones() if plan is not None else None
        if zones is None or plan is None or self.counter is None:
            return
        day = self._counting = plan.day
        self.counter.ask(
            COUNTS,
            lambda a, cancel, progress: a.zone_counts(
                zones, window, day=day, cancel=cancel, progress=progress
            ),
        )
        self._task(COUNTS, translate("Archive", "Counting zone entries… %p%"))
        self.window.zone_events.counts_panel.counting_archive = True

    def _on_counts(self, counts) -> None:
        if self._plan is not None and counts.day == self._plan.day:
            counts = self._plan.take(counts)
        self.state.set_zone_counts(counts)
        panel = self.window.zone_events.counts_panel
        panel.counting_archive = bool(counts.pending)
        panel.set_archive(self.state.name, counts)
        self.show_message(counted_words(counts), 15000)
        self.window.last_message = counted_words(counts)
        self._ask_counts()  # the other zones, if any

    # ------------------------------------------------------------------ answers
    def _ask_view(self, kind: str, fn) -> None:
        if self.worker is not None:
            self.worker.ask(kind, fn)
            if kind == DENSITY:
                self._task(DENSITY, translate("Archive", "Density…"))

    def _on_finished(self, worker: ArchiveWorker, kind: str, generation: int, result) -> None:
        if not worker.is_latest(kind, generation) and kind != OPEN:
            return
        self._done(kind)
        if worker is self.counter:
            if kind == COUNTS:
                self._on_counts(result)
            return
        handlers = {
            OPEN: self._on_opened,
            OVERVIEW: self._on_overview,
            WINDOW: self._on_window_loaded,
            DENSITY: self.density.show,
            ESTIMATE: self._on_estimate,
        }
        handlers[kind](result)

    def _on_failed(
        self, worker: ArchiveWorker, kind: str, generation: int, message: str, error
    ) -> None:
        if not worker.is_latest(kind, generation) and kind != OPEN:
            return
        self._done(kind)
        if kind == ESTIMATE:
            return  # the exact overview follows anyway
        if isinstance(error, OverBudget):
            self._over_budget(error.fixes)
            return
        if kind == COUNTS:  # the zones not counted yet say so
            self.window.zone_events.counts_panel.count_stopped()
        if kind == DENSITY:
            self.density.forget()
        if kind == WINDOW:
            self.state.set_window_state(NOT_LOADED)
        if kind == OPEN and worker is self.worker:
            self._opener = None
            if "no time zone" in message and self._retry_with_zone(message):
                return
            self.close_archive()
        self.show_error(translate("Archive", "Archive"), message)

    def _retry_with_zone(self, message: str) -> bool:
        """Times stored without a zone: ask which (never assumed), then open again."""
        if QApplication.platformName() in HEADLESS or self._opening is None:
            return False
        ref, limit = self._opening
        zone = ask_time_zone(self.window, _name(ref), message, "", list(ZONE_KEYS))
        if not zone:
            return False
        self.open_source(
            ref.source, ArchiveRef(ref.source, ref.start, ref.end, ref.bbox, zone), limit
        )
        return True

    def _on_cancelled(self, worker: ArchiveWorker, kind: str, generation: int) -> None:
        if not worker.is_latest(kind, generation) and kind != OPEN:
            return
        self._done(kind)
        if kind == COUNTS:  # the zones not counted yet say so
            self.window.zone_events.counts_panel.count_stopped()
        if kind == DENSITY:
            self.density.forget()
        if kind == WINDOW:
            self.state.set_window_state(NOT_LOADED)
        if kind == OVERVIEW and self.state.span is not None:  # the span from the files' footers
            self.state.choose(*self.state.span)
        if kind == OPEN and worker is self.worker:
            self.close_archive()
        words = {
            OVERVIEW: translate("Archive", "The activity per hour was cancelled"),
            WINDOW: translate("Archive", "Loading the window was cancelled"),
            COUNTS: translate("Archive", "Counting was cancelled"),
            OPEN: translate("Archive", "Opening the archive was cancelled"),
        }
        if kind in words:
            self.show_message(words[kind], 8000)
            self.window.last_message = words[kind]

    # ------------------------------------------------------------------ progress
    def _task(self, kind: str, words: str) -> None:
        self.status.task(kind, words, per_cent=kind == COUNTS)

    def _done(self, kind: str) -> None:
        self.status.done(kind)
        if kind == COUNTS:
            self._counting = None

    def _on_progress(self, kind: str, generation: int, fraction: float) -> None:
        self.status.progress(kind, fraction)

    @Slot()
    def cancel(self) -> None:
        """Cancel: the running queries stop in the engine, the queued ones are dropped."""
        for worker in (self.worker, self.counter):
            if worker is not None:
                worker.cancel_all()

    def busy(self) -> bool:
        return self.status.busy

    def _show_status(self) -> None:
        self.status.show(self.state)

    @Slot()
    def show_info(self) -> None:
        info = self.state.info
        if info is None:
            return
        if QApplication.platformName() in HEADLESS:
            self.show_message(info.summary().splitlines()[0], 8000)
            return
        QMessageBox.information(
            self.window, translate("Archive", "Archive details"), info.summary()
        )

    # ------------------------------------------------------------------ closing
    @Slot()
    def close_archive(self) -> None:
        if self.state.is_open:
            key = self.state.key
            if any(item.path == key for item in self.session.tracks.items):
                self.session.tracks.remove(key)
                self.session.reports.pop(str(key), None)
            self.state.close()  # -> _on_closed
        else:
            self._on_closed()

    def _on_closed(self) -> None:
        """No archive any more (closed, another opened, or a briefing replaced the session)."""
        self._stop_workers()
        self.density.hide()
        self._dense = self._estimate = None
        self._limit = None
        self.window.replay.qt_timeline.strip.select_ranges = False
        self.window.zone_events.counts_panel.set_archive("")
        self._enable()
        self._show_status()
        self.window.replay.refresh_strip()

    def _stop_workers(self) -> None:
        for worker in (self.worker, self.counter):
            if worker is not None:
                worker.shutdown()
        self.worker = self.counter = None
        self.passwords.release()
        self.status.clear()

    def shutdown(self) -> None:
        """The window closes: stop every query; nothing more is delivered."""
        self._window_timer.stop()
        self._stop_workers()


def _name(ref: ArchiveRef) -> str:
    return archive_name(ref.source)
