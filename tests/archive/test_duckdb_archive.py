"""A partitioned Parquet archive through DuckDB gives the same fixes, events and counts as the
same rows read as one CSV."""

from __future__ import annotations

import shutil
import threading
import time

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tests.archive.equalities import (
    assert_same_counts,
    assert_same_events,
    assert_same_tracks,
    csv_window,
)
from viewer.core.zones import compute_zone_events
from viewer.io.archive import (
    ArchiveError,
    Grid,
    OverBudget,
    QueryCancelled,
    Window,
    open_archive,
)
from viewer.io.registry import ReadOptions


@pytest.fixture(scope="module", params=["hive", "by_name"])
def archive(request, archive_files):
    with open_archive(archive_files[request.param]) as opened:
        yield opened


def test_columns_and_units_recognised_as_for_the_file(archive, csv_trackset) -> None:
    info = archive.info
    assert info.engine == "DuckDB"
    assert info.column_map["track_id"] == "icao24"
    assert info.column_map["speed_kt"] == "velocity"
    assert info.units["speed_kt"].startswith("m/s")
    assert info.fixes == csv_trackset.n_fixes
    assert info.time_start.timestamp() == pytest.approx(csv_trackset.t.min(), abs=1e-6)
    assert info.time_end.timestamp() == pytest.approx(csv_trackset.t.max(), abs=1e-6)
    assert "partition" not in " ".join(info.notices)  # the file names' dates were right


def test_whole_span_loads_the_same_tracks_as_the_csv(archive, csv_trackset) -> None:
    trackset, report = archive.load_window(Window())
    assert_same_tracks(trackset, csv_trackset)
    assert report.fixes == csv_trackset.n_fixes and report.tracks == csv_trackset.n_tracks


@pytest.mark.parametrize(
    "window",
    [
        Window("2024-05-02T06:00Z", "2024-05-02T07:00Z"),
        Window("2024-05-01T22:30Z", "2024-05-02T03:10Z", (119.0, 22.0, 123.5, 25.0)),
    ],
    ids=["one hour", "hours across midnight in a box"],
)
def test_a_window_loads_what_the_csv_holds_in_it(archive, archive_files, window) -> None:
    trackset, report = archive.load_window(window)
    assert_same_tracks(trackset, csv_window(archive_files["csv"], window))
    assert "window:" in " ".join(report.notices)


def test_window_events_equal_the_csv_events(archive, archive_files, zones) -> None:
    window = Window("2024-05-01T00:00Z", "2024-05-02T12:00Z")
    trackset, _ = archive.load_window(window)
    got = compute_zone_events(trackset, zones)
    want = compute_zone_events(csv_window(archive_files["csv"], window), zones)
    assert len(got) > 20
    pd.testing.assert_frame_equal(got, want)


def test_activity_per_hour_equals_the_csv(archive, csv_trackset) -> None:
    activity = archive.activity()
    hours = np.floor(csv_trackset.t / 3600) * 3600
    track = csv_trackset.track_index()
    frame = pd.DataFrame({"hour": hours, "track": track})
    want = frame.groupby("hour").agg(fixes=("track", "size"), tracks=("track", "nunique"))
    np.testing.assert_array_equal(activity.bin_start, want.index.to_numpy())
    np.testing.assert_array_equal(activity.fixes, want["fixes"].to_numpy())
    np.testing.assert_array_equal(activity.tracks, want["tracks"].to_numpy())
    approx = archive.activity(approximate=True)
    np.testing.assert_allclose(approx.tracks, activity.tracks, rtol=0.1)


def test_density_grid_equals_the_csv(archive, csv_trackset) -> None:
    grid = Grid((118.0, 21.0, 127.0, 26.5), 90, 55)
    window = Window("2024-05-01T12:00Z", "2024-05-02T12:00Z")
    density = archive.density(grid, window)
    t = csv_trackset.t
    keep = (t >= window.start_s) & (t < window.end_s)
    want, _, _ = np.histogram2d(
        csv_trackset.lat[keep],
        csv_trackset.lon[keep],
        bins=(55, 90),
        range=((21.0, 26.5), (118.0, 127.0)),
    )
    assert density.total == int(want.sum()) > 1000
    # cells agree but for fixes within rounding of a cell edge
    assert np.abs(density.counts - want).sum() <= 2


def test_zone_counts_per_day_equal_the_apps_counts(archive, csv_trackset, zones) -> None:
    counts = archive.zone_counts(zones, keep_events=True)
    assert_same_counts(counts, csv_trackset, zones)
    assert_same_events(counts.events, csv_trackset, zones)


def test_zone_counts_chunk_by_chunk_equal_one_pass(archive, csv_trackset, zones) -> None:
    whole = archive.zone_counts(zones)
    chunked = archive.zone_counts(zones, chunk_fixes=1000)
    assert chunked.chunks > 10 and whole.chunks == 1
    pd.testing.assert_frame_equal(chunked.table, whole.table)


def test_zone_counts_of_a_window_in_a_box(archive, archive_files, zones) -> None:
    window = Window("2024-05-01T10:00Z", "2024-05-02T20:00Z", (119.0, 21.5, 124.0, 25.5))
    counts = archive.zone_counts(zones, window, keep_events=True)
    trackset = csv_window(archive_files["csv"], window)
    assert_same_counts(counts, trackset, zones)
    assert_same_events(counts.events, trackset, zones)


def test_a_window_over_the_budget_is_refused_before_reading(archive) -> None:
    with pytest.raises(OverBudget) as caught:
        archive.load_window(Window("2024-05-01T00:00Z", "2024-05-03T00:00Z"), budget=1000)
    assert caught.value.fixes > 1000
    assert "replay budget of 1,000" in str(caught.value)


def test_partitions_outside_a_window_are_not_read(archive_files) -> None:
    with open_archive(archive_files["hive"]) as archive:
        engine = archive.engine
        hour = Window("2024-05-02T06:00Z", "2024-05-02T07:00Z")
        files = engine.files_for(hour)
        assert 0 < len(files) <= 30 < len(engine.files)  # the hour, and 14 h either side
        assert all("2024-05-03" not in str(f) or "hour=0" in str(f) for f in files)
        sql = archive.query(hour).activity(hour)
        assert "baroaltitude" not in sql and "callsign" not in sql  # only what it needs
        assert "TIMESTAMPTZ '2024-05-02 06:00:00.000000+00'" in sql  # on the column itself


def test_cancel_stops_the_running_query_in_duckdb(archive_files) -> None:
    with open_archive(archive_files["hive"]) as archive:
        slow = "SELECT count(*) FROM range(3000000000) AS a WHERE a.range % 7 = 3"
        timer = threading.Timer(0.3, archive.cancel)
        timer.start()
        started = time.perf_counter()
        with pytest.raises(QueryCancelled):
            archive.engine.fetch(slow)
        assert time.perf_counter() - started < 5.0
        archive.engine.reset_cancel()
        assert archive.count() > 0  # the connection still answers

        flag = threading.Event()
        threading.Timer(0.3, flag.set).start()
        started = time.perf_counter()
        with pytest.raises(QueryCancelled):
            archive.engine.fetch(slow, cancel=flag.is_set)
        assert time.perf_counter() - started < 5.0


def test_zone_counts_cancelled_leave_the_archive_usable(archive_files, zones) -> None:
    with open_archive(archive_files["hive"]) as archive:
        calls = []

        def cancel() -> bool:
            calls.append(1)
            return len(calls) > 12

        with pytest.raises(QueryCancelled):
            archive.zone_counts(zones, chunk_fixes=2000, cancel=cancel)
        assert archive.zone_counts(zones).table["events"].sum() > 0


# ---------------------------------------------------------------- what the archive refuses
def test_errors_name_the_source_and_what_was_expected(tmp_path) -> None:
    with pytest.raises(ArchiveError, match="no Parquet files"):
        open_archive(tmp_path)
    folder = tmp_path / "naive"
    folder.mkdir()
    pq.write_table(
        pa.table(
            {
                "time": pa.array([0, 1_000_000], pa.timestamp("us")),
                "id": ["a", "a"],
                "lat": [24.0, 24.1],
                "lon": [121.0, 121.1],
            }
        ),
        folder / "day_2024-05-01.parquet",
    )
    with pytest.raises(ArchiveError, match="no time zone"):
        open_archive(folder)
    with open_archive(folder, ReadOptions(tz="Asia/Taipei")) as archive:
        trackset, _ = archive.load_window(Window())
        assert trackset.t[0] == -8 * 3600  # 1970-01-01 00:00 in Taipei
    nopos = tmp_path / "nopos"
    nopos.mkdir()
    pq.write_table(pa.table({"time": [1.0e9], "id": ["a"]}), nopos / "a.parquet")
    with pytest.raises(ArchiveError, match="no coordinates"):
        open_archive(nopos)
    with pytest.raises(ValueError, match="bbox must be west,south,east,north"):
        Window(bbox=(122, 20, 121, 25))
    with pytest.raises(ValueError, match=r"ends .* before it starts"):
        Window("2024-05-02T00:00Z", "2024-05-01T00:00Z")


def test_rows_a_reader_skips_are_skipped_and_clean_files_are_not_checked(
    archive_files, flights_table, csv_trackset, tmp_path
) -> None:
    """A clean archive's statistics spare the per-row checks; one bad file brings them back,
    and its bad rows are left out as the CSV reader skips them."""
    with open_archive(archive_files["hive"]) as clean:
        assert clean.engine.rows_valid
        assert "BETWEEN" not in clean.query(None).count(None)
    folder = tmp_path / "dirty"
    shutil.copytree(archive_files["hive"], folder)
    bad = flights_table.slice(0, 4).to_pandas()
    bad["icao24"] = ["", None, "bad1", "bad2"]
    bad.loc[2, "lat"] = 95.0
    bad.loc[3, "lon"] = float("nan")
    path = folder / "date=2024-05-01" / "hour=00" / "part-1.parquet"
    pq.write_table(pa.Table.from_pandas(bad, preserve_index=False), path)
    with open_archive(folder) as dirty:
        assert not dirty.engine.rows_valid
        assert dirty.count() == csv_trackset.n_fixes
        trackset, _ = dirty.load_window(Window())
        assert_same_tracks(trackset, csv_trackset)


def test_counts_equal_the_apps_along_coasts_and_across_gaps(tmp_path, zones) -> None:
    """Flights anywhere in the region (along China's coast, the East China Sea ADIZ's closure,
    where segments leave and re-enter a zone between two fixes) by a small fleet flying again
    days later (segments across gaps of days): the engine's events and counts are the app's."""
    from tests.archive.flights import days_of_flights, write_csv, write_hive
    from viewer.core.counts import entries_by_bin
    from viewer.io.registry import load_trackset

    table = days_of_flights(21, "2025-12-29", 3, 60, aircraft=25, step_s=(20, 90))
    write_hive(table, tmp_path / "hive", by_hour=False)
    write_csv(table, tmp_path / "all.csv")
    trackset, _ = load_trackset(tmp_path / "all.csv")
    with open_archive(tmp_path / "hive") as archive:
        counts = archive.zone_counts(zones, keep_events=True, chunk_fixes=4000)
    assert counts.chunks > 3
    want = assert_same_events(counts.events, trackset, zones, grazes=2)
    assert want["zone_id"].str.startswith("exercise").any() and want["across_gap"].any()
    for zone in zones:  # the chart's figures: tracks entering per MND day (all unknown kind)
        if zone.kind != "area":
            continue
        got = counts.counts_for(zone.id)
        expected = entries_by_bin(want, dict.fromkeys(trackset.ids, 1), zone.id)
        total = pd.concat([got.table, got.apart], axis=1).sum(axis=1)
        wanted = pd.concat([expected.table, expected.apart], axis=1).sum(axis=1)
        assert total[total > 0].to_dict() == wanted[wanted > 0].to_dict(), zone.id
