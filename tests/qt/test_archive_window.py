"""Archives in the window, over the small generated archive of `tests/archive` (three days of
flights as hive-partitioned Parquet through DuckDB; the same rows in the throwaway PostgreSQL):
opening shows the engine's activity on the strip; a window over the replay budget shows the
engine's density on the map (pixel probe); a window dragged on the strip is loaded as
`load_window` loads it; Cancel stops a slow query in the engine while the window keeps
answering; a briefing keeps the archive and opens it again; the counts chart shows the engine's
counts."""

from __future__ import annotations

import json
import threading
import time

import numpy as np
import pandas as pd
import pytest
from PySide6.QtCore import QPoint, QPointF, QSettings, Qt, QTimer
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog

from tests.archive.conftest import archive_files, flights_table, postgres  # noqa: F401
from tests.archive.equalities import assert_same_tracks
from viewer.core.archive_state import LOADED, OVER_BUDGET, dense_activity
from viewer.core.catalog import load_catalog
from viewer.io.archive import Window, open_archive
from viewer.io.archive.archive import Archive
from viewer.qt.app_settings import ORG_NAME
from viewer.qt.document_controller import CHOICE_KEY
from viewer.qt.main_window import DEFAULT_BRIEFING

SMALL_BUDGET = 5_000  # the archive holds 22,348 fixes: its whole span is over this
SLOW_DUCKDB = "SELECT sum(hash(i)) AS n FROM range(100000000000) t(i)"  # minutes of work
SLOW_POSTGRES = "SELECT pg_sleep(600)"


@pytest.fixture
def hive(archive_files):  # noqa: F811
    return str(archive_files["hive"])


def open_in(qtbot, window, source: str, budget: int | None = None):
    if budget is not None:
        window.archives.budget = budget
    window.archives.open_source(source)
    state = window.session.archive
    qtbot.waitUntil(lambda: state.activity is not None, timeout=30_000)
    qtbot.waitUntil(lambda: state.window_state in (LOADED, OVER_BUDGET), timeout=30_000)
    return state


def strip_x(strip, t: float) -> int:
    return round(float(strip.x_of(t)))


def drag(strip, x0: int, x1: int) -> None:
    y = strip.height() // 2
    QTest.mousePress(strip, Qt.LeftButton, Qt.NoModifier, QPoint(x0, y))
    QTest.mouseMove(strip, QPoint((x0 + x1) // 2, y))
    QTest.mouseMove(strip, QPoint(x1, y))
    QTest.mouseRelease(strip, Qt.LeftButton, Qt.NoModifier, QPoint(x1, y))


def test_opening_shows_the_engines_activity_on_the_strip(qtbot, window, hive) -> None:
    state = open_in(qtbot, window, hive, SMALL_BUDGET)
    with open_archive(hive) as archive:
        activity = archive.activity(approximate=True)
    np.testing.assert_array_equal(state.activity.bin_start, activity.bin_start)
    np.testing.assert_array_equal(state.activity.fixes, activity.fixes)
    np.testing.assert_array_equal(state.activity.tracks, activity.tracks)
    strip = window.replay.qt_timeline.strip
    edges, _, tracks = dense_activity(activity, state.span)
    np.testing.assert_array_equal(strip.edges, edges)
    np.testing.assert_array_equal(strip.counts, tracks)  # tracks per hour, empty hours 0
    assert strip.counts.sum() == activity.tracks.sum() > 0
    tl = window.session.timeline
    assert (tl.start, tl.end) == state.span == (activity.span[0], activity.span[1])
    assert window.replay.qt_timeline.isEnabled() and strip.select_ranges
    label = window.archives.status.label.text()
    assert "hive (DuckDB)" in label and "22,348 fixes" in label
    tip = strip.bin_tip(float(activity.bin_start[3]) + 60)
    assert f"{int(activity.fixes[3]):,} fixes, {int(activity.tracks[3])} tracks" in tip


def probe(scene, view, lon: float, lat: float, canvas):
    x, y = canvas.screen_of(lon, lat)
    return scene.render_image(view).pixelColor(round(x), round(y))


def test_over_the_budget_the_map_shows_the_engines_density(qtbot, window, hive) -> None:
    state = open_in(qtbot, window, hive, SMALL_BUDGET)
    assert state.window_state == OVER_BUDGET and state.window_fixes == 22_348
    painter = window.archives.density.painter
    qtbot.waitUntil(lambda: painter.shown and state.density is not None, timeout=30_000)
    assert state.density.total == 22_348  # every fix is in view (the region's home view)
    canvas, scene = window.canvas, window.scene
    counts = state.density.counts
    j, i = np.unravel_index(int(np.argmax(counts)), counts.shape)
    west, south, _, _ = state.density.grid.bbox
    dx, dy = state.density.grid.cell_size
    lon, lat = west + (i + 0.5) * dx, south + (j + 0.5) * dy
    heat = probe(scene, canvas.view, lon, lat, canvas)
    quiet = probe(scene, canvas.view, 133.5, 32.5, canvas)  # no flight comes near
    image, version = painter.image, painter.version
    painter.image = None  # the same map without the heat grid
    painter.version += 1
    try:
        bare = probe(scene, canvas.view, lon, lat, canvas)
        bare_quiet = probe(scene, canvas.view, 133.5, 32.5, canvas)
    finally:
        painter.image, painter.version = image, version + 2
    warm = (heat.red() - heat.blue()) - (bare.red() - bare.blue())
    assert warm > 40, (heat.name(), bare.name())  # the densest cell: dark red over the sea
    assert quiet == bare_quiet  # no fixes: the map as it was
    # the view changes: the engine is asked again for the cells of what is shown now
    before = state.density.grid
    canvas.set_view(canvas.view.zoomed(2.0))
    qtbot.waitUntil(lambda: state.density.grid != before, timeout=30_000)
    assert state.density.grid.nx == -(-canvas.width() // 8)


def test_a_window_dragged_on_the_strip_is_loaded_as_load_window_loads_it(
    qtbot, window, hive
) -> None:
    state = open_in(qtbot, window, hive, SMALL_BUDGET)
    strip = window.replay.qt_timeline.strip
    start = state.span[0] + 30 * 3600  # 2024-05-02 06:00 UTC
    drag(strip, strip_x(strip, start + 300), strip_x(strip, start + 3300))
    qtbot.waitUntil(lambda: state.window_state == LOADED, timeout=30_000)
    assert state.chosen == (start, start + 3600)  # snapped to the hour
    (item,) = [i for i in window.session.tracks.items if i.path == state.key]
    with open_archive(hive) as archive:
        want, _ = archive.load_window(Window(start, start + 3600), window.session.state.projection)
    assert_same_tracks(item.trackset, want)
    assert not window.archives.density.painter.shown  # replayed, not a heat grid
    words = f"{want.n_fixes:,} fixes loaded for 2024-05-02 06:00–07:00 UTC"
    assert window.last_message == words
    assert "06:00–07:00 UTC: " in window.archives.status.label.text()
    tl = window.session.timeline
    assert (tl.start, tl.end) == (start, start + 3600)
    # the wheel over the strip widens the window again: over the budget, density
    at = QPointF(strip.width() / 2, strip.height() / 2)
    for _ in range(12):  # wheel turned towards the user: wider, around the cursor
        notch = QWheelEvent(
            at,
            strip.mapToGlobal(at),
            QPoint(),
            QPoint(0, -3 * 120),
            Qt.NoButton,
            Qt.NoModifier,
            Qt.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(strip, notch)
    qtbot.waitUntil(lambda: state.window_state == OVER_BUDGET, timeout=30_000)
    assert not any(i.path == state.key for i in window.session.tracks.items)


def slow_overview(monkeypatch, sql: str, started: list) -> None:
    def activity(self, window=None, bin_seconds=3600.0, approximate=False, cancel=None):
        self._begin()
        started.append(time.monotonic())
        self.engine.fetch(sql, cancel)
        raise AssertionError("the slow query ran to its end")

    monkeypatch.setattr(Archive, "activity", activity)


def cancel_slow_overview(qtbot, window, monkeypatch, source: str, sql: str) -> float:
    """Open with an overview that would take minutes; while it runs the window keeps painting;
    Cancel stops it. Returns how long the query ran after Cancel."""
    started: list[float] = []
    slow_overview(monkeypatch, sql, started)
    window.archives.open_source(source)
    qtbot.waitUntil(lambda: bool(started), timeout=30_000)
    ticks = []
    timer = QTimer(window, interval=20, timeout=lambda: ticks.append(1))
    timer.start()
    qtbot.wait(600)
    assert len(ticks) >= 10  # the UI thread kept running while the engine worked
    button = window.archives.status.cancel_button
    assert button.isVisible() and window.archives.busy()
    clicked = time.monotonic()
    qtbot.mouseClick(button, Qt.LeftButton)
    qtbot.waitUntil(lambda: not window.archives.busy(), timeout=10_000)
    stopped = time.monotonic() - clicked
    timer.stop()
    assert window.last_message == "The activity per hour was cancelled"
    monkeypatch.undo()
    # the same engine answers the next question at once: the slow query is no longer running
    window.archives.show_whole()
    state = window.session.archive
    qtbot.waitUntil(lambda: state.activity is not None, timeout=30_000)
    return stopped


def test_cancel_stops_a_slow_query_in_the_engine(qtbot, window, hive, monkeypatch) -> None:
    stopped = cancel_slow_overview(qtbot, window, monkeypatch, hive, SLOW_DUCKDB)
    assert stopped < 5.0


def test_a_briefing_keeps_the_archive_and_opens_it_again(qtbot, window, hive, tmp_path) -> None:
    state = open_in(qtbot, window, hive)  # the default budget: the whole span replays
    assert state.window_state == LOADED and state.window_fixes == 22_348
    start = state.span[0] + 50 * 3600
    window.archives.choose_window(start + 60, start + 7000)  # snapped: 02:00-04:00 on day 3
    qtbot.waitUntil(lambda: state.window_state == LOADED, timeout=30_000)
    chosen = state.chosen
    path = tmp_path / "lesson.briefing.json"
    assert window.briefings.save_briefing_as(str(path))
    saved = json.loads(path.read_text())
    assert saved["files"] == []  # the window is not a track file
    (ref,) = saved["archives"]
    assert not ref["source"].startswith("/")  # relative to the briefing
    assert ref["start"].startswith("2024-05-03T02:00:00") and ref["end"].startswith(
        "2024-05-03T04:00:00"
    )
    window.archives.close_archive()
    assert not state.is_open and not window.session.tracks.items
    assert window.briefings.open_briefing(path)
    qtbot.waitUntil(lambda: state.is_open and state.window_state == LOADED, timeout=30_000)
    assert state.chosen == chosen
    (item,) = [i for i in window.session.tracks.items if i.path == state.key]
    with open_archive(hive) as archive:
        want, _ = archive.load_window(Window(*chosen), window.session.state.projection)
    assert_same_tracks(item.trackset, want)


def test_the_counts_chart_shows_the_engines_counts(qtbot, window, hive) -> None:
    state = open_in(qtbot, window, hive, SMALL_BUDGET)
    window.archives.count_act.trigger()
    qtbot.waitUntil(lambda: state.zone_counts is not None, timeout=120_000)
    panel = window.zone_events.counts_panel
    assert "whole archive hive" in panel.source.currentText()
    panel.zone.setCurrentText("taiwan_adiz")
    with open_archive(hive) as archive:
        want = archive.zone_counts(load_catalog().analysis_zones()).counts_for("taiwan_adiz")
    shown = panel.bars.counts
    # the generated flights carry no aircraft type: all of them are counted apart (unknown)
    assert shown is not None and float(want.apart.to_numpy().sum()) > 0
    pd.testing.assert_frame_equal(shown.table, want.table)
    pd.testing.assert_frame_equal(shown.apart, want.apart)
    assert (
        "Aircraft entering Taiwan ADIZ per MND day" in panel.title.text()
    )  # the name shown, not the id


def test_the_charts_zone_is_counted_first_then_the_others(qtbot, window, hive, monkeypatch) -> None:
    """The whole archive counted in two passes: the zone on the chart (shown as soon as it is
    counted: a year of 100M fixes, 25 s for one zone against a minute for all 17), then the
    others; a zone not reached says so rather than showing nothing as zero."""
    asked: list[list[str]] = []
    count = Archive.zone_counts

    def recorded(self, zones, *args, **kw):
        asked.append([z.id for z in zones])
        return count(self, zones, *args, **kw)

    monkeypatch.setattr(Archive, "zone_counts", recorded)
    state = open_in(qtbot, window, hive, SMALL_BUDGET)
    panel = window.zone_events.counts_panel
    first = []
    state.events.connect("counts", first.append)
    window.archives.count_act.trigger()
    qtbot.waitUntil(lambda: state.zone_counts is not None and not state.zone_counts.pending,
                    timeout=120_000)  # fmt: skip
    every = [z.id for z in load_catalog().analysis_zones()]
    assert asked[-2] == ["taiwan_adiz"] and sorted(asked[-1]) == sorted(
        set(every) - {"taiwan_adiz"}
    )
    assert first[0].pending and "taiwan_adiz" not in first[0].pending  # shown before the rest
    assert set(first[0].pending) == set(every) - {"taiwan_adiz"}
    with open_archive(hive) as archive:
        want = archive.zone_counts(load_catalog().analysis_zones())
    for zone in ("taiwan_adiz", "median_line", "china_ecs_adiz"):
        got = state.zone_counts.counts_for(zone)
        pd.testing.assert_frame_equal(got.table, want.counts_for(zone).table)
    # a count stopped after the first pass: the zones it did not reach say so
    panel.set_archive(panel._archive_name, first[0])
    panel.count_stopped()
    panel.zone.setCurrentIndex(panel.zone.findData("median_line"))
    assert "not counted" in panel.title.text() and panel.bars.counts is None


# ---------------------------------------------------------------------------- PostgreSQL
def test_a_postgis_table_in_the_window(qtbot, window, postgres, monkeypatch) -> None:  # noqa: F811
    url = f"{postgres.url}&table=fixes"
    state = open_in(qtbot, window, url, SMALL_BUDGET)
    with open_archive(url) as archive:
        activity = archive.activity(approximate=True)
    np.testing.assert_array_equal(state.activity.fixes, activity.fixes)
    np.testing.assert_array_equal(state.activity.tracks, activity.tracks)
    assert "(PostgreSQL/PostGIS)" in window.archives.status.label.text()
    window.archives.close_archive()
    stopped = cancel_slow_overview(qtbot, window, monkeypatch, url, SLOW_POSTGRES)
    assert stopped < 5.0
    import psycopg

    with psycopg.connect(postgres.url, autocommit=True) as con:
        running = con.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE query LIKE '%pg_sleep(600)%' "
            "AND state = 'active' AND pid <> pg_backend_pid()"
        ).fetchone()[0]
    assert running == 0  # cancelled in the server, not only abandoned by the client


def test_a_drag_over_the_event_markers_chooses_a_window(qtbot, window, hive) -> None:
    """A loaded window shows its zone events as markers above the bars; a drag below their band
    selects a range even where markers stand close together (a click on one still jumps)."""
    state = open_in(qtbot, window, hive)  # the default budget: the whole span replays
    assert state.window_state == LOADED
    strip = window.replay.qt_timeline.strip
    qtbot.waitUntil(lambda: len(strip.marker_times) > 20, timeout=30_000)
    m = float(strip.marker_times[len(strip.marker_times) // 3])
    x0 = strip_x(strip, m)
    assert strip.marker_at(x0) is not None  # at any height this press once jumped to it
    drag(strip, x0, strip_x(strip, m + 2400))
    qtbot.waitUntil(lambda: state.chosen != state.span, timeout=10_000)
    qtbot.waitUntil(lambda: state.window_state == LOADED, timeout=30_000)
    a, b = state.chosen
    assert b - a in (3600, 7200) and a <= m <= b  # snapped outwards to whole hours
    # a click in the markers' band still jumps to the marker
    tl = window.session.timeline
    qtbot.waitUntil(
        lambda: len(strip.marker_times) > 0 and strip.marker_times.min() >= a, timeout=30_000
    )  # the window's own events
    m = float(strip.marker_times[len(strip.marker_times) // 2])
    QTest.mouseClick(strip, Qt.LeftButton, Qt.NoModifier, QPoint(strip_x(strip, m), 3))
    assert abs(tl.time - m) < (tl.end - tl.start) / strip.width() * 8


@pytest.mark.parametrize("choice", ["new", "add"])
def test_opening_an_archive_over_the_sample_asks_add_or_new(
    qtbot, window, hive, monkeypatch, choice
) -> None:
    """File > Open archive… with the illustrative sample open: "New briefing" leaves the
    sample's tracks and its notice behind; "Add to this briefing" keeps them."""
    assert window.briefings.open_briefing(DEFAULT_BRIEFING)
    qtbot.waitUntil(lambda: len(window.session.tracks.items) > 0, timeout=60_000)
    sample = {item.path for item in window.session.tracks.items}
    assert window.session.briefing.notice  # "illustrative"
    QSettings(ORG_NAME, ORG_NAME).remove(CHOICE_KEY)  # no answer remembered by another test
    asked = []
    window.documents.ask_add_or_new = lambda paths: asked.append(paths) or choice
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: hive)
    window.archives.open_act.trigger()
    state = window.session.archive
    qtbot.waitUntil(lambda: state.window_state in (LOADED, OVER_BUDGET), timeout=30_000)
    assert asked == [[hive]]
    paths = {item.path for item in window.session.tracks.items}
    if choice == "new":
        assert window.session.briefing.title == "hive" and not window.session.briefing.notice
        assert paths == {state.key}
    else:
        assert window.session.briefing.notice and paths == sample | {state.key}


def test_the_strip_shows_the_estimate_until_the_exact_overview(
    qtbot, window, hive, monkeypatch
) -> None:
    """Over Parquet the strip is drawn at once from the files' statistics (fixes per hour,
    estimated), over the whole span; the engine's exact activity replaces it when it comes."""
    release = threading.Event()
    exact = Archive.activity

    def held(self, *args, **kwargs):
        assert release.wait(30)
        return exact(self, *args, **kwargs)

    monkeypatch.setattr(Archive, "activity", held)
    window.archives.open_source(hive)
    state = window.session.archive
    strip = window.replay.qt_timeline.strip
    with open_archive(hive) as archive:
        estimate = archive.activity_estimate()
    assert estimate is not None
    qtbot.waitUntil(lambda: state.is_open and len(strip.counts) > 0, timeout=30_000)
    edges, fixes, _ = dense_activity(estimate, state.span)
    np.testing.assert_array_equal(strip.counts, fixes)  # fixes per hour, estimated
    np.testing.assert_array_equal(strip.edges, edges)
    assert state.activity is None
    tl = window.session.timeline
    assert (tl.start, tl.end) == state.span and window.replay.qt_timeline.isEnabled()
    release.set()
    qtbot.waitUntil(lambda: state.activity is not None, timeout=30_000)
    qtbot.waitUntil(lambda: state.window_state in (LOADED, OVER_BUDGET), timeout=30_000)
    if state.window_state != LOADED:
        _, _, tracks = dense_activity(state.activity, state.span)
        np.testing.assert_array_equal(strip.counts, tracks)
