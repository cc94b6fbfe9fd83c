"""Live zone alerts: the events `compute_zone_events` gives for the whole file, found batch by
batch as the fixes arrive."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
import shapely

from viewer.core.live_alerts import AlertRule, ZoneAlerter
from viewer.core.live_store import NS, Fix
from viewer.core.tracks import TrackSet
from viewer.core.zones import AREA, LINE, Zone, compute_zone_events

T0 = 1_633_305_600
BOX = Zone("box", "Box", AREA, shapely.box(120.0, 23.0, 121.0, 24.0))
# the Taiwan Strait median line as published (S1): 27N 122E - 23N 118E
MEDIAN = Zone("median_line", "Median line", LINE, shapely.LineString([(122, 27), (118, 23)]))
ZONES = [BOX, MEDIAN]


def fix(track: str, seconds: float, lon: float, lat: float, kind: str = "fighter") -> Fix:
    return Fix(track, int(seconds * NS), lon, lat, kind=kind)


def zigzag(track: str, n: int, start: float = T0) -> list[Fix]:
    """A track in and out of the box and back and forth across the median line."""
    lon = 119.0 + 1.8 * (0.5 + 0.5 * np.sin(np.arange(n) / 3.0))
    lat = 23.5 + 0.3 * np.cos(np.arange(n) / 5.0)
    return [fix(track, start + 30 * i, float(lon[i]), float(lat[i])) for i in range(n)]


def events_of_file(fixes: list[Fix]) -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "track_id": [f.track_id for f in fixes],
            "time": pd.to_datetime([f.t_ns for f in fixes], unit="ns", utc=True),
            "lon": [f.lon for f in fixes],
            "lat": [f.lat for f in fixes],
            "kind": [f.kind for f in fixes],
        }
    )
    return compute_zone_events(TrackSet.from_frame(frame), ZONES)


def key(rows) -> list[tuple]:
    return sorted((r[0], round(r[1], 6), r[2], r[3], r[4]) for r in rows)


@pytest.mark.parametrize("batch", [1, 3, 17, 1000])
def test_batch_by_batch_alerts_are_the_files_events(batch):
    fixes = zigzag("a", 60) + zigzag("b", 45, start=T0 + 7)
    fixes.sort(key=lambda f: f.t_ns)  # as they would arrive
    alerter = ZoneAlerter(ZONES)
    alerts = []
    for i in range(0, len(fixes), batch):
        alerts += alerter.process(fixes[i : i + batch], received=0.0)
    expected = events_of_file(fixes)
    assert len(expected) > 10  # the zigzag does cross
    got = key((a.track_id, a.time, a.zone_id, a.event, a.side) for a in alerts)
    want = key(
        (r.track_id, r.time.timestamp(), r.zone_id, r.event, r.side)
        for r in expected.itertuples(index=False)
    )
    assert got == want


def test_fix_by_fix_a_fix_on_the_line_gives_its_crossing_once():
    # the sample's CES2185 has a fix exactly on the median line (24.4N 119.4E): judged with the
    # fixes on both sides of it, its crossing comes once, as from the file
    from pathlib import Path

    from viewer.core.catalog import load_catalog
    from viewer.io.registry import ReadOptions, load_trackset

    sample = Path(__file__).resolve().parents[1] / "data" / "live" / "taiwan_strait.sbs"
    ts, _ = load_trackset(sample, options=ReadOptions(tz="Asia/Taipei"))
    zones = load_catalog().analysis_zones()
    fixes = sorted(
        (Fix(str(ts.ids[k]), round(float(ts.t[i]) * NS), float(ts.lon[i]), float(ts.lat[i]))
         for k in range(ts.n_tracks) for i in range(*ts.track_slice(k).indices(ts.n_fixes))),
        key=lambda f: f.t_ns,
    )  # fmt: skip
    alerter = ZoneAlerter(zones)
    alerts = [a for f in fixes for a in alerter.process([f], received=0.0)]
    expected = compute_zone_events(ts, zones)
    assert "median_line" in set(expected.zone_id)
    got = key((a.track_id, a.time, a.zone_id, a.event, a.side) for a in alerts)
    want = key(
        (r.track_id, r.time.timestamp(), r.zone_id, r.event, r.side)
        for r in expected.itertuples(index=False)
    )
    assert got == want


def test_a_track_starting_inside_enters_at_its_start_once():
    alerter = ZoneAlerter([BOX])
    first = alerter.process([fix("a", T0, 120.5, 23.5)], received=0.0)
    assert [(a.event, a.at_track_start) for a in first] == [("entry", True)]
    later = alerter.process([fix("a", T0 + 30, 120.6, 23.5)], received=0.0)
    assert later == []  # the next batch starts at a fix already judged: not a new entry


def test_exit_says_how_long_the_track_was_inside():
    alerter = ZoneAlerter([BOX])
    alerts = alerter.process(
        [fix("a", T0, 119.5, 23.5), fix("a", T0 + 100, 120.5, 23.5)], received=0.0
    )
    alerts += alerter.process([fix("a", T0 + 200, 121.5, 23.5)], received=0.0)
    entry, exit_ = alerts
    assert entry.time == pytest.approx(T0 + 50, abs=1.0) and math.isnan(entry.seconds_inside)
    assert exit_.time == pytest.approx(T0 + 150, abs=1.0)
    assert exit_.seconds_inside == pytest.approx(exit_.time - entry.time)


def test_median_line_crossing_is_the_files_and_names_the_side():
    # along 24.4N from 119.0E to 120.2E in 390 s: the line (27N 122E - 23N 118E) is crossed
    # near 119.4E, eastward; time and point as `compute_zone_events` finds them for a file
    fixes = [fix("a", T0, 119.0, 24.4), fix("a", T0 + 390, 120.2, 24.4)]
    (alert,) = ZoneAlerter([MEDIAN]).process(fixes, received=0.0)
    (event,) = events_of_file(fixes).query("zone_id == 'median_line'").itertuples(index=False)
    assert (alert.event, alert.side) == ("crossing", "east")
    assert alert.time == pytest.approx(event.time.timestamp(), abs=1e-3)
    assert (alert.lon, alert.lat) == pytest.approx((event.lon, event.lat))
    assert 119.3 < alert.lon < 119.45 and T0 + 100 < alert.time < T0 + 140
    parts = alert.line().split("\t")
    assert parts[1:5] == ["a", "median_line", "crossing", "to=east"]
    assert (
        parts[0]
        == pd.Timestamp(alert.time, unit="s", tz="UTC").strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
    )


def test_rules_choose_by_zone_kind_event_and_side():
    fixes = [fix("f", T0, 119.0, 24.4), fix("f", T0 + 390, 120.2, 24.4)]
    ship = [fix("s", T0, 119.0, 24.6, kind="ship"), fix("s", T0 + 390, 120.2, 24.6, kind="ship")]

    def alerts_with(rule: AlertRule) -> list[tuple[str, str]]:
        alerter = ZoneAlerter(ZONES, [rule])
        return [(a.track_id, a.zone_id) for a in alerter.process(fixes + ship, received=0.0)]

    assert alerts_with(AlertRule()) == [("f", "median_line"), ("s", "median_line")]
    assert alerts_with(AlertRule(kinds=frozenset({"ship"}))) == [("s", "median_line")]
    assert alerts_with(AlertRule(sides=frozenset({"west"}))) == []
    assert alerts_with(AlertRule(zones=frozenset({"box"}))) == []
    assert alerts_with(AlertRule(events=frozenset({"crossing"}), sides=frozenset({"east"}))) == [
        ("f", "median_line"),
        ("s", "median_line"),
    ]


def test_forgotten_tracks_start_again():
    alerter = ZoneAlerter([BOX])
    alerter.process([fix("a", T0, 120.5, 23.5)], received=0.0)
    assert alerter.tracks() == {"a"}
    alerter.forget({"a"})
    assert alerter.tracks() == set()
