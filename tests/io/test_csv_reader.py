"""CSV: column detection, units, time zones, awkward files, line numbers of skipped rows."""

import numpy as np
import pandas as pd
import pytest

from viewer.core.constants import ALT_M, FT_IN_M, KIND, LAT, LON, SPEED_KT, TIME, TRACK_ID
from viewer.io.registry import ReadOptions, load_trackset, read_tracks
from viewer.io.report import TimeZoneRequired, TrackImportError


def test_pandas_written_csv_round_trips_values(tmp_path):
    df = pd.DataFrame(
        {
            "callsign": ["AAA", "AAA", "BBB"],
            "timestamp": [
                "2021-10-04T08:00:00+08:00",
                "2021-10-04T00:01:00Z",
                "2021-10-04T00:00:30Z",
            ],
            "latitude": [22.5, 22.6, 21.0],
            "longitude": [120.1, 120.2, 121.5],
            "altitude_ft": [10000, 20000, 30000],
            "speed_kmh": [740.8, 740.8, 0],
            "type": ["J-16", "J-16", "H-6K"],
        }
    )
    path = tmp_path / "sorties.csv"
    df.to_csv(path, index=False)
    result = read_tracks(path)
    out = result.frame
    assert list(out[TRACK_ID]) == ["AAA", "AAA", "BBB"]
    assert out[TIME].iloc[0] == pd.Timestamp("2021-10-04T00:00:00Z")  # +08:00 converted
    assert out[ALT_M].iloc[1] == pytest.approx(20000 * FT_IN_M)
    assert out[SPEED_KT].iloc[0] == pytest.approx(400.0, rel=1e-3)  # 740.8 km/h = 400 kt
    assert list(out[KIND]) == ["fighter", "fighter", "bomber"]
    assert result.report.tracks == 2 and result.report.fixes == 3


def test_naive_times_need_a_declared_zone(write):
    path = write("naive.csv", "id,time,lat,lon\nA,2021-10-04 08:00:00,22,120\n")
    with pytest.raises(TimeZoneRequired, match="no time zone"):
        read_tracks(path)
    out = read_tracks(path, ReadOptions(tz="Asia/Taipei")).frame
    assert out[TIME].iloc[0] == pd.Timestamp("2021-10-04T00:00:00Z")
    with pytest.raises(TrackImportError, match="unknown time zone"):
        read_tracks(path, ReadOptions(tz="Mars/Olympus"))


def test_epoch_seconds_and_milliseconds(write):
    s = write("s.csv", "id,time,lat,lon\nA,1633305600,22,120\n")
    ms = write("ms.csv", "id,time,lat,lon\nA,1633305600000,22,120\n")
    for path in (s, ms):
        assert read_tracks(path).frame[TIME].iloc[0] == pd.Timestamp("2021-10-04T00:00:00Z")


def test_bom_crlf_semicolons_and_decimal_commas(write):
    text = (
        "\ufeffid;time;lat;lon\r\n"
        "A;2021-10-04T00:00:00Z;22,5;120,25\r\n"
        "A;2021-10-04T00:01:00Z;22,75;120,5\r\n"
    )
    out = read_tracks(write("eu.csv", text)).frame
    np.testing.assert_allclose(out[LAT], [22.5, 22.75])
    np.testing.assert_allclose(out[LON], [120.25, 120.5])


def test_tab_separated(write):
    path = write("t.tsv", "track\ttime\tlat\tlon\nA\t2021-10-04T00:00:00Z\t22\t120\n")
    assert read_tracks(path).frame[LAT].iloc[0] == 22


def test_skipped_rows_have_their_file_line_and_reason(write):
    text = (
        "id,time,lat,lon\n"
        "A,2021-10-04T00:00:00Z,22,120\n"
        "\n"  # line 3: blank (not data)
        "A,not a time,22,120\n"  # line 4
        "A,2021-10-04T00:02:00Z,95,120\n"  # line 5
        "A,2021-10-04T00:03:00Z,,120\n"  # line 6
        "A,2021-10-04T00:04:00Z,22,120\n"
    )
    report = read_tracks(write("bad.csv", text)).report
    got = {(r.line, r.reason.split(" (")[0].split(";")[0]) for r in report.skipped}
    assert got == {
        (4, "bad or empty time"),
        (5, "latitude out of range"),
        (6, "empty or non-numeric coordinates"),
    }
    assert report.fixes == 2
    assert "got '95" in report.summary()


def test_unsorted_and_duplicate_fixes_are_fixed_and_reported(write):
    text = (
        "id,time,lat,lon\n"
        "A,2021-10-04T00:02:00Z,22.2,120\n"
        "A,2021-10-04T00:00:00Z,22.0,120\n"
        "A,2021-10-04T00:01:00Z,22.1,120\n"
        "A,2021-10-04T00:01:00Z,22.1,120\n"
    )
    result = read_tracks(write("u.csv", text))
    np.testing.assert_allclose(result.frame[LAT], [22.0, 22.1, 22.2])
    warnings = " ".join(result.report.warnings)
    assert "1 duplicate" in warnings and "sorted" in warnings


def test_antimeridian_track_keeps_its_longitudes(write):
    text = (
        "id,time,lat,lon\n"
        "A,2021-10-04T00:00:00Z,10,179.5\n"
        "A,2021-10-04T00:01:00Z,10,-179.5\n"
        "A,2021-10-04T00:02:00Z,10,180.5\n"
    )
    ts, report = load_trackset(write("am.csv", text))
    np.testing.assert_allclose(ts.lon, [179.5, -179.5, -179.5])
    assert any("minus 360" in w for w in report.warnings)


def test_missing_columns_name_what_was_found_and_expected(write):
    with pytest.raises(TrackImportError) as err:
        read_tracks(write("x.csv", "a,b\n1,2\n"))
    assert "['a', 'b']" in str(err.value) and "lat/latitude" in str(err.value)
    assert err.value.line == 1


def test_column_map_overrides_detection(write):
    path = write("odd.csv", "when_seen,north,east,who\n2021-10-04T00:00:00Z,22,120,A\n")
    opts = ReadOptions(
        column_map={"time": "when_seen", "lat": "north", "lon": "east", "track_id": "who"}
    )
    out = read_tracks(path, opts).frame
    assert out[TRACK_ID].iloc[0] == "A" and out[LON].iloc[0] == 120


def test_date_and_time_in_separate_columns(write):
    path = write("dt.csv", "id,date,time,lat,lon\nA,2021-10-04,08:30:00,22,120\n")
    out = read_tracks(path, ReadOptions(tz="Asia/Taipei")).frame
    assert out[TIME].iloc[0] == pd.Timestamp("2021-10-04T00:30:00Z")


def test_cancel_stops_the_load(write):
    from viewer.io.report import ImportCancelled

    path = write("c.csv", "id,time,lat,lon\n" + "A,2021-10-04T00:00:00Z,22,120\n" * 10)
    with pytest.raises(ImportCancelled):
        read_tracks(path, cancel=lambda: True)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"\x7fELF\x02\x01\x01\x00\x00\x00" * 50, "binary"),
        (b"just one line without delimiters\n", "no delimiter"),
    ],
)
def test_unreadable_csv_gives_one_clear_error(write, content, message):
    with pytest.raises(TrackImportError, match=message):
        read_tracks(write("bad.csv", content))


def test_rows_with_the_wrong_number_of_cells_are_reported_with_their_line(write):
    text = (
        "id,time,lat,lon\nA,2021-10-04T00:00:00Z,22,120\nA,2021-10-04T00:01:00Z\n"
        "A,2021-10-04T00:02:00Z,22,120.2\n"
    )
    report = read_tracks(write("short.csv", text)).report
    assert [(r.line, r.reason) for r in report.skipped] == [(3, "expected 4 columns, found 2")]
    assert report.fixes == 2


def test_repeated_header_names_are_renamed_not_fatal(write):
    # found by the coverage-guided fuzzer (benchmarks/fuzz_atheris.py)
    text = "id,time,lat,lon,note,note\nA,2021-10-04T00:00:00Z,22,120,a,b\n"
    result = read_tracks(write("dup.csv", text))
    assert result.report.fixes == 1
    assert any("repeats ['note']" in w for w in result.report.warnings)


def test_old_mac_line_endings_keep_line_numbers(write):
    # a lone CR ends a line (found by the coverage-guided fuzzer)
    text = "id,time,lat,lon\rA,2021-10-04T00:00:00Z,22,120\rA,2021-10-04T00:01:00Z,95,120\r"
    report = read_tracks(write("mac.csv", text)).report
    assert [r.line for r in report.skipped] == [3]


def _rows(n, start=0):
    return [
        f"A,2021-10-04T00:{(start + i) // 60:02d}:{(start + i) % 60:02d}Z,22,120" for i in range(n)
    ]


def test_line_numbers_hold_across_blocks_blank_lines_and_short_rows(write, monkeypatch):
    from viewer.io import csv_reader

    monkeypatch.setattr(csv_reader, "BLOCK_SIZE", 300)  # about ten rows per block
    monkeypatch.setattr(csv_reader, "THREAD_BLOCK_SIZE", 100)
    lines = ["id,time,lat,lon", *_rows(200)]
    lines[40] = ""  # line 41: blank
    lines[60] = "A,2021-10-04T00:59:59Z"  # line 61: too few cells
    lines[120] = lines[120].replace(",22,", ",95,")  # line 121: latitude out of range
    lines[180] = lines[180].replace(",22,", ",,")  # line 181: no latitude
    report = read_tracks(write("blocks.csv", "\r\n".join(lines) + "\r\n")).report
    got = [(r.line, r.reason.split(" (")[0].split(";")[0]) for r in report.skipped]
    assert got == [
        (61, "expected 4 columns, found 2"),
        (121, "latitude out of range"),
        (181, "empty or non-numeric coordinates"),
    ]
    assert report.fixes == 200 - 4 and report.rows_read == 200 - 2


def test_a_column_that_turns_to_text_in_a_later_block_is_still_read(write, monkeypatch):
    from viewer.io import csv_reader

    monkeypatch.setattr(csv_reader, "BLOCK_SIZE", 300)
    monkeypatch.setattr(csv_reader, "THREAD_BLOCK_SIZE", 100)
    lines = ["id,time,lat,lon", *_rows(100)]
    lines[90] = lines[90].replace(",22,", ",north,")  # line 91, blocks after the first
    result = read_tracks(write("late.csv", "\n".join(lines) + "\n"))
    assert [(r.line, r.reason.split(";")[0]) for r in result.report.skipped] == [
        (91, "empty or non-numeric coordinates")
    ]
    assert len(result.frame) == 99 and result.frame[LAT].dtype == np.float64


def test_blank_lines_before_a_short_row_do_not_shift_its_line(write):
    text = "id,time,lat,lon\n\n\nA,2021-10-04T00:00:00Z,22,120\nA,oops\n"
    report = read_tracks(write("gaps.csv", text)).report
    assert [r.line for r in report.skipped] == [5]


def test_track_ids_in_runs_interleaved_blank_and_missing(write):
    # ids are hashed once per run of equal neighbours: a track seen again later is the same track
    text = (
        "id,time,lat,lon,type\n"
        "B,2021-10-04T00:00:00Z,22,120,J-16\n"
        "B,2021-10-04T00:01:00Z,22,120,J-16\n"
        "A,2021-10-04T00:00:00Z,22,120,H-6K\n"
        ",2021-10-04T00:01:00Z,22,120,\n"
        "B,2021-10-04T00:02:00Z,22,120,\n"
        " A,2021-10-04T00:02:00Z,22,120,H-6K\n"
    )
    result = read_tracks(write("runs.csv", text))
    out = result.frame
    assert list(out[TRACK_ID]) == ["B", "B", "B", "A", "A"]
    assert list(out[KIND]) == ["fighter", "fighter", "unknown", "bomber", "bomber"]
    assert [r.line for r in result.report.skipped] == [5]
    assert result.report.tracks == 2


def test_numeric_track_ids_lose_a_trailing_zero_and_keep_a_fraction(write):
    # found by the coverage-guided fuzzer: a fractional id made the '.0' removal raise
    text = (
        "id,time,lat,lon\n"
        "412000001,2021-10-04T00:00:00Z,22,120\n"
        "2.5,2021-10-04T00:00:00Z,22,120\n"
        ",2021-10-04T00:01:00Z,22,120\n"
    )
    result = read_tracks(write("ids.csv", text))
    assert list(result.frame[TRACK_ID]) == ["412000001", "2.5"]
    assert [r.line for r in result.report.skipped] == [4]


def test_progress_rises_block_by_block_and_cancel_is_asked_before_each(write, monkeypatch):
    from viewer.io import csv_reader
    from viewer.io.report import ImportCancelled

    monkeypatch.setattr(csv_reader, "BLOCK_SIZE", 400)
    monkeypatch.setattr(csv_reader, "THREAD_BLOCK_SIZE", 100)
    path = write("p.csv", "\n".join(["id,time,lat,lon", *_rows(100)]) + "\n")
    seen, asked = [], []
    read_tracks(path, progress=seen.append, cancel=lambda: asked.append(1) or False)
    assert len(asked) >= 8  # one check per block of about ten rows
    assert seen == sorted(seen) and seen[-1] == 1.0 and len(seen) == len(asked) + 1
    with pytest.raises(ImportCancelled):
        read_tracks(path, cancel=lambda: len(asked) > 10 or bool(asked.append(1)))
