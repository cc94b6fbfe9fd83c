"""The strip at once from the Parquet statistics (`Archive.activity_estimate`): rows of each row
group spread over its time span; exact where each row group lies within one bin."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from viewer.io.archive import open_archive
from viewer.io.archive.archive import spread_over_bins

H = 3600.0
T0 = 1_714_521_600.0  # 2024-05-01T00:00Z


def test_a_span_is_shared_by_the_hours_it_overlaps_and_the_total_stays_exact() -> None:
    rows = np.array([100, 7, 30])
    first = np.array([T0 + 10 * H, T0 + 12 * H + 60, T0 + 12 * H + 1800])
    last = np.array([T0 + 12 * H, T0 + 12 * H + 600, T0 + 15 * H + 1800])
    got = spread_over_bins(rows, first, last, H)
    assert got.estimate and (got.tracks == -1).all()
    hours = ((got.bin_start - T0) / H).astype(int).tolist()
    assert hours == [10, 11, 12, 13, 14, 15]
    # 100 over 10:00-12:00: 50 and 50 (0 in 12:00's bin); 7 in 12:01-12:10; 30 over 12:30-15:30
    assert got.fixes.tolist() == [50, 50, 7 + 5, 10, 10, 5]
    assert got.total_fixes == 137


def test_hour_files_give_the_exact_fixes_per_hour_without_reading_a_row(archive_files) -> None:
    for kind in ("hive", "by_name"):  # a file an hour: every row group within one hour
        with open_archive(archive_files[kind]) as archive:
            estimate = archive.activity_estimate()
            exact = archive.activity()
        assert estimate is not None
        np.testing.assert_array_equal(estimate.bin_start, exact.bin_start)
        np.testing.assert_array_equal(estimate.fixes, exact.fixes)


def test_day_files_give_the_day_exactly_and_no_estimate_without_statistics(tmp_path) -> None:
    n = 48 * 60
    times = T0 + np.arange(n) * 60.0  # a fix a minute for two days, one file a day
    table = pa.table(
        {
            "time": pa.array((times * 1e6).astype("int64"), pa.timestamp("us", tz="UTC")),
            "icao24": ["abc123"] * n,
            "lat": np.full(n, 24.0),
            "lon": np.linspace(119.0, 123.0, n),
        }
    )
    for day in (0, 1):
        folder = tmp_path / "a" / f"date=2024-05-0{day + 1}"
        folder.mkdir(parents=True)
        pq.write_table(table.slice(day * 1440, 1440), folder / "p.parquet", row_group_size=500)
    with open_archive(tmp_path / "a") as archive:
        estimate = archive.activity_estimate()
        exact = archive.activity()
    assert estimate is not None and estimate.total_fixes == exact.total_fixes == n
    # row groups of 500 minutes: each hour within 1 of the exact 60
    assert len(estimate.fixes) == 48 and np.abs(estimate.fixes - exact.fixes).max() <= 1

    # a time column without statistics: no estimate (the rows must be read)
    folder = tmp_path / "b" / "date=2024-05-01"
    folder.mkdir(parents=True)
    pq.write_table(table.slice(0, 1440), folder / "p.parquet", write_statistics=False)
    with open_archive(tmp_path / "b") as archive:
        assert archive.activity_estimate() is None
        assert archive.activity().total_fixes == 1440
