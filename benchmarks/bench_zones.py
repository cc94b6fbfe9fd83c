"""Zone events for 1,000,000 fixes against every bundled zone (issue 15 goal: at most 2 s).

    .venv/bin/python benchmarks/bench_zones.py [--fixes 1000000] [--runs 3]

Data: ../shared/peer/make_data.py's generator (fixes 10 s apart, 4 Oct 2021). Zones: the
catalog's analysis zones (Taiwan and China ADIZs, Senkaku 12/24 nmi, the median line, 12
exercise zones, not in force that day). Baseline in the same run: a bare shapely.contains_xy
of every fix against every area zone (what finding entries from the fixes alone costs). Events
come from the segments between fixes (`viewer.core.crossings`); the first run includes
projecting the zones and building their boundary index, later runs reuse them.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PEER = Path(__file__).resolve().parents[2] / "shared" / "peer" / "make_data.py"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fixes", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    import shapely

    from viewer.core.catalog import load_catalog
    from viewer.core.zones import AREA, compute_zone_events
    from viewer.io.registry import load_trackset

    zones = load_catalog().analysis_zones()
    with tempfile.TemporaryDirectory() as tmp:
        csv = Path(tmp) / "f.csv"
        subprocess.run(
            [sys.executable, str(PEER), str(max(1, args.fixes // 100)), "100", str(csv)],
            check=True,
            capture_output=True,
        )
        ts, _ = load_trackset(csv)
    bare_runs, full_runs = [], []
    for _ in range(max(args.runs, 1)):
        t = time.perf_counter()
        for z in zones:
            if z.kind == AREA:
                shapely.contains_xy(z.geometry, ts.lon, ts.lat)
        bare_runs.append(time.perf_counter() - t)
        t = time.perf_counter()
        events = compute_zone_events(ts, zones)
        full_runs.append(time.perf_counter() - t)
    print(
        f"{ts.n_fixes:,} fixes, {ts.n_tracks:,} tracks, {len(zones)} zones: {len(events):,} events"
    )
    bare, full, first = min(bare_runs), min(full_runs), full_runs[0]
    print(f"{'bare contains_xy of every fix, every area':44s} {bare:7.2f} s")
    print(
        f"{'compute_zone_events (segments, every zone)':44s} {full:7.2f} s  "
        f"({full / bare:.2f}x the bare test; first run {first:.2f} s)"
    )
    print(f"goal at most 2 s: {'met' if first <= 2 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
