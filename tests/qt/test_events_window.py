"""Zone events in the window: computed in the background, listed, marked, a click jumps there."""

import numpy as np
import pandas as pd
import pytest
from PySide6.QtCore import Qt

from viewer.qt.events_panel import COLUMNS
from viewer.render.event_flash import LIVE_FLASH_S, MAX_FLASHES, EventFlashPainter

T0 = pd.Timestamp("2021-10-04T00:00:00Z")


@pytest.fixture
def with_events(qtbot, window, tmp_path):
    path = tmp_path / "in.csv"
    path.write_text(
        "id,time,lat,lon,type\n"
        "A,2021-10-04T00:00:00Z,24.0,124.0,J-16\n"  # in across the 123°E edge at 00:15
        "A,2021-10-04T00:30:00Z,24.0,122.0,J-16\n"  # (mirror-image fixes: half-way)
        "A,2021-10-04T01:00:00Z,24.0,124.0,J-16\n"  # out at 00:45
    )
    window.open_files([str(path)])
    qtbot.waitUntil(lambda: len(window.zone_events.events_panel.all_events) > 0, timeout=20_000)
    return window


def test_events_are_listed_and_marked_on_the_timeline(with_events):
    ev = with_events.zone_events.events_panel.all_events
    taiwan = ev[ev["zone_id"] == "taiwan_adiz"]
    assert list(taiwan["event"]) == ["entry", "exit"]
    assert abs(taiwan["time"].iloc[0] - (T0 + pd.Timedelta(minutes=15))) < pd.Timedelta("1ms")
    assert with_events.zone_events.events_panel.model.rowCount() == len(ev)
    strip = with_events.replay.qt_timeline.strip
    assert min(abs(strip.marker_times - (T0 + pd.Timedelta(minutes=15)).timestamp())) < 1e-3


def test_filter_by_zone(with_events):
    panel = with_events.zone_events.events_panel
    panel.zone_filter.setCurrentText("Taiwan ADIZ")  # the zone by its name, not its id
    assert panel.zone_filter.currentData() == "taiwan_adiz"
    assert panel.model.rowCount() == 2
    assert "2 of" in panel.count_label.text()
    zone_column = [c for c, _ in COLUMNS].index("zone_id")
    shown = {panel.model.index(r, zone_column).data() for r in range(panel.model.rowCount())}
    assert shown == {"Taiwan ADIZ (approx.)"}  # no internal id (taiwan_adiz) on screen


def test_clicking_an_event_jumps_the_replay_there(with_events):
    panel = with_events.zone_events.events_panel
    panel.zone_filter.setCurrentIndex(panel.zone_filter.findData("taiwan_adiz"))
    index = panel.model.index(0, 0)
    panel.table.clicked.emit(index)
    row = panel.model.frame.iloc[index.row()]
    assert with_events.session.timeline.time == pytest.approx(row["time"].timestamp())
    assert with_events.replay.track_painter.selected is not None


def test_sorting_by_a_column_holds_when_the_rows_are_refilled(with_events):
    panel = with_events.zone_events.events_panel
    assert len(panel.all_events) == 2  # an entry and its exit
    times = lambda: list(panel.model.frame["time"])  # noqa: E731
    panel.table.sortByColumn(0, Qt.DescendingOrder)  # the header clicked: newest first
    assert times() == sorted(times(), reverse=True) and times() != sorted(times())
    panel.table.selectRow(0)
    selected = panel.model.frame.iloc[panel.table.selectionModel().selectedRows()[0].row()]
    panel.table.sortByColumn(0, Qt.AscendingOrder)
    assert times() == sorted(times())
    moved = panel.model.frame.iloc[panel.table.selectionModel().selectedRows()[0].row()]
    assert moved.equals(selected)  # the selection follows its row
    panel.set_events(panel.all_events.iloc[::-1])  # refilled (live alerts each second)
    assert times() == sorted(times())
    inside = [c for c, _ in COLUMNS].index("seconds_inside")
    panel.table.sortByColumn(inside, Qt.AscendingOrder)
    shown = panel.model.frame["seconds_inside"].fillna(-1.0).tolist()
    assert shown == sorted(shown)


def test_export_csv(with_events, tmp_path):
    out = tmp_path / "events.csv"
    assert with_events.zone_events.events_panel.export_csv(str(out))
    back = pd.read_csv(out)
    assert "taiwan_adiz" in set(back["zone_id"]) and "path" not in back.columns


def test_events_flash_on_the_map_while_playing(with_events):
    flash = with_events.zone_events.flash
    entry = (T0 + pd.Timedelta(minutes=15)).timestamp()
    idx, age = flash.active(entry + 1.0)
    assert len(idx) >= 1 and (age >= 0).all() and (age <= 1).all()
    assert len(flash.active(entry + 86400.0)[0]) == 0
    with_events.replay.flash_act.trigger()  # off
    assert not flash.enabled


def test_a_flood_of_events_flashes_only_the_newest_and_live_flashes_last_in_feed_time():
    # 200 events in the last 100 s (a live feed of 2,000 aircraft raises that many)
    t = 1_700_000_000.0
    times = pd.to_datetime(t - np.arange(200)[::-1] * 0.5, unit="s", utc=True)
    events = pd.DataFrame({"time": times, "lon": 121.0, "lat": 23.0, "event": "entry"})
    live = [False]
    flash = EventFlashPainter(lambda: t, lambda: 300.0, lambda: live[0])
    flash.set_events(events)
    idx, _ = flash.active(t)  # 1 s = 5 min: 450 s of events would ring
    assert len(idx) == MAX_FLASHES and flash.times[idx[-1]] == t  # the newest
    live[0] = True  # the live edge: the clock runs with the wall; 10 s of the feed
    idx, age = flash.active(t)
    assert len(idx) == MAX_FLASHES and (age <= 1).all()
    assert len(flash.active(t + LIVE_FLASH_S + 0.1)[0]) == 0
    assert len(flash.active(t + LIVE_FLASH_S - 0.1)[0]) == 1


def test_flags_are_shown_in_words(qtbot, window, tmp_path):
    # a ship inside the "north" Justice Mission-2025 zone before it came into force (08:00
    # UTC+8); a fighter reporting every minute, with a 2-hour hole across the Taiwan ADIZ's
    # 123°E edge
    lines = [
        "S,2025-12-30T07:00:00+08:00,26.0,122.0,ship",
        "S,2025-12-30T09:00:00+08:00,26.05,122.05,ship",
    ]
    t = pd.Timestamp("2025-12-30T07:00:00+08:00")
    for m in range(10):
        lines.append(f"G,{(t + pd.Timedelta(minutes=m)).isoformat()},24.0,{123.3 - 0.01 * m},J-16")
    for m in range(10):
        when = t + pd.Timedelta(hours=2, minutes=m)
        lines.append(f"G,{when.isoformat()},24.0,{122.9 - 0.01 * m},J-16")
    path = tmp_path / "flags.csv"
    path.write_text("id,time,lat,lon,type\n" + "\n".join(lines) + "\n")
    window.open_files([str(path)])
    panel = window.zone_events.events_panel
    qtbot.waitUntil(lambda: len(panel.all_events) > 0, timeout=20_000)
    notes = [c for c, _ in COLUMNS].index("notes")

    def shown_notes():
        return [
            panel.model.data(panel.model.index(r, notes)) for r in range(panel.model.rowCount())
        ]

    panel.zone_filter.setCurrentIndex(panel.zone_filter.findData("exercise_2025_12:north"))
    assert shown_notes() == ["inside when the zone came into force"]
    tip = panel.model.data(panel.model.index(0, notes), Qt.ToolTipRole)
    assert "not a crossing" in tip
    assert panel.model.frame.iloc[0]["time"] == pd.Timestamp("2025-12-30T08:00+08:00")
    panel.zone_filter.setCurrentIndex(panel.zone_filter.findData("taiwan_adiz"))
    panel.kind_filter.setCurrentIndex(panel.kind_filter.findData("fighter"))
    assert shown_notes() == ["inferred across a gap"]
    labels = window.replay.qt_timeline.strip.marker_labels
    assert any(label.endswith("(inside when the zone came into force)") for label in labels)
    assert any(label.endswith("(inferred across a gap)") for label in labels)
