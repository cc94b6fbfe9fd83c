"""Absurd sizes (issue 9): a million points in one track, a million one-point tracks, and a
load cancelled part-way through a large file."""

import numpy as np
import pandas as pd
import pytest

from viewer.core.slicing import slice_tracks
from viewer.io.registry import load_trackset, read_tracks
from viewer.io.report import ImportCancelled

pytestmark = pytest.mark.slow
N = 1_000_000


def _write(path, ids, seconds):
    rng = np.random.default_rng(0)
    t = pd.to_datetime(1633305600 + seconds, unit="s", utc=True).strftime("%Y-%m-%dT%H:%M:%SZ")
    pd.DataFrame(
        {
            "id": ids,
            "time": t,
            "lat": rng.uniform(20, 28, len(ids)),
            "lon": rng.uniform(117, 125, len(ids)),
        }
    ).to_csv(path, index=False)


def test_a_million_points_in_one_track(tmp_path):
    path = tmp_path / "one.csv"
    _write(path, np.full(N, "LONG"), np.arange(N))
    ts, _ = load_trackset(path)
    assert (ts.n_tracks, ts.n_fixes) == (1, N)
    sl = slice_tracks(ts, float(ts.t[N // 2]) + 0.5, 3600.0)
    assert len(sl) == 1 and sl.head_index[0] == N // 2


def test_a_million_one_point_tracks(tmp_path):
    path = tmp_path / "many.csv"
    _write(path, np.char.add("T", np.arange(N).astype(str)), np.zeros(N, dtype=np.int64))
    ts, _ = load_trackset(path)
    assert (ts.n_tracks, ts.n_fixes) == (N, N)
    assert len(slice_tracks(ts, float(ts.t[0]), 0.0)) == N


def test_cancel_part_way_through_a_large_file(tmp_path):
    path = tmp_path / "big.csv"
    _write(
        path,
        np.repeat(np.char.add("T", np.arange(N // 100).astype(str)), 100),
        np.tile(np.arange(100) * 10, N // 100),
    )
    calls = []

    def cancel():
        calls.append(1)
        return len(calls) > 2  # after the first blocks have been read

    with pytest.raises(ImportCancelled):
        read_tracks(path, cancel=cancel)
    assert len(calls) == 3
