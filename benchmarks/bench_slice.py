"""Time slicing at display rate: `slice_tracks` (and the trail polylines) at random times.

    .venv/bin/python benchmarks/bench_slice.py [--repeat 500]

Data generated exactly as ``../shared/peer/make_data.py`` does (seed 1): 1,000 x 100 and
10,000 x 100 fixes, 10 s apart, start times spread over 24 h around Taiwan; 1 h trails. Each
query is a random time in the data's span (so consecutive queries are scrubbing jumps, not small
playback steps). Goal (issue 5): slicing a small fraction of the 16 ms frame budget at 1M fixes.
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np
import pandas as pd

from viewer.core.slicing import slice_tracks, time_index
from viewer.core.tracks import TrackSet

FRAME_MS = 1000.0 / 60.0


def make_frame(n_tracks: int, n_fixes: int) -> pd.DataFrame:
    """The peer generator's tracks (same seed and formulas), as a canonical table."""
    rng = np.random.default_rng(1)
    t0 = pd.Timestamp("2021-10-04T00:00:00Z").value // 10**9
    start = t0 + rng.integers(0, 86400 - n_fixes * 10, n_tracks)
    lon0 = rng.uniform(118, 124, n_tracks)
    lat0 = rng.uniform(20, 27, n_tracks)
    hdg = rng.uniform(0, 2 * np.pi, n_tracks)
    step = 0.004
    turn = np.cumsum(rng.normal(0, 0.05, (n_tracks, n_fixes)), axis=1) + hdg[:, None]
    lon = lon0[:, None] + np.cumsum(step * np.cos(turn), axis=1)
    lat = lat0[:, None] + np.cumsum(step * np.sin(turn), axis=1)
    t = start[:, None] + 10 * np.arange(n_fixes)[None, :]
    return pd.DataFrame(
        {
            "track_id": np.repeat([f"T{i:05d}" for i in range(n_tracks)], n_fixes),
            "time": pd.to_datetime(t.ravel(), unit="s", utc=True),
            "lat": lat.ravel().round(5),
            "lon": lon.ravel().round(5),
        }
    )


def percentile(values: list[float], q: float) -> float:
    return sorted(values)[int(q * (len(values) - 1))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=500, help="random times per dataset")
    args = parser.parse_args()
    rng = np.random.default_rng(5)
    trail = 3600.0
    header = (
        f"{'fixes':>9s} {'tracks':>7s} {'live':>5s} {'freeze s':>9s} {'index s':>8s} "
        f"{'slice med ms':>13s} {'p95':>6s} {'+trails med ms':>15s} {'p95':>6s} {'trail pts':>9s}"
    )
    print(header)
    print("-" * len(header))
    worst = 0.0
    for n_tracks, n_fixes in ((1_000, 100), (10_000, 100)):
        frame = make_frame(n_tracks, n_fixes)
        c = time.perf_counter()
        ts = TrackSet.from_frame(frame)
        freeze = time.perf_counter() - c
        c = time.perf_counter()
        time_index(ts)
        build = time.perf_counter() - c
        lo, hi = ts.time_span or (0.0, 0.0)
        queries = rng.uniform(lo, hi, args.repeat)
        slice_ms, both_ms, live, points = [], [], [], []
        for q in queries:
            c = time.perf_counter()
            s = slice_tracks(ts, float(q), trail)
            mid = time.perf_counter()
            lines = s.trails(ts)
            end = time.perf_counter()
            slice_ms.append((mid - c) * 1000)
            both_ms.append((end - c) * 1000)
            live.append(len(s))
            points.append(len(lines.x))
        worst = max(worst, statistics.median(both_ms))
        print(
            f"{ts.n_fixes:9,d} {ts.n_tracks:7,d} {statistics.median(live):5.0f} {freeze:9.2f} "
            f"{build:8.3f} {statistics.median(slice_ms):13.3f} {percentile(slice_ms, 0.95):6.3f} "
            f"{statistics.median(both_ms):15.3f} {percentile(both_ms, 0.95):6.3f} "
            f"{statistics.median(points):9.0f}"
        )
    print(
        f"\nslice + trail polylines at 1M fixes: {worst:.2f} ms median = "
        f"{100 * worst / FRAME_MS:.1f}% of the {FRAME_MS:.1f} ms frame budget"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
