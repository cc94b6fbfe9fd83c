"""`adiz-viewer events`: one CSV row per event, to a file or standard output."""

import subprocess
import sys

import pandas as pd
import pytest

from tests.core.zone_answers import crossing_fractions
from viewer.app import main
from viewer.cli.events_cmd import OUTPUT_COLUMNS
from viewer.core.catalog import load_catalog

CSV = (
    "id,time,lat,lon,type\n"
    "A,2021-10-04T00:00:00Z,24.0,124.0,J-16\n"  # east of the Taiwan ADIZ ...
    "A,2021-10-04T00:30:00Z,24.0,122.0,J-16\n"  # ... in across the 123°E edge, half-way
    "M,2021-10-04T00:00:00Z,25.0,119.0,Y-8\n"  # west of the median line ...
    "M,2021-10-04T00:10:00Z,25.0,121.0,Y-8\n"  # ... across it eastward near 120°E
)

# Issue 15's cases as a user writes them: one file, several tracks, sparse fixes (UTC+8 times).
HAND = """track,time,lat,lon,kind
N,2025-12-30T09:00:00+08:00,26.1,121.4,ship
N,2025-12-30T10:00:00+08:00,26.1,122.9,ship
N29,2025-12-29T09:00:00+08:00,26.1,121.4,ship
N29,2025-12-29T10:00:00+08:00,26.1,122.9,ship
U,2021-10-04T08:00:00+08:00,25.6,123.0,ship
U,2021-10-04T10:00:00+08:00,25.85,123.9,ship
M,2021-10-04T08:00:00+08:00,25.5,119.5,fighter
M,2021-10-04T08:10:00+08:00,25.5,120.5,fighter
M,2021-10-04T08:20:00+08:00,25.5,121.5,fighter
C,2021-10-04T08:00:00+08:00,20.5,121.5,fighter
C,2021-10-04T08:10:00+08:00,21.0,121.5,fighter
C,2021-10-04T08:20:00+08:00,21.5,121.5,fighter
Z,2022-08-05T08:00:00+08:00,25.0,119.6,fighter
Z,2022-08-05T09:00:00+08:00,25.9,122.2,fighter
"""


def test_events_to_a_csv_file(tmp_path, capsys):
    src = tmp_path / "t.csv"
    src.write_text(CSV)
    out = tmp_path / "events.csv"
    assert main(["events", str(src), "--zones", "taiwan_adiz,median_line", "--out", str(out)]) == 0
    ev = pd.read_csv(out)
    entry = ev[(ev.track_id == "A") & (ev.zone_id == "taiwan_adiz")].iloc[0]
    assert entry.event == "entry" and entry.time == "2021-10-04T00:15:00Z"
    assert entry.lon == 123.0 and bool(entry.approximate)
    cross = ev[(ev.track_id == "M") & (ev.zone_id == "median_line")].iloc[0]
    assert (cross.event, cross.side) == ("crossing", "east")
    median = next(z for z in load_catalog().analysis_zones() if z.id == "median_line")
    (f,) = crossing_fractions((119.0, 25.0), (121.0, 25.0), median.geometry)
    expected = pd.Timestamp("2021-10-04T00:00:00Z") + pd.Timedelta(seconds=600 * f)
    assert abs(pd.Timestamp(cross.time) - expected) < pd.Timedelta(milliseconds=1)
    assert list(ev.columns) == list(OUTPUT_COLUMNS)
    assert list(ev.columns)[-3:] == ["inside_when_in_force", "across_gap", "near_line"]


def test_events_to_stdout_and_bad_input(tmp_path, capsys):
    src = tmp_path / "t.csv"
    src.write_text(CSV)
    assert main(["events", str(src)]) == 0
    assert "taiwan_adiz,entry" in capsys.readouterr().out
    assert main(["events", str(src), "--zones", "nowhere"]) == 2
    assert "unknown zone" in capsys.readouterr().err
    assert main(["events", str(src), "--crs", "EPSG:4326"]) == 2
    assert "--crs" in capsys.readouterr().err
    bad = tmp_path / "bad.csv"
    bad.write_text("x\n")
    assert main(["events", str(bad)]) == 2
    assert "bad.csv" in capsys.readouterr().err


@pytest.fixture(scope="module")
def hand_events(tmp_path_factory):
    """The hand-written file through the installed command, as a user runs it."""
    folder = tmp_path_factory.mktemp("hand")
    src, out = folder / "lesson.csv", folder / "events.csv"
    src.write_text(HAND)
    done = subprocess.run(
        [sys.executable, "-m", "viewer", "events", str(src), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    ev = pd.read_csv(out)
    ev["time"] = pd.to_datetime(ev["time"], utc=True, format="ISO8601")
    return ev


def rows(ev, track, zone):
    return ev[(ev.track_id == track) & (ev.zone_id == zone)].reset_index(drop=True)


def test_cli_a_segment_through_an_exercise_zone_on_30_december(hand_events):
    north = rows(hand_events, "N", "exercise_2025_12:north")
    assert list(north.event) == ["entry", "exit"]
    assert list(north.lon) == pytest.approx([121.66667, 122.6], abs=1e-6)
    assert north.time[0] > pd.Timestamp("2025-12-30T09:00+08:00")
    assert north.time[1] < pd.Timestamp("2025-12-30T10:00+08:00")
    # the same path a day early: the zones were not in force
    assert not hand_events[hand_events.track_id == "N29"].zone_id.str.startswith("exercise").any()


def test_cli_a_track_past_uotsuri_jima(hand_events):
    assert list(rows(hand_events, "U", "senkaku_12nmi").event) == ["entry", "exit"]
    assert list(rows(hand_events, "U", "senkaku_24nmi").event) == ["entry", "exit", "entry"]


def test_cli_a_fix_on_the_median_line_and_one_on_a_corner(hand_events):
    median = rows(hand_events, "M", "median_line")
    assert list(zip(median.event, median.side, strict=True)) == [("crossing", "east")]
    assert abs(median.time[0] - pd.Timestamp("2021-10-04T08:10+08:00")) < pd.Timedelta(seconds=1)
    assert not median.near_line[0]
    corner = rows(hand_events, "C", "taiwan_adiz")
    assert list(corner.event) == ["entry"]
    assert (corner.lon[0], corner.lat[0], corner.time[0]) == (
        121.5,
        21.0,
        pd.Timestamp("2021-10-04T08:10+08:00"),
    )


def test_cli_one_segment_across_two_zones_and_the_median_line(hand_events):
    z = hand_events[hand_events.track_id == "Z"]
    z = z[z.zone_id.str.startswith("exercise_2022_08") | (z.zone_id == "median_line")]
    assert list(zip(z.zone_id, z.event, strict=True)) == [
        ("exercise_2022_08:zone1", "entry"),
        ("median_line", "crossing"),
        ("exercise_2022_08:zone1", "exit"),
        ("exercise_2022_08:zone2", "entry"),
        ("exercise_2022_08:zone2", "exit"),
    ]
    assert not hand_events[["across_gap", "inside_when_in_force"]].any().any()
