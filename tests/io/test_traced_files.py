"""Traced tracks saved as CSV / GeoJSON: the readers take them, they replay identically, and
save → open → save gives the same file. Reported daily counts read with clear errors."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from viewer.core.catalog import load_catalog
from viewer.core.tracing import (
    Timing,
    TracedScenario,
    TracedTrack,
    TracingError,
    provenance,
    scenario_frame,
)
from viewer.core.tracks import TrackSet
from viewer.core.zones import compute_zone_events
from viewer.io.registry import load_trackset
from viewer.io.report import TrackImportError
from viewer.io.reported_counts import read_reported_counts
from viewer.io.traced_files import open_traced, save_traced

T0 = datetime(2021, 10, 4, 2, 5, tzinfo=UTC)


def scenario() -> TracedScenario:
    """The shape of a record-day sortie: J-16s from the south-west across the Bashi Channel and
    back, H-6Ks round the south, a Y-8 into the south-west corner and out."""
    j16 = TracedTrack(
        "J-16 A",
        "fighter",
        4,
        ((117.0, 22.2), (119.0, 21.4), (120.8, 20.9), (121.9, 21.4), (120.6, 21.2), (118.0, 22.0)),
        Timing.at_speed(T0, 430.0),
        label="J-16 ×4 (illustrative)",
    )
    return TracedScenario(
        (
            j16,
            j16.duplicated("J-16 B", timedelta(minutes=12)),
            TracedTrack(
                "H-6K",
                "bomber",
                2,
                ((117.5, 22.8), (119.8, 21.2), (121.6, 20.6), (122.9, 21.8), (123.4, 23.5)),
                Timing.between(T0 + timedelta(minutes=20), T0 + timedelta(hours=2)),
                callsign="H6K-1",
            ),
            TracedTrack(
                "Y-8 ASW",
                "isr",
                1,
                ((118.0, 23.0), (119.6, 22.3), (120.3, 21.9), (119.0, 22.6)),
                Timing.at_vertices({0: T0, 2: T0 + timedelta(minutes=50)}),
            ),
        ),
        source=provenance("MND 2021-10-04 map.png", "2026-11-25"),
    )


@pytest.mark.parametrize("suffix", [".csv", ".geojson"])
def test_save_open_save_gives_the_same_file(tmp_path: Path, suffix: str) -> None:
    first = save_traced(scenario(), tmp_path / f"a{suffix}")
    reopened = open_traced(first)
    second = save_traced(reopened, tmp_path / f"b{suffix}")
    assert first.read_bytes() == second.read_bytes()
    assert reopened.source == scenario().source
    assert {t.id: (t.kind, t.count) for t in reopened.tracks} == {
        "J-16 A": ("fighter", 4),
        "J-16 B": ("fighter", 4),
        "H-6K": ("bomber", 2),
        "Y-8 ASW": ("isr", 1),
    }


@pytest.mark.parametrize("suffix", [".csv", ".geojson"])
def test_the_file_carries_its_provenance(tmp_path: Path, suffix: str) -> None:
    path = save_traced(scenario(), tmp_path / f"a{suffix}")
    text = path.read_text(encoding="utf-8")
    assert "traced from MND 2021-10-04 map.png on 2026-11-25, illustrative" in text
    if suffix == ".csv":
        frame = pd.read_csv(path)
        assert (frame["source"] == scenario().source).all()
    else:
        doc = json.loads(text)
        assert doc["adiz_viewer"]["source"] == scenario().source
        assert all(f["properties"]["source"] == scenario().source for f in doc["features"])


@pytest.mark.parametrize("suffix", [".csv", ".geojson"])
def test_every_saved_label_says_traced_and_illustrative(tmp_path: Path, suffix: str) -> None:
    path = save_traced(scenario(), tmp_path / f"a{suffix}")
    if suffix == ".csv":
        rows = pd.read_csv(path, usecols=["track_id", "label"])
        labels = dict(zip(rows["track_id"], rows["label"], strict=True))
    else:
        feats = json.loads(path.read_text(encoding="utf-8"))["features"]
        labels = {f["properties"]["track_id"]: f["properties"]["label"] for f in feats}
    assert labels == {
        "J-16 A": "J-16 ×4 (traced, illustrative)",  # "(illustrative)" is not said twice
        "J-16 B": "J-16 ×4 (traced, illustrative)",
        "H-6K": "H6K-1 ×2 (traced, illustrative)",  # no label: the callsign, the aircraft
        "Y-8 ASW": "Y-8 ASW (traced, illustrative)",  # nor a callsign: the id
    }
    # opened for editing, the labels are what was typed (saving again adds the mark once)
    typed = {t.id: t.label for t in open_traced(path).tracks}
    assert typed["J-16 A"] == "J-16 ×4" and typed["H-6K"] == "H6K-1 ×2"


def _events(trackset: TrackSet) -> pd.DataFrame:
    catalog = load_catalog()
    ev = compute_zone_events(trackset, catalog.analysis_zones())
    return ev.sort_values(["track_id", "zone_id", "time"]).reset_index(drop=True)


@pytest.mark.parametrize("suffix", [".csv", ".geojson"])
def test_the_traced_file_replays_like_the_traced_tracks(tmp_path: Path, suffix: str) -> None:
    direct = TrackSet.from_frame(scenario_frame(scenario()))
    loaded, report = load_trackset(save_traced(scenario(), tmp_path / f"a{suffix}"))
    assert not report.skipped
    assert loaded.traced  # replayed as drawn paths: no "no data" gaps between vertices
    assert loaded.n_tracks == direct.n_tracks == 4 and loaded.n_fixes == direct.n_fixes
    order = [list(direct.ids).index(t) for t in loaded.ids]
    assert [direct.ids[i] for i in order] == list(loaded.ids)
    d_lon = np.concatenate([direct.lon[direct.track_slice(i)] for i in order])
    d_t = np.concatenate([direct.t[direct.track_slice(i)] for i in order])
    assert np.allclose(loaded.lon, d_lon, atol=1e-6)
    assert np.allclose(loaded.t, d_t, atol=1e-3)  # milliseconds in the file
    ev_direct, ev_loaded = _events(direct), _events(loaded)
    assert len(ev_direct) > 0  # the scenario does enter zones
    assert ev_loaded[["track_id", "zone_id", "event"]].equals(
        ev_direct[["track_id", "zone_id", "event"]]
    )
    dt = (ev_loaded["time"] - ev_direct["time"]).abs().dt.total_seconds()
    assert dt.max() < 0.01


def test_a_track_file_from_elsewhere_opens_for_editing(tmp_path: Path) -> None:
    path = tmp_path / "colleague.csv"
    path.write_text(
        "callsign,timestamp,latitude,longitude,type\n"
        "ZZ01,2021-10-04T02:00:00Z,21.0,119.0,J-16\n"
        "ZZ01,2021-10-04T02:10:00Z,21.2,120.0,J-16\n",
        encoding="utf-8",
    )
    sc = open_traced(path)
    assert [(t.id, t.kind, len(t.points)) for t in sc.tracks] == [("ZZ01", "fighter", 2)]
    assert sc.source == ""
    assert not load_trackset(path)[0].traced  # an ordinary track file keeps its gaps


def test_one_fix_tracks_and_odd_suffixes_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "one.csv"
    path.write_text("track_id,time,lat,lon\nA,2021-10-04T02:00:00Z,21,119\n", encoding="utf-8")
    with pytest.raises(TrackImportError, match="one fix"):
        open_traced(path)
    with pytest.raises(TracingError, match=r"\.csv or \.geojson"):
        save_traced(scenario(), tmp_path / "x.kml")


def test_reported_counts_read_kinds_and_types(tmp_path: Path) -> None:
    path = tmp_path / "counts.csv"
    path.write_text(
        "\ufeffDate;Kind;Count;Source\r\n"
        "2021-10-04;J-16;38;MND\r\n2021-10-04;H-6K;12;MND\r\n2021-10-04;isr;2;\r\n\r\n",
        encoding="utf-8",
    )
    counts = read_reported_counts(path)
    assert [(c.date.isoformat(), c.kind, c.count, c.source) for c in counts] == [
        ("2021-10-04", "fighter", 38, "MND"),
        ("2021-10-04", "bomber", 12, "MND"),
        ("2021-10-04", "isr", 2, ""),
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("day,n\n2021-10-04,3\n", "no date, kind, count column"),
        ("date,kind,count\n4 Oct,J-16,3\n", "line 2: date '4 Oct'"),
        ("date,kind,count\n2021-10-04,zeppelin,3\n", "line 2: kind 'zeppelin'"),
        ("date,kind,count\n2021-10-04,J-16,-3\n2021-10-05,J-16,x\n", "2 row"),
        ("date,kind,count\n", "only its header"),
    ],
)
def test_bad_reported_counts_name_the_line(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "counts.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(TrackImportError, match=message):
        read_reported_counts(path)
