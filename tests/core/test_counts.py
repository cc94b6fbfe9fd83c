"""Counts per day by kind, weighted by the aircraft a track stands for."""

from datetime import date

import pandas as pd
import pytest

from viewer.core.counts import (
    AIRCRAFT_KINDS,
    MND_DAY,
    ReportedCount,
    calendar_day,
    entries_by_bin,
    hourly,
    reference_figures,
    with_reported,
)


def test_entries_counted_once_per_track_per_day_in_the_zone_time():
    t = pd.to_datetime(
        ["2021-10-04T01:00Z", "2021-10-04T02:00Z", "2021-10-04T17:00Z", "2021-10-05T01:00Z"],
        utc=True,
    )
    events = pd.DataFrame(
        {
            "time": t,
            "track_id": ["A", "A", "B", "C"],
            "kind": ["fighter", "fighter", "bomber", "fighter"],
            "zone_id": "z",
            "event": "entry",
        }
    )
    c = entries_by_bin(events, {"A": 4, "B": 1, "C": 2}, "z", tz="Asia/Taipei", freq="D")
    # 17:00Z on the 4th is 01:00 on the 5th in Taipei
    assert list(c.totals) == [4.0, 3.0]
    assert c.table.loc[c.table.index[1], "bomber"] == 1.0


def test_reference_figures_are_those_of_the_reference():
    series = {s.id: s for s in reference_figures()}
    pla = series["pla_aircraft_taiwan_adiz"]
    assert pla.values[2022] == 1727 and pla.values[2024] == 3070
    assert series["ccg_days_senkaku_cz"].values[2025] == 357  # Kyodo, 31 Dec 2025


def _entries(times, tracks, kinds, paths=None) -> pd.DataFrame:
    df = pd.DataFrame(
        {
            "time": pd.to_datetime(times, utc=True),
            "track_id": tracks,
            "kind": kinds,
            "zone_id": "taiwan_adiz",
            "event": "entry",
        }
    )
    if paths is not None:
        df["path"] = paths
    return df


def test_mnd_day_runs_from_six_to_six_taipei_time():
    # 05:30 and 06:30 on 5 Oct in Taipei: the first is still MND's day of 4 Oct
    events = _entries(["2021-10-04T21:30Z", "2021-10-04T22:30Z"], ["A", "B"], ["fighter"] * 2)
    mnd = entries_by_bin(events, {}, "taiwan_adiz")  # MND's day is the default
    assert mnd.day == MND_DAY
    assert [t.isoformat() for t in mnd.table.index] == [
        "2021-10-04T06:00:00+08:00",
        "2021-10-05T06:00:00+08:00",
    ]
    assert list(mnd.totals) == [1.0, 1.0]
    taipei = entries_by_bin(events, {}, "taiwan_adiz", day=calendar_day("Asia/Taipei"))
    assert list(taipei.totals) == [2.0] and taipei.table.index[0].day == 5
    utc = entries_by_bin(events, {}, "taiwan_adiz", day=calendar_day("UTC"))
    assert list(utc.totals) == [2.0] and utc.table.index[0].day == 4
    hours = entries_by_bin(events, {}, "taiwan_adiz", day=hourly("Asia/Taipei"))
    assert list(hours.totals) == [1.0, 1.0] and hours.freq == "h"


def test_aircraft_only_ships_and_unknown_kinds_apart():
    events = _entries(
        ["2021-10-04T02:00Z"] * 5,
        ["J", "CCG1", "CCG2", "X", "B"],
        ["fighter", "ship", "ship", "unknown", "balloon"],  # a kind no reader gives: unknown
    )
    c = entries_by_bin(events, {"J": 4}, "taiwan_adiz")
    assert list(c.table.columns) == ["fighter"] and list(c.totals) == [4.0]
    assert c.apart.loc[c.apart.index[0], "ship"] == 2.0
    assert c.apart.loc[c.apart.index[0], "unknown"] == 2.0
    assert all(k in AIRCRAFT_KINDS for k in c.table.columns)


def test_a_track_crossing_in_several_times_counts_once_per_day_and_files_apart():
    # segment-based events: the same formation re-enters twice; the same id in two files is two
    events = _entries(
        ["2021-10-04T02:00Z", "2021-10-04T03:00Z", "2021-10-04T04:00Z", "2021-10-04T02:00Z"],
        ["A", "A", "A", "A"],
        ["fighter"] * 4,
        paths=["a.csv", "a.csv", "a.csv", "b.csv"],
    )
    c = entries_by_bin(events, {("a.csv", "A"): 4, ("b.csv", "A"): 2}, "taiwan_adiz")
    assert list(c.totals) == [6.0]
    only_b = entries_by_bin(events, {("b.csv", "A"): 2}, "taiwan_adiz", paths=["b.csv"])
    assert list(only_b.totals) == [2.0]


def test_reported_figures_sit_on_the_day_they_name():
    events = _entries(["2021-10-04T21:30Z", "2021-10-05T02:00Z"], ["A", "S"], ["fighter", "ship"])
    counts = entries_by_bin(events, {}, "taiwan_adiz")
    reported = [
        ReportedCount(date(2021, 10, 4), "fighter", 3, "MND"),
        ReportedCount(date(2021, 10, 5), "ship", 1, "MND"),
    ]
    cmp = with_reported(counts, reported)
    rows = [t.isoformat() for t in cmp.counts.table.index]
    assert rows == ["2021-10-04T06:00:00+08:00", "2021-10-05T06:00:00+08:00"]
    assert list(cmp.counts.totals) == [1.0, 0.0]
    assert list(cmp.reported["fighter"]) == [3.0, 0.0]
    assert list(cmp.counts.apart["ship"]) == [0.0, 1.0]
    assert list(cmp.reported_apart["ship"]) == [0.0, 1.0]
    assert cmp.source == "MND"
    with pytest.raises(ValueError, match="per day"):
        with_reported(entries_by_bin(events, {}, "taiwan_adiz", day=hourly("UTC")), reported)


def test_counts_follow_the_events_found_between_fixes():
    # two sparse tracks on 30 Dec 2025 (UTC+8): one passes through the "north" zone between two
    # fixes outside it; a ship is inside before the zone comes into force at 08:00
    from tests.core.zone_answers import tracks
    from viewer.core.catalog import load_catalog
    from viewer.core.zones import compute_zone_events

    north = next(z for z in load_catalog().analysis_zones() if z.id == "exercise_2025_12:north")
    n = [("2025-12-30T09:00+08:00", 121.4, 26.1), ("2025-12-30T10:00+08:00", 122.9, 26.1)]
    s = [("2025-12-30T07:00+08:00", 122.0, 26.0), ("2025-12-30T19:00+08:00", 122.1, 26.1)]
    ts = tracks(("N", n, "fighter"), ("S", s, "ship"))
    events = compute_zone_events(ts, [north])
    c = entries_by_bin(events, {"N": 2}, north.id, day=hourly("Asia/Taipei"))
    fighters = {t.hour: n for t, n in c.table["fighter"].items() if n}
    ships = {t.hour: n for t, n in c.apart["ship"].items() if n}
    assert fighters == {9: 2.0} and ships == {8: 1.0}  # the ship at 08:00, when in force
