"""Loading a track CSV into a replayable TrackSet, against a bare pandas.read_csv of the same file.

    .venv/bin/python benchmarks/bench_load.py [--fixes 1000000]

Data: ../shared/peer/make_data.py's generator (the file QGIS 3.22 needs ~13 s to load as a
temporal layer), written to a temporary folder. Each step is timed best-of-3 in this process.
Goals (issue 4): under 2 s for 1,000,000 fixes; TrackSet memory at most 64 bytes per fix.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PEER = Path(__file__).resolve().parents[2] / "shared" / "peer" / "make_data.py"


def best_of(n, fn):
    times, result = [], None
    for _ in range(n):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return min(times), result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fixes", type=int, default=1_000_000)
    args = parser.parse_args()
    import pandas as pd

    from viewer.io.registry import load_trackset

    tracks = max(1, args.fixes // 100)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "fixes.csv"
        subprocess.run(
            [sys.executable, str(PEER), str(tracks), "100", str(path)],
            check=True,
            capture_output=True,
        )
        mb = path.stat().st_size / 1e6
        t_bare, _ = best_of(3, lambda: pd.read_csv(path))
        t_dates, _ = best_of(3, lambda: pd.read_csv(path, parse_dates=["time"]))
        t_load, (ts, _) = best_of(3, lambda: load_trackset(path))
    per_fix = ts.nbytes / ts.n_fixes
    print(f"file: {ts.n_fixes:,} fixes, {ts.n_tracks:,} tracks, {mb:.0f} MB")
    print(f"{'step':44s} {'seconds':>8s} {'ratio':>6s}")
    print(f"{'pandas.read_csv (bare)':44s} {t_bare:8.3f} {1.0:6.2f}")
    print(f"{'pandas.read_csv, parse_dates=[time]':44s} {t_dates:8.3f} {t_dates / t_bare:6.2f}")
    print(
        f"{'ADIZ Viewer load_trackset (read+check+freeze)':44s} {t_load:8.3f} "
        f"{t_load / t_bare:6.2f}"
    )
    print(
        f"TrackSet memory: {per_fix:.1f} bytes per fix (goal <= 64), plus {ts.n_tracks:,} track ids"
    )
    print(
        f"goal under 2 s: {'met' if t_load < 2.0 else 'NOT met'}; QGIS 3.22 on the same file: "
        f"~13 s (DEVELOPERS.md) -> {13.0 / t_load:.0f}x faster"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
