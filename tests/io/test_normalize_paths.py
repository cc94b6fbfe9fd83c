"""The shortcuts of the canonical-table step agree with the long way round: run-based
factorising with `pandas.factorize`, bounds told by min/max with the element-wise mask, and a
clean file's rows with the same rows read next to a bad one."""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.io.normalize import MAX_YEAR, MIN_YEAR, _bounded, _factorize
from viewer.io.registry import read_tracks

texts = st.lists(st.one_of(st.none(), st.sampled_from(["a", "b", "", " a", "ä", "T01"])))


@settings(max_examples=300, deadline=None)
@given(values=texts, cuts=st.lists(st.integers(0, 60), max_size=4))
def test_run_factorising_equals_pandas_factorize(values, cuts):
    # as the reader hands it over: pyarrow-backed text in chunks (one per parsed block)
    bounds = sorted({0, len(values), *(c for c in cuts if c < len(values))})
    chunks = [pa.array(values[a:b], type=pa.string()) for a, b in itertools.pairwise(bounds)]
    chunked = pa.chunked_array(chunks, type=pa.string())
    series = pa.table({"v": chunked}).to_pandas()["v"]
    assert str(series.dtype) == "str"
    codes, uniques = _factorize(series)
    want_codes, want_uniques = pd.factorize(series)
    np.testing.assert_array_equal(codes, want_codes)
    assert list(uniques) == list(want_uniques)


years = st.integers(1000, 2500)


@settings(max_examples=200, deadline=None)
@given(
    years=st.lists(st.one_of(st.none(), years), min_size=1, max_size=8),
    aware=st.booleans(),
    unit=st.sampled_from(["s", "ms", "us"]),
)
def test_time_bounds_by_min_and_max_equal_the_mask(years, aware, unit):
    text = [None if y is None else f"{y:04d}-06-01T12:00:00" for y in years]
    values = pd.Series(pd.to_datetime(text, format="ISO8601").as_unit(unit))
    if aware:
        values = values.dt.tz_localize("UTC")
    got = _bounded(values)
    inside = [y is not None and MIN_YEAR <= y < MAX_YEAR for y in years]
    assert got.isna().tolist() == [not ok for ok in inside]
    tz = "UTC" if aware else None
    good = [y for y, ok in zip(years, inside, strict=True) if ok]
    want = [pd.Timestamp(f"{y:04d}-06-01T12:00:00", tz=tz) for y in good]
    assert [v for v, ok in zip(got, inside, strict=True) if ok] == want
    assert str(got.dtype) == ("datetime64[ns, UTC]" if aware else "datetime64[ns]")


@settings(max_examples=60, deadline=None)
@given(
    lats=st.lists(st.floats(-89.0, 89.0), min_size=2, max_size=12),
    bad=st.sampled_from(["95.0", "", "abc", "nan"]),
    where=st.integers(0, 11),
)
def test_a_clean_files_rows_read_as_they_do_beside_a_bad_row(tmp_path_factory, lats, bad, where):
    lines = [
        f"{'A' if i % 3 else 'B'},2021-10-04T00:{i:02d}:00Z,{lat!r},121.5"
        for i, lat in enumerate(lats)
    ]
    folder = tmp_path_factory.mktemp("csv")
    clean = folder / "clean.csv"
    clean.write_text("id,time,lat,lon\n" + "\n".join(lines) + "\n")
    spoiled = folder / "spoiled.csv"
    at = where % (len(lines) + 1)
    bad_line = f"A,2021-10-04T01:00:00Z,{bad},121.5"
    spoiled.write_text("id,time,lat,lon\n" + "\n".join([*lines[:at], bad_line, *lines[at:]]) + "\n")
    fast = read_tracks(clean)  # every row passes: checked by min and max only
    slow = read_tracks(spoiled)  # a row fails: checked row by row
    assert not fast.report.skipped
    assert [r.line for r in slow.report.skipped] == [at + 2]
    # equal values (the categories' order differs: it counts the dropped row's id)
    pd.testing.assert_frame_equal(fast.frame, slow.frame, check_categorical=False)
