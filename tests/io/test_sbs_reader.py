"""SBS-1 / BaseStation logs read as a track file (the sample follows woodair's field list)."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from viewer.core.catalog import load_catalog
from viewer.core.constants import FT_IN_M
from viewer.core.zones import compute_zone_events
from viewer.io.registry import ReadOptions, detect_format, load_trackset, read_tracks
from viewer.io.report import TimeZoneRequired, TrackImportError

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "live" / "taiwan_strait.sbs"
TAIPEI = ReadOptions(tz="Asia/Taipei")


def test_sbs_log_reads_as_tracks_with_the_documented_units():
    ts, report = load_trackset(SAMPLE, options=TAIPEI)
    assert list(ts.ids) == ["780a01", "7c6b2d", "8990a1"]
    assert list(ts.callsigns) == ["CES2185", "", "EVA12"]
    assert ts.n_fixes == 120 and report.fixes == 120
    first = ts.track_slice(0)
    # 14:00:00 in Taipei, the receiver's clock, is 06:00:00 UTC
    assert ts.t[first][0] == pd.Timestamp("2021-10-04T06:00:00Z").timestamp()
    assert ts.alt_m[first][0] == pytest.approx(31000 * FT_IN_M, rel=1e-6)
    # speed and track come in MSG,4 lines and are carried forward to the next position
    assert np.isnan(ts.speed_kt[first][0]) and ts.speed_kt[first][1] == 450.0
    assert ts.heading_deg[first][1] == 90.0
    assert report.schema == "SBS-1 / BaseStation (port 30003)"
    assert report.column_map["track_id"].startswith("HexIdent")
    assert report.units["alt_m"].startswith("ft") and report.units["speed_kt"].startswith("kt")


def test_a_median_line_crossing_where_the_track_meets_the_line():
    # CES2185 flies along 24.4N from 119.0E (06:00:00Z, 14:00 on the receiver's Taipei clock)
    # to 120.2E in 390 s; the line (27N 122E - 23N 118E) lies near 119.4E there: crossed
    # eastward about 130 s after 06:00:00Z (the exact point is the zone analysis's, #15)
    ts, _ = load_trackset(SAMPLE, options=TAIPEI)
    zones = [z for z in load_catalog().analysis_zones() if z.id == "median_line"]
    events = compute_zone_events(ts, zones)
    crossing = events[events["track_id"] == "780a01"].iloc[0]
    assert crossing["side"] == "east"
    start = pd.Timestamp("2021-10-04T06:00:00Z")
    assert start + pd.Timedelta(seconds=100) < crossing["time"] < start + pd.Timedelta(seconds=140)


def test_the_receivers_zone_is_asked_for_never_assumed():
    with pytest.raises(TimeZoneRequired, match=r"2021/10/04 14:00:00\.000"):
        load_trackset(SAMPLE)


def test_sbs_lines_are_recognised_whatever_the_extension(tmp_path):
    for name in ("capture.txt", "port30003.log", "dump.csv", "x.basestation"):
        path = tmp_path / name
        shutil.copy(SAMPLE, path)
        assert detect_format(path) == "sbs"
        assert read_tracks(path, TAIPEI).report.fixes == 120


def test_bad_lines_are_skipped_with_their_line_and_reason(tmp_path):
    lines = SAMPLE.read_text().splitlines()[:4]
    lines.insert(1, "MSG,3,1,1,NOTHEX,1,2021/10/04,14:00:01.000,,,,31000,,,24.4,119.1")
    lines.insert(2, "MSG,3,1,1,780a01,1,2021/10/04,14:00:02.000,,,,31000,,,24.4,east")
    lines.insert(3, "\x00\x01 binary")
    path = tmp_path / "bad.sbs"
    path.write_text("\n".join(lines) + "\n")
    result = read_tracks(path, TAIPEI)
    reasons = {r.line: r.reason for r in result.report.skipped}
    assert "HexIdent" in reasons[2] and "longitude" in reasons[3] and 4 in reasons
    assert len(result.frame) == 1


def test_a_file_without_sbs_messages_says_so(tmp_path):
    path = tmp_path / "x.sbs"
    path.write_text("hello,world\n1,2,3\n")
    with pytest.raises(TrackImportError, match="no SBS-1 messages"):
        read_tracks(path, TAIPEI)
