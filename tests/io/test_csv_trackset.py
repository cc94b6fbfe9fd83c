"""The clean-CSV freeze (`viewer.io.csv_trackset`) gives the TrackSet and the report the
canonical table's way gives, and declines, report untouched, whatever it cannot prove clean."""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.core.projection import Projection
from viewer.core.tracks import TrackSet
from viewer.io import csv_trackset
from viewer.io.csv_reader import parse_csv
from viewer.io.csv_trackset import clean_trackset
from viewer.io.registry import ReadOptions, load_trackset
from viewer.io.report import UnitsUnsure

ARRAYS = ("offsets", "t", "lon", "lat", "x", "y", "alt_m", "speed_kt", "heading_deg", "counts")
TEXTS = ("ids", "kinds", "callsigns", "labels", "sides")


def the_table_way(path, options=None, projection=None):
    """`load_trackset` with the clean-CSV freeze switched off: the canonical table's way."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(csv_trackset, "clean_trackset", lambda *args, **kwargs: None)
        return load_trackset(path, projection, options)


def assert_same(fast: TrackSet, slow: TrackSet) -> None:
    for name in ARRAYS:
        np.testing.assert_array_equal(getattr(fast, name), getattr(slow, name), err_msg=name)
        assert getattr(fast, name).dtype == getattr(slow, name).dtype, name
    for name in TEXTS:
        assert list(getattr(fast, name)) == list(getattr(slow, name)), name
    assert (fast.name, fast.traced, fast.projection) == (slow.name, slow.traced, slow.projection)


def report_fields(report) -> dict:
    return dataclasses.asdict(report)


ids = st.lists(
    st.sampled_from(["A", "B7", "CCG 2901", "J-16 #3", "T00001", "Z", "ä1"]),
    min_size=1,
    max_size=5,
    unique=True,
)


@st.composite
def clean_files(draw):
    names = sorted(draw(ids))
    extra = draw(
        st.sets(
            st.sampled_from(
                ["type", "altitude_ft", "alt", "speed_kmh", "heading", "callsign", "side", "count"]
            )
        )
    )
    offset = draw(st.sampled_from(["Z", "+08:00", "-03:30"]))
    rows = []
    for name in names:
        start = draw(st.integers(0, 3000))
        steps = draw(st.lists(st.integers(1, 600), min_size=1, max_size=6))
        times = start + np.cumsum(steps)
        for i, t in enumerate(times):
            stamp = pd.Timestamp("2021-10-04T00:00:00") + pd.Timedelta(seconds=int(t))
            row = {
                "id": name,
                "time": stamp.strftime("%Y-%m-%dT%H:%M:%S") + offset,
                "lat": draw(st.floats(-89.9, 89.9)),
                "lon": draw(st.floats(-179.9, 179.9)),
            }
            if "type" in extra:
                row["type"] = draw(st.sampled_from(["J-16", "Y-8", "CCG", "", "Hai Xun 06"]))
            if "altitude_ft" in extra:
                row["altitude_ft"] = draw(st.sampled_from([0, 15000, 31000, ""]))
            if "alt" in extra:  # unit not said: judged from the values
                row["alt"] = draw(st.sampled_from([120.5, 9000, ""]))
            if "speed_kmh" in extra:
                row["speed_kmh"] = draw(st.floats(0, 2000))
            if "heading" in extra:
                row["heading"] = draw(st.integers(0, 359))
            if "callsign" in extra:
                row["callsign"] = draw(st.sampled_from(["", "CHAOS11", "RCH 41"])) if i else "X"
            if "side" in extra:
                row["side"] = draw(st.sampled_from(["PLA", "ROC", ""]))
            if "count" in extra:
                row["count"] = draw(st.sampled_from([1, 2, 4, 0, ""]))
            rows.append(row)
    return pd.DataFrame(rows)


@settings(max_examples=120, deadline=None)
@given(frame=clean_files())
def test_a_clean_file_freezes_as_the_table_way_does(tmp_path_factory, frame):
    path = tmp_path_factory.mktemp("clean") / "tracks.csv"
    frame.to_csv(path, index=False)
    projection = Projection.default()
    parsed = parse_csv(path, ReadOptions())
    assert clean_trackset(parsed, ReadOptions(), projection, path.name) is not None  # taken
    fast, fast_report = load_trackset(path, projection)
    slow, slow_report = the_table_way(path, projection=projection)
    assert_same(fast, slow)
    assert report_fields(fast_report) == report_fields(slow_report)


def write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


HEADER = "id,time,lat,lon,type\n"


def rows(*cells: str) -> str:
    """CSV rows of 'id time lat lon type', each with defaults for what it leaves out."""
    out = []
    for text in cells:
        parts = text.split(" ") if text else []
        defaults = ["A", "2021-10-04T00:00:00Z", "22.5", "120.25", "J-16"]
        out.append(",".join([*parts, *defaults[len(parts) :]]))
    return HEADER + "\n".join(out) + "\n"


T0, T1 = "2021-10-04T00:00:00Z", "2021-10-04T00:01:00Z"
UNCLEAN = {
    "unsorted times": rows(f"A {T1}", f"A {T0}"),
    "a duplicate fix": rows(f"A {T0}", f"A {T0}"),
    "one id in two runs": rows(f"A {T0}", f"B {T0}", f"A {T1}"),
    "ids out of text order": rows(f"B {T0}", f"A {T0}"),
    "ids equal once stripped": HEADER + f"A,{T0},22.5,120.25,J-16\n A,{T1},22.5,120.25,J-16\n",
    "a blank id": HEADER + f",{T0},22.5,120.25,J-16\nA,{T0},22.5,120.25,J-16\n",
    "an id 'nan'": rows(f"nan {T0}"),
    "an id '<NA>'": rows(f"<NA> {T0}", f"B {T0}"),
    "an id of blanks": HEADER + f"   ,{T0},22.5,120.25,J-16\nB,{T0},22.5,120.25,J-16\n",
    "latitude out of range": rows(f"A {T0} 95.5"),
    "a longitude over 180": rows(f"A {T0} 22.5 200.5"),
    "an empty coordinate": HEADER + f"A,{T0},,120.25,J-16\nA,{T1},22.5,120.25,J-16\n",
    "an empty time": HEADER + f"A,,22.5,120.25,J-16\nA,{T0},22.5,120.25,J-16\n",
    "a year out of range": rows("A 1850-10-04T00:00:00Z", f"A {T0}"),
    "epoch times": rows("A 1633305600"),
    "a row with too many cells": rows(f"A {T0} 22.5 120.25 J-16 extra", f"A {T1}"),
    "decimal commas": f"id;time;lat;lon\nA;{T0};22,5;120,25\n",
    "a date and a time column": "id,date,time,lat,lon\nA,2021-10-04,00:00:00Z,22.5,120.25\n",
    "text in the altitude": f"id,time,lat,lon,alt_m\nA,{T0},22.5,120.25,high\n",
}


def test_numeric_looking_ids_are_text_and_keep_their_zeros(tmp_path):
    # ICAO addresses and MMSIs are identifiers, not numbers: '001234' stays '001234'
    path = write(tmp_path, "ids.csv", rows(f"001234 {T0}", f"416000123 {T0}", f"416000123 {T1}"))
    parsed = parse_csv(path, ReadOptions())
    fast = clean_trackset(parsed, ReadOptions(), Projection.default(), path.name)
    assert fast is not None and list(fast.ids) == ["001234", "416000123"]
    assert_same(fast, the_table_way(path)[0])


def test_the_rows_the_cases_spoil_are_clean_themselves(tmp_path):
    # so each case below is declined for what it spoils, not for its defaults
    path = write(
        tmp_path, "clean.csv", rows(f"A {T0}", f"A {T1}", f"B {T0}", "C 2021-10-04T00:00:00+08:00")
    )
    parsed = parse_csv(path, ReadOptions())
    assert clean_trackset(parsed, ReadOptions(), Projection.default()) is not None


def test_whole_degrees_read_as_integers_are_clean(tmp_path):
    path = write(tmp_path, "whole.csv", HEADER + f"A,{T0},22,120,J-16\nA,{T1},23,121,J-16\n")
    parsed = parse_csv(path, ReadOptions())
    fast = clean_trackset(parsed, ReadOptions(), Projection.default(), path.name)
    assert fast is not None and fast.lat.dtype == np.float64
    assert_same(fast, the_table_way(path)[0])


@pytest.mark.parametrize("case", sorted(UNCLEAN))
def test_whatever_needs_repair_takes_the_table_way_with_the_report_untouched(tmp_path, case):
    path = write(tmp_path, "tracks.csv", UNCLEAN[case])
    projection = Projection.default()
    parsed = parse_csv(path, ReadOptions())
    before = report_fields(parsed.report)
    assert clean_trackset(parsed, ReadOptions(), projection, path.name) is None
    assert report_fields(parsed.report) == before
    try:
        slow, slow_report = the_table_way(path, projection=projection)
    except Exception as exc:  # e.g. no usable fixes: the same error either way
        with pytest.raises(type(exc)):
            load_trackset(path, projection)
        return
    fast, fast_report = load_trackset(path, projection)
    assert_same(fast, slow)
    assert report_fields(fast_report) == report_fields(slow_report)


def test_naive_times_take_the_table_way_and_ask_for_the_zone(tmp_path):
    path = write(tmp_path, "naive.csv", rows("A 2021-10-04T08:00:00"))
    assert (
        clean_trackset(parse_csv(path, ReadOptions()), ReadOptions(), Projection.default()) is None
    )
    ts, _ = load_trackset(path, options=ReadOptions(tz="Asia/Taipei"))
    assert ts.t[0] == pd.Timestamp("2021-10-04T00:00:00Z").timestamp()


def test_a_guessed_unit_is_asked_about_on_the_clean_way_too(tmp_path):
    body = "".join(f"A,2021-10-04T00:0{i}:00Z,22,120,{a}\n" for i, a in enumerate([9000, 31000]))
    path = write(tmp_path, "alt.csv", "id,time,lat,lon,alt\n" + body)
    with pytest.raises(UnitsUnsure):
        load_trackset(path, options=ReadOptions(confirm_units=True))
    confirmed = ReadOptions(altitude_unit="ft", confirmed_units=("alt_m",))
    ts, report = load_trackset(path, options=confirmed)
    assert ts.alt_m[1] == pytest.approx(31000 * 0.3048, rel=1e-6)
    assert any("confirmed by user" in n for n in report.notices)


def test_the_trackset_owns_its_arrays(tmp_path):
    path = write(tmp_path, "one.csv", rows(f"A {T0}"))
    ts, _ = load_trackset(path)
    for name in ("lon", "lat", "x", "y", "t"):  # not read-only views of Arrow's buffers
        assert getattr(ts, name).flags.writeable, name
