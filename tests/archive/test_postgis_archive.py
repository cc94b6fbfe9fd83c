"""The same questions against a real PostgreSQL + PostGIS server (started by the test on a local
socket, stopped after): the same fixes, events and counts as the CSV."""

from __future__ import annotations

import itertools
import threading
import time

import numpy as np
import pandas as pd
import pytest

from tests.archive.equalities import (
    assert_same_counts,
    assert_same_events,
    assert_same_tracks,
    csv_window,
)
from tests.archive.postgis_data import GEOM_TABLE, PLAIN_TABLE
from viewer.io.archive import Grid, QueryCancelled, Window, open_archive


@pytest.fixture(scope="module", params=[GEOM_TABLE, PLAIN_TABLE])
def archive(request, postgres):
    with open_archive(f"{postgres.url}&table={request.param}") as opened:
        yield opened


def test_the_table_is_recognised_as_a_file_is(archive, csv_trackset) -> None:
    info = archive.info
    assert info.engine == "PostgreSQL/PostGIS"
    assert archive.engine.has_postgis
    assert info.column_map["track_id"] == "icao24"
    assert info.units["speed_kt"].startswith("m/s")
    assert info.fixes == csv_trackset.n_fixes
    assert info.time_start.timestamp() == pytest.approx(csv_trackset.t.min(), abs=1e-6)


def test_whole_span_and_a_window_load_the_csvs_tracks(archive, archive_files, csv_trackset):
    trackset, _ = archive.load_window(Window())
    assert_same_tracks(trackset, csv_trackset)
    window = Window("2024-05-01T22:30Z", "2024-05-02T03:10Z", (119.0, 22.0, 123.5, 25.0))
    trackset, _ = archive.load_window(window)
    assert_same_tracks(trackset, csv_window(archive_files["csv"], window))


def test_activity_and_density_equal_the_csv(archive, csv_trackset) -> None:
    activity = archive.activity()
    hours = np.floor(csv_trackset.t / 3600) * 3600
    frame = pd.DataFrame({"hour": hours, "track": csv_trackset.track_index()})
    want = frame.groupby("hour").agg(fixes=("track", "size"), tracks=("track", "nunique"))
    np.testing.assert_array_equal(activity.bin_start, want.index.to_numpy())
    np.testing.assert_array_equal(activity.fixes, want["fixes"].to_numpy())
    np.testing.assert_array_equal(activity.tracks, want["tracks"].to_numpy())
    grid = Grid((118.0, 21.0, 127.0, 26.5), 90, 55)
    density = archive.density(grid)
    counts, _, _ = np.histogram2d(
        csv_trackset.lat, csv_trackset.lon, bins=(55, 90), range=((21.0, 26.5), (118.0, 127.0))
    )
    assert density.total == int(counts.sum())
    assert np.abs(density.counts - counts).sum() <= 2


def test_zone_counts_in_postgis_equal_the_apps(archive, csv_trackset, zones) -> None:
    counts = archive.zone_counts(zones, keep_events=True, chunk_fixes=5000)
    assert counts.chunks > 3
    assert_same_counts(counts, csv_trackset, zones)
    assert_same_events(counts.events, csv_trackset, zones)


def test_cancel_stops_the_query_in_the_server(archive) -> None:
    timer = threading.Timer(0.3, archive.cancel)
    timer.start()
    started = time.perf_counter()
    with pytest.raises(QueryCancelled):
        archive.engine.fetch("SELECT pg_sleep(30)")
    assert time.perf_counter() - started < 5.0
    archive.engine.reset_cancel()
    assert archive.count(Window("2024-05-01T00:00Z", "2024-05-01T06:00Z")) > 0
    flag = threading.Event()
    threading.Timer(0.3, flag.set).start()
    with pytest.raises(QueryCancelled):
        archive.engine.fetch("SELECT pg_sleep(30)", cancel=flag.is_set)


# ---------------------------------------------------------------- passwords
class MemoryKeyring:
    """A keyring backend holding passwords in memory (the keyring API, no system service)."""

    def __init__(self) -> None:
        import keyring.backend

        class _Backend(keyring.backend.KeyringBackend):
            priority = 1  # type: ignore[assignment]

            def __init__(self) -> None:
                super().__init__()
                self.store: dict = {}

            def get_password(self, service, username):
                return self.store.get((service, username))

            def set_password(self, service, username, password):
                self.store[(service, username)] = password

            def delete_password(self, service, username):
                self.store.pop((service, username), None)

        self.backend = _Backend()


@pytest.fixture
def analyst(postgres):
    """A database user with a password: local connections as anyone but the superuser need it."""
    import psycopg

    hba = postgres.folder / "data" / "pg_hba.conf"
    hba.write_text("local all adiz trust\nlocal all all scram-sha-256\n")
    with psycopg.connect(postgres.url, autocommit=True) as con:
        con.execute("DROP ROLE IF EXISTS analyst")
        con.execute("CREATE ROLE analyst LOGIN PASSWORD 'correct horse'")
        con.execute(f"GRANT SELECT ON {GEOM_TABLE} TO analyst")
        con.execute("SELECT pg_reload_conf()")
    return postgres.url.replace("adiz@", "analyst@") + f"&table={GEOM_TABLE}"


def test_a_password_from_the_keyring_or_asked_never_kept(analyst) -> None:
    import keyring
    from keyring.backends import fail

    from viewer.io.archive import ArchiveError, credentials

    previous = keyring.get_keyring()
    try:
        keyring.set_keyring(fail.Keyring())
        with pytest.raises(ArchiveError, match=r"asks for a password.*no system keyring"):
            open_archive(analyst)
        asked = []
        with open_archive(analyst, ask_password=lambda p: asked.append(p) or "correct horse") as a:
            assert a.count(Window("2024-05-01T00:00Z", "2024-05-01T06:00Z")) > 0
            assert "correct horse" not in a.source  # shown and saved without it
        assert asked == [f"Password for {credentials.account(analyst)}"]
        with pytest.raises(ArchiveError, match="password authentication failed"):
            open_archive(analyst, ask_password=lambda p: "wrong")
        keyring.set_keyring(MemoryKeyring().backend)
        assert credentials.set_password(analyst, "correct horse") == ""
        with open_archive(analyst) as a:  # the keyring answers, nothing asked
            assert a.info.fixes > 0
    finally:
        keyring.set_keyring(previous)


def test_zone_counts_by_track_ranges_or_by_time_chunks_equal_the_apps(
    postgres, csv_trackset, zones
) -> None:
    """With the README's (track_id, time) index the fixes are read range of tracks by range in
    the index's order; without it, in time chunks with each track's last fix carried."""
    import psycopg

    with psycopg.connect(postgres.url, autocommit=True) as con:
        con.execute(f"DROP TABLE IF EXISTS {GEOM_TABLE}_unindexed")
        con.execute(f"CREATE TABLE {GEOM_TABLE}_unindexed AS SELECT * FROM {GEOM_TABLE}")
        con.execute(f"ANALYZE {GEOM_TABLE}_unindexed")
    with open_archive(f"{postgres.url}&table={GEOM_TABLE}") as indexed:
        ranges = indexed.engine.track_ranges(indexed.schema, 5000)
        assert ranges is not None and len(ranges) > 3
        assert ranges[0].low is None and ranges[-1].high is None
        assert all(a.high == b.low for a, b in itertools.pairwise(ranges))
        by_tracks = indexed.zone_counts(zones, keep_events=True, chunk_fixes=5000)
    with open_archive(f"{postgres.url}&table={GEOM_TABLE}_unindexed") as unindexed:
        assert unindexed.engine.track_ranges(unindexed.schema, 5000) is None
        by_time = unindexed.zone_counts(zones, keep_events=True, chunk_fixes=5000)
    assert by_tracks.chunks == len(ranges) and by_time.chunks > 3
    for counts in (by_tracks, by_time):
        assert_same_counts(counts, csv_trackset, zones)
        assert_same_events(counts.events, csv_trackset, zones)


def test_the_strip_at_once_from_the_tables_statistics(archive, csv_trackset) -> None:
    """Before the exact activity: fixes per hour from pg_stats' histogram of the time column
    (ANALYZE's equal-count buckets spread over their spans), scaled to the estimated rows."""
    estimate = archive.activity_estimate()
    assert estimate is not None and estimate.estimate and (estimate.tracks == -1).all()
    exact = archive.activity()
    assert abs(estimate.total_fixes - exact.total_fixes) <= 0.01 * exact.total_fixes
    assert estimate.bin_start[0] == exact.bin_start[0]
    assert estimate.bin_start[-1] == exact.bin_start[-1]
    # the running totals agree within a few buckets of the histogram (each 1% of the rows)
    hours = np.union1d(estimate.bin_start, exact.bin_start)
    est = np.zeros(len(hours))
    est[np.searchsorted(hours, estimate.bin_start)] = estimate.fixes
    ex = np.zeros(len(hours))
    ex[np.searchsorted(hours, exact.bin_start)] = exact.fixes
    gap = np.abs(np.cumsum(est) - np.cumsum(ex)).max()
    assert gap <= 0.03 * exact.total_fixes, gap


def test_no_strip_from_statistics_a_table_never_analysed(postgres) -> None:
    import psycopg

    with psycopg.connect(postgres.url, autocommit=True) as con:
        con.execute(f"DROP TABLE IF EXISTS {PLAIN_TABLE}_fresh")
        con.execute(f"CREATE TABLE {PLAIN_TABLE}_fresh AS SELECT * FROM {PLAIN_TABLE} LIMIT 40")
    with open_archive(f"{postgres.url}&table={PLAIN_TABLE}_fresh") as fresh:
        assert fresh.activity_estimate() is None
